package cn.henan.skills.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Ends the person's Keycloak session from the server (Keycloak's logout endpoint with the session's refresh token and
 * the webapp client's credentials). Camunda's sign-out button is an XHR that cannot follow a redirect to Keycloak;
 * without this the next page would sign the person straight back in.
 */
class KeycloakSessionLogout implements LogoutHandler {
  private static final Logger log = LoggerFactory.getLogger(KeycloakSessionLogout.class);

  private final KeycloakProperties keycloak;
  private final OAuth2AuthorizedClientRepository authorizedClients;
  private final RestClient http = RestClient.create();

  KeycloakSessionLogout(KeycloakProperties keycloak, OAuth2AuthorizedClientRepository authorizedClients) {
    this.keycloak = keycloak;
    this.authorizedClients = authorizedClients;
  }

  @Override
  public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
    if (authentication == null) {
      return;
    }
    OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient(
        KeycloakSecurityConfiguration.REGISTRATION, authentication, request);
    if (client == null || client.getRefreshToken() == null) {
      return;
    }
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("client_id", keycloak.webapp().clientId());
    form.add("client_secret", keycloak.webapp().clientSecret());
    form.add("refresh_token", client.getRefreshToken().getTokenValue());
    try {
      http.post().uri(keycloak.openIdConnect("logout")).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
          .retrieve().toBodilessEntity();
    } catch (RestClientException e) {
      log.warn("Keycloak session of {} not ended: {}", authentication.getName(), e.getMessage());
    }
  }
}
