package cn.henan.skills.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.Driver;
import cn.henan.skills.SkillsHenanTest;
import cn.henan.skills.identity.Viewer;
import cn.henan.skills.report.MonthlyReport;
import cn.henan.skills.report.MonthlyReports;
import cn.henan.skills.unit.UnitRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Batch review (issue 14, point 2) over 52 universities' and colleges' March reports of 2063, filled, signed and
 * stamped as in Tasklist: 50 selected for a batch while 3 of them change in between (accepted one by one by another
 * reviewer, returned in the other lane and refiled, claimed by someone else), one reviewed one by one over the
 * engine's REST as Tasklist does (the history of a batch acceptance must equal it), one filed late (flagged). Then the
 * attacker's requests.
 */
@SkillsHenanTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BatchReviewTest {
  static final int YEAR = 2063;
  static final String MONTH = YEAR + "-03";
  static final ObjectMapper JSON = new ObjectMapper();
  /** u029 … u080: the 52 universities, colleges and schools after the cities in the shipped table. */
  static final List<String> UNITS = IntStream.rangeClosed(29, 80).mapToObj(i -> String.format("u%03d", i)).toList();
  static final List<String> BATCH = UNITS.subList(0, 50);
  static final String ONE_BY_ONE = UNITS.get(50);
  static final String LATE = UNITS.get(51);
  static final String ACCEPTED_MEANWHILE = BATCH.get(0);
  static final String RETURNED_MEANWHILE = BATCH.get(1);
  static final String CLAIMED_MEANWHILE = BATCH.get(2);
  /** The reviews happen on 20 March; what is written from then on is the review's history. */
  static final Instant REVIEW_DAY = LocalDate.of(YEAR, 3, 20).atTime(10, 0).atZone(Driver.BEIJING).toInstant();

  @Autowired Driver driver;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired MonthlyReports reports;
  @Autowired BatchReview batchReview;
  @Autowired TestRestTemplate http;
  @Autowired UnitRegistry units;

  @AfterEach
  void restoreClock() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  @Order(1)
  void fiftyTwoReportsWaitForReviewAndTheLateOneIsFlagged() throws IOException {
    driver.publishAllocation(YEAR, table());
    List<String> unitYears = runtimeService.createProcessInstanceQuery().processDefinitionKey("unit-year")
        .processInstanceBusinessKeyLike(YEAR + "/%").list().stream().map(ProcessInstance::getId).toList();
    driver.moveClockTo(LocalDate.of(YEAR, 3, 1), unitYears);
    // the late unit's due date passes before it files (its report alone: the others' timers are not run)
    driver.moveClockTo(LocalDate.of(YEAR, 4, 1), List.of(report(LATE).getId()));
    ClockUtil.setCurrentTime(Date.from(REVIEW_DAY.minus(Duration.ofDays(10))));
    for (String unit : UNITS) {
      file(unit, 100);
    }
    ClockUtil.setCurrentTime(Date.from(REVIEW_DAY));

    List<BatchReview.Waiting> skills = batchReview.waiting(viewer("province"), MONTH);
    assertThat(skills).hasSize(52).allSatisfy(w -> {
      assertThat(w.laneName()).isEqualTo("技能审核");
      assertThat(w.figures()).hasSize(4);
      assertThat(w.token()).startsWith("v1.");
    });
    BatchReview.Waiting late = row(skills, LATE);
    assertThat(late.flags()).extracting(BatchReview.Flag::label).containsExactly("逾期");
    assertThat(skills.stream().filter(w -> !w.unitCode().equals(LATE))).allSatisfy(w -> assertThat(w.flags())
        .as("a clean report: scan with QR and seal, no finding").isEmpty());
    assertThat(late.unitName()).isEqualTo(units.get(LATE).getName());
    assertThat(late.flags().get(0).text()).isEqualTo("2063 年 3 月月报逾期报送");
    assertThat(row(skills, "u029").figures().get(0))
        .isEqualTo(new BatchReview.Figure("training", "培训任务", 500, 100, 100, new BigDecimal("20.0")));
    assertThat(batchReview.waiting(viewer("onex"), MONTH)).hasSize(52)
        .allSatisfy(w -> assertThat(w.laneName()).isEqualTo("1+X 审核"));
    assertThat(batchReview.waiting(viewer("u029-filer"), MONTH)).as("a filer reviews nothing").isEmpty();
    assertThat(batchReview.waiting(viewer("province"), (YEAR + 1) + "-03")).isEmpty();
  }

  @Test
  @Order(2)
  void aBatchOfFiftyAcceptsFortySevenAndNamesTheThreeThatChangedMeanwhile() throws IOException {
    ClockUtil.setCurrentTime(Date.from(REVIEW_DAY));
    JsonNode page = json(http.withBasicAuth("province", "demo").getForEntity("/api/reviews?year=" + YEAR
        + "&month=3", String.class));
    List<Map<String, String>> selected = new ArrayList<>();
    for (JsonNode row : page) {
      if (BATCH.contains(row.get("unitCode").asText())) {
        selected.add(Map.of("taskId", row.get("taskId").asText(), "token", row.get("token").asText()));
      }
    }
    assertThat(selected).hasSize(50);

    // meanwhile: hrss accepts one in Tasklist, 1+X returns another (its unit refiles), hrss claims a third
    Task accepted = driver.task(MONTH + "/" + ACCEPTED_MEANWHILE, "province-hrss");
    oneByOne("hrss", accepted.getId(), "skillsReviewDecision");
    driver.complete("onex", driver.task(MONTH + "/" + RETURNED_MEANWHILE, "province-1x"),
        Map.of("onePlusXReviewDecision", "return", "onePlusXReturnReason", "1+X 人数与名册不符"));
    driver.complete(RETURNED_MEANWHILE + "-filer", driver.task(MONTH + "/" + RETURNED_MEANWHILE,
        RETURNED_MEANWHILE + "-filer"), Driver.reportFigures(90, 0, 0, 0));
    driver.signAndUploadScan(MONTH + "/" + RETURNED_MEANWHILE, RETURNED_MEANWHILE);
    Task claimed = driver.task(MONTH + "/" + CLAIMED_MEANWHILE, "province-hrss");
    driver.as("hrss", () -> {
      taskService.claim(claimed.getId(), "hrss");
      return null;
    });

    JsonNode outcome = json(http.withBasicAuth("province", "demo").postForEntity("/api/reviews/accept",
        jsonBody(selected), String.class));
    assertThat(outcome.get("accepted")).hasSize(47);
    Map<String, String> skipped = new TreeMap<>();
    outcome.get("skipped").forEach(s -> skipped.put(s.get("businessKey").asText(), s.get("reason").asText()));
    assertThat(skipped).containsOnlyKeys(MONTH + "/" + ACCEPTED_MEANWHILE, MONTH + "/" + RETURNED_MEANWHILE,
        MONTH + "/" + CLAIMED_MEANWHILE);
    assertThat(skipped.get(MONTH + "/" + ACCEPTED_MEANWHILE)).contains("已经办理完毕").contains("hrss");
    assertThat(skipped.get(MONTH + "/" + RETURNED_MEANWHILE)).contains("已经办理完毕").contains("撤回重报");
    assertThat(skipped.get(MONTH + "/" + CLAIMED_MEANWHILE)).contains("已由 hrss 认领");
    outcome.get("skipped").forEach(s -> assertThat(s.get("unitName").asText()).isNotBlank());

    assertThat(taskService.createTaskQuery().taskId(claimed.getId()).singleResult().getAssignee())
        .as("the claimed one is left as it was").isEqualTo("hrss");
    Task refiled = driver.task(MONTH + "/" + RETURNED_MEANWHILE, "province-edu");
    assertThat(refiled).as("the refiled version waits for review, not accepted unseen").isNotNull();
    assertThat(refiled.getAssignee()).isNull();
    for (String unit : BATCH.subList(3, 50)) {
      assertThat(driver.task(MONTH + "/" + unit, "province-edu")).as(unit + " skills review done").isNull();
      assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(MONTH + "/" + unit)
          .taskAssignee("province").finished().count()).isEqualTo(1);
    }

    // the 1+X lane in one batch too: then every report of the 47 (and the one hrss accepted) is accepted
    List<Map<String, String>> onePlusX = new ArrayList<>();
    for (JsonNode row : json(http.withBasicAuth("onex", "demo").getForEntity("/api/reviews?year=" + YEAR,
        String.class))) {
      if (BATCH.contains(row.get("unitCode").asText()) && !row.get("unitCode").asText().equals(RETURNED_MEANWHILE)) {
        onePlusX.add(Map.of("taskId", row.get("taskId").asText(), "token", row.get("token").asText()));
      }
    }
    JsonNode second = json(http.withBasicAuth("onex", "demo").postForEntity("/api/reviews/accept",
        jsonBody(onePlusX), String.class));
    assertThat(second.get("accepted")).hasSize(49);
    assertThat(second.get("skipped")).isEmpty();
    for (String unit : Stream.concat(Stream.of(ACCEPTED_MEANWHILE), BATCH.subList(3, 50).stream()).toList()) {
      assertThat(reports.find(MONTH + "/" + unit).orElseThrow().getStatus()).as(unit)
          .isEqualTo(MonthlyReport.Status.ACCEPTED);
    }
    assertThat(reports.find(MONTH + "/" + CLAIMED_MEANWHILE).orElseThrow().getStatus())
        .isEqualTo(MonthlyReport.Status.SIGNED);
  }

  @Test
  @Order(3)
  void theHistoryOfABatchAcceptanceEqualsTheOneByOneHistory() {
    ClockUtil.setCurrentTime(Date.from(REVIEW_DAY));
    String key = MONTH + "/" + ONE_BY_ONE;
    oneByOne("province", driver.task(key, "province-edu").getId(), "skillsReviewDecision");
    oneByOne("onex", driver.task(key, "province-1x").getId(), "onePlusXReviewDecision");
    assertThat(reports.find(key).orElseThrow().getStatus()).isEqualTo(MonthlyReport.Status.ACCEPTED);

    String batched = BATCH.get(10);
    List<String> history = reviewHistory(batched);
    assertThat(history).contains("operation Claim Task assignee null province province TaskWorker",
        "operation Claim Task assignee null onex onex TaskWorker", "event ACCEPTED null onex v1",
        "detail HistoricFormPropertyEntity true skillsReviewDecision=accept");
    assertThat(history).isEqualTo(reviewHistory(ONE_BY_ONE));
  }

  @Test
  @Order(4)
  void anAttackerAcceptsNothingThatIsNotTheirs() throws IOException {
    ClockUtil.setCurrentTime(Date.from(REVIEW_DAY));
    BatchReview.Waiting late = row(batchReview.waiting(viewer("province"), MONTH), LATE);
    List<Map<String, String>> theLateOne = List.of(Map.of("taskId", late.taskId(), "token", late.token()));
    long operations = historyService.createUserOperationLogQuery().taskId(late.taskId()).count();

    // a filer, and the other lane's reviewer (who may read it), are named and refused per item; nothing written
    for (String user : List.of("u029-filer", "onex", "u080-leader")) {
      JsonNode outcome = json(http.withBasicAuth(user, "demo").postForEntity("/api/reviews/accept",
          jsonBody(theLateOne), String.class));
      assertThat(outcome.get("accepted")).as(user).isEmpty();
      assertThat(outcome.get("skipped").get(0).get("reason").asText()).as(user)
          .containsAnyOf("找不到这项审核任务", "不是您可以办理的任务");
    }
    JsonNode unknown = json(http.withBasicAuth("province", "demo").postForEntity("/api/reviews/accept",
        jsonBody(List.of(Map.of("taskId", "no-such-task", "token", "v1.x"))), String.class));
    assertThat(unknown.get("skipped").get(0).get("reason").asText()).contains("找不到这项审核任务");
    JsonNode stale = json(http.withBasicAuth("province", "demo").postForEntity("/api/reviews/accept",
        jsonBody(List.of(Map.of("taskId", late.taskId(), "token", "v1.forged"))), String.class));
    assertThat(stale.get("skipped").get(0).get("reason").asText()).contains("有变化");
    JsonNode older = json(http.withBasicAuth("province", "demo").postForEntity("/api/reviews/accept",
        jsonBody(List.of(Map.of("taskId", late.taskId(), "token", "v0.forged"))), String.class));
    assertThat(older.get("skipped").get(0).get("reason").asText()).contains("第 1 版").contains("第 0 版");

    List<Map<String, String>> huge = Collections.nCopies(501, Map.of("taskId", "t", "token", "v1.x"));
    refused(http.withBasicAuth("province", "demo").postForEntity("/api/reviews/accept", jsonBody(huge),
        String.class), "一次最多通过 500 份月报");
    refused(http.withBasicAuth("province", "demo").postForEntity("/api/reviews/accept",
        jsonBody(List.of(theLateOne.get(0), theLateOne.get(0))), String.class), "出现了不止一次");
    refused(http.withBasicAuth("province", "demo").postForEntity("/api/reviews/accept", jsonBody(List.of()),
        String.class), "没有选择任何月报");
    refused(http.withBasicAuth("province", "demo").postForEntity("/api/reviews/accept",
        jsonBody(Map.of("taskId", late.taskId())), String.class), "请求内容无法读取");
    assertThat(http.postForEntity("/api/reviews/accept", jsonBody(theLateOne), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(taskService.createTaskQuery().taskId(late.taskId()).singleResult().getAssignee()).isNull();
    assertThat(historyService.createUserOperationLogQuery().taskId(late.taskId()).count())
        .as("nothing written").isEqualTo(operations);

    // a flagged report is accepted when its reviewer selects it explicitly
    JsonNode chosen = json(http.withBasicAuth("province", "demo").postForEntity("/api/reviews/accept",
        jsonBody(theLateOne), String.class));
    assertThat(chosen.get("accepted")).hasSize(1);
  }

  /** Everything the review wrote (from the review day on), with the unit's own names and ids taken out. */
  private List<String> reviewHistory(String unit) {
    String key = MONTH + "/" + unit;
    String instanceId = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key)
        .processDefinitionKey("monthly-report").singleResult().getId();
    Date from = Date.from(REVIEW_DAY);
    List<String> taskIds = historyService.createHistoricTaskInstanceQuery().processInstanceId(instanceId).list()
        .stream().map(HistoricTaskInstance::getId).toList();
    List<String> seen = new ArrayList<>();
    historyService.createHistoricTaskInstanceQuery().processInstanceId(instanceId).finished().list().stream()
        .filter(t -> !t.getEndTime().before(from))
        .forEach(t -> seen.add("task " + t.getTaskDefinitionKey() + " " + t.getName() + " " + t.getAssignee() + " "
            + t.getOwner() + " " + t.getDeleteReason()));
    historyService.createHistoricDetailQuery().processInstanceId(instanceId).list().stream()
        .filter(d -> !d.getTime().before(from))
        .forEach(d -> seen.add("detail " + d.getClass().getSimpleName() + " " + (d.getTaskId() != null) + " "
            + (d instanceof HistoricVariableUpdate u
                ? u.getVariableName() + "=" + u.getValue() + " rev " + u.getRevision()
                : d instanceof HistoricFormField f
                    ? f.getFieldId() + "=" + f.getFieldValue() : "")));
    historyService.createUserOperationLogQuery().processInstanceId(instanceId).list().stream()
        .filter(o -> !o.getTimestamp().before(from))
        .forEach(o -> seen.add("operation " + o.getOperationType() + " " + o.getEntityType() + " " + o.getProperty()
            + " " + o.getOrgValue() + " " + o.getNewValue() + " " + o.getUserId() + " " + o.getCategory()));
    for (String taskId : taskIds) {
      historyService.createHistoricIdentityLinkLogQuery().taskId(taskId).list().stream()
          .filter(l -> !l.getTime().before(from))
          .forEach(l -> seen.add("link " + l.getType() + " " + l.getUserId() + " " + l.getGroupId() + " "
              + l.getOperationType() + " " + l.getAssignerId()));
    }
    reports.history(key).stream().filter(e -> !e.getOccurredAt().isBefore(REVIEW_DAY))
        .forEach(e -> seen.add("event " + e.getKind() + " " + e.getReason() + " " + e.getActor() + " v"
            + e.getReportVersion()));
    String name = units.get(unit).getName();
    return seen.stream().map(s -> s.replace(key, "KEY").replace(unit, "UNIT").replace(name, "NAME")).sorted()
        .collect(Collectors.toList());
  }

  /** What Tasklist sends for a review: claim, then the form with the decision 通过 ({@code /engine-rest}). */
  private void oneByOne(String user, String taskId, String decision) {
    ResponseEntity<String> claim = http.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + taskId
        + "/claim", jsonBody(Map.of("userId", user)), String.class);
    assertThat(claim.getStatusCode().is2xxSuccessful()).as(claim.getBody()).isTrue();
    ResponseEntity<String> submit = http.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + taskId
        + "/submit-form", jsonBody(Map.of("variables", Map.of(decision, Map.of("value", "accept")))), String.class);
    assertThat(submit.getStatusCode().is2xxSuccessful()).as(submit.getBody()).isTrue();
  }

  private void file(String unit, int training) {
    String key = MONTH + "/" + unit;
    driver.complete(unit + "-filer", driver.task(key, unit + "-filer"), Driver.reportFigures(training, 0, 0, 0));
    driver.signAndUploadScan(key, unit);
  }

  private ProcessInstance report(String unit) {
    return driver.instance(MONTH + "/" + unit, "monthly-report");
  }

  private Viewer viewer(String user) {
    return new Viewer(user, identityService.createGroupQuery().groupMember(user).list().stream()
        .map(g -> g.getId()).toList());
  }

  private static BatchReview.Waiting row(List<BatchReview.Waiting> rows, String unit) {
    return rows.stream().filter(w -> w.unitCode().equals(unit)).findFirst().orElseThrow();
  }

  private static void refused(ResponseEntity<String> answer, String sentence) throws IOException {
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(JSON.readTree(answer.getBody()).get("message").asText()).contains(sentence);
  }

  private static JsonNode json(ResponseEntity<String> answer) {
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    try {
      return JSON.readTree(answer.getBody());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpEntity<String> jsonBody(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    try {
      return new HttpEntity<>(JSON.writeValueAsString(body), headers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shipped table's rows of these units, under its own header. */
  private static String table() throws IOException {
    List<String> lines = new ClassPathResource("allocation/allocation-2022.csv").getContentAsString(
        StandardCharsets.UTF_8).lines().toList();
    return lines.get(0) + "\n" + String.join("\n", lines.subList(29, 81)) + "\n";
  }
}
