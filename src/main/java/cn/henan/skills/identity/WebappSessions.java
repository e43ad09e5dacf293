package cn.henan.skills.identity;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/** The person signed in to Tasklist or Cockpit, as the webapps keep them in the HTTP session. */
final class WebappSessions {
  private WebappSessions() {
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
