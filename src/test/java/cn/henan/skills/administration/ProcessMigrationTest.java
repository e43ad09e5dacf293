package cn.henan.skills.administration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.Driver;
import cn.henan.skills.SkillsHenanTest;
import cn.henan.skills.report.MonthlyReport;
import cn.henan.skills.report.MonthlyReports;
import cn.henan.skills.report.ReportCalendar;
import cn.henan.skills.report.ReportPeriod;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A process administrator changes the reminder of {@code monthly-report} from 3 to 5 days before the due date in
 * Modeler and deploys it over REST while reports run: the running reports keep their version and reminder, new ones
 * take the new; moving the running reports to the new version gives them the new reminder, and a moved report goes
 * on to acceptance. A version that drops the activity a report waits in cannot take that report: it stays, named with
 * the reason, while the others move.
 */
@SkillsHenanTest
class ProcessMigrationTest {
  static final int YEAR = 2058;
  static final String TABLE = """
      单位,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）
      河南理工大学,500,450,300,90
      河南工业大学,600,500,300,80
      """;
  static final String REPORT = "monthly-report";

  @Autowired ProcessEngine engine;
  @Autowired Driver driver;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired ManagementService managementService;
  @Autowired MonthlyReports reports;
  @Autowired ReportCalendar calendar;
  @Autowired TestRestTemplate http;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void restoreClock() {
    ClockUtil.reset();
  }

  @Test
  void aChangedReminderReachesNewReportsAndMigratedOnesAndAnUnmovableReportIsNamed() throws Exception {
    byte[] shipped = shipped("bpmn/monthly-report.bpmn");
    String shippedXml = new String(shipped, StandardCharsets.UTF_8);
    String fiveDays = shippedXml.replace("beforeDue(execution, 'P3D')", "beforeDue(execution, 'P5D')");
    assertThat(fiveDays).as("the model states the reminder's lead").isNotEqualTo(shippedXml);
    try {
      driver.publishAllocation(YEAR, TABLE);
      List<String> unitYears = runtimeService.createProcessInstanceQuery().processDefinitionKey("unit-year")
          .processInstanceBusinessKeyLike(YEAR + "/%").list().stream().map(ProcessInstance::getId).toList();
      driver.moveClockTo(LocalDate.of(YEAR, 3, 1), unitYears);
      int before = latestVersion();

      // Modeler's deploy: the model and the embedded form it refers to, over REST as a process administrator
      assertThat(deploy("u029-filer", "demo", fiveDays).getStatusCode()).as("a filer may not deploy")
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(latestVersion()).isEqualTo(before);
      assertThat(deploy("admin", "admin", fiveDays).getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(latestVersion()).isEqualTo(before + 1);

      ReportPeriod march = ReportPeriod.of(YEAR, 3);
      ReportPeriod april = ReportPeriod.of(YEAR, 4);
      assertThat(reminder(report(march, "u029"), march)).as("a running report keeps its 3 days")
          .isEqualTo(Duration.ofDays(3));
      driver.moveClockTo(LocalDate.of(YEAR, 4, 1), unitYears);
      assertThat(version(report(april, "u029"))).isEqualTo(before + 1);
      assertThat(reminder(report(april, "u029"), april)).as("a new report has 5 days").isEqualTo(Duration.ofDays(5));

      // the administrator's page moves the March reports; the others may not
      assertThat(http.withBasicAuth("province", "demo").postForEntity("/api/admin/process-versions/" + REPORT
          + "/migrate", null, String.class).getBody()).contains("只有流程管理员");
      JsonNode migration = migrate();
      assertThat(migration.get("targetVersion").asInt()).isEqualTo(before + 1);
      assertThat(migration.get("moved").asInt()).isEqualTo(2);
      assertThat(migration.get("notMoved")).isEmpty();
      assertThat(version(report(march, "u029"))).isEqualTo(before + 1);
      assertThat(reminder(report(march, "u029"), march)).as("the moved report's reminder is the new version's")
          .isEqualTo(Duration.ofDays(5));

      // the moved report goes on to acceptance
      String marchKey = march.key() + "/u029";
      driver.complete("u029-filer", driver.task(marchKey, "u029-filer"), Driver.reportFigures(100, 60, 20, 10));
      driver.signAndUploadScan(marchKey, "u029");
      driver.complete("province", driver.task(marchKey, "province-edu"), Map.of("skillsReviewDecision", "accept"));
      driver.complete("onex", driver.task(marchKey, "province-1x"), Map.of("onePlusXReviewDecision", "accept"));
      assertThat(report(march, "u029")).as("ended").isNull();
      assertThat(reports.find(marchKey).orElseThrow().getStatus()).isEqualTo(MonthlyReport.Status.ACCEPTED);

      // u029's April report is filed and waits for its signature; u030's two reports still wait to be filed. A version
      // without the activity u030 waits in (its id changed) can take u029's report but not u030's.
      String aprilKey = april.key() + "/u029";
      driver.complete("u029-filer", driver.task(aprilKey, "u029-filer"), Driver.reportFigures(50, 30, 10, 5));
      ProcessInstance waiting = report(april, "u030");
      String waitsIn = waitingActivity(waiting);
      assertThat(deploy("admin", "admin", fiveDays.replace("\"" + waitsIn + "\"", "\"" + waitsIn + "-v2\""))
          .getStatusCode()).isEqualTo(HttpStatus.OK);
      migration = migrate();
      assertThat(migration.get("moved").asInt()).isEqualTo(1);
      JsonNode notMoved = migration.get("notMoved");
      assertThat(notMoved).extracting(n -> n.get("businessKey").asText())
          .containsExactlyInAnyOrder(march.key() + "/u030", april.key() + "/u030");
      for (JsonNode left : notMoved) {
        assertThat(left.get("version").asInt()).isEqualTo(before + 1);
        assertThat(left.get("reasons").get(0).asText()).startsWith("停在“填报 … 进度月报（…）”（" + waitsIn + "）")
            .contains("新版本中没有与之对应的环节");
      }
      assertThat(version(report(april, "u029"))).isEqualTo(before + 2);
      assertThat(version(waiting)).as("left on its version").isEqualTo(before + 1);

      // the shipped model again as the latest, and the left report moved to it through Camunda's own REST
      assertThat(deploy("admin", "admin", shippedXml).getStatusCode()).isEqualTo(HttpStatus.OK);
      String target = repositoryService.createProcessDefinitionQuery().processDefinitionKey(REPORT).latestVersion()
          .singleResult().getId();
      assertThat(restMigrate("u030-filer", "demo", waiting, target).getStatusCode()).as("a filer may not migrate")
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(restMigrate("admin", "admin", waiting, target).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      assertThat(version(report(april, "u030"))).isEqualTo(before + 3);
      assertThat(reminder(report(april, "u030"), april)).isEqualTo(Duration.ofDays(3));
    } finally {
      // whatever happened, later tests open reports on the shipped model
      if (!new String(repositoryService.getResourceAsStream(latestDefinitionDeployment(), "monthly-report.bpmn")
          .readAllBytes(), StandardCharsets.UTF_8).equals(shippedXml)) {
        deploy("admin", "admin", shippedXml);
      }
    }
  }

  private ResponseEntity<String> deploy(String user, String password, String model) throws IOException {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "monthly-report from Modeler");
    parts.add("deployment-source", "Camunda Modeler");
    parts.add("monthly-report.bpmn", file("monthly-report.bpmn", model.getBytes(StandardCharsets.UTF_8)));
    parts.add("monthly-report-upload.html", file("monthly-report-upload.html",
        shipped("forms/monthly-report-upload.html")));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, password).postForEntity("/engine-rest/deployment/create",
        new HttpEntity<>(parts, headers), String.class);
  }

  private ResponseEntity<String> restMigrate(String user, String password, ProcessInstance instance, String target) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> plan = http.withBasicAuth(user, password).postForEntity("/engine-rest/migration/generate",
        new HttpEntity<>(Map.of("sourceProcessDefinitionId", instance.getProcessDefinitionId(),
            "targetProcessDefinitionId", target, "updateEventTriggers", true), headers), String.class);
    if (!plan.getStatusCode().is2xxSuccessful()) {
      return plan;
    }
    try {
      Map<String, Object> execute = Map.of("migrationPlan", new ObjectMapper().readTree(plan.getBody()),
          "processInstanceIds", List.of(instance.getId()));
      return http.withBasicAuth(user, password).postForEntity("/engine-rest/migration/execute",
          new HttpEntity<>(execute, headers), String.class);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode migrate() throws IOException {
    ResponseEntity<String> answer = http.withBasicAuth("admin", "admin")
        .postForEntity("/api/admin/process-versions/" + REPORT + "/migrate", null, String.class);
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    return new ObjectMapper().readTree(answer.getBody());
  }

  private static ByteArrayResource file(String name, byte[] content) {
    return new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    };
  }

  private static byte[] shipped(String path) throws IOException {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return in.readAllBytes();
    }
  }

  private int latestVersion() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(REPORT).latestVersion()
        .singleResult().getVersion();
  }

  private String latestDefinitionDeployment() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(REPORT).latestVersion()
        .singleResult().getDeploymentId();
  }

  private ProcessInstance report(ReportPeriod period, String unit) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(REPORT)
        .processInstanceBusinessKey(period.key() + "/" + unit).singleResult();
  }

  private int version(ProcessInstance instance) {
    return repositoryService.getProcessDefinition(
        runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
            .getProcessDefinitionId()).getVersion();
  }

  /**
   * How long before the due date the report's reminder timer waits: its timers are the reminder and the due date, so
   * the one before the due date is the reminder.
   */
  private Duration reminder(ProcessInstance instance, ReportPeriod period) {
    Instant due = calendar.due(period).toInstant();
    Set<Instant> timers = managementService.createJobQuery().processInstanceId(instance.getId()).timers().list()
        .stream().map(Job::getDuedate).map(d -> d.toInstant()).collect(Collectors.toSet());
    assertThat(timers).as("the due-date timer").contains(due);
    List<Instant> earlier = timers.stream().filter(t -> t.isBefore(due)).toList();
    assertThat(earlier).as("one reminder").hasSize(1);
    return Duration.between(earlier.get(0), due);
  }

  /** The one activity the instance waits in (the engine's tree, whatever the model calls it). */
  private String waitingActivity(ProcessInstance instance) {
    List<ActivityInstance> leaves = leaves(runtimeService.getActivityInstance(instance.getId()));
    assertThat(leaves).hasSize(1);
    return leaves.get(0).getActivityId();
  }

  private static List<ActivityInstance> leaves(ActivityInstance node) {
    if (node.getChildActivityInstances().length == 0) {
      return List.of(node);
    }
    return java.util.Arrays.stream(node.getChildActivityInstances()).flatMap(c -> leaves(c).stream()).toList();
  }
}
