package cn.henan.skills.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authentication of the domain REST under {@code /api}: HTTP Basic against the engine's identity service, or — for
 * reading only — the session of someone signed in to Tasklist or Cockpit, so that download links in task forms
 * work, and for pre-checks that store nothing ({@code …-check}). Changes always need Basic credentials, which a
 * cross-site page cannot send. The engine's current
 * authentication is set for the request, so Camunda's authorizations and {@link People} see the user.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {
  private static final Set<String> READING = Set.of("GET", "HEAD");

  private final ProcessEngine engine;
  private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();

  ApiAuthenticationFilter(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Viewer> viewer = fromBasic(request);
    if (viewer.isEmpty() && (READING.contains(request.getMethod()) || isCheckOnly(request))) {
      viewer = WebappSessions.viewer(engine, request.getSession(false));
    }
    if (viewer.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      basic.augmentResponseByAuthenticationChallenge(response, engine);
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

  private Optional<Viewer> fromBasic(HttpServletRequest request) {
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

}
