package cn.henan.skills.report;

import cn.henan.skills.identity.People;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "校验月报": checks the filled form. Errors, or warnings not yet confirmed, send the form back with the
 * messages ({@code reportCheck} = ERROR / WARNING); a passing report is stored as submitted ({@code reportCheck} = OK).
 */
@Component("checkMonthlyReport")
class CheckMonthlyReport implements JavaDelegate {
  private final MonthlyReportRules rules;
  private final MonthlyReports reports;
  private final MonthlyReportForms forms;
  private final People people;

  CheckMonthlyReport(MonthlyReportRules rules, MonthlyReports reports, MonthlyReportForms forms, People people) {
    this.rules = rules;
    this.reports = reports;
    this.forms = forms;
    this.people = people;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReportPeriod period = ReportVariables.period(execution);
    MonthlyReportForms.Context context = forms.context(period, ReportVariables.unitCode(execution));
    MonthlyReportRules.Outcome outcome = rules.check(execution.getVariables(), context.secondarySchool(),
        context.quota(), context.acceptedBefore());
    boolean confirmed = Boolean.TRUE.equals(execution.getVariable("warningsConfirmed"));
    if (outcome.hasErrors()) {
      execution.setVariable("reportCheck", "ERROR");
      execution.setVariable("reportErrors", String.join("\n", outcome.errors()));
      execution.setVariable("reportWarnings", null);
      return;
    }
    if (!outcome.warnings().isEmpty() && !confirmed) {
      execution.setVariable("reportCheck", "WARNING");
      execution.setVariable("reportErrors", null);
      execution.setVariable("reportWarnings", String.join("\n", outcome.warnings()));
      return;
    }
    MonthlyReport report = reports.submit(execution.getProcessBusinessKey(), outcome.entry(),
        people.currentUserId().orElse(null));
    execution.setVariable("reportCheck", "OK");
    execution.setVariable("reportErrors", null);
    execution.setVariable("reportWarnings", null);
    execution.setVariable("warningsConfirmed", false);
    execution.setVariable("returnNotice", null);
    execution.setVariable("reportVersion", report.getVersion());
    execution.setVariable("reportSummary", forms.summary(context, report));
  }
}
