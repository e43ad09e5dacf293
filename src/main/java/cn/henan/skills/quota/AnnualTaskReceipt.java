package cn.henan.skills.quota;

import cn.henan.skills.identity.People;
import cn.henan.skills.unit.UnitKeys;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "接收年度任务": records who received the unit's annual task and when, with the unit's quota
 * (unit and year from the unit-year's business key {@code 2022/u001}). Nothing waits for it — the monthly reports
 * open anyway — but a unit that never receives is shown so to its supervisor.
 */
@Component("annualTaskReceipt")
class AnnualTaskReceipt implements TaskListener {
  private final QuotaDistribution distribution;
  private final People people;

  AnnualTaskReceipt(QuotaDistribution distribution, People people) {
    this.distribution = distribution;
    this.people = people;
  }

  @Override
  public void notify(DelegateTask task) {
    String key = task.getExecution().getProcessBusinessKey();
    distribution.markReceived(UnitKeys.yearOf(key), UnitKeys.unitCodeOf(key).orElseThrow(),
        people.currentUserId().orElse(null));
  }
}
