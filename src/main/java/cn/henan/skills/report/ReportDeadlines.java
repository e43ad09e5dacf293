package cn.henan.skills.report;

import cn.henan.skills.notification.EmailNotices;
import cn.henan.skills.platform.EngineClock;
import cn.henan.skills.report.MonthlyReportEvent.Kind;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The deadline steps of a monthly report as the model's timers reach them ({@code ${reportDeadlines.remind(execution)}}
 * …). A report counts as filed once its stamped scan of the current version is in (or it is accepted).
 */
@Component("reportDeadlines")
public class ReportDeadlines {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M 月 d 日 HH:mm").withZone(EngineClock.BEIJING);

  private final MonthlyReports reports;
  private final ReportDocuments documents;
  private final ReportCalendar calendar;
  private final TaskService taskService;
  private final EmailNotices emailNotices;

  ReportDeadlines(MonthlyReports reports, ReportDocuments documents, ReportCalendar calendar, TaskService taskService,
      EmailNotices emailNotices) {
    this.reports = reports;
    this.documents = documents;
    this.calendar = calendar;
    this.taskService = taskService;
    this.emailNotices = emailNotices;
  }

  /**
   * Before the due date: the open tasks get the due date as follow-up date and a reminder comment; the unit's filers
   * and leader also get it by e-mail when SMTP is configured.
   */
  public void remind(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    if (isFiled(key)) {
      return;
    }
    ReportPeriod period = ReportVariables.period(execution);
    Date due = calendar.due(period);
    // the due date is the end of the due day, so the last minute of that day reads better
    String text = "催办：" + period.chinese() + "进度月报将于 " + DAY.format(due.toInstant().minusSeconds(60))
        + "（北京时间）截止，请尽快填报、由领导小组组长签字并上传盖章扫描件。";
    for (Task task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
      task.setFollowUpDate(due);
      taskService.saveTask(task);
      taskService.createComment(task.getId(), execution.getProcessInstanceId(), text);
    }
    reports.note(key, Kind.REMINDED, text, null);
    emailNotices.toUnit(ReportVariables.unitCode(execution), "【催办】" + period.chinese() + "进度月报即将截止", text);
  }

  /** At the due date: an unfiled report is marked late for good (the model then hands it to {@link LateReports}). */
  public void markLate(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    boolean late = !isFiled(key);
    if (late) {
      reports.open(ReportVariables.period(execution), ReportVariables.unitCode(execution));
      reports.markLate(key);
    }
    execution.setVariable("reportLate", late);
  }

  /** Filed = the stamped scan of the report's current version is in, or the report is accepted. */
  boolean isFiled(String key) {
    return reports.find(key).map(report -> isFiled(report,
        documents.latestVersion(report, ReportDocument.Kind.STAMPED_SCAN).orElse(null))).orElse(false);
  }

  /** The same rule for a report whose newest scan version is known ({@code null}: no scan). */
  static boolean isFiled(MonthlyReport report, Integer latestScanVersion) {
    return report.getStatus() == MonthlyReport.Status.ACCEPTED
        || latestScanVersion != null && latestScanVersion == report.getVersion();
  }
}
