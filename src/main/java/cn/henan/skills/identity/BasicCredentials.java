package cn.henan.skills.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** HTTP Basic against the engine's identity service (every profile but {@code keycloak}). */
@Component
@Profile("!keycloak")
class BasicCredentials implements RequestCredentials {
  private final ProcessEngine engine;
  private final HttpBasicAuthenticationProvider basic = new ThrottledBasicAuthentication();

  BasicCredentials(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public Class<? extends AuthenticationProvider> engineRestProvider() {
    return ThrottledBasicAuthentication.class;
  }

  @Override
  public Optional<Viewer> viewer(HttpServletRequest request) {
    if (request.getHeader("Authorization") == null) {
      return Optional.empty();
    }
    AuthenticationResult result = basic.extractAuthenticatedUser(request, engine);
    if (!result.isAuthenticated()) {
      return Optional.empty();
    }
    String user = result.getAuthenticatedUser();
    return Optional.of(new Viewer(user, AuthenticationUtil.getGroupsOfUser(engine, user)));
  }

  @Override
  public void challenge(HttpServletResponse response) {
    basic.augmentResponseByAuthenticationChallenge(response, engine);
  }
}
