package cn.henan.skills.platform;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Create listener of every approve-or-return task ({@code ${decisions.open(task, 'signDecision', 'returnReason')}}):
 * the task opens with its decision and reason empty. A value left from an earlier round, or preset by someone
 * else (e.g. a filer writing {@code signDecision} when filling the report), is removed wherever it sits — on the task
 * or on any of its executions — so the form shows nothing chosen and only what the task's own user submits counts.
 */
@Component("decisions")
public class Decisions {
  /** Enough for the deepest scope nesting of the models (instance → subprocess → multi-instance → task). */
  private static final int MAX_SCOPES = 10;

  public void open(DelegateTask task, String decisionVariable, String reasonVariable) {
    clear(task, decisionVariable);
    clear(task, reasonVariable);
  }

  private static void clear(DelegateTask task, String name) {
    task.removeVariableLocal(name);
    DelegateExecution execution = task.getExecution();
    // removeVariable removes the nearest one; repeat for a shadowed one further up
    for (int i = 0; i < MAX_SCOPES && execution.hasVariable(name); i++) {
      execution.removeVariable(name);
    }
  }
}
