package cn.henan.skills.report;

import cn.henan.skills.report.Evaluation.AnnualTasks;
import cn.henan.skills.report.Evaluation.UnitInput;
import cn.henan.skills.unit.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  EvaluationInputs(Progress progress, MonthlyReports reports) {
    this.progress = progress;
    this.reports = reports;
  }

  @Transactional(readOnly = true)
  List<UnitInput> of(ReportPeriod period) {
    Progress.Overview overview = progress.overview(period, u -> true);
    Map<String, MonthlyReports.Filing> filings = reports.filingsOf(period);
    List<UnitInput> inputs = new ArrayList<>();
    for (Progress.UnitProgress city : overview.units()) {
      inputs.add(input(city, null, filings));
      for (Progress.UnitProgress school : city.schools()) {
        inputs.add(input(school, city.unit().getCode(), filings));
      }
    }
    return inputs;
  }

  private static UnitInput input(Progress.UnitProgress progress, String cityCode,
      Map<String, MonthlyReports.Filing> filings) {
    Unit unit = progress.unit();
    Map<Indicator, Progress.IndicatorProgress> p = progress.indicators();
    MonthlyReports.Filing filing = filings.get(unit.getCode());
    return new UnitInput(unit.getCode(), unit.getName(), unit.getKind(), cityCode,
        new AnnualTasks(p.get(Indicator.TRAINING).annualTask(), p.get(Indicator.CERTIFICATION).annualTask(),
            p.get(Indicator.ADVANCED).annualTask(), p.get(Indicator.ONE_PLUS_X).annualTask()),
        new Figures(p.get(Indicator.TRAINING).cumulative(), p.get(Indicator.CERTIFICATION).cumulative(),
            p.get(Indicator.ADVANCED).cumulative(), p.get(Indicator.ONE_PLUS_X).cumulative()),
        filing != null && filing.filed(), filing != null && filing.late());
  }
}
