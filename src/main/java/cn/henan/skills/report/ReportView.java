package cn.henan.skills.report;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of the tasks that show a submitted report (组长签字, 撤回月报, 上传盖章扫描件 and both reviews):
 * what the form shows — unit, month, version, the summary, the table of the figures, what to verify in them (more
 * certified than trained), the PDF and scan links and the scan notice — is built here from the stored report version
 * (JPA {@link MonthlyReport}, its documents, the unit registry) and
 * overwrites whatever the instance holds under those names (written only when it differs: the withdraw task and
 * the reviews usually find the values the sign task already set). So the leader signs, and the reviewers review,
 * exactly what the database holds.
 */
@Component("reportView")
class ReportView implements TaskListener {
  private final MonthlyReports reports;
  private final MonthlyReportForms forms;
  private final ReportDocuments documents;
  private final MonthlyReportRules rules;

  ReportView(MonthlyReports reports, MonthlyReportForms forms, ReportDocuments documents, MonthlyReportRules rules) {
    this.reports = reports;
    this.forms = forms;
    this.documents = documents;
    this.rules = rules;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    String key = execution.getProcessBusinessKey();
    ReportPeriod period = ReportVariables.period(execution);
    MonthlyReport report = reports.find(key)
        .orElseThrow(() -> new IllegalStateException("月报 " + key + " 不存在。"));
    MonthlyReportForms.Context context = forms.context(period, ReportVariables.unitCode(execution));
    ReportDocuments.Links links = documents.linksOfCurrentVersion(key);
    ReportVariables.setIfChanged(execution, "unitName", context.unit().getName());
    ReportVariables.setIfChanged(execution, "year", period.year());
    ReportVariables.setIfChanged(execution, "reportMonth", period.month());
    ReportVariables.setIfChanged(execution, "reportVersion", report.getVersion());
    ReportVariables.setIfChanged(execution, "reportSummary", forms.summary(context, report));
    ReportVariables.setIfChanged(execution, "reportTable", forms.table(context, report));
    List<String> notices = rules.plausibility(context.acceptedBefore().plus(report.figures()));
    ReportVariables.setIfChanged(execution, "figuresNotice", notices.isEmpty() ? null
        : "填报人已确认：" + String.join("\n", notices));
    ReportVariables.setIfChanged(execution, "reportPdfUrl", links.reportPdfUrl());
    ReportVariables.setIfChanged(execution, "scanUrl", links.scanUrl());
    ReportVariables.setIfChanged(execution, "scanNotice", links.scanNotice());
  }
}
