package cn.henan.skills.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.henan.skills.SkillsHenanTest;
import cn.henan.skills.TasklistSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A unit's people see and act on their own unit's work only; the province sees all; REST needs credentials. */
@SkillsHenanTest
class AuthorizationTest {
  private static final int YEAR = 2030;

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired TestRestTemplate http;

  private Task u001Task;
  private Task u002Task;

  @BeforeEach
  void publishTwoUnits() {
    if (runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(YEAR + "/u001").count() == 0) {
      byte[] table = ("单位,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）\n"
          + "郑州市,100,80,——,10\n开封市,50,40,——,5\n").getBytes(StandardCharsets.UTF_8);
      ProcessInstance distribution = runtimeService.startProcessInstanceByKey("quota-distribution",
          Variables.putValue("year", YEAR).putValue("allocationSource", "upload").putValueTyped("allocationFile",
              Variables.fileValue("t.csv").file(table).create()));
      Task approval = taskService.createTaskQuery().processInstanceId(distribution.getId()).singleResult();
      taskService.complete(approval.getId(), Map.of("approvalDecision", "approve"));
      managementService.executeJob(managementService.createJobQuery().processInstanceId(distribution.getId())
          .singleResult().getId());
    }
    u001Task = taskOf("u001");
    u002Task = taskOf("u002");
  }

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
  }

  @Test
  void aUnitFilerSeesAndCompletesOnlyItsOwnUnitsTask() {
    identityService.setAuthentication("u001-filer", List.of("u001-filer"));
    List<Task> visible = taskService.createTaskQuery().processInstanceBusinessKeyLike(YEAR + "/%").list();
    assertThat(visible).extracting(Task::getId).containsExactly(u001Task.getId());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(YEAR + "/%").list())
        .extracting(ProcessInstance::getBusinessKey).containsExactly(YEAR + "/u001");
    assertThatThrownBy(() -> taskService.complete(u002Task.getId(), Map.of("annualTaskAcknowledged", true)))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> taskService.getVariables(u002Task.getId()))
        .isInstanceOf(AuthorizationException.class);
    identityService.clearAuthentication();
    assertThat(taskOf("u002")).isNotNull();
  }

  @Test
  void theProvinceSeesEveryUnit() {
    identityService.setAuthentication("province", List.of("province-edu"));
    assertThat(taskService.createTaskQuery().processInstanceBusinessKeyLike(YEAR + "/%").list())
        .extracting(Task::getId).contains(u001Task.getId(), u002Task.getId());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(YEAR + "/%").count())
        .isEqualTo(2);
  }

  @Test
  void engineRestAppliesTheSameRules() throws Exception {
    JsonNode u001Sees = tasksOverRest("u001-filer");
    assertThat(u001Sees.findValuesAsText("id")).contains(u001Task.getId()).doesNotContain(u002Task.getId());
    JsonNode provinceSees = tasksOverRest("province");
    assertThat(provinceSees.findValuesAsText("id")).contains(u001Task.getId(), u002Task.getId());

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> foreign = http.withBasicAuth("u001-filer", "demo").exchange(
        "/engine-rest/task/" + u002Task.getId() + "/complete", HttpMethod.POST,
        new HttpEntity<>("{\"variables\":{}}", headers), String.class);
    assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskOf("u002")).isNotNull();

    assertThat(http.withBasicAuth("province", "demo").getForObject("/engine-rest/group/u171-filer", String.class))
        .as("Tasklist shows the province a task's candidate group by name").contains("河南卫生健康干部学院 填报人");
    assertThat(http.withBasicAuth("u001-filer", "demo").getForEntity("/engine-rest/group/u002-filer", String.class)
        .getStatusCode()).as("not another unit's (hidden)").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.withBasicAuth("u001-filer", "demo").getForEntity(
        "/engine-rest/task/" + u001Task.getId() + "/form-variables", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(http.withBasicAuth("u001-filer", "demo").getForEntity(
        "/engine-rest/task/" + u002Task.getId() + "/form-variables", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void restWithoutOrWithWrongCredentialsIsUnauthorized() {
    assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // a user no other test signs in as: a wrong password locks the user out for a few seconds
    assertThat(http.withBasicAuth("u171-leader", "wrong").getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForEntity("/api/allocations/2022", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aTasklistSessionReadsTheDomainRestAndChangesOnlyWithItsCsrfToken() {
    TasklistSession signedIn = TasklistSession.signIn(http, "u001-filer", "demo");
    HttpHeaders withSession = new HttpHeaders();
    withSession.add(HttpHeaders.COOKIE, signedIn.cookies());
    assertThat(http.exchange("/api/progress/" + YEAR + "?month=" + YEAR + "-03", HttpMethod.GET,
        new HttpEntity<>(withSession), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.exchange("/api/demo-clock/advance", HttpMethod.POST, new HttpEntity<>(withSession),
        String.class).getStatusCode()).as("a change needs the session's CSRF token, not the cookie alone")
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(signedIn.post("/api/demo-clock/advance", "").getBody()).as("with the token: the user's own rights")
        .contains("只有系统管理员（camunda-admin 组）可以拨动演示时钟");
    assertThat(http.withBasicAuth("u001-filer", "demo").postForEntity("/api/demo-clock/advance", null,
        String.class).getStatusCode()).as("only camunda-admin moves the clock").isEqualTo(HttpStatus.FORBIDDEN);
  }

  private JsonNode tasksOverRest(String user) throws Exception {
    ResponseEntity<String> response = http.withBasicAuth(user, "demo")
        .getForEntity("/engine-rest/task?processInstanceBusinessKeyLike={key}", String.class, YEAR + "/%");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return new ObjectMapper().readTree(response.getBody());
  }

  private Task taskOf(String unit) {
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(YEAR + "/" + unit).singleResult();
    return instance == null ? null
        : taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }
}
