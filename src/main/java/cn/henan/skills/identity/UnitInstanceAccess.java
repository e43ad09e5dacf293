package cn.henan.skills.identity;

import cn.henan.skills.unit.UnitKeys;
import cn.henan.skills.unit.UnitRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of every per-unit process ({@code unit-year}, {@code city-subdivision}, {@code monthly-report},
 * {@code urge}): the unit's filers and leaders may read the instance, and so may a school's supervising city bureau
 * (also the only unit of a city's {@code late-reports}). The unit comes from the instance's business key (written by
 * the server: {@code 2022/u001}, {@code 2022-03/u001-s01}, {@code u001/20220301090000}, {@code 2022-03/u001-schools})
 * and its supervisor from the unit registry, never from variables.
 */
@Component("unitInstanceAccess")
class UnitInstanceAccess implements ExecutionListener {
  private final UnitAccess unitAccess;
  private final UnitRegistry units;

  UnitInstanceAccess(UnitAccess unitAccess, UnitRegistry units) {
    this.unitAccess = unitAccess;
    this.units = units;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String instanceId = execution.getProcessInstanceId();
    String key = execution.getProcessBusinessKey();
    UnitKeys.unitCodeOf(key).map(units::get).ifPresent(unit -> {
      unitAccess.grantInstanceToUnit(unit.getCode(), instanceId);
      if (unit.getParentCode() != null) {
        unitAccess.grantInstanceToUnit(unit.getParentCode(), instanceId);
      }
    });
    UnitKeys.supervisorOf(key).map(units::get)
        .ifPresent(city -> unitAccess.grantInstanceToUnit(city.getCode(), instanceId));
  }
}
