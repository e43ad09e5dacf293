package cn.henan.skills.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.Driver;
import cn.henan.skills.SkillsHenanTest;
import cn.henan.skills.report.ReportDocument;
import cn.henan.skills.report.ReportDocuments;
import cn.henan.skills.pdf.Scans;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
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

  @Test
  @Order(2)
  void textAndChoicesAreBoundedByTheirForm() {
    String key = YEAR + "-03/u030";
    Task fill = driver.task(key, "u030-filer");
    long history = historyOf(fill.getProcessInstanceId());
    String complete = "/task/" + fill.getId() + "/complete";
    refused("filer name over its 50 characters", "u030-filer", complete,
        fillBody("filerName", "{\"value\":\"" + "张".repeat(51) + "\"}"), "填报人.*50");
    refused("filer name of 1 MB", "u030-filer", complete,
        fillBody("filerName", "{\"value\":\"" + "x".repeat(1 << 20) + "\"}"), "填报人");
    refused("filer name as a number", "u030-filer", complete, fillBody("filerName", "{\"value\":12345}"),
        "填报人.*文字");
    refused("filer name as a file", "u030-filer", complete, fillBody("filerName",
        "{\"value\":\"MTAw\",\"type\":\"File\",\"valueInfo\":{\"filename\":\"a.txt\"}}"), "填报人");
    refused("phone over its limit", "u030-filer", complete,
        fillBody("filerPhone", "{\"value\":\"" + "1".repeat(300) + "\"}"), "联系电话|电话");
    refused("a field the form does not have", "u030-filer", complete,
        fillBody("trainingMonth", "{\"value\":100},\"reviewerGroup\":{\"value\":\"u030-filer\"}"), "reviewerGroup");
    refused("a read-only field changed", "u030-filer", complete,
        fillBody("trainingMonth", "{\"value\":100},\"unitName\":{\"value\":\"别的单位\"}"), "unitName");
    assertThat(historyOf(fill.getProcessInstanceId())).as("nothing written").isEqualTo(history);
    ok("u030-filer", complete, fillBody("filerName", "{\"value\":\"" + "张".repeat(50) + "\"}"));

    Task sign = driver.task(key, "u030-leader");
    history = historyOf(sign.getProcessInstanceId());
    String signing = "/task/" + sign.getId() + "/complete";
    refused("a choice the form does not list", "u030-leader", signing,
        "{\"variables\":{\"signDecision\":{\"value\":\"approve-all\"}}}", "组长意见.*签字同意");
    refused("a choice as a boolean", "u030-leader", signing,
        "{\"variables\":{\"signDecision\":{\"value\":true}}}", "组长意见");
    refused("a choice of 100,000 characters", "u030-leader", signing,
        "{\"variables\":{\"signDecision\":{\"value\":\"" + "a".repeat(100_000) + "\"}}}", "组长意见");
    refused("return reason over 2,000 characters", "u030-leader", signing,
        "{\"variables\":{\"signDecision\":{\"value\":\"return\"},\"returnReason\":{\"value\":\""
            + "改".repeat(2001) + "\"}}}", "退回原因.*2000");
    assertThat(historyOf(sign.getProcessInstanceId())).as("nothing written").isEqualTo(history);
    assertThat(taskService.createTaskQuery().taskId(sign.getId()).count()).isOne();
  }

  @Test
  @Order(3)
  void hostileScansAreRefusedAndNothingIsStored() {
    String key = YEAR + "-03/u030";
    ok("u029-leader", "/task/" + driver.task(YEAR + "-03/u029", "u029-leader").getId() + "/complete",
        "{\"variables\":{\"signDecision\":{\"value\":\"approve\"}}}");
    ok("u030-leader", "/task/" + driver.task(key, "u030-leader").getId() + "/complete",
        "{\"variables\":{\"signDecision\":{\"value\":\"approve\"}}}");
    // the PDFs are rendered after the signatures commit, as the job executor would
    driver.runAsyncSteps(driver.instance(YEAR + "-03/u029", "monthly-report").getId());
    driver.runAsyncSteps(driver.instance(key, "monthly-report").getId());
    Task upload = driver.task(key, "u030-filer");
    long history = historyOf(upload.getProcessInstanceId());
    String complete = "/task/" + upload.getId() + "/complete";
    byte[] printed = documents.latest(key, ReportDocument.Kind.REPORT_PDF).orElseThrow().getContent();
    byte[] otherUnit = documents.latest(YEAR + "-03/u029", ReportDocument.Kind.REPORT_PDF).orElseThrow()
        .getContent();
    Map<String, byte[]> scans = new java.util.LinkedHashMap<>();
    scans.put("scan: page of 14400 pt", Scans.pages(1, new PDRectangle(14400, 14400)));
    scans.put("scan: five pages of 4800 pt", Scans.pages(5, new PDRectangle(4800, 4800)));
    scans.put("scan: six pages", Scans.blankPages(6));
    scans.put("scan: encrypted", Scans.encrypted(printed, "secret"));
    scans.put("scan: a PNG named .pdf", Scans.png());
    scans.put("scan: text named .pdf", "%PDF-1.7 这不是 PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    scans.put("scan: truncated", java.util.Arrays.copyOf(printed, printed.length / 2));
    scans.put("scan: empty", new byte[0]);
    scans.put("scan: another unit's report", Scans.scan(otherUnit));
    scans.put("scan: the generated report itself, unprinted", printed);
    scans.put("scan: blank page without QR code", Scans.blankPages(1));
    for (Map.Entry<String, byte[]> scan : scans.entrySet()) {
      refused(scan.getKey(), "u030-filer", complete, "{\"variables\":{\"stampedScan\":{\"value\":\""
          + java.util.Base64.getEncoder().encodeToString(scan.getValue())
          + "\",\"type\":\"File\",\"valueInfo\":{\"filename\":\"scan.pdf\",\"mimeType\":\"application/pdf\"}}}}",
          "扫描件|文件|PDF");
    }
    refused("scan: explanation over 2,000 characters", "u030-filer", complete,
        "{\"variables\":{\"qrUnreadable\":{\"value\":true},\"scanExplanation\":{\"value\":\""
            + "说".repeat(2001) + "\"}}}", "2000");
    assertThat(historyOf(upload.getProcessInstanceId())).as("nothing written").isEqualTo(history);
    assertThat(documents.latest(key, ReportDocument.Kind.STAMPED_SCAN)).as("no scan stored").isEmpty();
    assertThat(taskService.createTaskQuery().taskId(upload.getId()).count()).isOne();

    // the pre-check stores nothing, so each person gets a few a minute: then 429 with when to try again
    ResponseEntity<String> answer = null;
    for (int i = 0; i < 12 && (answer == null || answer.getStatusCode().value() != 429); i++) {
      answer = http.withBasicAuth("u030-filer", "demo").postForEntity("/api/reports/" + key + "/scan-check",
          new HttpEntity<>(Scans.blankPages(1)), String.class);
    }
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(429);
    assertThat(answer.getHeaders().getFirst("Retry-After")).isNotBlank();
    assertThat(message(answer)).contains("扫描件预检过于频繁").contains("秒后再试");
    CASES.add("scan pre-check flood");
  }

  @Test
  @Order(4)
  void brokenBodiesAndPathsAreRefusedInChinese() {
    Task upload = driver.task(YEAR + "-03/u029", "u029-filer");
    long history = historyOf(upload.getProcessInstanceId());
    String complete = "/task/" + upload.getId() + "/complete";
    refused("body: JSON cut off", "u029-filer", complete, "{\"variables\":{\"stampedScan\":", "JSON");
    refused("body: not JSON", "u029-filer", complete, "stampedScan=approve", "JSON");
    refused("body: nested 5,000 deep", "u029-filer", complete,
        "{\"variables\":" + "[".repeat(5000) + "]".repeat(5000) + "}", "JSON|内容");
    refused("body: a string of 3 MB in an unknown variable", "u029-filer", complete,
        "{\"variables\":{\"x\":{\"value\":\"" + "x".repeat(3 << 20) + "\"}}}", "x");
    refused("body: variables as an array", "u029-filer", complete, "{\"variables\":[1,2,3]}", "JSON|内容");
    ResponseEntity<String> chunked = chunked("u029-filer", "/engine-rest" + complete, 21 << 20);
    assertThat(chunked.getStatusCode().value()).as(chunked.getBody()).isEqualTo(413);
    assertThat(message(chunked)).contains("20 MB");
    CASES.add("body: 21 MB chunked");
    assertThat(historyOf(upload.getProcessInstanceId())).as("nothing written").isEqualTo(history);

    for (String path : List.of("/task/' OR '1'='1/complete", "/task/" + "9".repeat(4000) + "/complete",
        "/task/%2e%2e%2f%2e%2e%2fetc%2fpasswd/complete")) {
      ResponseEntity<String> answer = send("u029-filer", path, HttpMethod.POST, "{}");
      assertThat(answer.getStatusCode().is4xxClientError()).as(path + ": " + answer.getBody()).isTrue();
      assertThat(String.valueOf(answer.getBody())).doesNotContain("Exception").doesNotContain("java.");
      CASES.add("path: " + path.substring(0, Math.min(40, path.length())));
    }
    for (String path : List.of("/api/reports/2022-13/u029/report.pdf", "/api/reports/2022-03/u999/report.pdf",
        "/api/reports/2022-03/u030/report.pdf", "/api/evaluation/2022-99", "/api/reports/../../etc/passwd")) {
      ResponseEntity<String> answer = http.withBasicAuth("u029-filer", "demo").getForEntity(path, String.class);
      assertThat(answer.getStatusCode().is4xxClientError()).as(path + ": " + answer.getBody()).isTrue();
      assertThat(message(answer)).as(path).containsPattern("\\p{IsHan}").doesNotContain("Exception");
      CASES.add("path: " + path);
    }
    assertThat(CASES.size()).as("the catalogue").isGreaterThanOrEqualTo(60);
  }

  /** A POST whose body is sent in chunks (no Content-Length), as curl does with a pipe. */
  private ResponseEntity<String> chunked(String user, String path, int bytes) {
    try {
      java.net.HttpURLConnection connection = (java.net.HttpURLConnection) new java.net.URI(http.getRootUri() + path)
          .toURL().openConnection();
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setChunkedStreamingMode(64 * 1024);
      connection.setRequestProperty("Content-Type", "application/json");
      connection.setRequestProperty("Authorization", "Basic " + java.util.Base64.getEncoder()
          .encodeToString((user + ":demo").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      try (java.io.OutputStream out = connection.getOutputStream()) {
        // many short strings, so that no single JSON value reaches Jackson's own limits first
        out.write("{\"variables\":{\"x\":{\"value\":[".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] block = ("\"" + "x".repeat(1021) + "\",").repeat(64).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int sent = 0; sent < bytes; sent += block.length) {
          out.write(block);
        }
        out.write("\"x\"]}}}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      } catch (java.io.IOException cutOff) {
        // the server may stop reading at the limit and answer before the whole body is sent
      }
      int status = connection.getResponseCode();
      java.io.InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
      String body = in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return ResponseEntity.status(status).body(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
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
    assertThat(message).as(name + ": " + shown).containsPattern(named).containsPattern("\\p{IsHan}").doesNotContain("Exception")
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
