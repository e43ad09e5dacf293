package cn.henan.skills.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/session}: who is signed in (and their groups), and the CSRF token of their webapp session, for the app's own pages
 * (dashboard, demo clock). Camunda hands the token to its webapps in a cookie scoped to {@code /camunda}, which a page
 * outside that path cannot read; this answer is readable by same-origin pages only, as that cookie is. {@code csrfToken}
 * is null for a caller with Basic credentials, or before the webapps have made the session's token.
 */
@RestController
class SessionController {
  private final IdentityService identityService;

  SessionController(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** @param groups the user's own groups, so that a page offers only the actions the server will allow them */
  record SessionView(String userId, List<String> groups, String csrfToken) {
  }

  @GetMapping("/api/session")
  SessionView session(HttpServletRequest request) {
    Authentication user = identityService.getCurrentAuthentication();
    HttpSession session = request.getSession(false);
    return new SessionView(user == null ? null : user.getUserId(),
        user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds(), WebappSessions.csrfToken(session));
  }
}
