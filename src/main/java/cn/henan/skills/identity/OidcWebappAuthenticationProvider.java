package cn.henan.skills.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;

/**
 * Camunda's container-based authentication of Tasklist, Cockpit and Admin in the {@code keycloak} profile: the person
 * who signed in through Keycloak (Spring Security's {@code oauth2Login}), with the groups of their ID token. Camunda
 * then checks the webapp's ACCESS authorization as for a password sign-in.
 */
public class OidcWebappAuthenticationProvider implements AuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    return KeycloakTokens.camundaAuthentication();
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    // the OIDC sign-in (Spring Security) sends unauthenticated browsers to Keycloak before they get here
  }
}
