package cn.henan.skills.unit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The unit a per-unit process instance is about, for the models' candidate groups and gateways
 * ({@code ${processUnit.filers(execution)}}, {@code ${processUnit.leaders(execution)}},
 * {@code ${processUnit.isBureau(execution)}}): taken from the instance's business key, which the server wrote when it
 * started the instance, and the unit registry — never from a process variable, which a task's user could have set.
 */
@Component("processUnit")
public class ProcessUnit {
  private final UnitRegistry units;

  ProcessUnit(UnitRegistry units) {
    this.units = units;
  }

  /** The unit of a per-unit instance ({@code unit-year}, {@code city-subdivision}, {@code monthly-report}, {@code urge}). */
  public Unit of(DelegateExecution execution) {
    return of(execution.getProcessBusinessKey());
  }

  /** The key's unit, under its name of the key's year ({@code 2022/u001}: its 2022 name). */
  public Unit of(String businessKey) {
    String code = UnitKeys.unitCodeOf(businessKey)
        .orElseThrow(() -> new IllegalStateException("业务键“" + businessKey + "”没有指明单位。"));
    return UnitKeys.yearIn(businessKey).map(year -> units.get(code, year)).orElseGet(() -> units.get(code));
  }

  /** The unit's filer group, e.g. {@code u001-filer}. */
  public String filers(DelegateExecution execution) {
    return of(execution).filerGroup();
  }

  /** The unit's leader group, e.g. {@code u001-leader}. */
  public String leaders(DelegateExecution execution) {
    return of(execution).leaderGroup();
  }

  /**
   * Whether the unit is a city or county bureau the province supervises directly, i.e. one that subdivides its
   * quota over its schools.
   */
  public boolean isBureau(DelegateExecution execution) {
    Unit unit = of(execution);
    return unit.getKind().isBureau() && unit.getParentCode() == null;
  }
}
