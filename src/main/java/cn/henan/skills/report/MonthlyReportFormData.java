package cn.henan.skills.report;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of "填报月度进度": opens the report in the database and puts what the form shows (annual task,
 * accepted cumulative before this month, a city's schools) into the instance, fresh each time the task opens.
 */
@Component("monthlyReportFormData")
class MonthlyReportFormData implements TaskListener {
  private final MonthlyReports reports;
  private final MonthlyReportForms forms;

  MonthlyReportFormData(MonthlyReports reports, MonthlyReportForms forms) {
    this.reports = reports;
    this.forms = forms;
  }

  @Override
  public void notify(DelegateTask task) {
    ReportPeriod period = ReportVariables.period(task);
    String unitCode = ReportVariables.unitCode(task);
    reports.open(period, unitCode);
    MonthlyReportForms.Context context = forms.context(period, unitCode);
    task.getExecution().setVariable("reportContext", forms.fillContext(context));
    task.getExecution().setVariable("trainingBefore", context.acceptedBefore().training());
    task.getExecution().setVariable("certificationBefore", context.acceptedBefore().certification());
    task.getExecution().setVariable("advancedBefore", context.acceptedBefore().advanced());
    task.getExecution().setVariable("onePlusXBefore", context.acceptedBefore().onePlusX());
  }
}
