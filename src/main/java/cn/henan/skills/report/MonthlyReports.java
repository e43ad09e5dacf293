package cn.henan.skills.report;

import cn.henan.skills.platform.TransactionMemo;
import cn.henan.skills.report.MonthlyReportEvent.Kind;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The life of a monthly report in the database: its figures, status and history. Only accepted figures count. */
@Service
@Transactional
public class MonthlyReports {
  private final MonthlyReportRepository reports;
  private final MonthlyReportEventRepository events;
  private final Clock clock;
  /** A unit's accepted figures before a month, asked for by the form's context, checks and view in one command. */
  private final TransactionMemo<String, Figures> acceptedBeforeInTransaction = new TransactionMemo<>();

  MonthlyReports(MonthlyReportRepository reports, MonthlyReportEventRepository events, Clock clock) {
    this.reports = reports;
    this.events = events;
    this.clock = clock;
  }

  /** The report of a unit and month, created (open, empty) the first time it is asked for. */
  public MonthlyReport open(ReportPeriod period, String unitCode) {
    return reports.findByBusinessKey(period.key() + "/" + unitCode)
        .orElseGet(() -> reports.save(new MonthlyReport(period, unitCode)));
  }

  @Transactional(readOnly = true)
  public Optional<MonthlyReport> find(String businessKey) {
    return reports.findByBusinessKey(businessKey);
  }

  /** @param filedInstitutions the unit's institutions filed in this system now, per kind */
  public MonthlyReport submit(String businessKey, MonthlyReportEntry entry, List<Integer> filedInstitutions,
      String user) {
    MonthlyReport report = get(businessKey);
    report.submit(entry, filedInstitutions, user, clock.instant());
    record(report, Kind.SUBMITTED, null, user);
    return report;
  }

  public void withdraw(String businessKey, String reason, String user) {
    MonthlyReport report = get(businessKey);
    report.reopen();
    record(report, Kind.WITHDRAWN, reason, user);
  }

  public void returnAtSign(String businessKey, String reason, String user) {
    MonthlyReport report = get(businessKey);
    report.reopen();
    record(report, Kind.RETURNED_AT_SIGN, reason, user);
  }

  public MonthlyReport sign(String businessKey, String user, String userName) {
    MonthlyReport report = get(businessKey);
    report.sign(user, userName, clock.instant());
    record(report, Kind.SIGNED, null, user);
    return report;
  }

  /** A return from either review lane (or both); a null reason means that lane did not return. */
  public void returnAtReview(String businessKey, String skillsReason, String onePlusXReason, String user) {
    MonthlyReport report = get(businessKey);
    report.reopen();
    if (skillsReason != null) {
      record(report, Kind.RETURNED_AT_SKILLS_REVIEW, skillsReason, user);
    }
    if (onePlusXReason != null) {
      record(report, Kind.RETURNED_AT_ONE_PLUS_X_REVIEW, onePlusXReason, user);
    }
  }

  public MonthlyReport accept(String businessKey, String user) {
    MonthlyReport report = get(businessKey);
    report.accept(clock.instant());
    record(report, Kind.ACCEPTED, null, user);
    return report;
  }

  /** Records a step that does not change the report's status: a reminder, an urge. */
  public void note(String businessKey, Kind kind, String text, String user) {
    record(get(businessKey), kind, text, user);
  }

  public void markLate(String businessKey) {
    MonthlyReport report = get(businessKey);
    report.markLate();
    record(report, Kind.LATE, null, null);
  }

  @Transactional(readOnly = true)
  public List<MonthlyReportEvent> history(String businessKey) {
    return events.findByReportIdOrderByIdAsc(get(businessKey).getId());
  }

  /** The accepted figures of these units summed over the months before {@code period} (same year). */
  @Transactional(readOnly = true)
  public Figures acceptedBefore(ReportPeriod period, Collection<String> unitCodes) {
    return acceptedBeforeInTransaction.get(period.key() + "/" + String.join(",", unitCodes.stream().sorted().toList()),
        key -> sum(reports.acceptedThrough(period.year(), period.month() - 1, unitCodes)));
  }

  /** The accepted figures of these units summed over the months up to and including {@code period}. */
  @Transactional(readOnly = true)
  public Figures acceptedThrough(ReportPeriod period, Collection<String> unitCodes) {
    return sum(reports.acceptedThrough(period.year(), period.month(), unitCodes));
  }

  @Transactional(readOnly = true)
  /** The accepted reports of these units up to and including the period's month, with who accepted each. */
  public List<Accepted> acceptedReportsThrough(ReportPeriod period, Collection<String> unitCodes) {
    List<MonthlyReport> accepted = reports.acceptedThrough(period.year(), period.month(), unitCodes);
    Map<Long, MonthlyReportEvent> acceptance = events.findByReportIdInAndKind(
            accepted.stream().map(MonthlyReport::getId).toList(), Kind.ACCEPTED).stream()
        .collect(Collectors.toMap(MonthlyReportEvent::getReportId, e -> e, (a, b) -> b));
    return accepted.stream().map(r -> new Accepted(r, acceptance.get(r.getId()))).toList();
  }

  /** An accepted report and its acceptance event (null for a report accepted before events were kept). */
  public record Accepted(MonthlyReport report, MonthlyReportEvent acceptance) {
  }

  List<MonthlyReport> allAcceptedThrough(ReportPeriod period) {
    return reports.allAcceptedThrough(period.year(), period.month());
  }

  /** Whether any unit reports on this month (reports run March–December of a year whose quotas were published). */
  @Transactional(readOnly = true)
  public boolean anyIn(ReportPeriod period) {
    return reports.existsByYearAndMonth(period.year(), period.month());
  }

  /** Whether a unit's report of a month is filed (submitted, signed or accepted) and whether it is marked late. */
  public record Filing(String unitCode, boolean filed, boolean late) {
  }

  /** The filing state of every report of the month, by unit code, in one query; a unit without a report is absent. */
  @Transactional(readOnly = true)
  public Map<String, Filing> filingsOf(ReportPeriod period) {
    Map<String, Filing> filings = new HashMap<>();
    for (MonthlyReport report : reports.findByYearAndMonth(period.year(), period.month())) {
      filings.put(report.getUnitCode(), new Filing(report.getUnitCode(),
          report.getStatus() != MonthlyReport.Status.OPEN, report.isLate()));
    }
    return filings;
  }

  static Figures sum(Collection<MonthlyReport> accepted) {
    return accepted.stream().map(MonthlyReport::figures).reduce(Figures.ZERO, Figures::plus);
  }

  private MonthlyReport get(String businessKey) {
    return reports.findByBusinessKey(businessKey)
        .orElseThrow(() -> new IllegalStateException("月报 " + businessKey + " 不存在。"));
  }

  /** Every change of a report is recorded here, so this is where the transaction's answers are forgotten. */
  private void record(MonthlyReport report, Kind kind, String reason, String user) {
    acceptedBeforeInTransaction.clear();
    events.save(new MonthlyReportEvent(report, kind, reason, user, clock.instant()));
  }
}
