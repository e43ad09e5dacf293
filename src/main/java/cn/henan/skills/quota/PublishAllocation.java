package cn.henan.skills.quota;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "下达任务，启动各单位年度流程" (asynchronous: it starts one instance per unit). */
@Component("publishAllocation")
class PublishAllocation implements JavaDelegate {
  private final QuotaDistribution distribution;

  PublishAllocation(QuotaDistribution distribution) {
    this.distribution = distribution;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // the year is the business key the start guard set from the start form, not the variable
    int year = Integer.parseInt(execution.getProcessBusinessKey());
    NoticeText notice = NoticeText.orDefaults(year, (String) execution.getVariable("noticeTitle"),
        (String) execution.getVariable("noticeDocumentNumber"), (String) execution.getVariable("noticeBody"));
    int units = distribution.publish(year, execution.getProcessInstanceId(), notice);
    execution.setVariable("publishedUnitCount", units);
  }
}
