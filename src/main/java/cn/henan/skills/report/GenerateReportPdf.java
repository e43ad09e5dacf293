package cn.henan.skills.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "生成月报 PDF（带二维码）": the signed version as Attachment 2, kept with the report. Everything on it
 * comes from the database: unit name (registry), quota, figures, and the signer's name as the account's name when
 * signing ({@code People.displayName}); the forms get the link from {@code reportView}.
 */
@Component("generateReportPdf")
class GenerateReportPdf implements JavaDelegate {
  private final ReportDocuments documents;

  GenerateReportPdf(ReportDocuments documents) {
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    documents.generate(key);
  }
}
