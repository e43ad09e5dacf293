package cn.henan.skills.identity;

import cn.henan.skills.platform.StartupSteps;
import static cn.henan.skills.identity.ProvinceGroups.*;

import cn.henan.skills.unit.Unit;
import cn.henan.skills.unit.UnitRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    Map<String, String> provinceGroups = new LinkedHashMap<>();
    provinceGroups.put(PROVINCE_EDU, "省教育厅（领导小组办公室）");
    provinceGroups.put(PROVINCE_LEADER, "省领导小组组长");
    provinceGroups.put(PROVINCE_1X, "省1+X证书制度试点工作协调推进办公室");
    provinceGroups.put(PROVINCE_HRSS, "省人力资源社会保障厅");
    provinceGroups.put(PROCESS_ADMIN, "流程管理员");
    provinceGroups.forEach(unitAccess::ensureGroup);

    if (properties.demoUsers()) {
      String pw = properties.demoPassword();
      unitAccess.ensureUser("province", "省教育厅", "职成处", pw, PROVINCE_EDU);
      unitAccess.ensureUser("leader", "省领导小组", "组长", pw, PROVINCE_LEADER);
      unitAccess.ensureUser("hrss", "省人社厅", "审核员", pw, PROVINCE_HRSS);
      unitAccess.ensureUser("onex", "省1+X办", "审核员", pw, PROVINCE_1X);
    }
    // the starter creates the admin user (camunda.bpm.admin-user); it also administers the process models
    unitAccess.addToGroupIfUserExists("admin", PROCESS_ADMIN);
    List<Unit> all = units.allUnits();
    for (Unit unit : all) {
      unitAccess.ensureUnitIdentity(unit);
      if (unit.getKind().isBureau() && unit.getParentCode() == null) {
        // a city or county bureau urges its own schools (the urge's start listener checks which)
        grants.grantGroup(unit.filerGroup(), Resources.PROCESS_DEFINITION, "urge",
            ProcessDefinitionPermissions.CREATE_INSTANCE);
        grants.grantGroup(unit.filerGroup(), Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE);
      }
    }
    grantProvince();
    filters.ensureFilters();
    log.info("Identity ready: {} units, demo users {}, in {} ms", all.size(), properties.demoUsers(),
        (System.nanoTime() - started) / 1_000_000);
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
