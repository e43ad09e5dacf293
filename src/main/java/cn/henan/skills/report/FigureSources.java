package cn.henan.skills.report;

import cn.henan.skills.identity.People;
import cn.henan.skills.quota.QuotaDistribution;
import cn.henan.skills.unit.Unit;
import cn.henan.skills.unit.UnitRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a figure of the dashboard and the progress view comes from: the accepted reports that add up to a unit's
 * cumulative figure of one indicator (a city's with its schools'), or to the province's total — each with its month,
 * version, signer, who accepted it and when, and its PDF and scan. Read from the same accepted reports as
 * {@link Progress}, so they sum exactly to the figure shown.
 */
@Service
@Transactional(readOnly = true)
public class FigureSources {
  private final UnitRegistry units;
  private final QuotaDistribution quotas;
  private final MonthlyReports reports;
  private final People people;

  FigureSources(UnitRegistry units, QuotaDistribution quotas, MonthlyReports reports, People people) {
    this.units = units;
    this.quotas = quotas;
    this.reports = reports;
    this.people = people;
  }

  public record Source(String unitCode, String unitName, String month, int version, long value, String signedBy,
      Instant signedAt, String acceptedBy, Instant acceptedAt, String reportPdf, String scan) {
  }

  /** @param figure the sum of the sources' values: the figure the progress view shows */
  public record Sources(String month, String indicator, String indicatorName, String unitCode, String unitName,
      long figure, List<Source> reports) {
  }

  /**
   * @param unitCode a provincial unit (with its schools) or a school; null for the province's total
   * @param visible  which units the asker may see; a unit outside it is refused by the caller beforehand
   */
  public Sources of(ReportPeriod period, Indicator indicator, String unitCode, Predicate<Unit> visible) {
    Set<String> withQuota = quotas.quotasOf(period.year()).keySet();
    List<String> codes = new ArrayList<>();
    if (unitCode == null) {
      units.allUnits(period.year()).stream().filter(visible).map(Unit::getCode).filter(withQuota::contains).forEach(codes::add);
    } else {
      codes.add(unitCode);
      units.schoolsOf(unitCode).stream().map(Unit::getCode).filter(withQuota::contains).forEach(codes::add);
    }
    Map<String, String> names = new HashMap<>(); // a reviewer accepts many reports
    // the units as they were called in the figure's year (a renamed unit's 2022 reports under its 2022 name)
    Map<String, String> unitNames = units.allUnits(period.year()).stream()
        .collect(Collectors.toMap(Unit::getCode, Unit::getName));
    List<Source> sources = reports.acceptedReportsThrough(period, codes).stream()
        .filter(a -> a.report().figures().get(indicator) != 0)
        .sorted(Comparator.comparing((MonthlyReports.Accepted a) -> a.report().getUnitCode())
            .thenComparing(a -> a.report().getMonth()))
        .map(a -> source(a, indicator, names, unitNames)).toList();
    Unit unit = unitCode == null ? null : units.get(unitCode, period.year());
    return new Sources(period.key(), indicator.key(), indicator.chineseName(), unitCode,
        unit == null ? "全省" : unit.getName(), sources.stream().mapToLong(Source::value).sum(), sources);
  }

  private Source source(MonthlyReports.Accepted accepted, Indicator indicator, Map<String, String> names,
      Map<String, String> unitNames) {
    MonthlyReport report = accepted.report();
    String actor = accepted.acceptance() == null ? null : accepted.acceptance().getActor();
    String acceptedBy = actor == null ? null : names.computeIfAbsent(actor, people::displayName);
    return new Source(report.getUnitCode(), unitNames.get(report.getUnitCode()),
        ReportPeriod.of(report.getYear(), report.getMonth()).key(), report.getVersion(),
        report.figures().get(indicator), report.getSignedByName(), report.getSignedAt(), acceptedBy,
        report.getAcceptedAt(), ReportDocumentController.url(report.getBusinessKey(), "report.pdf"),
        ReportDocumentController.url(report.getBusinessKey(), "scan.pdf"));
  }
}
