package cn.henan.skills.report;

import cn.henan.skills.identity.People;
import cn.henan.skills.platform.Refusal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "填报月度进度": checks the filled form at the filer's click. Errors, or warnings the filer has
 * not confirmed, refuse the completion with the messages (the task stays open with what was typed, nothing is
 * stored); a passing report is stored as submitted and goes to the leader.
 */
@Component("checkMonthlyReport")
class CheckMonthlyReport implements TaskListener {
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
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    ReportPeriod period = ReportVariables.period(execution);
    MonthlyReportForms.Context context = forms.context(period, ReportVariables.unitCode(execution));
    MonthlyReportRules.Outcome outcome = rules.check(execution.getVariables(), context.unit().getKind(),
        context.quota(), context.acceptedBefore());
    if (outcome.hasErrors()) {
      throw new Refusal("月报有错误，没有提交：\n" + String.join("\n", outcome.errors()));
    }
    boolean confirmed = Boolean.TRUE.equals(execution.getVariable("warningsConfirmed"));
    if (!outcome.warnings().isEmpty() && !confirmed) {
      throw new Refusal("请核实以下情况，月报尚未提交：\n" + String.join("\n", outcome.warnings())
          + "\n数字无误时，请勾选表单下方“" + MonthlyReportRules.CONFIRMATION + "”后再提交；有误时请修改。");
    }
    // the institutions filed here count as they stand at submission: one filed or revoked later changes the next one
    MonthlyReport report = reports.submit(execution.getProcessBusinessKey(), outcome.entry(),
        forms.filedInstitutions(context.unit().getCode()), people.currentUserId().orElse(null));
    // a confirmation covers the warnings it was given for, not those of a later round; a return's or withdrawal's
    // note belongs to that return (the reason stays in the report's history)
    clear(execution, "warningsConfirmed", "returnNotice");
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
