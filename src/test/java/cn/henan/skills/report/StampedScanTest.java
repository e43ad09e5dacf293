package cn.henan.skills.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.henan.skills.Driver;
import cn.henan.skills.SkillsHenanTest;
import cn.henan.skills.pdf.Scans;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The paper steps of 2036's March report of 河南理工大学: the signed form as a PDF with its QR code, the stamped scan
 * checked on upload (refused scans leave the task open and store nothing), and the downloads' authorization.
 */
@SkillsHenanTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StampedScanTest {
  static final int YEAR = 2036;
  static final String KEY = YEAR + "-03/u029";

  @Autowired Driver driver;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ReportDocuments documents;
  @Autowired MonthlyReports reports;
  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  @Order(1)
  void theSignedReportBecomesAPdfWithItsFiguresAndNames() throws IOException {
    driver.publishAllocation(YEAR, """
        单位,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）
        河南理工大学,500,450,300,90
        河南工业大学,1500,1370,1000,280
        """);
    for (String unit : List.of("u029", "u030")) {
      driver.complete(unit + "-filer", driver.task(YEAR + "/" + unit, unit + "-filer"),
          Map.of("annualTaskAcknowledged", true));
    }
    List<String> years = runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(YEAR + "/%").list()
        .stream().map(ProcessInstance::getId).toList();
    driver.moveClockTo(LocalDate.of(YEAR, 3, 20), years);
    driver.complete("u029-filer", driver.task(KEY, "u029-filer"), Driver.reportFigures(120, 90, 30, 15));
    driver.sign(KEY, "u029");

    Task upload = driver.task(KEY, "u029-filer");
    assertThat(upload.getName()).isEqualTo("上传 2036年3月 进度月报盖章扫描件（河南理工大学）");
    ReportDocument pdf = documents.latest(KEY, ReportDocument.Kind.REPORT_PDF).orElseThrow();
    assertThat(pdf.getVersion()).isEqualTo(1);
    assertThat(pdf.getQrPayload()).startsWith("SKHN1|u029|2036-03|v1|");
    assertThat(pdf.getContent().length).isLessThan(200_000);
    String text = text(pdf.getContent());
    assertThat(text).contains("河南理工大学").contains("2036").contains("120").contains("90").contains("30")
        .contains("15").contains("24.0").contains("张敏").contains("0371-69691788")
        .contains(reports.find(KEY).orElseThrow().getSignedByName());
  }

  @Test
  @Order(2)
  void badScansAreRefusedWithTheirReasonLeavingTheTaskOpenAndNothingStored() {
    byte[] printed = documents.latest(KEY, ReportDocument.Kind.REPORT_PDF).orElseThrow().getContent();
    refused(new byte[0], "空");
    refused(Scans.png(), "PDF");
    refused(Scans.encrypted(printed, "secret"), "加密");
    refused(Scans.blankPages(6), "6 页");
    refused(Scans.blankPages(1), "二维码");
    // the generated PDF itself, unprinted: told to print, sign, stamp and scan it
    refused(printed, "打印");
    // another unit's report: the university next door signs its own March report
    driver.complete("u030-filer", driver.task(YEAR + "-03/u030", "u030-filer"),
        Driver.reportFigures(100, 80, 10, 10));
    driver.sign(YEAR + "-03/u030", "u030");
    refused(Scans.scan(documents.latest(YEAR + "-03/u030", ReportDocument.Kind.REPORT_PDF).orElseThrow()
        .getContent()), "单位");
    assertThat(documents.latest(KEY, ReportDocument.Kind.STAMPED_SCAN)).isEmpty();

    // the upload form's pre-check gives the same verdict before anything is submitted, and stores nothing
    ResponseEntity<String> check = http.withBasicAuth("u029-filer", "demo").postForEntity(
        "/api/reports/" + KEY + "/scan-check", new org.springframework.http.HttpEntity<>(Scans.blankPages(6)),
        String.class);
    assertThat(check.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(check.getBody()).contains("\"passed\":false").contains("TOO_MANY_PAGES").contains("6 页");
    assertThat(http.withBasicAuth("u029-filer", "demo").postForEntity("/api/reports/" + KEY + "/scan-check",
        new org.springframework.http.HttpEntity<>(printed), String.class).getBody())
        .contains("\"passed\":false").contains("NOT_SCANNED").contains("加盖单位公章");
    assertThat(http.withBasicAuth("u029-filer", "demo").postForEntity("/api/reports/" + KEY + "/scan-check",
        new org.springframework.http.HttpEntity<>(Scans.scan(printed)), String.class).getBody())
        .contains("\"passed\":true");
    assertThat(http.withBasicAuth("u030-filer", "demo").postForEntity("/api/reports/" + KEY + "/scan-check",
        new org.springframework.http.HttpEntity<>(printed), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(documents.latest(KEY, ReportDocument.Kind.STAMPED_SCAN)).isEmpty();
  }

  @Test
  @Order(3)
  void aRealisticScanPassesAndTheReviewersGetItsLink() {
    byte[] printed = documents.latest(KEY, ReportDocument.Kind.REPORT_PDF).orElseThrow().getContent();
    Task upload = driver.task(KEY, "u029-filer");
    driver.complete("u029-filer", upload, scan(Scans.scan(printed)));
    ReportDocument scan = documents.latest(KEY, ReportDocument.Kind.STAMPED_SCAN).orElseThrow();
    assertThat(scan.getQrVerified()).isTrue();
    Task review = driver.task(KEY, "province-edu");
    assertThat(taskService.getVariable(review.getId(), "scanUrl")).isEqualTo("/api/reports/2036-03/u029/scan.pdf");
    assertThat(scan.getSealFound()).isTrue();
    assertThat((String) taskService.getVariable(review.getId(), "scanNotice")).as("the seal, noted for the reviewer")
        .startsWith("已识别到公章印迹（“填报单位（公章）”处，直径约 4");
    assertThat(taskService.getVariable(review.getId(), "stampedScan")).as("the bytes live with the report").isNull();
    // history records that scan.pdf was sent, without a second and third copy of its bytes
    String instance = review.getProcessInstanceId();
    assertThat(jdbc.queryForList("select text_ from act_hi_varinst where proc_inst_id_ = ? and name_ = 'stampedScan'",
        String.class, instance)).containsExactly("scan.pdf");
    assertThat(jdbc.queryForObject("select count(*) from act_hi_detail where proc_inst_id_ = ? and name_ = 'stampedScan'"
        + " and text_ = 'scan.pdf'", Long.class, instance)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from act_hi_varinst v where v.proc_inst_id_ = ?"
        + " and v.name_ = 'stampedScan' and v.bytearray_id_ is not null", Long.class, instance)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from act_hi_detail d where d.proc_inst_id_ = ?"
        + " and d.name_ = 'stampedScan' and d.bytearray_id_ is not null", Long.class, instance)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from act_hi_detail d where d.proc_inst_id_ = ?"
        + " and d.name_ = 'reportTable'", Long.class, instance)).as("other variables as before").isPositive();
  }

  @Test
  @Order(4)
  void anOlderVersionIsRefusedAndAnUnreadableQrPassesOnlyWithAnExplanation() {
    byte[] version1 = documents.latest(KEY, ReportDocument.Kind.REPORT_PDF).orElseThrow().getContent();
    driver.complete("province", driver.task(KEY, "province-edu"),
        Map.of("skillsReviewDecision", "return", "skillsReturnReason", "请补充佐证"));
    driver.complete("u029-filer", driver.task(KEY, "u029-filer"), Driver.reportFigures(130, 90, 30, 15));
    driver.sign(KEY, "u029");
    assertThat(documents.latest(KEY, ReportDocument.Kind.REPORT_PDF).orElseThrow().getVersion()).isEqualTo(2);
    refused(Scans.scan(version1), "第 1 版");

    Map<String, Object> explained = new java.util.HashMap<>(scan(Scans.blankPages(1)));
    explained.put("qrUnreadable", true);
    explained.put("scanExplanation", "公章盖在二维码上");
    driver.complete("u029-filer", driver.task(KEY, "u029-filer"), explained);
    ReportDocument flagged = documents.latest(KEY, ReportDocument.Kind.STAMPED_SCAN).orElseThrow();
    assertThat(flagged.getVersion()).isEqualTo(2);
    assertThat(flagged.getQrVerified()).isFalse();
    assertThat((String) taskService.getVariable(driver.task(KEY, "province-1x").getId(), "scanNotice"))
        .contains("二维码未能核验").contains("公章盖在二维码上");
  }

  @Test
  @Order(5)
  void downloadsFollowTheTasksAuthorization() throws IOException {
    assertThat(download("u029-filer", "report.pdf").getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<byte[]> scan = download("province", "scan.pdf");
    assertThat(scan.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(new String(scan.getBody(), 0, 5)).isEqualTo("%PDF-");
    assertThat(download("u030-filer", "report.pdf").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(download("u030-filer", "scan.pdf").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.getForEntity("/api/reports/" + KEY + "/report.pdf", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("u030-filer", "demo").getForEntity("/api/reports/2036-04/u030/scan.pdf",
        String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<byte[]> notice = http.withBasicAuth("u030-filer", "demo")
        .getForEntity("/api/allocations/" + YEAR + "/notice.pdf", byte[].class);
    assertThat(notice.getStatusCode()).isEqualTo(HttpStatus.OK);
    String noticeText = text(notice.getBody());
    assertThat(noticeText).contains("人人持证、技能河南").contains("1 河南理工大学").contains("2 河南工业大学");
  }

  @Test
  @Order(6)
  void aScanWithoutARecognisedSealIsAWarningTheFilerConfirmsWithAnExplanation() {
    driver.complete("province", driver.task(KEY, "province-edu"),
        Map.of("skillsReviewDecision", "return", "skillsReturnReason", "请重新盖章"));
    driver.complete("u029-filer", driver.task(KEY, "u029-filer"), Driver.reportFigures(130, 95, 30, 15));
    driver.sign(KEY, "u029");
    byte[] printed = documents.latest(KEY, ReportDocument.Kind.REPORT_PDF).orElseThrow().getContent();
    byte[] unsealed = Scans.scan(printed, 150, -0.7, 11, Scans.NO_STAMP);

    // told at the pre-check, refused at the click without more, the task open and nothing stored
    assertThat(http.withBasicAuth("u029-filer", "demo").postForEntity("/api/reports/" + KEY + "/scan-check",
        new org.springframework.http.HttpEntity<>(unsealed), String.class).getBody())
        .contains("\"passed\":false").contains("NO_SEAL").contains("未检测到公章");
    Task open = driver.task(KEY, "u029-filer");
    assertThatThrownBy(() -> driver.complete("u029-filer", open, scan(unsealed)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("未检测到公章")
        .hasMessageContaining("公章印迹较浅");
    Map<String, Object> unexplained = new java.util.HashMap<>(scan(unsealed));
    unexplained.put("sealFaint", true);
    assertThatThrownBy(() -> driver.complete("u029-filer", open, unexplained))
        .as("ticked without an explanation").hasMessageContaining("未检测到公章");
    assertThat(driver.task(KEY, "u029-filer").getId()).isEqualTo(open.getId());
    assertThat(documents.latest(KEY, ReportDocument.Kind.STAMPED_SCAN).orElseThrow().getVersion()).isEqualTo(2);

    Map<String, Object> explained = new java.util.HashMap<>(unexplained);
    explained.put("scanExplanation", "印泥不足，公章颜色较浅。");
    driver.complete("u029-filer", open, explained);
    ReportDocument kept = documents.latest(KEY, ReportDocument.Kind.STAMPED_SCAN).orElseThrow();
    assertThat(kept.getVersion()).isEqualTo(3);
    assertThat(kept.getQrVerified()).isTrue();
    assertThat(kept.getSealFound()).isFalse();
    for (String reviewer : List.of("province-edu", "province-1x")) {
      assertThat((String) taskService.getVariable(driver.task(KEY, reviewer).getId(), "scanNotice")).as(reviewer)
          .contains("未检测到公章").contains("单位的书面说明：印泥不足，公章颜色较浅。请人工核对")
          .doesNotContain("。。");
    }
  }

  private ResponseEntity<byte[]> download(String user, String file) {
    return http.withBasicAuth(user, "demo").getForEntity("/api/reports/" + KEY + "/" + file, byte[].class);
  }

  private void refused(byte[] upload, String reason) {
    Task open = driver.task(KEY, "u029-filer");
    assertThatThrownBy(() -> driver.complete("u029-filer", open, scan(upload)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("扫描件未通过核验").hasMessageContaining(reason);
    assertThat(driver.task(KEY, "u029-filer").getId()).as("the upload task stays open").isEqualTo(open.getId());
    assertThat(runtimeService.getVariable(open.getProcessInstanceId(), "stampedScan")).isNull();
  }

  private static Map<String, Object> scan(byte[] content) {
    return Map.of("stampedScan", Variables.fileValue("scan.pdf").file(content).mimeType("application/pdf").create());
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}
