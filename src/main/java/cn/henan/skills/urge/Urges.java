package cn.henan.skills.urge;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * Starts a 督办 ({@code urge}) for other features, e.g. the supervisor's one action on its late reports. Who may urge
 * whom is checked by the model's start listener, as for an urge started in Tasklist.
 */
@Service
public class Urges {
  private final RuntimeService runtimeService;

  Urges(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** @param replyBy the reply deadline: an ISO date ({@code 2022-04-05}, meaning the end of that day) or a Date */
  public ProcessInstance start(String unitCode, String message, Object replyBy) {
    return runtimeService.startProcessInstanceByKey("urge", Variables.putValue("unitCode", unitCode)
        .putValue("urgeMessage", message).putValue("replyBy", replyBy));
  }
}
