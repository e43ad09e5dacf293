package cn.henan.skills.report;

import cn.henan.skills.quota.Quota;
import cn.henan.skills.quota.QuotaDistribution;
import cn.henan.skills.unit.Unit;
import cn.henan.skills.unit.UnitRegistry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepted progress at the end of a month for every unit: cumulative figures, annual tasks and rates per indicator.
 * A city's figures include its schools'; the province totals add up the provincial units (so schools count once).
 */
@Service
@Transactional(readOnly = true)
public class Progress {
  private final UnitRegistry units;
  private final QuotaDistribution quotas;
  private final MonthlyReports reports;

  Progress(UnitRegistry units, QuotaDistribution quotas, MonthlyReports reports) {
    this.units = units;
    this.quotas = quotas;
    this.reports = reports;
  }

  public record IndicatorProgress(Integer annualTask, long cumulative, BigDecimal rate) {
  }

  public record UnitProgress(Unit unit, Map<Indicator, IndicatorProgress> indicators, List<UnitProgress> schools) {
  }

  public record Overview(ReportPeriod period, List<UnitProgress> units, Map<Indicator, IndicatorProgress> totals) {
  }

  /** @param visible which provincial units (and their schools) the asker may see */
  public Overview overview(ReportPeriod period, Predicate<Unit> visible) {
    Map<String, Quota> quotaByUnit = quotas.quotasOf(period.year());
    Map<String, Figures> acceptedByUnit = reports.allAcceptedThrough(period).stream()
        .collect(Collectors.groupingBy(MonthlyReport::getUnitCode,
            Collectors.reducing(Figures.ZERO, MonthlyReport::figures, Figures::plus)));
    Map<String, List<Unit>> schoolsByCity = units.allUnits(period.year()).stream().filter(u -> u.getParentCode() != null)
        .collect(Collectors.groupingBy(Unit::getParentCode));

    List<UnitProgress> entries = new ArrayList<>();
    Figures allDone = Figures.ZERO;
    Figures allTasks = Figures.ZERO;
    for (Unit unit : units.provincialUnits(period.year())) {
      Quota quota = quotaByUnit.get(unit.getCode());
      if (quota == null) {
        continue;
      }
      List<UnitProgress> schools = new ArrayList<>();
      Figures done = acceptedByUnit.getOrDefault(unit.getCode(), Figures.ZERO);
      for (Unit school : schoolsByCity.getOrDefault(unit.getCode(), List.of())) {
        if (!quotaByUnit.containsKey(school.getCode())) {
          continue; // a school of another year's subdivision
        }
        Figures schoolDone = acceptedByUnit.getOrDefault(school.getCode(), Figures.ZERO);
        done = done.plus(schoolDone);
        schools.add(new UnitProgress(school, indicators(quotaByUnit.get(school.getCode()), schoolDone), List.of()));
      }
      allDone = allDone.plus(done);
      allTasks = allTasks.plus(tasks(quota));
      if (visible.test(unit)) {
        entries.add(new UnitProgress(unit, indicators(quota, done), schools));
      } else {
        // a school's own people see their school alone
        schools.stream().filter(s -> visible.test(s.unit())).forEach(entries::add);
      }
    }
    Figures tasks = allTasks;
    Map<Indicator, IndicatorProgress> totals = new LinkedHashMap<>();
    for (Indicator indicator : Indicator.values()) {
      int task = Math.toIntExact(tasks.get(indicator));
      totals.put(indicator, new IndicatorProgress(task, allDone.get(indicator),
          Rates.percent(allDone.get(indicator), task)));
    }
    return new Overview(period, entries, totals);
  }

  /** One unit's accepted progress (a city with its schools). */
  public UnitProgress of(ReportPeriod period, String unitCode) {
    Unit unit = units.get(unitCode, period.year());
    Map<String, Quota> quotaByUnit = quotas.quotasOf(period.year());
    List<String> codes = new ArrayList<>(List.of(unitCode));
    units.schoolsOf(unitCode).stream().filter(s -> quotaByUnit.containsKey(s.getCode()))
        .forEach(s -> codes.add(s.getCode()));
    return new UnitProgress(unit, indicators(quotaByUnit.get(unitCode), reports.acceptedThrough(period, codes)),
        List.of());
  }

  private static Figures tasks(Quota quota) {
    return new Figures(quota.training(), quota.certification(),
        quota.advanced() == null ? 0 : quota.advanced(), quota.onePlusX() == null ? 0 : quota.onePlusX());
  }

  private static Map<Indicator, IndicatorProgress> indicators(Quota quota, Figures done) {
    Map<Indicator, IndicatorProgress> map = new LinkedHashMap<>();
    for (Indicator indicator : Indicator.values()) {
      Integer task = ReportSheet.annualTask(quota, indicator);
      map.put(indicator, new IndicatorProgress(task, done.get(indicator), Rates.percent(done.get(indicator), task)));
    }
    return map;
  }
}
