package cn.henan.skills.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

/** The person signed in to Tasklist or Cockpit, as the webapps keep them in the HTTP session. */
final class WebappSessions {
  /** The header in which the webapps send the session's CSRF token with a change (Camunda's CsrfConstants). */
  static final String CSRF_HEADER = CsrfConstants.CSRF_TOKEN_HEADER_NAME;

  private WebappSessions() {
  }

  /**
   * Whether the request carries the CSRF token Camunda's {@code CsrfPreventionFilter} keeps in the session (and hands
   * the browser as the {@code XSRF-TOKEN} cookie and response header), as the webapps send it with every change.
   */
  static boolean carriesCsrfToken(HttpSession session, HttpServletRequest request) {
    String expected = csrfToken(session);
    String sent = request.getHeader(CSRF_HEADER);
    return expected != null && !expected.isEmpty() && sent != null
        && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }

  /** The session's CSRF token, or null when there is no session or the webapps have not made one yet. */
  static String csrfToken(HttpSession session) {
    return session != null && session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME) instanceof String token
        ? token : null;
  }

  static Optional<Viewer> viewer(ProcessEngine engine, HttpSession session) {
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication authentication = authentications == null ? null
        : authentications.getAuthenticationForProcessEngine(engine.getName());
    if (authentication instanceof UserAuthentication user) {
      return Optional.of(new Viewer(user.getIdentityId(),
          user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds())));
    }
    return Optional.empty();
  }
}
