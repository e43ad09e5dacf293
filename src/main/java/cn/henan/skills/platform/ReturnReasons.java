package cn.henan.skills.platform;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Complete listener of every approve-or-return task ({@code ${returnReasons.require(task, 'signDecision',
 * 'returnReason')}}): a return needs its reason. Checked here rather than as a required form field, because Camunda
 * Forms in Tasklist keep "Complete" disabled by a hidden required field once the user switched back from 退回.
 */
@Component("returnReasons")
public class ReturnReasons {
  public void require(DelegateTask task, String decisionVariable, String reasonVariable) {
    Object reason = task.getVariable(reasonVariable);
    if ("return".equals(task.getVariable(decisionVariable)) && (reason == null || reason.toString().isBlank())) {
      throw new Refusal("选择“退回”时请填写退回原因。");
    }
  }
}
