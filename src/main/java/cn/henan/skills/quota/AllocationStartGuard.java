package cn.henan.skills.quota;

import cn.henan.skills.platform.Refusal;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code quota-distribution}: refuses a year that is already published or being distributed, and
 * makes the year the business key. The refusal reaches the user in Tasklist's start dialog.
 */
@Component("allocationStartGuard")
class AllocationStartGuard implements ExecutionListener {
  static final String PROCESS_KEY = "quota-distribution";

  private final QuotaDistribution distribution;
  private final RuntimeService runtimeService;

  AllocationStartGuard(QuotaDistribution distribution, RuntimeService runtimeService) {
    this.distribution = distribution;
    this.runtimeService = runtimeService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object yearValue = execution.getVariable("year");
    if (!(yearValue instanceof Number number)) {
      throw new Refusal("请填写年度（例如 2022）。");
    }
    int year = number.intValue();
    distribution.refusalToStart(year).ifPresent(reason -> {
      throw new Refusal(reason);
    });
    String businessKey = String.valueOf(year);
    long running = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKey(businessKey).count();
    if (running > 0) {
      throw new Refusal(year + " 年的任务分配流程已在进行中，请在任务列表中继续办理，不要重复发起。");
    }
    execution.setProcessBusinessKey(businessKey);
  }
}
