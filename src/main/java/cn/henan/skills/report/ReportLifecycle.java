package cn.henan.skills.report;

import cn.henan.skills.identity.People;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The report's status steps as the model reaches them ({@code ${reportLifecycle.signed(execution)}} …). Each records
 * the step in the database, tells the filer why the form came back, and clears the decision it consumed so the next
 * round starts blank.
 */
@Component("reportLifecycle")
public class ReportLifecycle {
  private final MonthlyReports reports;
  private final ReportDocuments documents;
  private final People people;

  ReportLifecycle(MonthlyReports reports, ReportDocuments documents, People people) {
    this.reports = reports;
    this.documents = documents;
    this.people = people;
  }

  public void withdrawn(DelegateExecution execution) {
    String reason = ReportVariables.text(execution, "withdrawReason");
    reports.withdraw(execution.getProcessBusinessKey(), reason, actor());
    notice(execution, "已撤回" + (reason == null ? "。" : "：" + reason) + " 修改后请重新提交。");
    execution.removeVariables(List.of("withdrawConfirmed", "withdrawReason"));
  }

  public void returnedAtSign(DelegateExecution execution) {
    String reason = ReportVariables.text(execution, "returnReason");
    reports.returnAtSign(execution.getProcessBusinessKey(), reason, actor());
    notice(execution, "领导小组组长退回：" + reason);
    execution.removeVariables(List.of("signDecision", "returnReason"));
  }

  public void signed(DelegateExecution execution) {
    String user = actor();
    reports.sign(execution.getProcessBusinessKey(), user, user == null ? null : people.displayName(user));
    execution.removeVariables(List.of("signDecision", "returnReason"));
  }

  public void returnedAtReview(DelegateExecution execution) {
    String skills = ReviewLane.SKILLS.returned(execution)
        ? ReportVariables.text(execution, ReviewLane.SKILLS.reasonVariable()) : null;
    String onePlusX = ReviewLane.ONE_PLUS_X.returned(execution)
        ? ReportVariables.text(execution, ReviewLane.ONE_PLUS_X.reasonVariable()) : null;
    reports.returnAtReview(execution.getProcessBusinessKey(), skills, onePlusX, actor());
    StringBuilder notice = new StringBuilder("审核退回：");
    if (skills != null) {
      notice.append("（培训取证）").append(skills).append(' ');
    }
    if (onePlusX != null) {
      notice.append("（1+X）").append(onePlusX);
    }
    notice(execution, notice.toString().trim());
    clearReviews(execution);
  }

  /**
   * Both reviews passed. Only the version the leader signed can be accepted (see
   * {@link ReportDocuments#requireSignedVersion}): otherwise the reviewer's completion is refused with a sentence
   * saying why, the task stays open and the reviewer returns the report.
   */
  public void accepted(DelegateExecution execution) {
    documents.requireSignedVersion(execution.getProcessBusinessKey());
    reports.accept(execution.getProcessBusinessKey(), actor());
    clearReviews(execution);
  }

  private static void clearReviews(DelegateExecution execution) {
    for (ReviewLane lane : ReviewLane.values()) {
      execution.removeVariables(List.of(lane.decisionVariable(), lane.reasonVariable()));
    }
  }

  private static void notice(DelegateExecution execution, String text) {
    execution.setVariable("returnNotice", text);
  }

  private String actor() {
    return people.currentUserId().orElse(null);
  }
}
