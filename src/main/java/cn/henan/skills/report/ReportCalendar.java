package cn.henan.skills.report;

import cn.henan.skills.platform.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The reporting calendar of the notice: a report per month from March to December, opening on the 1st and due at
 * the end of the 30th (the month's last day when it is shorter), Beijing time, unless province-edu moved that month's
 * due date; the reminder goes out some days before. Timers in the models ask this bean
 * ({@code ${reportCalendar.dueDate(year, reportMonth)}} …), so a process administrator can change the model without
 * touching Java.
 */
@Component("reportCalendar")
public class ReportCalendar {
  static final int FIRST_MONTH = 3;
  static final int LAST_MONTH = 12;
  static final int DUE_DAY = 30;

  private final ReportDueDateRepository movedDueDates;
  private final int reminderDays;

  ReportCalendar(ReportDueDateRepository movedDueDates,
      @Value("${skills-henan.reports.reminder-days:3}") int reminderDays) {
    this.movedDueDates = movedDueDates;
    this.reminderDays = reminderDays;
  }

  public List<Integer> reportMonths(Integer year) {
    return IntStream.rangeClosed(FIRST_MONTH, LAST_MONTH).boxed().toList();
  }

  public Date opensAt(Integer year, Integer month) {
    return Date.from(LocalDate.of(year, month, 1).atStartOfDay(EngineClock.BEIJING).toInstant());
  }

  /** The end of the due day: the 30th, or the last day of a shorter month, unless the month's due date was moved. */
  public Date dueDate(Integer year, Integer month) {
    return Date.from(dueInstant(ReportPeriod.of(year, month)));
  }

  /** When the filers and the leader are reminded: {@code skills-henan.reports.reminder-days} before the due date. */
  public Date reminderAt(Integer year, Integer month) {
    return Date.from(dueInstant(ReportPeriod.of(year, month)).minus(Duration.ofDays(reminderDays)));
  }

  public String businessKey(Integer year, Integer month, String unitCode) {
    return ReportPeriod.of(year, month).key() + "/" + unitCode;
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
