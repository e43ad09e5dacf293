package cn.henan.skills.report;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of "填报月度进度": opens the report in the database and puts what the form shows (annual task,
 * accepted cumulative before this month, a city's schools, the evaluation institutions filed in this system) into the
 * instance, fresh each time the task opens.
 */
@Component("monthlyReportFormData")
class MonthlyReportFormData implements TaskListener {
  /** What the fill form shows (read-only) beside each kind's not-filed count, in the order of InstitutionKind. */
  static final List<String> FILED = List.of("filedInstitutionsCollegeLevel", "filedInstitutionsAppraisal",
      "filedInstitutionsSocial", "filedInstitutionsSpecial");

  private final MonthlyReports reports;
  private final MonthlyReportForms forms;

  MonthlyReportFormData(MonthlyReports reports, MonthlyReportForms forms) {
    this.reports = reports;
    this.forms = forms;
  }

  @Override
  public void notify(DelegateTask task) {
    ReportPeriod period = ReportVariables.period(task.getExecution());
    String unitCode = ReportVariables.unitCode(task.getExecution());
    reports.open(period, unitCode);
    MonthlyReportForms.Context context = forms.context(period, unitCode);
    DelegateExecution execution = task.getExecution();
    ReportVariables.setIfChanged(execution, "reportContext", forms.fillContext(context));
    ReportVariables.setIfChanged(execution, "trainingBefore", context.acceptedBefore().training());
    ReportVariables.setIfChanged(execution, "certificationBefore", context.acceptedBefore().certification());
    ReportVariables.setIfChanged(execution, "advancedBefore", context.acceptedBefore().advanced());
    ReportVariables.setIfChanged(execution, "onePlusXBefore", context.acceptedBefore().onePlusX());
    List<Integer> filed = forms.filedInstitutions(unitCode);
    for (int kind = 0; kind < FILED.size(); kind++) {
      ReportVariables.setIfChanged(execution, FILED.get(kind), filed.get(kind));
    }
  }
}
