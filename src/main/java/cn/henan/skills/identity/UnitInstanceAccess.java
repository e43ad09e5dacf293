package cn.henan.skills.identity;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of every per-unit process ({@code unit-year}, {@code city-subdivision}, {@code monthly-report}):
 * the unit's filers and leaders may read the instance, and so may a school's supervising city bureau.
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
    unitAccess.grantInstanceToUnit((String) execution.getVariable("unitCode"), instanceId);
    Object supervisor = execution.getVariable("supervisorCode");
    if (supervisor instanceof String city && !city.isBlank()) {
      unitAccess.grantInstanceToUnit(city, instanceId);
    }
  }
}
