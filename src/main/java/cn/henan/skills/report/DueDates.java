package cn.henan.skills.report;

import cn.henan.skills.identity.People;
import cn.henan.skills.platform.EngineClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moving one month's due date (e.g. for holidays) without a redeploy: the calendar answers with the new date from now
 * on, and the reminder and deadline timers already waiting in that month's reports move by the same amount.
 */
@Service
public class DueDates {
  static final String REPORT_PROCESS = "monthly-report";

  private final ReportDueDateRepository movedDueDates;
  private final ReportCalendar calendar;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final Clock clock;
  private final People people;

  DueDates(ReportDueDateRepository movedDueDates, ReportCalendar calendar, RuntimeService runtimeService,
      ManagementService managementService, Clock clock, People people) {
    this.people = people;
    this.movedDueDates = movedDueDates;
    this.calendar = calendar;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.clock = clock;
  }

  /**
   * @param dueDay the last day on which reports are on time (they are due at the end of it, Beijing time)
   * @return how many waiting timers were moved
   */
  @Transactional
  public int move(ReportPeriod period, LocalDate dueDay, String reason, String user) {
    if (dueDay.isBefore(LocalDate.of(period.year(), period.month(), 1))) {
      throw new IllegalArgumentException("截止日期 " + dueDay + " 早于 " + period.chinese() + " 月报开放的日期。");
    }
    Instant before = calendar.dueInstant(period);
    Instant after = dueDay.plusDays(1).atStartOfDay(EngineClock.BEIJING).toInstant();
    ReportDueDate moved = movedDueDates.find(period.year(), period.month()).orElseGet(() -> new ReportDueDate(period));
    moved.move(after, reason, user, clock.instant());
    movedDueDates.save(moved);
    Duration shift = Duration.between(before, after);
    // the caller's role was checked; the timers of every unit's report are the application's to move
    return people.asApplication(() -> {
      int timers = 0;
      for (ProcessInstance report : runtimeService.createProcessInstanceQuery().processDefinitionKey(REPORT_PROCESS)
          .processInstanceBusinessKeyLike(period.key() + "/%").list()) {
        for (Job timer : managementService.createJobQuery().processInstanceId(report.getId()).timers().list()) {
          managementService.setJobDuedate(timer.getId(), Date.from(timer.getDuedate().toInstant().plus(shift)));
          timers++;
        }
      }
      return timers;
    });
  }
}
