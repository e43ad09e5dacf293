package cn.henan.skills.report;

import cn.henan.skills.identity.People;
import cn.henan.skills.platform.Refusal;
import cn.henan.skills.platform.Uploads;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "上传盖章扫描件": checks the uploaded scan. A refused scan fails the completion with the
 * reason, so the task stays open and nothing is stored (the transaction rolls back); a passing scan is kept with the
 * report, and the reviewers get its link (and a notice when its QR code was not verified). A late report filed
 * this way is shown as filed in its supervisor's open escalation.
 */
@Component("verifyStampedScan")
class VerifyStampedScan implements TaskListener {
  private final ReportDocuments documents;
  private final People people;
  private final LateReports lateReports;

  VerifyStampedScan(ReportDocuments documents, People people, LateReports lateReports) {
    this.documents = documents;
    this.people = people;
    this.lateReports = lateReports;
  }

  @Override
  public void notify(DelegateTask task) {
    // nothing chosen: the scan check refuses it as empty
    byte[] scan = Uploads.of(task.getExecution().getVariableTyped("stampedScan")).map(Uploads.Upload::content)
        .orElse(new byte[0]);
    boolean qrUnreadable = Boolean.TRUE.equals(task.getExecution().getVariable("qrUnreadable"));
    String explanation = ReportVariables.text(task.getExecution(), "scanExplanation");
    String key = task.getExecution().getProcessBusinessKey();
    ReportDocument stored;
    try {
      stored = documents.acceptScan(key, scan, qrUnreadable, explanation, people.currentUserId().orElse(null));
    } catch (ReportDocuments.ScanRefusedException e) {
      throw new Refusal(e.getMessage(), e);
    }
    // the bytes live with the report; the process keeps only links
    task.getExecution().removeVariables(List.of("stampedScan", "qrUnreadable", "scanExplanation"));
    task.getExecution().setVariable("scanUrl", ReportDocumentController.url(key, "scan.pdf"));
    task.getExecution().setVariable("scanNotice", Boolean.TRUE.equals(stored.getQrVerified()) ? null
        : "二维码未能核验，单位的书面说明：" + stored.getExplanation() + "。请对照月报 PDF 人工核对扫描件。");
    // a late report filed now: the supervisor's open 逾期月报督办 shows it as filed
    lateReports.reportFiled(task.getExecution());
  }
}
