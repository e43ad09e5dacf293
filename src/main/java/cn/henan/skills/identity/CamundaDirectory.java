package cn.henan.skills.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** People and groups in Camunda's own identity tables (every profile but {@code keycloak}). */
@Component
@Profile("!keycloak")
class CamundaDirectory implements IdentityDirectory {
  static final String WORKFLOW_GROUP = "WORKFLOW";

  private final IdentityService identity;

  CamundaDirectory(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public boolean ensureGroup(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() > 0) {
      return false;
    }
    Group group = identity.newGroup(id);
    group.setName(name);
    group.setType(WORKFLOW_GROUP);
    identity.saveGroup(group);
    return true;
  }

  @Override
  public void ensureUser(String id, String firstName, String lastName, String password, String... groups) {
    User existing = identity.createUserQuery().userId(id).singleResult();
    if (existing == null) {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setPassword(password);
      user.setEmail(id + "@example.org");
      // seeded users (the demo users' "demo") skip Camunda's password policy, which binds users changing their own
      saveSeeded(user);
    } else if (existing.getEmail() == null || existing.getEmail().isBlank()) {
      // demo users of a database seeded before the e-mail notices
      existing.setEmail(id + "@example.org");
      saveSeeded(existing);
    }
    for (String group : groups) {
      // inside a running command (a school registered by a job) a new user is not yet visible to queries
      if (existing == null || identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
        identity.createMembership(id, group);
      }
    }
  }

  /** Saves a user as an administrator seeds it: Camunda's password policy binds users changing their own password. */
  private void saveSeeded(User user) {
    if (identity instanceof IdentityServiceImpl engineIdentity) {
      engineIdentity.saveUser(user, true);
    } else {
      identity.saveUser(user);
    }
  }

  @Override
  public void renameGroup(String id, String name) {
    Group group = identity.createGroupQuery().groupId(id).singleResult();
    if (group != null && !name.equals(group.getName())) {
      group.setName(name);
      identity.saveGroup(group);
    }
  }

  @Override
  public void renameDemoUser(String id, String firstName) {
    User user = identity.createUserQuery().userId(id).singleResult();
    if (user != null && !firstName.equals(user.getFirstName())) {
      user.setFirstName(firstName);
      saveSeeded(user);
    }
  }

  @Override
  public void addToGroupIfUserExists(String userId, String group) {
    if (identity.createUserQuery().userId(userId).count() > 0
        && identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
      identity.createMembership(userId, group);
    }
  }
}
