package cn.henan.skills.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "生成月报 PDF（带二维码）": the signed version as Attachment 2, kept with the report. */
@Component("generateReportPdf")
class GenerateReportPdf implements JavaDelegate {
  private final ReportDocuments documents;

  GenerateReportPdf(ReportDocuments documents) {
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    ReportDocument pdf = documents.generate(key);
    execution.setVariable("reportVersion", pdf.getVersion());
    execution.setVariable("reportPdfUrl", ReportDocumentController.url(key, "report.pdf"));
  }
}
