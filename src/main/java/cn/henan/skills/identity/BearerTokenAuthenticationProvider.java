package cn.henan.skills.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;

/**
 * Camunda's REST authentication for {@code /engine-rest} in the {@code keycloak} profile: the user and groups of the
 * bearer token that Spring Security verified; no token, no access (401).
 */
public class BearerTokenAuthenticationProvider implements AuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    return KeycloakTokens.camundaAuthentication();
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    challenge(response);
  }

  static void challenge(HttpServletResponse response) {
    response.setHeader("WWW-Authenticate", "Bearer realm=\"skills-henan\"");
  }
}
