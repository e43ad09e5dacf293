package cn.henan.skills.identity;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of every per-unit process ({@code unit-year}, {@code city-subdivision}, {@code monthly-report},
 * {@code urge}): the unit's filers and leaders may read the instance, and so may a school's supervising city bureau
 * (also the only unit of a city's {@code late-reports}).
 */
@Component("unitInstanceAccess")
class UnitInstanceAccess implements ExecutionListener {
  private final UnitAccess unitAccess;

  UnitInstanceAccess(UnitAccess unitAccess) {
    this.unitAccess = unitAccess;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String instanceId = execution.getProcessInstanceId();
    for (String variable : new String[] {"unitCode", "supervisorCode"}) {
      if (execution.getVariable(variable) instanceof String unit && !unit.isBlank()) {
        unitAccess.grantInstanceToUnit(unit, instanceId);
      }
    }
  }
}
