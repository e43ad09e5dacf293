package cn.henan.skills.identity;

import cn.henan.skills.unit.Unit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.springframework.stereotype.Service;

/**
 * What other features ask of identity: a unit's groups (and demo users) exist, and a unit may see a process instance
 * that belongs to it. A unit's people see only their own unit's work; task access comes from candidate groups.
 */
@Service
public class UnitAccess {
  static final String WORKFLOW_GROUP = "WORKFLOW";

  private final IdentityService identity;
  private final AuthorizationGrants grants;
  private final IdentityProperties properties;

  UnitAccess(IdentityService identity, AuthorizationGrants grants, IdentityProperties properties) {
    this.identity = identity;
    this.grants = grants;
    this.properties = properties;
  }

  /**
   * The unit's filer and leader groups (a school's readable by its city bureau), and with demo users on, a user of the
   * same name in each.
   */
  public void ensureUnitIdentity(Unit unit) {
    boolean created = ensureGroup(unit.filerGroup(), unit.getName() + " 填报人");
    ensureGroup(unit.leaderGroup(), unit.getName() + " 领导小组组长");
    if (created && unit.getParentCode() != null) {
      // the city bureau reviews its schools: Tasklist shows it the schools' group names (granted once, with the
      // groups, not at every start)
      for (String city : new String[] {unit.getParentCode() + "-filer", unit.getParentCode() + "-leader"}) {
        for (String school : new String[] {unit.filerGroup(), unit.leaderGroup()}) {
          grants.grantGroupOnNewResource(city, Resources.GROUP, school, Permissions.READ);
        }
      }
    }
    if (properties.demoUsers()) {
      ensureUser(unit.filerGroup(), unit.getName(), "填报人", properties.demoPassword(), unit.filerGroup());
      ensureUser(unit.leaderGroup(), unit.getName(), "领导小组组长", properties.demoPassword(), unit.leaderGroup());
    }
  }

  /**
   * Lets the unit's filers and leaders see this new instance (Tasklist, Cockpit, REST) and its history — Tasklist
   * reads a task's comments (催办, 督办) and its history through the instance's history.
   */
  public void grantInstanceToUnit(String unitCode, String processInstanceId) {
    for (String group : new String[] {unitCode + "-filer", unitCode + "-leader"}) {
      grants.grantGroupOnNewResource(group, Resources.PROCESS_INSTANCE, processInstanceId,
          ProcessInstancePermissions.READ);
      grants.grantGroupOnNewResource(group, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
          HistoricProcessInstancePermissions.READ);
    }
  }

  /** Creates the group if missing; true when it did. */
  boolean ensureGroup(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() > 0) {
      return false;
    }
    Group group = identity.newGroup(id);
    group.setName(name);
    group.setType(WORKFLOW_GROUP);
    identity.saveGroup(group);
    return true;
  }

  /**
   * Creates the user if missing (a demo user's e-mail is {@code <id>@example.org}, for the e-mail notices when SMTP is
   * configured) and adds it to the groups it lacks.
   */
  void ensureUser(String id, String firstName, String lastName, String password, String... groups) {
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

  void addToGroupIfUserExists(String userId, String group) {
    if (identity.createUserQuery().userId(userId).count() > 0
        && identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
      identity.createMembership(userId, group);
    }
  }
}
