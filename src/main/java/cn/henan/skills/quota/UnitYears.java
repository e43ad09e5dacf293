package cn.henan.skills.quota;

import cn.henan.skills.unit.Unit;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * Starts a unit's year: process {@code unit-year}, business key {@code 2022/u001} (a school: {@code 2022/u001-s01}).
 * Its start listener gives the unit (and a school's city) access to the instance.
 */
@Service
public class UnitYears {
  static final String PROCESS_KEY = "unit-year";

  private final RuntimeService runtimeService;

  UnitYears(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  public static String businessKey(int year, String unitCode) {
    return year + "/" + unitCode;
  }

  public ProcessInstance start(Unit unit, int year, Quota quota) {
    VariableMap variables = Variables.createVariables()
        .putValue("year", year)
        .putValue("unitCode", unit.getCode())
        .putValue("unitName", unit.getName())
        .putValue("unitKindName", unit.getKind().chineseName())
        .putValue("unitIsBureau", unit.getKind().isBureau() && unit.getParentCode() == null)
        .putValueTyped("supervisorCode", Variables.stringValue(unit.getParentCode()))
        .putValueTyped("trainingQuota", Variables.integerValue(quota.training()))
        .putValueTyped("certificationQuota", Variables.integerValue(quota.certification()))
        .putValueTyped("advancedQuota", Variables.integerValue(quota.advanced()))
        .putValueTyped("onePlusXQuota", Variables.integerValue(quota.onePlusX()))
        .putValue("quotaText", quota.describe());
    return runtimeService.startProcessInstanceByKey(PROCESS_KEY, businessKey(year, unit.getCode()), variables);
  }
}
