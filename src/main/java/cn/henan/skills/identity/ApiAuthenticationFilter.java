package cn.henan.skills.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authentication of the domain REST under {@code /api}: the profile's {@link RequestCredentials} (HTTP Basic against
 * the engine's identity service, or a Keycloak bearer token), or the session of someone signed in to Tasklist, Cockpit
 * or Admin — for reading (download links in task forms), for pre-checks that store nothing ({@code …-check}), and for
 * changes when the request also carries the session's CSRF token in {@code X-XSRF-TOKEN}, as the webapps send it with
 * their own changes (the app's pages, e.g. the demo clock). A cross-site page can neither send credentials nor read
 * the token. The engine's current authentication is set for the request, so Camunda's authorizations and
 * {@link People} see the user.
 *
 * <p>A request that carries {@code X-XSRF-TOKEN} comes from a page of this app: it is refused with a Chinese sentence
 * and without a challenge (a Basic challenge would open the browser's own login box).
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
    boolean fromPage = request.getHeader(WebappSessions.CSRF_HEADER) != null;
    if (viewer.isEmpty()) {
      HttpSession session = request.getSession(false);
      Optional<Viewer> signedIn = WebappSessions.viewer(engine, session);
      if (signedIn.isPresent() && !(READING.contains(request.getMethod()) || isCheckOnly(request))
          && !WebappSessions.carriesCsrfToken(session, request)) {
        refuse(response, HttpServletResponse.SC_FORBIDDEN, "页面已过期，请刷新页面后再试一次。");
        return;
      }
      viewer = signedIn;
    }
    if (viewer.isEmpty()) {
      if (fromPage) {
        refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "请先登录任务列表（Tasklist）或 Cockpit，再刷新本页面。");
      } else {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        credentials.challenge(response);
      }
      return;
    }
    try {
      engine.getIdentityService().setAuthentication(viewer.get().userId(), viewer.get().groups());
      chain.doFilter(request, response);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write("{\"status\":" + status + ",\"message\":\"" + message + "\"}");
  }

  /** A pre-check (e.g. of a scan before upload) answers a question and changes nothing. */
  private static boolean isCheckOnly(HttpServletRequest request) {
    return "POST".equals(request.getMethod()) && request.getRequestURI().endsWith("-check");
  }
}
