package cn.henan.skills.identity;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The data the keycloak profile's tests sign in to: a year distributed to two units, u001 郑州市 and u002 开封市, each
 * with its unit-year process and its first task (接收年度任务). Through the engine, as the province and its leader
 * would (start, approve, the job that publishes), once per application.
 */
final class PublishedYear {
  private PublishedYear() {
  }

  static void publish(ProcessEngine engine, int year) {
    if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(year + "/u001").count() > 0) {
      return;
    }
    byte[] table = ("单位,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）\n"
        + "郑州市,100,80,——,10\n开封市,50,40,——,5\n").getBytes(StandardCharsets.UTF_8);
    ProcessInstance distribution = engine.getRuntimeService().startProcessInstanceByKey("quota-distribution",
        Variables.putValue("year", year).putValue("allocationSource", "upload").putValueTyped("allocationFile",
            Variables.fileValue("t.csv").file(table).create()));
    Task approval = engine.getTaskService().createTaskQuery().processInstanceId(distribution.getId()).singleResult();
    engine.getTaskService().complete(approval.getId(), Map.of("approvalDecision", "approve"));
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(distribution.getId()).singleResult().getId());
  }

  /** A task of the unit's year (its first: 接收年度任务). */
  static Task taskOf(ProcessEngine engine, int year, String unit) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(year + "/" + unit).list().get(0);
  }
}
