package cn.henan.skills.identity;

import cn.henan.skills.unit.Unit;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Service;

/**
 * What other features ask of identity: a unit's groups (and demo users) exist, and a unit may see a process instance
 * that belongs to it. A unit's people see only their own unit's work; task access comes from candidate groups. The
 * groups and users themselves are kept by the {@link IdentityDirectory} of the profile (Camunda's tables or Keycloak).
 */
@Service
public class UnitAccess {
  private final IdentityDirectory directory;
  private final AuthorizationGrants grants;
  private final IdentityProperties properties;

  UnitAccess(IdentityDirectory directory, AuthorizationGrants grants, IdentityProperties properties) {
    this.directory = directory;
    this.grants = grants;
    this.properties = properties;
  }

  /**
   * The unit's filer and leader groups (a school's readable by its city bureau; a city or county bureau's filers may
   * urge; every unit's filers may apply for an evaluation institution's filing), and with demo users on, a user of
   * the same name in each: at start for every unit, and for a unit the province or a city adds when it is published.
   */
  public void ensureUnitIdentity(Unit unit) {
    grantUnitRights(unit);
    ensureGroupsAndUsers(unit);
  }

  /** What the unit's groups may do beyond their tasks, kept in Camunda's database (whatever the directory). */
  void grantUnitRights(Unit unit) {
    if (unit.getKind().isBureau() && unit.getParentCode() == null) {
      // a city or county bureau urges its own schools (the urge's start listener checks which)
      grants.grantGroup(unit.filerGroup(), Resources.PROCESS_DEFINITION, "urge",
          ProcessDefinitionPermissions.CREATE_INSTANCE);
    }
    // every unit, a city's schools included, may apply to file its evaluation institutions (评价机构备案)
    grants.grantGroup(unit.filerGroup(), Resources.PROCESS_DEFINITION, "institution-filing",
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grants.grantGroup(unit.filerGroup(), Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE);
  }

  /** The groups and (demo) users, in the directory of the profile. */
  void ensureGroupsAndUsers(Unit unit) {
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
   * A unit renamed from the current year on (its code, groups and people stay): its groups' names, and its demo users'
   * names, follow the new name.
   */
  public void unitRenamed(Unit unit) {
    directory.renameGroup(unit.filerGroup(), unit.getName() + " 填报人");
    directory.renameGroup(unit.leaderGroup(), unit.getName() + " 领导小组组长");
    if (properties.demoUsers()) {
      directory.renameDemoUser(unit.filerGroup(), unit.getName());
      directory.renameDemoUser(unit.leaderGroup(), unit.getName());
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

  boolean ensureGroup(String id, String name) {
    return directory.ensureGroup(id, name);
  }

  void ensureUser(String id, String firstName, String lastName, String password, String... groups) {
    directory.ensureUser(id, firstName, lastName, password, groups);
  }

  void addToGroupIfUserExists(String userId, String group) {
    directory.addToGroupIfUserExists(userId, group);
  }
}
