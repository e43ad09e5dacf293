package cn.henan.skills.report;

import cn.henan.skills.report.Evaluation.AnnualTasks;
import cn.henan.skills.report.Evaluation.UnitInput;
import cn.henan.skills.quota.QuotaDistribution;
import cn.henan.skills.unit.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the evaluation's input from the database: annual tasks and accepted cumulative figures from
 * {@link Progress} (a city with its schools), the month's filing states from {@link MonthlyReports} (one query).
 */
@Component
class EvaluationInputs {
  private final Progress progress;
  private final MonthlyReports reports;
  private final QuotaDistribution quotas;

  EvaluationInputs(Progress progress, MonthlyReports reports, QuotaDistribution quotas) {
    this.progress = progress;
    this.reports = reports;
    this.quotas = quotas;
  }

  @Transactional(readOnly = true)
  List<UnitInput> of(ReportPeriod period) {
    Progress.Overview overview = progress.overview(period, u -> true);
    Map<String, MonthlyReports.Filing> filings = reports.filingsOf(period);
    Set<String> notReceived = quotas.notReceived(period.year());
    List<UnitInput> inputs = new ArrayList<>();
    for (Progress.UnitProgress city : overview.units()) {
      inputs.add(input(city, null, filings, notReceived));
      for (Progress.UnitProgress school : city.schools()) {
        inputs.add(input(school, city.unit().getCode(), filings, notReceived));
      }
    }
    return inputs;
  }

  private static UnitInput input(Progress.UnitProgress progress, String cityCode,
      Map<String, MonthlyReports.Filing> filings, Set<String> notReceived) {
    Unit unit = progress.unit();
    Map<Indicator, Progress.IndicatorProgress> p = progress.indicators();
    MonthlyReports.Filing filing = filings.get(unit.getCode());
    return new UnitInput(unit.getCode(), unit.getName(), unit.getKind(), cityCode,
        new AnnualTasks(p.get(Indicator.TRAINING).annualTask(), p.get(Indicator.CERTIFICATION).annualTask(),
            p.get(Indicator.ADVANCED).annualTask(), p.get(Indicator.ONE_PLUS_X).annualTask()),
        new Figures(p.get(Indicator.TRAINING).cumulative(), p.get(Indicator.CERTIFICATION).cumulative(),
            p.get(Indicator.ADVANCED).cumulative(), p.get(Indicator.ONE_PLUS_X).cumulative()),
        filing != null && filing.filed(), filing != null && filing.late(), !notReceived.contains(unit.getCode()));
  }
}
