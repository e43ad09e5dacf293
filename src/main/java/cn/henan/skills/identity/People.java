package cn.henan.skills.identity;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;

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

  public Optional<String> currentUserId() {
    return currentViewer().map(Viewer::userId);
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
