package cn.henan.skills.quota;

import cn.henan.skills.identity.UnitAccess;
import cn.henan.skills.unit.Unit;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Starts a unit's year ({@code unit-year}, business key {@code 2022/u001}) and lets the unit see it. */
@Component
class UnitYearLauncher {
  static final String PROCESS_KEY = "unit-year";

  private final RuntimeService runtimeService;
  private final UnitAccess unitAccess;

  UnitYearLauncher(RuntimeService runtimeService, UnitAccess unitAccess) {
    this.runtimeService = runtimeService;
    this.unitAccess = unitAccess;
  }

  static String businessKey(int year, String unitCode) {
    return year + "/" + unitCode;
  }

  void launch(Unit unit, QuotaAllocation quota) {
    VariableMap variables = Variables.createVariables()
        .putValue("year", quota.getYear())
        .putValue("unitCode", unit.getCode())
        .putValue("unitName", unit.getName())
        .putValue("unitKindName", unit.getKind().chineseName())
        .putValueTyped("trainingQuota", Variables.integerValue(quota.getTraining()))
        .putValueTyped("certificationQuota", Variables.integerValue(quota.getCertification()))
        .putValueTyped("advancedQuota", Variables.integerValue(quota.getAdvanced()))
        .putValueTyped("onePlusXQuota", Variables.integerValue(quota.getOnePlusX()))
        .putValue("quotaText", quotaText(quota));
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY,
        businessKey(quota.getYear(), unit.getCode()), variables);
    unitAccess.grantInstanceToUnit(unit.getCode(), instance.getId());
  }

  static String quotaText(QuotaAllocation quota) {
    return "培训任务 " + quota.getTraining() + " 人次；取证人数 " + quota.getCertification() + " 人，其中高级工及以上 "
        + orDash(quota.getAdvanced(), " 人") + "；1+X 证书取证人数 " + orDash(quota.getOnePlusX(), " 人");
  }

  private static String orDash(Integer value, String unit) {
    return value == null ? "——（无数量要求）" : value + unit;
  }
}
