package cn.henan.skills.report;

import cn.henan.skills.unit.ProcessUnit;
import cn.henan.skills.unit.Unit;
import cn.henan.skills.unit.UnitKeys;
import cn.henan.skills.unit.UnitRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Who reviews a report, for the models' candidate groups: the province (skills: education with HR and social
 * security; 1+X: the 1+X office) for the units it supervises, the city bureau for its own schools. The unit comes from
 * the instance's business key and its supervisor from the unit registry (a school's parent city), not from variables.
 */
@Component("reviewers")
public class Reviewers {
  private final ProcessUnit processUnit;
  private final UnitRegistry units;

  Reviewers(ProcessUnit processUnit, UnitRegistry units) {
    this.processUnit = processUnit;
    this.units = units;
  }

  /** {@code ${reviewers.skills(execution)}} in {@code monthly-report}. */
  public String skills(DelegateExecution execution) {
    String city = processUnit.of(execution).getParentCode();
    return city != null ? units.get(city).filerGroup() : "province-edu,province-hrss";
  }

  /** {@code ${reviewers.onePlusX(execution)}} in {@code monthly-report}. */
  public String onePlusX(DelegateExecution execution) {
    String city = processUnit.of(execution).getParentCode();
    return city != null ? units.get(city).filerGroup() : "province-1x";
  }

  /**
   * Who urges a month's late reports ({@code ${reviewers.supervisor(execution)}} in {@code late-reports}): the city
   * bureau its key names ({@code 2022-03/u001-schools}), province-edu for {@code 2022-03/province-edu}.
   */
  public String supervisor(DelegateExecution execution) {
    return UnitKeys.supervisorOf(execution.getProcessBusinessKey()).map(units::get).map(Unit::filerGroup)
        .orElse(LateReports.PROVINCE);
  }
}
