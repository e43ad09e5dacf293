package cn.henan.skills.identity;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * {@code /engine-rest} (open by default in Camunda) requires credentials — HTTP Basic of the engine's identity service,
 * or in the {@code keycloak} profile a bearer token of the realm ({@link RequestCredentials}); the domain REST under
 * {@code /api} takes them too, or a Tasklist session for reading. Both filters set the engine's
 * current authentication for the request, so Camunda's authorizations apply, and domain controllers read the user.
 */
@Configuration(proxyBeanMethods = false)
class RestAuthenticationConfiguration {
  /** The REST authentication runs at this order, the filters that need the signed-in user after it. */
  static final int AUTHENTICATION_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

  /** Failed sign-ins per client address, on the engine's clock (real time in production). */
  @Bean
  LoginThrottle loginThrottle(Clock clock,
      @Value("${skills-henan.login-throttle.failures-per-address:20}") int failuresPerAddress,
      @Value("${skills-henan.login-throttle.failures-per-user:10}") int failuresPerAddressAndUser,
      @Value("${skills-henan.login-throttle.window:60s}") Duration window,
      @Value("${skills-henan.login-throttle.max-tracked:20000}") int maxTracked) {
    return new LoginThrottle(
        new LoginThrottle.Limits(failuresPerAddress, failuresPerAddressAndUser, window, maxTracked), clock);
  }

  /** Before every sign-in (Basic on the two REST APIs, the webapps' login form) and before anything else. */
  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle) {
    FilterRegistrationBean<LoginThrottleFilter> registration =
        new FilterRegistrationBean<>(new LoginThrottleFilter(throttle));
    registration.setName("skills-henan-login-throttle");
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/admin/auth/*",
        "/camunda/api/engine/engine/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter(RequestCredentials credentials) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("skills-henan-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        credentials.engineRestProvider().getName());
    registration.setOrder(AUTHENTICATION_ORDER);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(ProcessEngine engine,
      RequestCredentials credentials) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(engine, credentials));
    registration.setName("skills-henan-api-authentication");
    registration.addUrlPatterns("/api/*");
    return registration;
  }

  /** Province-wide statistics (engine REST, the webapps' engine API, the Cockpit plugin API) for province and admins. */
  @Bean
  FilterRegistrationBean<AggregatesFilter> aggregatesFilter(ProcessEngine engine) {
    FilterRegistrationBean<AggregatesFilter> registration = new FilterRegistrationBean<>(new AggregatesFilter(engine));
    registration.setName("skills-henan-aggregates");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(AUTHENTICATION_ORDER + 10);
    return registration;
  }
}
