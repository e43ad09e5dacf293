package cn.henan.skills.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A bearer token of the realm (profile {@code keycloak}): Spring Security's resource server has verified signature,
 * issuer, audience and expiry before the request gets here (a bad token never does: 401), so the caller is read from
 * the security context.
 */
@Component
@Profile("keycloak")
class BearerCredentials implements RequestCredentials {

  @Override
  public Class<? extends AuthenticationProvider> engineRestProvider() {
    return BearerTokenAuthenticationProvider.class;
  }

  @Override
  public Optional<Viewer> viewer(HttpServletRequest request) {
    return KeycloakTokens.current();
  }

  @Override
  public void challenge(HttpServletResponse response) {
    BearerTokenAuthenticationProvider.challenge(response);
  }
}
