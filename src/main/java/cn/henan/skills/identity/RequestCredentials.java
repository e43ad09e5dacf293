package cn.henan.skills.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;

/**
 * How a call to {@code /engine-rest} or {@code /api} proves who sends it: HTTP Basic against the engine's identity
 * (default profile, {@link BasicCredentials}) or a bearer token of the Keycloak realm (profile {@code keycloak},
 * {@link BearerCredentials}). Either way the engine's current authentication is then set for the request.
 */
interface RequestCredentials {

  /** Camunda's authentication provider for {@code /engine-rest} (instantiated by class name, no injection). */
  Class<? extends AuthenticationProvider> engineRestProvider();

  /** The caller, when the request carries valid credentials of this kind. */
  Optional<Viewer> viewer(HttpServletRequest request);

  /** Answers a request without valid credentials (the status is already 401). */
  void challenge(HttpServletResponse response);
}
