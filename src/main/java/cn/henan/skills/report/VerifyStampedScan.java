package cn.henan.skills.report;

import cn.henan.skills.identity.People;
import cn.henan.skills.platform.KeepsUploads;
import cn.henan.skills.platform.Refusal;
import cn.henan.skills.platform.Uploads;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "上传盖章扫描件": checks the uploaded scan. A refused scan fails the completion with the
 * reason, so the task stays open and nothing is stored (the transaction rolls back); a passing scan is kept with the
 * report (the reviewers' forms get its link and notice from {@code reportView}). A late report filed
 * this way is shown as filed in its supervisor's open escalation.
 */
@Component("verifyStampedScan")
class VerifyStampedScan implements TaskListener, KeepsUploads {
  private final ReportDocuments documents;
  private final People people;
  private final LateReports lateReports;

  VerifyStampedScan(ReportDocuments documents, People people, LateReports lateReports) {
    this.documents = documents;
    this.people = people;
    this.lateReports = lateReports;
  }

  @Override
  public Set<String> uploadVariables() {
    return Set.of("stampedScan");
  }

  @Override
  public void notify(DelegateTask task) {
    // nothing chosen: the scan check refuses it as empty
    byte[] scan = Uploads.of(task.getExecution().getVariableTyped("stampedScan")).map(Uploads.Upload::content)
        .orElse(new byte[0]);
    ReportDocuments.FilerDeclaration declaration = new ReportDocuments.FilerDeclaration(
        Boolean.TRUE.equals(task.getExecution().getVariable("qrUnreadable")),
        Boolean.TRUE.equals(task.getExecution().getVariable("sealFaint")),
        ReportVariables.text(task.getExecution(), "scanExplanation"));
    String key = task.getExecution().getProcessBusinessKey();
    try {
      documents.acceptScan(key, scan, declaration, people.currentUserId().orElse(null));
    } catch (ReportDocuments.ScanRefusedException e) {
      throw new Refusal(e.getMessage(), e);
    }
    // the bytes live with the report; the process keeps only links
    task.getExecution().removeVariables(List.of("stampedScan", "qrUnreadable", "sealFaint", "scanExplanation"));
    // a late report filed now: the supervisor's open 逾期月报督办 shows it as filed
    lateReports.reportFiled(task.getExecution());
  }
}
