package cn.henan.skills.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.Driver;
import cn.henan.skills.SkillsHenanTest;
import cn.henan.skills.TasklistSession;
import cn.henan.skills.pdf.Scans;
import cn.henan.skills.report.ReportDocument;
import cn.henan.skills.report.ReportDocuments;
import cn.henan.skills.unit.UnitRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 9's attacks, replayed as the demo users over {@code /engine-rest}: a unit's filer and leader try to reroute
 * reviews, sign for another unit, forge what the signer and reviewers see, hand tasks to other units and edit their
 * own name. Every attempt must answer 4xx with a Chinese sentence and write nothing (variables, history, reports,
 * progress); the honest path through the same tasks still works. The tests build on each other in order.
 */
@SkillsHenanTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrustBoundaryAttackTest {
  static final int YEAR = 2047;
  static final String TABLE = """
      单位,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）
      洛阳市,3000,2000,——,400
      平顶山市,1000,800,——,100
      河南理工大学,500,450,300,90
      河南工业大学,600,500,300,90
      """;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger ATTACKS = new AtomicInteger();
  private static final AtomicInteger REFUSED = new AtomicInteger();
  private static final List<String> WALKED = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Autowired Driver driver;
  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired UnitRegistry units;
  @Autowired ReportDocuments documents;

  @AfterEach
  void reset() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @AfterAll
  static void figures() {
    System.out.printf("trust boundary attacks: %d tried, %d refused; extra variable refused on the open tasks of %d"
        + " kinds: %s%n", ATTACKS.get(), REFUSED.get(), WALKED.size(), WALKED);
  }

  @Test
  @Order(1)
  void receivingTheYearWithAnotherUnitsCodeIsRefused() {
    driver.publishAllocation(YEAR, TABLE);
    Task receive = driver.task(YEAR + "/u029", "u029-filer");
    refused("u029-filer", "/task/" + receive.getId() + "/complete",
        vars(Map.of("annualTaskAcknowledged", true, "unitCode", "u030")), "unitCode");
    assertThat(taskService.createTaskQuery().taskId(receive.getId()).count()).isOne();

    for (String unit : List.of("u029", "u030", "u003")) {
      Task task = driver.task(YEAR + "/" + unit, unit + "-filer");
      ok("u" + unit.substring(1) + "-filer", "/task/" + task.getId() + "/complete",
          vars(Map.of("annualTaskAcknowledged", true)));
    }
  }

  @Test
  @Order(2)
  void aBureauCannotSubdivideForAnotherCity() {
    Task enter = driver.task(YEAR + "/u003", "u003-filer");
    ObjectNode body = vars(Map.of("unitCode", "u004"));
    ((ObjectNode) body.get("variables")).set("schoolQuotaFile", file("schools.csv", """
        学校名称,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）
        洛阳市第一职业中专,3000,2000,,400
        """));
    long history = historyOf(enter.getProcessInstanceId());
    // other tests' years may have registered schools already: nothing new may appear
    int luoyang = units.schoolsOf("u003").size();
    int pingdingshan = units.schoolsOf("u004").size();
    refused("u003-filer", "/task/" + enter.getId() + "/complete", body, "unitCode");
    assertThat(units.schoolsOf("u004")).hasSize(pingdingshan);
    assertThat(units.schoolsOf("u003")).hasSize(luoyang);
    assertThat(historyOf(enter.getProcessInstanceId())).as("nothing written, not even history").isEqualTo(history);
  }

  @Test
  @Order(3)
  void aFilerCannotRerouteSignOrFigureItsReportAndTheHonestFillPasses() throws Exception {
    openMarch();
    String key = YEAR + "-03/u029";
    Task fill = driver.task(key, "u029-filer");
    String pi = fill.getProcessInstanceId();
    long history = historyOf(pi);
    String progressBefore = progress();
    Map<String, Object> figures = Driver.reportFigures(100, 80, 40, 10);
    for (Map.Entry<String, Object> forged : Map.<String, Object>of("supervisorCode", "u029", "unitCode", "u030",
        "signDecision", "approve", "skillsReviewDecision", "accept", "year", 2099, "reportPdfUrl",
        "http://evil.example/r.pdf", "reportSummary", "培训 10 人次").entrySet()) {
      Map<String, Object> attack = new LinkedHashMap<>(figures);
      attack.put(forged.getKey(), forged.getValue());
      refused("u029-filer", "/task/" + fill.getId() + "/complete", vars(attack), forged.getKey());
      refused("u029-filer", "/task/" + fill.getId() + "/submit-form", vars(attack), forged.getKey());
    }
    assertThat(taskService.createTaskQuery().taskId(fill.getId()).count()).isOne();
    assertThat(historyOf(pi)).as("no variable, no history written").isEqualTo(history);
    assertThat(progress()).isEqualTo(progressBefore);

    ok("u029-filer", "/task/" + fill.getId() + "/complete", vars(figures));
    assertThat(driver.task(key, "u029-leader")).as("the honest report waits for its own leader").isNotNull();
    assertThat(driver.task(key, "u030-leader")).isNull();
  }

  @Test
  @Order(4)
  void whatTheLeaderSignsCannotBeRewrittenAndTasksStayInsideTheUnit() throws Exception {
    String key = YEAR + "-03/u029";
    Task withdraw = driver.task(key, "u029-filer");
    Task sign = driver.task(key, "u029-leader");
    Object summary = taskService.getVariable(sign.getId(), "reportSummary");
    long history = historyOf(sign.getProcessInstanceId());

    refused("u029-filer", "/task/" + withdraw.getId() + "/variables/reportSummary", HttpMethod.PUT,
        value("培训 10 人次"), "reportSummary");
    refused("u029-filer", "/task/" + withdraw.getId() + "/localVariables/reportSummary", HttpMethod.PUT,
        value("培训 10 人次"), "reportSummary");
    refused("u029-filer", "/task/" + withdraw.getId() + "/variables", HttpMethod.POST,
        JSON.createObjectNode().set("modifications", vars(Map.of("reportPdfUrl", "http://evil")).get("variables")),
        "reportPdfUrl");
    refused("u029-filer", "/task/" + withdraw.getId() + "/variables/returnNotice", HttpMethod.DELETE, null,
        "returnNotice");
    refused("u029-filer", "/task/" + withdraw.getId() + "/bpmnError", HttpMethod.POST,
        JSON.createObjectNode().put("errorCode", "REPORT_RETURNED_AT_SIGN"), "流程管理员");

    // hand-offs to another unit's people
    refused("u029-leader", "/task/" + sign.getId() + "/assignee", HttpMethod.POST, user("u030-leader"), "u030-leader");
    refused("u029-leader", "/task/" + sign.getId() + "/claim", HttpMethod.POST, user("u030-leader"), "u030-leader");
    refused("u029-leader", "/task/" + sign.getId() + "/delegate", HttpMethod.POST, user("u030-leader"),
        "u030-leader");
    refused("u029-leader", "/task/" + sign.getId() + "/identity-links", HttpMethod.POST,
        JSON.createObjectNode().put("groupId", "u030-leader").put("type", "candidate"), "候选");
    JsonNode got = JSON.readTree(http.withBasicAuth("u029-leader", "demo")
        .getForEntity("/engine-rest/task/" + sign.getId(), String.class).getBody());
    ObjectNode asStored = JSON.createObjectNode();
    for (String field : List.of("name", "description", "priority", "assignee", "owner", "delegationState", "due",
        "followUp", "parentTaskId", "caseInstanceId", "tenantId")) {
      asStored.set(field, got.get(field));
    }
    refused("u029-leader", "/task/" + sign.getId(), HttpMethod.PUT, asStored.deepCopy().put("owner", "u030-leader"),
        "u030-leader");
    refused("u029-leader", "/task/" + sign.getId(), HttpMethod.PUT, asStored.deepCopy().put("name", "已审核"), "名称");
    assertThat(taskService.getIdentityLinksForTask(sign.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("u029-leader");
    Task stored = taskService.createTaskQuery().taskId(sign.getId()).singleResult();
    assertThat(stored.getAssignee()).isNull();
    assertThat(stored.getOwner()).isNull();
    assertThat(taskService.getVariable(sign.getId(), "reportSummary")).isEqualTo(summary);
    assertThat(historyOf(sign.getProcessInstanceId())).isEqualTo(history);

    // the deputy story: the leader delegates to another member of the unit's leader group
    User deputy = identityService.newUser("u029-deputy");
    deputy.setFirstName("河南理工大学");
    deputy.setLastName("副组长");
    deputy.setPassword("demo");
    ((IdentityServiceImpl) identityService).saveUser(deputy, true); // a demo password, as the seeded users have
    identityService.createMembership("u029-deputy", "u029-leader");
    ok("u029-leader", "/task/" + sign.getId() + "/claim", user("u029-leader"), HttpMethod.POST);
    ok("u029-leader", "/task/" + sign.getId() + "/delegate", user("u029-deputy"), HttpMethod.POST);
    // Tasklist sends the read-only summary back unchanged: ignored; changed: refused
    refused("u029-deputy", "/task/" + sign.getId() + "/submit-form",
        vars(Map.of("reportSummary", "培训 10 人次", "signDecision", "approve")), "reportSummary");
    ok("u029-deputy", "/task/" + sign.getId() + "/submit-form",
        vars(Map.of("reportSummary", summary, "signDecision", "approve")), HttpMethod.POST);
    ok("u029-leader", "/task/" + sign.getId() + "/complete", vars(Map.of("signDecision", "approve")),
        HttpMethod.POST);
    driver.runAsyncSteps(driver.instance(key, "monthly-report").getId()); // the PDF, after the signature commits
    assertThat(driver.task(key, "u029-filer").getName()).isEqualTo("上传 2047年3月 进度月报盖章扫描件（河南理工大学）");
  }

  @Test
  @Order(5)
  void theScanStepAndTheReviewsTakeOnlyTheirOwnFieldsAndTheReportCounts() throws Exception {
    String key = YEAR + "-03/u029";
    Task upload = driver.task(key, "u029-filer");
    byte[] printed = documents.latest(key, ReportDocument.Kind.REPORT_PDF).orElseThrow().getContent();
    ObjectNode scan = vars(Map.of("reportPdfUrl", "http://evil.example/r.pdf"));
    ((ObjectNode) scan.get("variables")).set("stampedScan", file("scan.pdf", Scans.scan(printed)));
    refused("u029-filer", "/task/" + upload.getId() + "/complete", scan, "reportPdfUrl");
    ((ObjectNode) scan.get("variables")).remove("reportPdfUrl");
    ok("u029-filer", "/task/" + upload.getId() + "/complete", scan);

    Task skills = driver.task(key, "province-edu");
    Task onePlusX = driver.task(key, "province-1x");
    refused("province", "/task/" + skills.getId() + "/complete",
        vars(Map.of("skillsReviewDecision", "accept", "onePlusXReviewDecision", "accept")), "onePlusXReviewDecision");
    ok("province", "/task/" + skills.getId() + "/complete", vars(Map.of("skillsReviewDecision", "accept")));
    ok("onex", "/task/" + onePlusX.getId() + "/complete", vars(Map.of("onePlusXReviewDecision", "accept")));
    assertThat(driver.instance(key, "monthly-report")).as("accepted, the instance ended").isNull();
    JsonNode u029 = unitProgress("u029");
    assertThat(u029.at("/indicators/training/cumulative").asLong()).isEqualTo(100);
  }

  @Test
  @Order(6)
  void noOneEditsTheirProfileOrTheInstanceAroundTheForms() throws Exception {
    ObjectNode profile = JSON.createObjectNode().put("id", "u030-leader").put("firstName", "伪造")
        .put("lastName", "组长").put("email", "x@evil.example");
    refused("u030-leader", "/user/u030-leader/profile", HttpMethod.PUT, profile, "管理员");
    User stored = identityService.createUserQuery().userId("u030-leader").singleResult();
    assertThat(stored.getFirstName()).isEqualTo("河南工业大学");
    assertThat(stored.getEmail()).isEqualTo("u030-leader@example.org");

    Task fill = driver.task(YEAR + "-03/u030", "u030-filer");
    String pi = fill.getProcessInstanceId();
    long history = historyOf(pi);
    refusedOrForbidden("u030-filer", "/process-instance/" + pi + "/variables/supervisorCode", HttpMethod.PUT,
        value("u030"));
    refusedOrForbidden("u030-filer", "/process-instance/" + pi + "/variables", HttpMethod.POST,
        JSON.createObjectNode().set("modifications", vars(Map.of("unitCode", "u029")).get("variables")));
    refusedOrForbidden("u030-filer", "/process-instance/" + pi + "/modification", HttpMethod.POST,
        JSON.readTree("{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"accept-report\"}]}"));
    refused("u030-filer", "/message", HttpMethod.POST, JSON.createObjectNode().put("messageName", "any")
        .put("businessKey", YEAR + "-03/u030"), "流程管理员");
    refused("u030-filer", "/signal", HttpMethod.POST, JSON.createObjectNode().put("name", "any"), "流程管理员");
    assertThat(runtimeService.getVariable(pi, "supervisorCode")).isNotEqualTo("u030");
    assertThat(historyOf(pi)).isEqualTo(history);

    // a start form takes its own fields only
    refused("province", "/process-definition/key/urge/start", HttpMethod.POST,
        vars(Map.of("unitCode", "u030", "urgeMessage", "请加快进度", "replyBy", "2047-03-20",
            "urgerGroup", "u030-filer")), "urgerGroup");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("urge")
        .processInstanceBusinessKeyLike("u030/%").count()).isZero();
  }

  @Test
  @Order(7)
  void tasklistsOwnRestAnswersTheSameSentenceWithoutEnglishWrapping() throws Exception {
    TasklistSession session = TasklistSession.signIn(http, "u030-leader", "demo");
    Task fill = driver.task(YEAR + "-03/u030", "u030-filer");
    driver.complete("u030-filer", fill, Driver.reportFigures(50, 40, 20, 5));
    Task sign = driver.task(YEAR + "-03/u030", "u030-leader");
    String path = "/camunda/api/engine/engine/default/task/" + sign.getId() + "/submit-form";

    ResponseEntity<String> forged = session.post(path,
        vars(Map.of("signDecision", "approve", "supervisorCode", "u030")).toString());
    assertThat(forged.getStatusCode().value()).as(forged.getBody()).isEqualTo(400);
    assertThat(message(forged)).contains("supervisorCode").doesNotContain("Cannot submit task form");

    // a refusal of the step itself (a return without its reason) reads the same way
    ResponseEntity<String> noReason = session.post(path, vars(Map.of("signDecision", "return")).toString());
    assertThat(noReason.getStatusCode().value()).as(noReason.getBody()).isEqualTo(400);
    assertThat(message(noReason)).contains("退回原因").doesNotContain("Cannot").doesNotContain("ENGINE-");
    assertThat(taskService.createTaskQuery().taskId(sign.getId()).count()).isOne();
  }

  @Test
  @Order(8)
  void everyOpenUserTaskRefusesAVariableItsFormDoesNotOffer() {
    Map<String, Task> oneOfEach = new TreeMap<>();
    for (Task task : taskService.createTaskQuery().active().list()) {
      String model = task.getProcessDefinitionId().split(":")[0];
      oneOfEach.putIfAbsent(model + "/" + task.getTaskDefinitionKey(), task);
    }
    for (Map.Entry<String, Task> entry : oneOfEach.entrySet()) {
      Task task = entry.getValue();
      String user = candidateUser(task);
      if (user == null) {
        continue;
      }
      refused(user, "/task/" + task.getId() + "/complete", vars(Map.of("forgedRouting", "u001")), "forgedRouting");
      assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as(entry.getKey()).isOne();
      WALKED.add(entry.getKey());
    }
    assertThat(oneOfEach.keySet()).as("at least the tasks this class leaves open")
        .contains("monthly-report/fill-report", "city-subdivision/enter-school-quotas");
  }

  // --- helpers ---


  private void openMarch() {
    List<String> unitYears = runtimeService.createProcessInstanceQuery().processDefinitionKey("unit-year")
        .processInstanceBusinessKeyLike(YEAR + "/%").list().stream().map(ProcessInstance::getId).toList();
    driver.moveClockTo(LocalDate.of(YEAR, 3, 1), unitYears);
  }

  private String candidateUser(Task task) {
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (link.getGroupId() != null) {
        String group = link.getGroupId();
        String user = switch (group) {
          case "province-edu" -> "province";
          case "province-leader" -> "leader";
          case "province-hrss" -> "hrss";
          case "province-1x" -> "onex";
          default -> group;
        };
        if (identityService.createUserQuery().userId(user).count() > 0) {
          return user;
        }
      }
    }
    return null;
  }

  private long historyOf(String processInstanceId) {
    return historyService.createHistoricDetailQuery().processInstanceId(processInstanceId).count()
        + historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).count();
  }

  private String progress() {
    return http.withBasicAuth("province", "demo").getForEntity("/api/progress/" + YEAR + "?month=" + YEAR + "-03",
        String.class).getBody();
  }

  private JsonNode unitProgress(String unit) throws Exception {
    for (JsonNode node : JSON.readTree(progress()).path("units")) {
      if (unit.equals(node.path("code").asText())) {
        return node;
      }
    }
    throw new AssertionError(unit + " not in progress: " + progress());
  }

  private static ObjectNode vars(Map<String, ?> values) {
    ObjectNode variables = JSON.createObjectNode();
    values.forEach((name, v) -> variables.set(name, value(v)));
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    return body;
  }

  private static ObjectNode value(Object v) {
    return JSON.createObjectNode().set("value", JSON.valueToTree(v));
  }

  private static ObjectNode user(String userId) {
    return JSON.createObjectNode().put("userId", userId);
  }

  private static ObjectNode file(String name, String csv) {
    return file(name, csv.getBytes(StandardCharsets.UTF_8));
  }

  private static ObjectNode file(String name, byte[] content) {
    ObjectNode file = JSON.createObjectNode().put("value", Base64.getEncoder().encodeToString(content))
        .put("type", "File");
    file.set("valueInfo", JSON.createObjectNode().put("filename", name));
    return file;
  }

  private ResponseEntity<String> send(String user, String path, HttpMethod method, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange("/engine-rest" + path, method,
        new HttpEntity<>(body == null ? null : body.toString(), headers), String.class);
  }

  private void ok(String user, String path, Object body) {
    ok(user, path, body, HttpMethod.POST);
  }

  private void ok(String user, String path, Object body, HttpMethod method) {
    ResponseEntity<String> response = send(user, path, method, body);
    assertThat(response.getStatusCode().is2xxSuccessful()).as(method + " " + path + " as " + user + ": "
        + response.getBody()).isTrue();
  }

  private void refused(String user, String path, Object body, String named) {
    refused(user, path, HttpMethod.POST, body, named);
  }

  /** Refused with 400 and one Chinese sentence that names what was refused, no Java class name. */
  private void refused(String user, String path, HttpMethod method, Object body, String named) {
    ATTACKS.incrementAndGet();
    ResponseEntity<String> response = send(user, path, method, body);
    assertThat(response.getStatusCode().value()).as(method + " " + path + " as " + user + ": " + response.getBody())
        .isEqualTo(400);
    String message = message(response);
    assertThat(message).as(path).contains(named).containsPattern("\\p{IsHan}").doesNotContain("Exception")
        .doesNotContain("ENGINE-").doesNotContain("Cannot ");
    REFUSED.incrementAndGet();
  }

  /** Refused by Camunda's authorization (403) or the boundary (400); either way nothing is written. */
  private void refusedOrForbidden(String user, String path, HttpMethod method, Object body) {
    ATTACKS.incrementAndGet();
    ResponseEntity<String> response = send(user, path, method, body);
    assertThat(response.getStatusCode().value()).as(path + ": " + response.getBody()).isIn(400, 403);
    REFUSED.incrementAndGet();
  }

  private static String message(ResponseEntity<String> response) {
    try {
      return JSON.readTree(response.getBody()).path("message").asText();
    } catch (Exception e) {
      return String.valueOf(response.getBody());
    }
  }
}
