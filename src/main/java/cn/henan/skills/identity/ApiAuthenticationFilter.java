package cn.henan.skills.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authentication of the domain REST under {@code /api}: the profile's {@link RequestCredentials} (HTTP Basic against the
 * engine's identity service, or a Keycloak bearer token), or — for
 * reading only — the session of someone signed in to Tasklist or Cockpit, so that download links in task forms
 * work, and for pre-checks that store nothing ({@code …-check}). Changes always need credentials, which a
 * cross-site page cannot send. The engine's current
 * authentication is set for the request, so Camunda's authorizations and {@link People} see the user.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {
  private static final Set<String> READING = Set.of("GET", "HEAD");

  private final ProcessEngine engine;
  private final RequestCredentials credentials;

  ApiAuthenticationFilter(ProcessEngine engine, RequestCredentials credentials) {
    this.engine = engine;
    this.credentials = credentials;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Viewer> viewer = credentials.viewer(request);
    if (viewer.isEmpty() && (READING.contains(request.getMethod()) || isCheckOnly(request))) {
      viewer = WebappSessions.viewer(engine, request.getSession(false));
    }
    if (viewer.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      credentials.challenge(response);
      return;
    }
    try {
      engine.getIdentityService().setAuthentication(viewer.get().userId(), viewer.get().groups());
      chain.doFilter(request, response);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** A pre-check (e.g. of a scan before upload) answers a question and changes nothing. */
  private static boolean isCheckOnly(HttpServletRequest request) {
    return "POST".equals(request.getMethod()) && request.getRequestURI().endsWith("-check");
  }
}
