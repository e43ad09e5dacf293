package cn.henan.skills.identity;

import cn.henan.skills.platform.StartupSteps;
import static cn.henan.skills.identity.ProvinceGroups.*;

import cn.henan.skills.unit.Unit;
import cn.henan.skills.unit.UnitRegistry;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds Camunda's own identity at start-up: the province groups, a filer and a leader group per unit, the demo users
 * of README.md (when enabled), the authorizations and the Tasklist filters. Everything is created only when missing,
 * so restarts change nothing.
 */
@Component
class IdentitySeeder {
  private static final Logger log = LoggerFactory.getLogger(IdentitySeeder.class);

  private final UnitRegistry units;
  private final UnitAccess unitAccess;
  private final AuthorizationGrants grants;
  private final TasklistFilters filters;
  private final IdentityProperties properties;

  IdentitySeeder(UnitRegistry units, UnitAccess unitAccess, AuthorizationGrants grants, TasklistFilters filters,
      IdentityProperties properties) {
    this.units = units;
    this.unitAccess = unitAccess;
    this.grants = grants;
    this.filters = filters;
    this.properties = properties;
  }

  // before the web server and the job executor start (StartupSteps)
  @EventListener(StartupSteps.BeforeServing.class)
  @Order(1)
  public void seed() {
    long started = System.nanoTime();
    List<Unit> all = units.allUnits();
    try {
      seedPeople(all);
    } catch (IdentityUnavailableException e) {
      // profile keycloak with Keycloak down: the app starts, lets no one in, and creates what is missing next time
      log.error("{}", e.getMessage());
    }
    // the rights live in Camunda's database, so they are granted even while Keycloak is down
    all.forEach(unitAccess::grantUnitRights);
    grantProvince();
    filters.ensureFilters();
    log.info("Identity ready: {} units, demo users {}, in {} ms", all.size(), properties.demoUsers(),
        (System.nanoTime() - started) / 1_000_000);
  }

  /** The groups and (demo) users, in the directory of the profile: Camunda's tables or Keycloak. */
  private void seedPeople(List<Unit> all) {
    SEEDED.forEach(unitAccess::ensureGroup);
    if (properties.demoUsers()) {
      String pw = properties.demoPassword();
      for (List<String> user : DEMO_USERS) {
        unitAccess.ensureUser(user.get(0), user.get(1), user.get(2), pw, user.get(3));
      }
    }
    // the starter creates the admin user (camunda.bpm.admin-user); it also administers the process models
    unitAccess.addToGroupIfUserExists("admin", PROCESS_ADMIN);
    for (Unit unit : all) {
      unitAccess.ensureGroupsAndUsers(unit);
    }
  }

  private void grantProvince() {
    // every signed-in user may open Tasklist and read the models; what they see inside is per task and instance
    grants.grantEveryone(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grants.grantEveryone(Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ);

    Permission[] seeAll = {ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_HISTORY};
    for (String group : PROVINCE) {
      grants.grantGroup(group, Resources.PROCESS_DEFINITION, "*", seeAll);
      grants.grantGroup(group, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ);
      grants.grantGroup(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      // Tasklist names a task's candidate group ("河南理工大学 填报人") only for users who may read the group
      grants.grantGroup(group, Resources.GROUP, "*", Permissions.READ);
      // the rule tables (bpmn/*.dmn) and what they answered, in Cockpit's decision history: why a unit was named
      grants.grantGroup(group, Resources.DECISION_DEFINITION, "*", Permissions.READ,
          Permissions.READ_HISTORY);
    }
    grants.grantGroup(PROVINCE_EDU, Resources.PROCESS_DEFINITION, "quota-distribution",
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grants.grantGroup(PROVINCE_EDU, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE);
    for (String startable : List.of("urge", "circulation")) {
      grants.grantGroup(PROVINCE_EDU, Resources.PROCESS_DEFINITION, startable,
          ProcessDefinitionPermissions.CREATE_INSTANCE);
    }

    for (org.camunda.bpm.engine.authorization.Resource resource : List.of(Resources.DEPLOYMENT,
        Resources.PROCESS_DEFINITION, Resources.PROCESS_INSTANCE, Resources.TASK, Resources.DECISION_DEFINITION,
        Resources.HISTORIC_TASK, Resources.HISTORIC_PROCESS_INSTANCE, Resources.BATCH)) {
      grants.grantGroup(PROCESS_ADMIN, resource, "*", Permissions.ALL);
    }
    grants.grantGroup(PROCESS_ADMIN, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
  }
}
