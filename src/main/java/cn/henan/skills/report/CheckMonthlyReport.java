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
    // a return's or withdrawal's note belongs to that return: once the filer submits again it is done with (the
    // reason stays in the report's history); the form shows this check's errors or warnings instead
    clear(execution, "returnNotice");
    if (outcome.hasErrors()) {
      execution.setVariable("reportCheck", "ERROR");
      execution.setVariable("reportErrors", String.join("\n", outcome.errors()));
      clear(execution, "reportWarnings");
      return;
    }
    if (!outcome.warnings().isEmpty() && !confirmed) {
      execution.setVariable("reportCheck", "WARNING");
      clear(execution, "reportErrors");
      execution.setVariable("reportWarnings", String.join("\n", outcome.warnings()));
      return;
    }
    MonthlyReport report = reports.submit(execution.getProcessBusinessKey(), outcome.entry(),
        people.currentUserId().orElse(null));
    execution.setVariable("reportCheck", "OK");
    // a confirmation covers the warnings it was given for, not those of a later round
    clear(execution, "reportErrors", "reportWarnings", "warningsConfirmed");
    execution.setVariable("reportVersion", report.getVersion());
  }

  /** Removes what exists only: the forms hide a message that is absent, and an absent variable costs nothing. */
  private static void clear(DelegateExecution execution, String... names) {
    for (String name : names) {
      if (execution.hasVariable(name)) {
        execution.removeVariable(name);
      }
    }
  }
}
