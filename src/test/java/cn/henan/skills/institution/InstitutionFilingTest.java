package cn.henan.skills.institution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.henan.skills.Driver;
import cn.henan.skills.SkillsHenanTest;
import cn.henan.skills.pdf.Scans;
import cn.henan.skills.report.MonthlyReports;
import cn.henan.skills.report.ReportDocument;
import cn.henan.skills.report.ReportDocuments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 评价机构备案 (issue 14, point 1) in 2061: 河南牧业经济学院 (u044) files a college-level institution, province-hrss
 * approves it, and its March report counts it (beside the institutions it declares not filed here, marked 未备案);
 * province-hrss revokes it and April's report no longer counts it. 信阳农林学院 (u045) is returned with a reason,
 * fixes and is approved. Then the same as an attacker over {@code /engine-rest} and {@code /api}.
 */
@SkillsHenanTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstitutionFilingTest {
  static final int YEAR = 2061;
  static final String FILED = "institution-u044-1";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired Driver driver;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired MonthlyReports reports;
  @Autowired ReportDocuments documents;
  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  @Order(1)
  void anApprovedFilingIsCountedInTheNextMonthsFormBesideTheDeclaredNotFiledOnes() throws IOException {
    driver.publishAllocation(YEAR, """
        单位,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）
        河南牧业经济学院,1000,800,300,90
        信阳农林学院,800,600,200,50
        """);
    at(LocalDate.of(YEAR, 2, 10));
    ProcessInstance filing = apply("u044-filer", "COLLEGE_LEVEL", "河南牧业经济学院职业技能等级认定中心");
    assertThat(filing.getBusinessKey()).isEqualTo(FILED);
    Task review = driver.task(FILED, "province-hrss");
    assertThat(review.getName()).isEqualTo("审核评价机构备案申请（河南牧业经济学院）");
    assertThat(taskService.getVariable(review.getId(), "institutionKindName")).isEqualTo("院校类职业技能等级认定机构");
    assertThat(taskService.getVariable(review.getId(), "documentNotice").toString()).contains("共 2 页");
    assertThat(filing(FILED).get("status")).isEqualTo("APPLIED");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(filing.getId())
        .variableName(InstitutionFilingSteps.DOCUMENT).count()).as("the bytes live with the institution").isZero();
    assertThat(jdbc.queryForObject("select count(*) from act_hi_detail where proc_inst_id_ = ? and name_ = ?"
        + " and text_ is not null and bytearray_id_ is null", Long.class, filing.getId(), InstitutionFilingSteps.DOCUMENT))
        .as("history notes the file sent, without its bytes").isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from act_hi_detail where proc_inst_id_ = ? and name_ = ?"
        + " and bytearray_id_ is not null", Long.class, filing.getId(), InstitutionFilingSteps.DOCUMENT)).isZero();

    driver.complete("hrss", review, Map.of("reviewDecision", "approve"));
    assertThat(filing(FILED).get("status")).isEqualTo("FILED");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(filing.getId()).count())
        .as("waits, filed, until revoked").isOne();

    // March: one filed here (counted, shown), and the unit declares two not filed here (Driver's figures)
    String march = YEAR + "-03/u044";
    driver.moveClockTo(LocalDate.of(YEAR, 3, 1), unitYears());
    Task fill = driver.task(march, "u044-filer");
    assertThat(taskService.getVariable(fill.getId(), "filedInstitutionsCollegeLevel")).isEqualTo(1);
    assertThat(taskService.getVariable(fill.getId(), "filedInstitutionsAppraisal")).isEqualTo(0);
    driver.complete("u044-filer", fill, Driver.reportFigures(100, 80, 30, 10));
    assertThat(reports.find(march).orElseThrow().institutions().filed()).containsExactly(1, 0, 0, 0);
    assertThat(reports.find(march).orElseThrow().institutions().notFiled()).containsExactly(2, 1, 0, 0);

    Task sign = driver.task(march, "u044-leader");
    assertThat(taskService.getVariable(sign.getId(), "reportSummary").toString())
        .contains("院校类职业技能等级认定机构 3 个（其中未备案 2 个）").contains("职业技能考核鉴定机构 1 个（其中未备案 1 个）")
        .contains("面向社会人员的职业技能等级评价机构 0 个；").contains("请核实");
    driver.signAndUploadScan(march, "u044");
    String pdf = text(documents.latest(march, ReportDocument.Kind.REPORT_PDF).orElseThrow().getContent());
    assertThat(pdf.replaceAll("\\s", "")).contains("（3）个（其中未备案2）").contains("（1）个（其中未备案1）");
    Task reviewReport = driver.task(march, "province-hrss");
    assertThat(taskService.getVariable(reviewReport.getId(), "reportSummary").toString()).contains("其中未备案 2 个");
  }

  @Test
  @Order(2)
  void aReturnNeedsItsReasonAndTheFilerFixesAndResubmits() {
    at(LocalDate.of(YEAR, 3, 5));
    ProcessInstance filing = apply("u045-filer", "SOCIAL", "信阳农林学院社会培训评价站");
    String key = filing.getBusinessKey();
    assertThat(key).isEqualTo("institution-u045-1");
    Task review = driver.task(key, "province-hrss");
    assertThatThrownBy(() -> driver.complete("hrss", review, Map.of("reviewDecision", "return")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("退回原因");
    driver.complete("hrss", review, Map.of("reviewDecision", "return", "returnReason", "缺少考评人员名单"));
    assertThat(filing(key)).containsEntry("status", "RETURNED").containsEntry("return_reason", "缺少考评人员名单");

    Task correct = driver.task(key, "u045-filer");
    assertThat(correct.getName()).isEqualTo("修改评价机构备案申请（信阳农林学院）");
    assertThat(taskService.getVariable(correct.getId(), "lastReturnReason")).isEqualTo("缺少考评人员名单");
    // a non-PDF replacement is refused at the click; the task stays open and nothing changes
    assertThatThrownBy(() -> driver.complete("u045-filer", correct, Map.of("institutionKind", "SOCIAL",
        "institutionName", "改名", "occupationScope", "农业技术员（四级）", InstitutionFilingSteps.DOCUMENT,
        document("名单.pdf", Scans.png()))))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("不是 PDF");
    assertThat(filing(key)).containsEntry("status", "RETURNED").containsEntry("name", "信阳农林学院社会培训评价站");

    driver.complete("u045-filer", correct, Map.of("institutionKind", "SOCIAL",
        "institutionName", "信阳农林学院面向社会人员评价站", "occupationScope", "农业技术员（四级、三级）",
        InstitutionFilingSteps.DOCUMENT, document("补充材料.pdf", Scans.blankPages(3))));
    Task again = driver.task(key, "province-hrss");
    assertThat(taskService.getVariable(again.getId(), "lastReturnReason")).isEqualTo("缺少考评人员名单");
    assertThat(taskService.getVariable(again.getId(), "documentNotice").toString()).contains("补充材料.pdf")
        .contains("共 3 页");
    assertThat(taskService.getVariable(again.getId(), "reviewDecision")).as("opens with nothing chosen").isNull();
    driver.complete("hrss", again, Map.of("reviewDecision", "approve"));
    assertThat(filing(key)).containsEntry("status", "FILED").containsEntry("name", "信阳农林学院面向社会人员评价站");
  }

  @Test
  @Order(3)
  void aRevokedInstitutionIsNoLongerCountedInTheFollowingMonth() throws Exception {
    at(LocalDate.of(YEAR, 3, 20));
    assertThat(revoke("u044-filer", FILED, "材料不实").getStatusCode().value()).isEqualTo(403);
    assertThat(revoke("province", FILED, "材料不实").getStatusCode().value()).isEqualTo(403);
    ResponseEntity<String> noReason = revoke("hrss", FILED, " ");
    assertThat(noReason.getStatusCode().value()).isEqualTo(400);
    assertThat(message(noReason)).contains("撤销原因");
    assertThat(filing(FILED).get("status")).isEqualTo("FILED");

    ResponseEntity<String> revoked = revoke("hrss", FILED, "考评场地不符合要求");
    assertThat(revoked.getStatusCode().value()).as(revoked.getBody()).isEqualTo(200);
    assertThat(filing(FILED)).containsEntry("status", "REVOKED").containsEntry("revoke_reason", "考评场地不符合要求");
    String instance = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(FILED)
        .singleResult().getId();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count())
        .isOne();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableName("revokeReason").singleResult().getValue()).isEqualTo("考评场地不符合要求");
    ResponseEntity<String> twice = revoke("hrss", FILED, "再次撤销");
    assertThat(twice.getStatusCode().value()).isEqualTo(409);
    assertThat(message(twice)).contains("已撤销");

    driver.moveClockTo(LocalDate.of(YEAR, 4, 1), unitYears());
    String april = YEAR + "-04/u044";
    Task fill = driver.task(april, "u044-filer");
    assertThat(taskService.getVariable(fill.getId(), "filedInstitutionsCollegeLevel")).isEqualTo(0);
    Map<String, Object> figures = Driver.reportFigures(50, 40, 10, 5);
    figures.put("institutionsCollegeLevel", 0L);
    figures.put("institutionsAppraisal", 0L);
    driver.complete("u044-filer", fill, figures);
    assertThat(reports.find(april).orElseThrow().institutions().filed()).containsExactly(0, 0, 0, 0);
    assertThat(taskService.getVariable(driver.task(april, "u044-leader").getId(), "reportSummary").toString())
        .contains("院校类职业技能等级认定机构 0 个；").doesNotContain("未备案");
    // March keeps what it counted when it was submitted
    assertThat(reports.find(YEAR + "-03/u044").orElseThrow().institutions().filed()).containsExactly(1, 0, 0, 0);

    JsonNode register = JSON.readTree(http.withBasicAuth("hrss", "demo").getForObject("/api/institutions",
        String.class));
    JsonNode u044 = unit(register, "u044");
    assertThat(u044.path("institutions").get(0).path("statusName").asText()).isEqualTo("已撤销");
    assertThat(unit(register, "u045").path("filed").path("SOCIAL").asInt()).isEqualTo(1);
  }

  @Test
  @Order(4)
  void aUnitFilesOnlyForItselfWithTheFormsFieldsAndCannotApproveOrRevoke() throws Exception {
    long rows = jdbc.queryForObject("select count(*) from evaluation_institution", Long.class);
    String start = "/process-definition/key/institution-filing/submit-form";
    ObjectNode honest = form("COLLEGE_LEVEL", "信阳农林学院技能等级认定站", Scans.blankPages(1));
    // another unit's code, a status, a business key: none is the unit's to send
    for (String forged : List.of("unitCode", "status", "businessKey")) {
      ObjectNode attack = honest.deepCopy();
      ((ObjectNode) attack.path("variables")).set(forged, JSON.createObjectNode().put("value", "u044"));
      refused("u045-filer", start, attack, forged);
    }
    refused("u045-filer", start, form("COLLEGE_LEVEL", "假材料", Scans.png()), "不是 PDF");
    refused("u045-filer", start, form("COLLEGE_LEVEL", "加密材料", Scans.encrypted(Scans.blankPages(1), "x")), "加密");
    refused("u045-filer", start, form("COLLEGE_LEVEL", "空材料", new byte[0]), "空");
    refused("u045-filer", start, form("OTHER", "未知类别", Scans.blankPages(1)), "机构类别");
    assertThat(jdbc.queryForObject("select count(*) from evaluation_institution", Long.class))
        .as("nothing written").isEqualTo(rows);
    // a province user is no unit's filer: cannot apply
    assertThat(send("hrss", start, HttpMethod.POST, honest).getStatusCode().value()).isIn(400, 403);

    // the request's business key does not decide the unit: the starter's unit does
    ObjectNode keyed = honest.deepCopy().put("businessKey", "institution-u044-9");
    ResponseEntity<String> started = send("u045-filer", start, HttpMethod.POST, keyed);
    assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
    String key = JSON.readTree(started.getBody()).path("businessKey").asText();
    assertThat(key).isEqualTo("institution-u045-2");

    // the unit cannot see, let alone approve, the review; nor send the revocation message
    Task review = driver.task(key, "province-hrss");
    assertThat(send("u045-filer", "/task/" + review.getId() + "/complete", HttpMethod.POST,
        JSON.readTree("{\"variables\":{\"reviewDecision\":{\"value\":\"approve\"}}}")).getStatusCode().value())
        .isIn(403, 404);
    assertThat(send("u045-filer", "/message", HttpMethod.POST, JSON.readTree(
        "{\"messageName\":\"institution-revoked\",\"businessKey\":\"institution-u045-1\"}")).getStatusCode().value())
        .isEqualTo(400);
    assertThat(filing(key).get("status")).isEqualTo("APPLIED");
    assertThat(filing("institution-u045-1").get("status")).isEqualTo("FILED");

    // returned, the unit withdraws it instead of fixing it: the instance ends, the register says 已撤回
    driver.complete("hrss", review, Map.of("reviewDecision", "return", "returnReason", "与已备案机构重复"));
    driver.complete("u045-filer", driver.task(key, "u045-filer"), Map.of("withdrawApplication", true));
    assertThat(filing(key).get("status")).isEqualTo("WITHDRAWN");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();

    // the register: a unit sees its own, another unit's is refused; the documents likewise
    JsonNode own = JSON.readTree(http.withBasicAuth("u045-filer", "demo").getForObject("/api/institutions",
        String.class));
    assertThat(own).hasSize(1);
    assertThat(own.get(0).path("unitCode").asText()).isEqualTo("u045");
    ResponseEntity<String> other = http.withBasicAuth("u045-filer", "demo").getForEntity("/api/institutions?unit=u044",
        String.class);
    assertThat(other.getStatusCode().value()).isEqualTo(403);
    assertThat(message(other)).contains("只能查看本单位");
    assertThat(http.withBasicAuth("u045-filer", "demo").getForEntity("/api/institutions/" + FILED + "/document.pdf",
        String.class).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<byte[]> document = http.withBasicAuth("hrss", "demo").getForEntity(
        "/api/institutions/" + FILED + "/document.pdf", byte[].class);
    assertThat(document.getStatusCode().value()).isEqualTo(200);
    assertThat(new String(document.getBody(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
  }

  private ProcessInstance apply(String user, String kind, String name) {
    return driver.as(user, () -> runtimeService.startProcessInstanceByKey("institution-filing",
        Variables.putValue("institutionKind", kind).putValue("institutionName", name)
            .putValue("occupationScope", "畜禽养殖员（四级/中级工、三级/高级工）")
            .putValueTyped(InstitutionFilingSteps.DOCUMENT, document("备案申请材料.pdf", Scans.blankPages(2)))));
  }

  private static org.camunda.bpm.engine.variable.value.FileValue document(String name, byte[] content) {
    return Variables.fileValue(name).file(content).mimeType("application/pdf").create();
  }

  private List<String> unitYears() {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(YEAR + "/%").list().stream()
        .map(ProcessInstance::getId).toList();
  }

  private Map<String, Object> filing(String key) {
    return jdbc.queryForMap("select status, name, return_reason, revoke_reason from evaluation_institution"
        + " where business_key = ?", key);
  }

  private static void at(LocalDate day) {
    ClockUtil.setCurrentTime(java.util.Date.from(day.atTime(10, 0).atZone(Driver.BEIJING).toInstant()));
  }

  private ResponseEntity<String> revoke(String user, String key, String reason) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange("/api/institutions/" + key + "/revoke", HttpMethod.POST,
        new HttpEntity<>(JSON.createObjectNode().put("reason", reason).toString(), headers), String.class);
  }

  private static ObjectNode form(String kind, String name, byte[] pdf) {
    ObjectNode variables = JSON.createObjectNode();
    variables.set("institutionKind", JSON.createObjectNode().put("value", kind));
    variables.set("institutionName", JSON.createObjectNode().put("value", name));
    variables.set("occupationScope", JSON.createObjectNode().put("value", "农业技术员（四级）"));
    ObjectNode file = JSON.createObjectNode().put("value", Base64.getEncoder().encodeToString(pdf)).put("type", "File");
    file.set("valueInfo", JSON.createObjectNode().put("filename", "材料.pdf").put("mimeType", "application/pdf"));
    variables.set(InstitutionFilingSteps.DOCUMENT, file);
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    return body;
  }

  private ResponseEntity<String> send(String user, String path, HttpMethod method, JsonNode body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange("/engine-rest" + path, method,
        new HttpEntity<>(body.toString(), headers), String.class);
  }

  /** 400 with one Chinese sentence naming what was refused. */
  private void refused(String user, String path, JsonNode body, String named) {
    ResponseEntity<String> response = send(user, path, HttpMethod.POST, body);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
    assertThat(message(response)).contains(named).containsPattern("\\p{IsHan}").doesNotContain("Exception")
        .doesNotContain("Cannot ");
  }

  private static String message(ResponseEntity<String> response) {
    try {
      return JSON.readTree(response.getBody()).path("message").asText();
    } catch (IOException e) {
      return String.valueOf(response.getBody());
    }
  }

  private static JsonNode unit(JsonNode register, String code) {
    for (JsonNode unit : register) {
      if (unit.path("unitCode").asText().equals(code)) {
        return unit;
      }
    }
    throw new AssertionError(code + " not in the register: " + register);
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}
