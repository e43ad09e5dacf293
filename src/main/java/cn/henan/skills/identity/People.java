package cn.henan.skills.identity;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/** The signed-in person (as the engine knows it for this request or task completion) and people's display names. */
@Service
public class People {
  private final IdentityService identity;

  People(IdentityService identity) {
    this.identity = identity;
  }

  public Optional<Viewer> currentViewer() {
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return Optional.empty();
    }
    List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    return Optional.of(new Viewer(authentication.getUserId(), groups));
  }

  /** The signed-in viewer of an {@code /api} request; 401 with a Chinese sentence when nobody is signed in. */
  public Viewer signedIn() {
    return currentViewer().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录。"));
  }

  public Optional<String> currentUserId() {
    return currentViewer().map(Viewer::userId);
  }

  /**
   * Runs an engine call as the application rather than as the signed-in user, for steps whose permission the
   * application has already checked by its own rule (e.g. province-edu moving a month's due date moves the timers
   * of every unit's report, which no group may otherwise update).
   */
  public <T> T asApplication(Supplier<T> action) {
    Authentication user = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return action.get();
    } finally {
      if (user != null) {
        identity.setAuthentication(user);
      }
    }
  }

  /** "姓 名" as entered in the identity service, or the user id when the user has no name. */
  public String displayName(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? userId : name;
  }
}
