package cn.henan.skills.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import cn.henan.skills.SkillsHenanTest;
import cn.henan.skills.platform.Refusal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** quota-distribution end to end, driven as the people of the province would in Tasklist. */
@SkillsHenanTest
class QuotaDistributionProcessTest {
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired TestRestTemplate http;
  @Autowired DataSource dataSource;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
  }

  @Test
  void aTableWithErrorsIsRefusedAtTheStartThenTheBuiltInTableIsApprovedAndPublishedToEveryUnit() throws Exception {
    byte[] broken = "unit,training_quota,certification_quota,advanced_or_above_quota,one_plus_x_quota\n郑州市,80000,90000,,14000\n"
        .getBytes(StandardCharsets.UTF_8);
    // the officer sees every problem at once, on the start form: row, column, reason
    assertThatThrownBy(() -> as("province", "province-edu", () -> runtimeService.startProcessInstanceByKey(
        "quota-distribution", upload(2022, "broken.csv", broken))))
        .isInstanceOf(Refusal.class).hasMessageStartingWith("任务分配表有错误，没有保存")
        .hasMessageContaining("第 2 行").hasMessageContaining("取证人数").hasMessageContaining("90000")
        .hasMessageContaining("80000");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("quota-distribution")
        .processInstanceBusinessKey("2022").count()).as("no distribution started").isZero();
    assertThat(savedQuotaRows(2022)).as("a table with errors writes nothing").isZero();

    ProcessInstance distribution = as("province", "province-edu", () -> runtimeService.startProcessInstanceByKey(
        "quota-distribution", Variables.putValue("year", 2022).putValue("allocationSource", "builtin")));
    assertThat(distribution).isStarted().hasBusinessKey("2022");
    Task approval = singleTask(distribution);
    assertThat(approval).hasCandidateGroup("province-leader").hasName("审批 2022年度 任务分配");
    assertThat(savedQuotaRows(2022)).isEqualTo(171);
    assertThat(runtimeService.getVariable(distribution.getId(), "allocationNotes")).isNull();
    assertThat(runtimeService.getVariable(distribution.getId(), "allocationFile")).isNull();
    assertThat(runtimeService.getVariables(distribution.getId())).containsEntry("unitCount", 171)
        .containsEntry("trainingTotal", 1_100_000L).containsEntry("certificationTotal", 800_000L)
        .containsEntry("advancedTotal", 310_000L).containsEntry("onePlusXTotal", 150_000L);

    as("leader", "province-leader", () -> {
      taskService.complete(approval.getId(), Variables.putValue("approvalDecision", "approve"));
      return null;
    });
    // publishing runs as a job, not in the leader's click
    assertThat(distribution).isNotEnded();
    execute(job());
    assertThat(distribution).isEnded();

    List<ProcessInstance> unitYears = runtimeService.createProcessInstanceQuery().processDefinitionKey("unit-year")
        .processInstanceBusinessKeyLike("2022/%").list();
    assertThat(unitYears).hasSize(171);
    assertThat(unitYears).extracting(ProcessInstance::getBusinessKey)
        .contains("2022/u001", "2022/u002", "2022/u099", "2022/u171");
    ProcessInstance zhengzhou = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("2022/u001")
        .singleResult();
    Task receive = taskService.createTaskQuery().processInstanceId(zhengzhou.getId()).singleResult();
    assertThat(receive).hasName("接收 2022年度任务（郑州市）").hasCandidateGroup("u001-filer");
    Map<String, Object> quota = runtimeService.getVariables(zhengzhou.getId());
    assertThat(quota).containsEntry("trainingQuota", 80000).containsEntry("certificationQuota", 70000)
        .containsEntry("advancedQuota", null).containsEntry("onePlusXQuota", 14000)
        .containsEntry("unitName", "郑州市");

    // the published table over REST
    ResponseEntity<String> response = http.withBasicAuth("u005-filer", "demo")
        .getForEntity("/api/allocations/2022", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode body = new ObjectMapper().readTree(response.getBody());
    assertThat(body.get("year").asInt()).isEqualTo(2022);
    assertThat(body.get("units")).hasSize(171);
    JsonNode first = body.get("units").get(0);
    assertThat(first.get("code").asText()).isEqualTo("u001");
    assertThat(first.get("name").asText()).isEqualTo("郑州市");
    assertThat(first.get("kind").asText()).isEqualTo("prefecture_city");
    assertThat(first.get("training").asInt()).isEqualTo(80000);
    assertThat(first.get("advanced").isNull()).isTrue();
    assertThat(body.get("totals").get("training").asLong()).isEqualTo(1_100_000L);
    assertThat(body.get("totals").get("certification").asLong()).isEqualTo(800_000L);
    assertThat(body.get("totals").get("advanced").asLong()).isEqualTo(310_000L);
    assertThat(body.get("totals").get("onePlusX").asLong()).isEqualTo(150_000L);
    assertThat(http.getForEntity("/api/allocations/2022", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    // a second distribution for a published year is refused at the start, with the reason
    assertThatThrownBy(() -> as("province", "province-edu", () -> runtimeService.startProcessInstanceByKey(
        "quota-distribution", Variables.putValue("year", 2022).putValue("allocationSource", "builtin"))))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("2022 年的任务已于").hasMessageContaining("不能重复下达");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("unit-year")
        .processInstanceBusinessKeyLike("2022/%").count()).isEqualTo(171);
  }

  @Test
  void leaderReturnsWithReasonAndTheOfficerResubmits() throws Exception {
    ProcessInstance distribution = as("province", "province-edu", () -> runtimeService.startProcessInstanceByKey(
        "quota-distribution", upload(2050, "2050.csv", twoUnitTable(5000))));
    Task approval = singleTask(distribution);
    assertThat(approval).hasCandidateGroup("province-leader");
    assertThat((String) runtimeService.getVariable(distribution.getId(), "allocationNotes"))
        .as("the approver is told which units the table leaves out").contains("169 个单位").contains("洛阳市");

    assertThatThrownBy(() -> as("leader", "province-leader", () -> {
      taskService.complete(approval.getId(), Variables.putValue("approvalDecision", "return"));
      return null;
    })).as("a return needs its reason").hasMessageContaining("选择“退回”时请填写退回原因");
    as("leader", "province-leader", () -> {
      taskService.complete(approval.getId(), Variables.putValue("approvalDecision", "return")
          .putValue("returnReason", "开封市任务偏低，请复核"));
      return null;
    });
    Task fixAgain = singleTask(distribution);
    assertThat(fixAgain).hasCandidateGroup("province-edu").hasName("修正 2050年度 任务分配表");
    assertThat(taskService.getVariable(fixAgain.getId(), "returnReason")).isEqualTo("开封市任务偏低，请复核");

    // a broken re-upload is refused at the completion itself: the task stays, the validated draft is as it was
    assertThatThrownBy(() -> as("province", "province-edu", () -> {
      taskService.complete(fixAgain.getId(), upload(2050, "bad.csv", "单位,培训任务（人次）\n郑州市,1\n"
          .getBytes(StandardCharsets.UTF_8)));
      return null;
    })).hasRootCauseInstanceOf(Refusal.class).hasMessageContaining("任务分配表有错误，没有保存")
        .hasMessageContaining("取证人数");
    assertThat(singleTask(distribution).getId()).as("the same task, still open").isEqualTo(fixAgain.getId());
    assertThat(savedQuotaRows(2050)).isEqualTo(2);
    assertThat(runtimeService.getVariables(distribution.getId())).as("nothing of the refused upload kept")
        .containsEntry("trainingTotal", 85_000L);
    assertThat(((org.camunda.bpm.engine.variable.value.FileValue) runtimeService.getVariableTyped(
        distribution.getId(), "allocationFile")).getFilename()).isEqualTo("2050.csv");

    as("province", "province-edu", () -> {
      taskService.complete(fixAgain.getId(), upload(2050, "2050-v2.csv", twoUnitTable(15000)));
      return null;
    });
    Task secondApproval = singleTask(distribution);
    assertThat(secondApproval).hasCandidateGroup("province-leader");
    assertThat(runtimeService.getVariable(distribution.getId(), "returnReason")).isNull();
    as("leader", "province-leader", () -> {
      taskService.complete(secondApproval.getId(), Variables.putValue("approvalDecision", "approve"));
      return null;
    });
    assertThat(distribution).isNotEnded();
    execute(job());
    assertThat(distribution).isEnded();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("unit-year")
        .processInstanceBusinessKeyLike("2050/%").list()).extracting(ProcessInstance::getBusinessKey)
        .containsExactlyInAnyOrder("2050/u001", "2050/u002");
    assertThat(runtimeService.getVariable(runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey("2050/u002").singleResult().getId(), "trainingQuota")).isEqualTo(15000);
  }

  @Test
  void aTableWithAnErrorInEveryRowIsRefusedListingAsManyAsFitAndSayingHowManyMore() throws Exception {
    // every unit of the shipped table with more certificates than training: 171 errors, far beyond what a form holds
    String table = Shipped2022.lines().stream().skip(1).map(line -> line.split(",", -1))
        .map(cells -> cells[1] + ",100,200,,10").collect(java.util.stream.Collectors.joining("\n",
            "单位,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）\n", "\n"));
    Throwable refusal = org.assertj.core.api.Assertions.catchThrowable(() -> as("province", "province-edu",
        () -> runtimeService.startProcessInstanceByKey("quota-distribution",
            upload(2042, "all-wrong.csv", table.getBytes(StandardCharsets.UTF_8)))));
    assertThat(refusal).isInstanceOf(Refusal.class);
    String errors = refusal.getMessage();
    assertThat(errors.length()).isLessThanOrEqualTo(4100);
    assertThat(errors).startsWith("任务分配表有错误，没有保存：\n第 2 行")
        .containsPattern("……（另有 \\d+ 行未显示；改正以上问题后重新上传，其余问题会再列出）$");
    assertThat(savedQuotaRows(2042)).isZero();
  }

  @Test
  void theStartFormAnswersTheRefusalAloneInChineseOverEngineRestAndTasklist() throws Exception {
    String csv = java.util.Base64.getEncoder().encodeToString(
        "单位,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）\n郑州市,100,200,——,10\n"
            .getBytes(StandardCharsets.UTF_8));
    String body = "{\"variables\":{\"year\":{\"value\":2043,\"type\":\"Integer\"},"
        + "\"allocationSource\":{\"value\":\"upload\",\"type\":\"String\"},"
        + "\"allocationFile\":{\"value\":\"" + csv + "\",\"type\":\"File\",\"valueInfo\":{\"filename\":\"bad.csv\","
        + "\"mimetype\":\"text/csv\"}}}}";
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("quota-distribution").latestVersion().singleResult().getId();
    org.springframework.http.HttpHeaders json = new org.springframework.http.HttpHeaders();
    json.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    for (ResponseEntity<String> answer : List.of(
        http.withBasicAuth("province", "demo").postForEntity("/engine-rest/process-definition/" + definition
            + "/submit-form", new org.springframework.http.HttpEntity<>(body, json), String.class),
        http.withBasicAuth("province", "demo").postForEntity("/engine-rest/process-definition/key/quota-distribution"
            + "/start", new org.springframework.http.HttpEntity<>(body, json), String.class),
        cn.henan.skills.TasklistSession.signIn(http, "province", "demo").post(
            "/camunda/api/engine/engine/default/process-definition/" + definition + "/submit-form", body))) {
      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      JsonNode refusal = new ObjectMapper().readTree(answer.getBody());
      assertThat(refusal.get("type").asText()).isEqualTo("Refusal");
      assertThat(refusal.get("message").asText()).startsWith("任务分配表有错误，没有保存：\n第 2 行")
          .contains("取证人数").doesNotContain("Cannot", "Exception", "instantiate");
    }
    assertThat(savedQuotaRows(2043)).isZero();
  }

  @Test
  void aSecondDistributionOfAYearInProgressIsRefused() throws Exception {
    as("province", "province-edu", () -> runtimeService.startProcessInstanceByKey(
        "quota-distribution", upload(2024, "2024.csv", twoUnitTable(1000))));
    assertThatThrownBy(() -> as("province", "province-edu", () -> runtimeService.startProcessInstanceByKey(
        "quota-distribution", upload(2024, "again.csv", twoUnitTable(1000)))))
        .hasMessageContaining("2024 年的任务分配流程已在进行中");
  }

  @Test
  void onlyTheProvinceEducationOfficeMayStartADistribution() {
    assertThatThrownBy(() -> as("u001-filer", "u001-filer", () -> runtimeService.startProcessInstanceByKey(
        "quota-distribution", Variables.putValue("year", 2025).putValue("allocationSource", "builtin"))))
        .hasMessageContaining("CREATE");
  }

  static byte[] twoUnitTable(int kaifengTraining) {
    return ("单位,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）\n"
        + "郑州市,80000,70000,——,14000\n"
        + "开封市," + kaifengTraining + ",800,——,100\n").getBytes(StandardCharsets.UTF_8);
  }

  static VariableMap upload(int year, String fileName, byte[] content) {
    return Variables.putValue("year", year).putValue("allocationSource", "upload")
        .putValueTyped("allocationFile", Variables.fileValue(fileName).file(content).mimeType("text/csv").create());
  }

  private int savedQuotaRows(int year) {
    return new JdbcTemplate(dataSource).queryForObject("select count(*) from quota_allocation where year = ?",
        Integer.class, year);
  }

  private Task singleTask(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private <T> T as(String user, String group, Callable<T> action) throws Exception {
    identityService.setAuthentication(user, List.of(group));
    try {
      return action.call();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
