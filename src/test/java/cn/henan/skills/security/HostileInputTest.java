package cn.henan.skills.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.Driver;
import cn.henan.skills.SkillsHenanTest;
import cn.henan.skills.report.ReportDocument;
import cn.henan.skills.report.ReportDocuments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
 * Issue 10's hostile input, sent as a unit's filer over real HTTP: every case answers 4xx with one Chinese sentence
 * (no Java class names) and writes nothing — the task stays open, no variable or history appears, no report version
 * is made. Each case is named; the catalogue prints its size and the slowest case.
 */
@SkillsHenanTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {
  static final int YEAR = 2048;
  static final String TABLE = """
      单位,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）
      河南理工大学,500,450,300,90
      河南工业大学,600,500,300,90
      """;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> CASES = new CopyOnWriteArrayList<>();
  private static final Map<String, Long> MILLIS = new TreeMap<>();

  @Autowired Driver driver;
  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired ReportDocuments documents;

  @AfterEach
  void reset() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @AfterAll
  static void figures() {
    String slowest = MILLIS.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> e.getKey() + " "
        + e.getValue() + " ms").orElse("-");
    System.out.printf("hostile input: %d cases refused, slowest %s%n  %s%n", CASES.size(), slowest,
        String.join("\n  ", CASES.stream().map(c -> c + " " + MILLIS.get(c) + " ms").toList()));
  }

  @Test
  @Order(1)
  void monthlyFiguresAreBoundedIntegersRefusedBeforeAnyExpansion() {
    driver.publishAllocation(YEAR, TABLE);
    for (String unit : List.of("u029", "u030")) {
      driver.complete(unit + "-filer", driver.task(YEAR + "/" + unit, unit + "-filer"),
          Map.of("annualTaskAcknowledged", true));
    }
    List<String> unitYears = runtimeService.createProcessInstanceQuery().processDefinitionKey("unit-year")
        .processInstanceBusinessKeyLike(YEAR + "/%").list().stream().map(ProcessInstance::getId).toList();
    driver.moveClockTo(LocalDate.of(YEAR, 3, 1), unitYears);
    String key = YEAR + "-03/u029";
    Task fill = driver.task(key, "u029-filer");
    long history = historyOf(fill.getProcessInstanceId());

    Map<String, String> hostile = new java.util.LinkedHashMap<>();
    hostile.put("huge exponent 1e50000000", "{\"value\":1e50000000}");
    hostile.put("exponent 1e1000000", "{\"value\":1e1000000}");
    hostile.put("exponent 9e2147483647", "{\"value\":9e2147483647}");
    hostile.put("negative exponent as text", "{\"value\":\"1e-50000000\"}");
    hostile.put("exponent as Long 1e50000000", "{\"value\":1e50000000,\"type\":\"Long\"}");
    hostile.put("exponent as Double 1e50000000", "{\"value\":1e50000000,\"type\":\"Double\"}");
    hostile.put("exponent as string", "{\"value\":\"1e50000000\"}");
    hostile.put("exponent as String type", "{\"value\":\"9e2147483647\",\"type\":\"String\"}");
    hostile.put("30-digit integer", "{\"value\":123456789012345678901234567890}");
    hostile.put("over the bound 100000000", "{\"value\":100000000}");
    hostile.put("Long.MAX_VALUE", "{\"value\":9223372036854775807,\"type\":\"Long\"}");
    hostile.put("negative -1", "{\"value\":-1}");
    hostile.put("Long.MIN_VALUE", "{\"value\":-9223372036854775808,\"type\":\"Long\"}");
    hostile.put("fraction 1.5", "{\"value\":1.5}");
    hostile.put("fraction as Double", "{\"value\":0.25,\"type\":\"Double\"}");
    hostile.put("NaN as Double", "{\"value\":\"NaN\",\"type\":\"Double\"}");
    hostile.put("Infinity as Double", "{\"value\":\"Infinity\",\"type\":\"Double\"}");
    hostile.put("text", "{\"value\":\"一百\"}");
    hostile.put("boolean", "{\"value\":true}");
    hostile.put("Boolean type", "{\"value\":true,\"type\":\"Boolean\"}");
    hostile.put("date type", "{\"value\":\"2048-03-01T00:00:00.000+0800\",\"type\":\"Date\"}");
    hostile.put("hex text", "{\"value\":\"0x10\"}");
    hostile.put("long digit string", "{\"value\":\"" + "9".repeat(5000) + "\"}");
    hostile.put("Json type", "{\"value\":\"{\\\"a\\\":1}\",\"type\":\"Json\"}");
    for (Map.Entry<String, String> attack : hostile.entrySet()) {
      String body = fillBody("trainingMonth", attack.getValue());
      // the field's label, or its name when Camunda's REST cannot even convert the value to its declared type
      refused(attack.getKey() + " (complete)", "u029-filer", "/task/" + fill.getId() + "/complete", body,
          "培训（人次）|“trainingMonth”");
    }
    refused("huge exponent (submit-form)", "u029-filer", "/task/" + fill.getId() + "/submit-form",
        fillBody("certificationMonth", "{\"value\":1e50000000}"), "取证（人）");
    refused("huge exponent (PUT variable)", "u029-filer", "/task/" + fill.getId() + "/variables/trainingMonth",
        HttpMethod.PUT, "{\"value\":1e50000000}", "培训（人次）");
    refused("huge exponent (POST variables)", "u029-filer", "/task/" + fill.getId() + "/variables",
        HttpMethod.POST, "{\"modifications\":{\"onePlusXMonth\":{\"value\":9e2147483647}}}", "1\\+X");
    hostile.clear();
    hostile.put("serialized Java object", "{\"value\":\"rO0ABXNyAA5qYXZhLmxhbmcuTG9uZw==\",\"type\":\"Object\","
        + "\"valueInfo\":{\"objectTypeName\":\"java.lang.Long\",\"serializationDataFormat\":"
        + "\"application/x-java-serialized-object\"}}");
    hostile.put("file instead of a number", "{\"value\":\"MTAw\",\"type\":\"File\",\"valueInfo\":{\"filename\":"
        + "\"a.txt\"}}");
    hostile.put("unknown type", "{\"value\":100,\"type\":\"Evil\"}");
    hostile.put("array", "{\"value\":[1,2]}");
    hostile.put("object", "{\"value\":{\"a\":1}}");
    for (Map.Entry<String, String> attack : hostile.entrySet()) {
      refused(attack.getKey() + " (complete)", "u029-filer", "/task/" + fill.getId() + "/complete",
          fillBody("trainingMonth", attack.getValue()), "培训（人次）|trainingMonth|类型|JSON|type");
    }
    refused("institutions over the bound (complete)", "u029-filer", "/task/" + fill.getId() + "/complete",
        fillBody("institutionsSocial", "{\"value\":1000000000000}"), "面向社会人员");

    assertThat(taskService.createTaskQuery().taskId(fill.getId()).count()).as("the fill task is still open").isOne();
    assertThat(historyOf(fill.getProcessInstanceId())).as("no variable, no history written").isEqualTo(history);
    assertThat(taskService.getVariables(fill.getId())).doesNotContainKeys("trainingMonth", "certificationMonth",
        "onePlusXMonth", "institutionsSocial");
    assertThat(documents.latest(key, ReportDocument.Kind.REPORT_PDF)).as("no report version").isEmpty();

    // the honest figures still pass, also as whole-number doubles and short digit strings
    ok("u029-filer", "/task/" + fill.getId() + "/complete", fillBody("trainingMonth", "{\"value\":120.0}"));
    assertThat(driver.task(key, "u029-leader")).isNotNull();
  }

  // --- helpers ---

  /** The fill form's honest figures with one field replaced by {@code value} (raw JSON). */
  static String fillBody(String field, String value) {
    Map<String, Object> figures = new TreeMap<>(Driver.reportFigures(100, 80, 40, 10));
    StringBuilder body = new StringBuilder("{\"variables\":{");
    boolean first = true;
    for (Map.Entry<String, Object> f : figures.entrySet()) {
      body.append(first ? "" : ",").append('"').append(f.getKey()).append("\":");
      body.append(f.getKey().equals(field) ? value : JSON.createObjectNode().putPOJO("value", f.getValue())
          .toString());
      first = false;
    }
    return body.append("}}").toString();
  }

  private long historyOf(String processInstanceId) {
    return historyService.createHistoricDetailQuery().processInstanceId(processInstanceId).count()
        + historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).count();
  }

  private ResponseEntity<String> send(String user, String path, HttpMethod method, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange("/engine-rest" + path, method, new HttpEntity<>(body, headers),
        String.class);
  }

  private void ok(String user, String path, String body) {
    ResponseEntity<String> response = send(user, path, HttpMethod.POST, body);
    assertThat(response.getStatusCode().is2xxSuccessful()).as(path + " as " + user + ": " + response.getBody())
        .isTrue();
  }

  private void refused(String name, String user, String path, String body, String named) {
    refused(name, user, path, HttpMethod.POST, body, named);
  }

  /** Refused with 400 and one short Chinese sentence naming the field, no Java class name. */
  private void refused(String name, String user, String path, HttpMethod method, String body, String named) {
    long start = System.nanoTime();
    ResponseEntity<String> response = send(user, path, method, body);
    long millis = (System.nanoTime() - start) / 1_000_000;
    String shown = response.getBody() == null ? null
        : response.getBody().substring(0, Math.min(400, response.getBody().length()));
    assertThat(response.getStatusCode().value()).as(name + ": " + method + " " + path + ": " + shown)
        .isEqualTo(400);
    String message = message(response);
    assertThat(message).as(name).containsPattern(named).containsPattern("\\p{IsHan}").doesNotContain("Exception")
        .doesNotContain("ENGINE-").doesNotContain("Cannot ").doesNotContain("java.");
    assertThat(message.length()).as(name + ": no huge value echoed").isLessThan(300);
    CASES.add(name);
    synchronized (MILLIS) {
      MILLIS.put(name, millis);
    }
  }

  static String message(ResponseEntity<String> response) {
    try {
      return JSON.readTree(response.getBody()).path("message").asText();
    } catch (Exception e) {
      return String.valueOf(response.getBody());
    }
  }
}
