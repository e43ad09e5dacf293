package cn.henan.skills.identity;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Profile {@code keycloak}: who may come in.
 * <ul>
 * <li>{@code /engine-rest/**} and {@code /api/**}: a bearer token of the realm (signature from the realm's keys,
 * issuer, audience {@code skills-henan}, expiry); a bad one is answered 401 here, none at all is left to the app's
 * own filters (Camunda's REST authentication, {@link ApiAuthenticationFilter}), which then answer 401 too.</li>
 * <li>Tasklist, Cockpit, Admin ({@code /camunda/**}): OIDC sign-in at Keycloak (authorization code, confidential
 * client), then Camunda's container-based authentication takes the person from it
 * ({@link OidcWebappAuthenticationProvider}). Signing out in a webapp, or at {@code /logout}, ends the app's session
 * and the Keycloak session and lands on {@link SignedOutPage}.</li>
 * </ul>
 * Nothing else passes through Spring Security's filters; the headers and CSRF protection stay the app's and Camunda's
 * own, as in the default profile.
 */
@Configuration(proxyBeanMethods = false)
@Profile("keycloak")
@EnableWebSecurity
class KeycloakSecurityConfiguration {
  static final String REGISTRATION = "keycloak";
  private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

  /** Spring Boot's registration of the filter chain is off (SkillsHenanApplication); this is the same, by hand. */
  @Bean
  DelegatingFilterProxyRegistrationBean springSecurityFilterChainRegistration() {
    DelegatingFilterProxyRegistrationBean registration =
        new DelegatingFilterProxyRegistrationBean("springSecurityFilterChain");
    registration.setOrder(-100);
    registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
    return registration;
  }

  @Bean
  @Order(1)
  SecurityFilterChain apis(HttpSecurity http, JwtDecoder jwtDecoder, KeycloakHealth health) throws Exception {
    BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    bearer.setRealmName("skills-henan");
    AuthenticationEntryPoint refused = (request, response, e) -> {
      if (e instanceof AuthenticationServiceException && !health.available()) {
        answer(response, 503, "application/json", "{\"type\":\"IdentityUnavailable\",\"message\":\""
            + KeycloakHealth.UNAVAILABLE + "\"}");
        return;
      }
      bearer.commence(request, response, e);
      answer(response, 401, "application/json",
          "{\"type\":\"Unauthorized\",\"message\":\"登录凭据无效或已过期，请重新登录后再试。\"}");
    };
    http.securityMatcher(new OrRequestMatcher(PATHS.matcher("/engine-rest/**"), PATHS.matcher("/api/**")))
        .csrf(AbstractHttpConfigurer::disable)
        .headers(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .oauth2ResourceServer(o -> o
            .jwt(j -> j.decoder(jwtDecoder))
            .authenticationEntryPoint(refused)
            .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
              @Override
              public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                // Keycloak's keys unreachable: 503 with a sentence, not Spring's exception
                filter.setAuthenticationFailureHandler(refused::commence);
                return filter;
              }
            }));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webapps(HttpSecurity http, ClientRegistrationRepository registrations,
      OAuth2AuthorizedClientRepository authorizedClients, KeycloakProperties keycloak, KeycloakHealth health)
      throws Exception {
    RequestMatcher webappApi = PATHS.matcher("/camunda/api/**");
    // the webapps' sign-out, with Camunda's CSRF token as Camunda's own filter would want it (this runs before it)
    RequestMatcher camundaLogoutPath = PATHS.matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout");
    RequestMatcher camundaLogout = request -> camundaLogoutPath.matches(request) && sameXsrfToken(request);
    LoginUrlAuthenticationEntryPoint signIn =
        new LoginUrlAuthenticationEntryPoint("/oauth2/authorization/" + REGISTRATION);
    AuthenticationEntryPoint entry = (request, response, e) -> {
      if (!health.available()) {
        answer(response, 503, "text/html", "<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\">"
            + "<title>无法登录</title><p>" + KeycloakHealth.UNAVAILABLE + "</p></html>");
      } else if (webappApi.matches(request)) {
        response.setStatus(401);
      } else {
        signIn.commence(request, response, e);
      }
    };
    OidcClientInitiatedLogoutSuccessHandler keycloakLogout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
    keycloakLogout.setPostLogoutRedirectUri("{baseUrl}" + SignedOutPage.PATH);
    HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
    requestCache.setRequestMatcher(PATHS.matcher(HttpMethod.GET, "/camunda/app/**"));

    http.securityMatcher(new OrRequestMatcher(PATHS.matcher("/camunda/**"), PATHS.matcher("/oauth2/**"),
            PATHS.matcher("/login/oauth2/**"), PATHS.matcher("/logout")))
        // Camunda's webapps keep their own CSRF protection (X-XSRF-TOKEN) and headers
        .csrf(AbstractHttpConfigurer::disable)
        .headers(AbstractHttpConfigurer::disable)
        .requestCache(c -> c.requestCache(requestCache))
        .authorizeHttpRequests(a -> a
            .requestMatchers(PATHS.matcher("/oauth2/**"), PATHS.matcher("/login/oauth2/**"), PATHS.matcher("/logout"))
            .permitAll()
            .anyRequest().authenticated())
        .exceptionHandling(e -> e.authenticationEntryPoint(entry))
        .oauth2Login(o -> o.clientRegistrationRepository(registrations).authorizedClientRepository(authorizedClients))
        .logout(l -> l
            .logoutRequestMatcher(new OrRequestMatcher(PATHS.matcher("/logout"), camundaLogout))
            // before the session goes: end the user's Keycloak session with the refresh token it issued
            .addLogoutHandler(new KeycloakSessionLogout(keycloak, authorizedClients))
            .logoutSuccessHandler((request, response, authentication) -> {
              if (camundaLogout.matches(request)) {
                // the webapp's own sign-out button (an XHR): both sessions are over; the webapp then opens the
                // signed-out page instead of Camunda's login form (static/webapp-sign-out.js)
                response.setStatus(204);
              } else {
                keycloakLogout.onLogoutSuccess(request, response, authentication);
              }
            }));
    return http.build();
  }

  /** Camunda's container-based authentication, after Spring Security's chain, before the webapps' own filters. */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappContainerAuthentication() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("skills-henan-webapp-oidc");
    registration.addUrlPatterns("/camunda/*");
    registration.addInitParameter("authentication-provider", OidcWebappAuthenticationProvider.class.getName());
    registration.setOrder(-90);
    return registration;
  }

  /** Built from the issuer without asking Keycloak, so the app starts while Keycloak is down. */
  @Bean
  ClientRegistrationRepository clientRegistrations(KeycloakProperties keycloak) {
    return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION)
        .clientName("河南省统一身份认证")
        .clientId(keycloak.webapp().clientId())
        .clientSecret(keycloak.webapp().clientSecret())
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
        .scope("openid", "profile", "email")
        .issuerUri(keycloak.issuer())
        .authorizationUri(keycloak.openIdConnect("auth"))
        .tokenUri(keycloak.openIdConnect("token"))
        .jwkSetUri(keycloak.openIdConnect("certs"))
        .userNameAttributeName(KeycloakTokens.USER_CLAIM)
        .providerConfigurationMetadata(Map.of("end_session_endpoint", keycloak.openIdConnect("logout")))
        .build());
  }

  /** The tokens of a signed-in browser live in its session, and end with it. */
  @Bean
  OAuth2AuthorizedClientRepository authorizedClientRepository() {
    return new HttpSessionOAuth2AuthorizedClientRepository();
  }

  /** Bearer tokens: the realm's keys (fetched when first needed, then cached), issuer, audience, expiry. */
  @Bean
  JwtDecoder jwtDecoder(KeycloakProperties keycloak) {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(keycloak.openIdConnect("certs")).build();
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<Jwt>(
        new JwtTimestampValidator(keycloak.clockSkew()),
        new JwtIssuerValidator(keycloak.issuer()),
        new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
            audience -> audience != null && audience.contains(keycloak.audience()))));
    return decoder;
  }

  private static boolean sameXsrfToken(jakarta.servlet.http.HttpServletRequest request) {
    String header = request.getHeader("X-XSRF-TOKEN");
    jakarta.servlet.http.Cookie[] cookies = request.getCookies();
    if (header == null || cookies == null) {
      return false;
    }
    for (jakarta.servlet.http.Cookie cookie : cookies) {
      if ("XSRF-TOKEN".equals(cookie.getName()) && header.equals(cookie.getValue())) {
        return true;
      }
    }
    return false;
  }

  private static void answer(HttpServletResponse response, int status, String type, String body) throws IOException {
    response.setStatus(status);
    response.setContentType(type + ";charset=UTF-8");
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }
}
