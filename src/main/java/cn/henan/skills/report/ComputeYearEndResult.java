package cn.henan.skills.report;

import cn.henan.skills.unit.UnitKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "计算年度完成情况": the unit's accepted figures and rates at the end of December. */
@Component("computeYearEndResult")
class ComputeYearEndResult implements JavaDelegate {
  private final Progress progress;

  ComputeYearEndResult(Progress progress) {
    this.progress = progress;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // unit and year from the unit-year's business key (2022/u001), not from variables
    String key = execution.getProcessBusinessKey();
    int year = UnitKeys.yearOf(key);
    Progress.UnitProgress result = progress.of(ReportPeriod.of(year, ReportCalendar.LAST_MONTH),
        UnitKeys.unitCodeOf(key).orElseThrow());
    StringBuilder text = new StringBuilder(year + " 年度完成情况（已通过审核的数据）：");
    result.indicators().forEach((indicator, p) -> text.append(indicator.chineseName()).append(' ')
        .append(p.cumulative()).append(" / ").append(p.annualTask() == null ? "——" : p.annualTask())
        .append("（").append(Rates.format(p.rate())).append("）；"));
    execution.setVariable("yearEndSummary", text.toString());
    result.indicators().forEach((indicator, p) ->
        execution.setVariable(indicator.key() + "YearEndRate", p.rate() == null ? null : p.rate().doubleValue()));
  }
}
