package cn.henan.skills.report;

import cn.henan.skills.rules.DecisionTables;
import cn.henan.skills.rules.RuleDecisions;
import cn.henan.skills.unit.ProcessUnit;
import cn.henan.skills.unit.Unit;
import cn.henan.skills.unit.UnitKeys;
import cn.henan.skills.unit.UnitRegistry;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Who reviews a report, for the models' candidate groups, as the decision table {@code reviewer-groups} (审核分组)
 * says for the unit's kind, its supervising level (the province, or a city bureau for its own schools) and the
 * indicator. The unit comes from the instance's business key and its supervisor from the unit registry (a school's
 * parent city), not from variables; the table's {@code {所属市填报组}} is that city's filer group.
 */
@Component("reviewers")
public class Reviewers {
  private final ProcessUnit processUnit;
  private final UnitRegistry units;
  private final DecisionTables tables;

  Reviewers(ProcessUnit processUnit, UnitRegistry units, DecisionTables tables) {
    this.processUnit = processUnit;
    this.units = units;
    this.tables = tables;
  }

  /** {@code ${reviewers.skills(execution)}} in {@code monthly-report}. */
  public String skills(DelegateExecution execution) {
    return groups(processUnit.of(execution), RuleDecisions.SKILLS);
  }

  /** {@code ${reviewers.onePlusX(execution)}} in {@code monthly-report}. */
  public String onePlusX(DelegateExecution execution) {
    return groups(processUnit.of(execution), RuleDecisions.ONE_PLUS_X);
  }

  /** The candidate groups the table gives for this unit and indicator, comma-separated. */
  private String groups(Unit unit, String indicator) {
    String city = unit.getParentCode();
    Object answer = tables.single(RuleDecisions.REVIEWER_GROUPS, Map.of(
        RuleDecisions.UNIT_KIND, unit.getKind().code(),
        RuleDecisions.SUPERVISING_LEVEL, city == null ? RuleDecisions.PROVINCE : RuleDecisions.CITY,
        RuleDecisions.INDICATOR, indicator)).get(RuleDecisions.CANDIDATE_GROUPS);
    String table = DecisionTables.name(RuleDecisions.REVIEWER_GROUPS);
    String groups = answer == null ? "" : answer.toString();
    if (groups.contains(RuleDecisions.SUPERVISING_CITY_FILERS)) {
      if (city == null) {
        throw new IllegalStateException("规则表" + table + "为省直管单位“" + unit.getName() + "”给出了“"
            + RuleDecisions.SUPERVISING_CITY_FILERS + "”，但该单位没有所属市县教育局。");
      }
      groups = groups.replace(RuleDecisions.SUPERVISING_CITY_FILERS, units.get(city).filerGroup());
    }
    String listed = Arrays.stream(groups.split(",")).map(String::trim).filter(g -> !g.isEmpty())
        .collect(Collectors.joining(","));
    if (listed.isEmpty()) {
      throw new IllegalStateException("规则表" + table + "没有为“" + unit.getName() + "”给出审核候选组。");
    }
    return listed;
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
