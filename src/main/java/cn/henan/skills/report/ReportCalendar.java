package cn.henan.skills.report;

import cn.henan.skills.platform.EngineClock;
import cn.henan.skills.unit.UnitKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The reporting calendar of the notice: a report per month from March to December, opening on the 1st and due at
 * the end of the 30th (the month's last day when it is shorter), Beijing time, unless province-edu moved that month's
 * due date; the reminder goes out as long before as the model says. Timers in the models ask this bean
 * ({@code ${reportCalendar.dueDate(execution)}} …), so a process administrator can change the model without
 * touching Java. The year (and a report's month) come from the instance's business key, not from variables.
 */
@Component("reportCalendar")
public class ReportCalendar {
  static final int FIRST_MONTH = 3;
  static final int LAST_MONTH = 12;
  static final int DUE_DAY = 30;

  private final ReportDueDateRepository movedDueDates;

  ReportCalendar(ReportDueDateRepository movedDueDates) {
    this.movedDueDates = movedDueDates;
  }

  /** The months a year reports on, March–December. */
  public List<Integer> reportMonths() {
    return IntStream.rangeClosed(FIRST_MONTH, LAST_MONTH).boxed().toList();
  }

  /** {@code ${reportCalendar.reportMonths(execution)}} in {@code unit-year}. */
  public List<Integer> reportMonths(DelegateExecution unitYear) {
    return reportMonths();
  }

  public Date opening(ReportPeriod period) {
    return Date.from(LocalDate.of(period.year(), period.month(), 1).atStartOfDay(EngineClock.BEIJING).toInstant());
  }

  /** {@code ${reportCalendar.opensAt(execution, reportMonth)}} in {@code unit-year} ({@code 2022/u001}). */
  public Date opensAt(DelegateExecution unitYear, Integer month) {
    return opening(ReportPeriod.of(UnitKeys.yearOf(unitYear.getProcessBusinessKey()), month));
  }

  /** The end of the due day: the 30th, or the last day of a shorter month, unless the month's due date was moved. */
  public Date due(ReportPeriod period) {
    return Date.from(dueInstant(period));
  }

  /** {@code ${reportCalendar.dueDate(execution)}} in {@code monthly-report} ({@code 2022-03/u001}). */
  public Date dueDate(DelegateExecution report) {
    return due(ReportVariables.period(report));
  }

  /** {@code lead} before the due date of the period. */
  public Date beforeDue(ReportPeriod period, Duration lead) {
    return Date.from(dueInstant(period).minus(lead));
  }

  /**
   * {@code ${reportCalendar.beforeDue(execution, 'P3D')}} in {@code monthly-report}: when the filers and the leader are
   * reminded. How long before the due date is the model's ISO 8601 duration, so a process administrator changes it in
   * Modeler (P5D: five days) and running reports keep theirs until migrated.
   */
  public Date beforeDue(DelegateExecution report, String lead) {
    Duration duration;
    try {
      duration = Duration.parse(lead);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("模型中截止前提醒的提前量“" + lead + "”不是 ISO 8601 时长（例如 P3D 表示 3 天）。");
    }
    if (duration.isNegative()) {
      throw new IllegalArgumentException("模型中截止前提醒的提前量“" + lead + "”不能为负。");
    }
    return beforeDue(ReportVariables.period(report), duration);
  }

  /**
   * {@code ${reportCalendar.businessKey(execution, reportMonth)}} in {@code unit-year}: the month's report of the
   * unit-year's own unit and year ({@code 2022/u001} → {@code 2022-03/u001}), whatever its variables say.
   */
  public String businessKey(DelegateExecution unitYear, Integer month) {
    String key = unitYear.getProcessBusinessKey();
    String unit = UnitKeys.unitCodeOf(key)
        .orElseThrow(() -> new IllegalStateException("业务键“" + key + "”没有指明单位。"));
    return ReportPeriod.of(UnitKeys.yearOf(key), month).key() + "/" + unit;
  }

  Instant dueInstant(ReportPeriod period) {
    return movedDueDates.find(period.year(), period.month()).map(ReportDueDate::getDueAt)
        .orElseGet(() -> ruleDueDate(period));
  }

  static Instant ruleDueDate(ReportPeriod period) {
    LocalDate first = LocalDate.of(period.year(), period.month(), 1);
    LocalDate dueDay = first.withDayOfMonth(Math.min(DUE_DAY, first.lengthOfMonth()));
    return dueDay.plusDays(1).atStartOfDay(EngineClock.BEIJING).toInstant();
  }
}
