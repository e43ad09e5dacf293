package cn.henan.skills.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.henan.skills.Driver;
import cn.henan.skills.SkillsHenanTest;
import cn.henan.skills.platform.Refusal;
import cn.henan.skills.report.MonthlyReport;
import cn.henan.skills.report.MonthlyReports;
import cn.henan.skills.unit.Unit;
import cn.henan.skills.unit.UnitKind;
import cn.henan.skills.unit.UnitRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 2022 and 2023 side by side with a rename (issue 14, point 3): while 2022 runs (焦作师范高等专科学校, u088, has
 * filed and been accepted for March), the 2023 test table (src/test/resources/allocation/allocation-2023.csv) is
 * imported and distributed: u088 is called 焦作师范职业学院 from 2023 on and keeps its code and its 2022 history,
 * 郑州智能科技职业学院 is added as u172 and files in 2023; every list, API, PDF, export and task name says its year and
 * names the unit as it was called that year. A table naming an unknown unit without stating a rename is refused.
 *
 * <p>Runs after the other tests of the shared context (the renames hold from 2023 on, in every later year); publishes
 * 2022 with the built-in table itself when no earlier test has.
 */
@SkillsHenanTest
@Order(Integer.MAX_VALUE - 3)
class SeveralYearsTest {
  static final String OLD_NAME = "焦作师范高等专科学校";
  static final String NEW_NAME = "焦作师范职业学院";
  static final String ADDED = "郑州智能科技职业学院";

  @Autowired Driver driver;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired UnitRegistry units;
  @Autowired MonthlyReports reports;
  @Autowired TestRestTemplate http;
  @Autowired DataSource dataSource;

  @AfterEach
  void restoreClock() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  void twentyTwentyTwoAndTwentyTwentyThreeSideBySideWithTheRename() throws Exception {
    ensure2022WithAcceptedMarchOfU088();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);

    // an unknown name without a statement is refused with row, column and why; nothing is written
    String table = new String(table2023(), StandardCharsets.UTF_8);
    String unstated = table.replace("," + OLD_NAME + "\n", ",\n");
    int row = table.lines().toList().indexOf(table.lines().filter(l -> l.contains(NEW_NAME)).findFirst().orElseThrow())
        + 1;
    Throwable refused = catchThrowable(() -> start(unstated.getBytes(StandardCharsets.UTF_8)));
    assertThat(refused).isInstanceOf(Refusal.class);
    assertThat(refused.getMessage()).contains("任务分配表有错误，没有保存")
        .contains("第 " + row + " 行").contains("单位").contains("单位名册中没有「" + NEW_NAME + "」")
        .contains("原单位名称").contains("新增");
    assertThat(jdbc.queryForObject("select count(*) from allocation_year where year = 2023", Integer.class)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from unit_name where from_year = 2023", Integer.class)).isZero();
    assertThat(units.find("u172")).as("no unit registered").isEmpty();

    // the test table, stating two renames and one new unit: the approver reads them; nothing changes before approval
    ProcessInstance distribution = start(table2023());
    Task approval = driver.task("2023", "province-leader");
    assertThat(approval.getName()).isEqualTo("审批 2023年度 任务分配");
    assertThat((String) runtimeService.getVariable(distribution.getId(), "allocationNotes"))
        .contains(OLD_NAME + "（u088）更名为 " + NEW_NAME).contains("河南信息统计职业学院（u104）更名为 河南数字经济职业学院")
        .contains("新增单位：" + ADDED + "（高职院校）");
    assertThat(runtimeService.getVariable(distribution.getId(), "unitCount")).isEqualTo(172);
    assertThat(units.name("u088", 2023)).as("not before approval").isEqualTo(OLD_NAME);
    assertThat(units.find("u172")).isEmpty();
    driver.complete("leader", approval, Map.of("approvalDecision", "approve"));
    driver.runJobs(distribution.getId());

    // one code, two names; the new college gets the next code, its groups and demo users as every unit has them
    assertThat(units.name("u088", 2022)).isEqualTo(OLD_NAME);
    assertThat(units.name("u088", 2023)).isEqualTo(NEW_NAME);
    assertThat(units.get("u088").getName()).as("the current name").isEqualTo(NEW_NAME);
    Unit added = units.get("u172", 2023);
    assertThat(added.getName()).isEqualTo(ADDED);
    assertThat(added.getKind()).isEqualTo(UnitKind.HIGHER_VOCATIONAL);
    assertThat(units.find("u172", 2022)).as("not a unit of 2022").isEmpty();
    assertThat(units.provincialUnits(2022)).hasSize(171);
    assertThat(units.provincialUnits(2023)).hasSize(172);
    assertThat(identityService.createGroupQuery().groupId("u172-filer").singleResult().getName())
        .isEqualTo(ADDED + " 填报人");
    assertThat(identityService.checkPassword("u172-leader", "demo")).isTrue();
    assertThat(identityService.createGroupQuery().groupId("u088-filer").singleResult().getName())
        .as("the groups keep their ids and follow the name").isEqualTo(NEW_NAME + " 填报人");
    assertThat(runtimeService.getVariable(driver.instance("2023/u088", "unit-year").getId(), "unitName"))
        .isEqualTo(NEW_NAME);
    assertThat(runtimeService.getVariable(driver.instance("2023/u172", "unit-year").getId(), "trainingQuota"))
        .isEqualTo(1500);
    assertThat(driver.task("2023/u088", "u088-filer").getName()).isEqualTo("接收 2023年度任务（" + NEW_NAME + "）");

    // the allocations: both years published, each with its units under that year's names
    List<Integer> published = new ArrayList<>();
    get("u172-filer", "/api/allocations").forEach(year -> published.add(year.asInt()));
    assertThat(published).contains(2022, 2023).isSorted();
    assertThat(nameIn(get("u088-filer", "/api/allocations/2022").get("units"), "u088")).isEqualTo(OLD_NAME);
    assertThat(get("u088-filer", "/api/allocations/2022").get("units")).hasSize(171);
    assertThat(nameIn(get("u088-filer", "/api/allocations/2023").get("units"), "u088")).isEqualTo(NEW_NAME);
    assertThat(get("u088-filer", "/api/allocations/2023").get("units")).hasSize(172);
    String notice2023 = pdfText(bytes("u172-filer", "/api/allocations/2023/notice.pdf"));
    assertThat(notice2023).contains("2023年任务分配表").contains(NEW_NAME).contains(ADDED).doesNotContain(OLD_NAME);

    // 2022 runs on under the old name: April's report, opened after the rename, is named as in 2022
    driver.moveClockTo(LocalDate.of(2022, 4, 1), List.of(driver.instance("2022/u088", "unit-year").getId()));
    assertThat(driver.task("2022-04/u088", "u088-filer").getName()).isEqualTo("填报 2022年4月 进度月报（" + OLD_NAME + "）");

    // 2023's March: the renamed unit and the new one file under 2023's names
    driver.moveClockTo(LocalDate.of(2023, 3, 1), List.of(driver.instance("2023/u088", "unit-year").getId(),
        driver.instance("2023/u172", "unit-year").getId()));
    assertThat(driver.task("2023-03/u088", "u088-filer").getName()).isEqualTo("填报 2023年3月 进度月报（" + NEW_NAME + "）");
    assertThat(driver.task("2023-03/u172", "u172-filer").getName()).isEqualTo("填报 2023年3月 进度月报（" + ADDED + "）");
    accept("2023-03/u088", "u088", Driver.reportFigures(500, 400, 300, 80));
    accept("2023-03/u172", "u172", Driver.reportFigures(200, 100, 60, 20));
    assertThat(reports.find("2023-03/u172").orElseThrow().getStatus()).isEqualTo(MonthlyReport.Status.ACCEPTED);

    // the history stays under the code: 2022's March report as accepted then
    MonthlyReport march2022 = reports.find("2022-03/u088").orElseThrow();
    assertThat(march2022.getStatus()).isEqualTo(MonthlyReport.Status.ACCEPTED);
    assertThat(march2022.getUnitCode()).isEqualTo("u088");
    assertThat(reports.history("2022-03/u088")).isNotEmpty();

    // progress, figure sources and evaluation per year, each saying its year and the year's name
    JsonNode progress2022 = get("province", "/api/progress/2022?month=2022-03");
    JsonNode progress2023 = get("province", "/api/progress/2023?month=2023-03");
    assertThat(progress2022.get("year").asInt()).isEqualTo(2022);
    assertThat(progress2023.get("year").asInt()).isEqualTo(2023);
    assertThat(nameIn(progress2022.get("units"), "u088")).isEqualTo(OLD_NAME);
    assertThat(nameIn(progress2023.get("units"), "u088")).isEqualTo(NEW_NAME);
    assertThat(unitIn(progress2022.get("units"), "u088").at("/indicators/training/cumulative").asLong()).isEqualTo(300);
    assertThat(unitIn(progress2023.get("units"), "u088").at("/indicators/training/cumulative").asLong())
        .as("each year counts its own reports").isEqualTo(500);
    assertThat(nameIn(progress2023.get("units"), "u172")).isEqualTo(ADDED);
    assertThat(progress2022.get("units").findValuesAsText("code")).doesNotContain("u172");
    assertThat(get("u088-filer", "/api/progress/2022/sources?month=2022-03&indicator=training&unit=u088")
        .get("unitName").asText()).isEqualTo(OLD_NAME);
    JsonNode evaluation2022 = get("province", "/api/evaluation/2022-03");
    JsonNode evaluation2023 = get("province", "/api/evaluation/2023-03");
    assertThat(evaluation2022.get("year").asInt()).isEqualTo(2022);
    assertThat(evaluation2023.get("year").asInt()).isEqualTo(2023);
    assertThat(nameIn(evaluation2022.get("units"), "u088")).isEqualTo(OLD_NAME);
    assertThat(nameIn(evaluation2023.get("units"), "u088")).isEqualTo(NEW_NAME);
    assertThat(nameIn(evaluation2023.get("units"), "u172")).isEqualTo(ADDED);

    // the Excel export and the report PDFs: the year in the title, the unit as it was called that year
    assertThat(workbookRow("2022-03", "u088")).contains(OLD_NAME);
    assertThat(workbookRow("2023-03", "u088")).contains(NEW_NAME);
    assertThat(workbookTitle("2023-03")).contains("2023 年 3 月");
    String pdf2022 = pdfText(bytes("u088-filer", "/api/reports/2022-03/u088/report.pdf"));
    String pdf2023 = pdfText(bytes("u088-filer", "/api/reports/2023-03/u088/report.pdf"));
    assertThat(pdf2022).contains("2022").contains(OLD_NAME).doesNotContain(NEW_NAME);
    assertThat(pdf2023).contains("2023").contains(NEW_NAME).doesNotContain(OLD_NAME);
  }

  /** 2022 published (by QuotaDistributionProcessTest or here) and u088's March report filed and accepted. */
  private void ensure2022WithAcceptedMarchOfU088() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    if (jdbc.queryForObject("select count(*) from allocation_year where year = 2022 and status = 'PUBLISHED'",
        Integer.class) == 0) {
      ProcessInstance distribution = driver.as("province", () -> runtimeService.startProcessInstanceByKey(
          "quota-distribution", Variables.putValue("year", 2022).putValue("allocationSource", "builtin")));
      driver.complete("leader", driver.task("2022", "province-leader"), Map.of("approvalDecision", "approve"));
      driver.runJobs(distribution.getId());
    }
    if (reports.find("2022-03/u088").isEmpty()) {
      driver.moveClockTo(LocalDate.of(2022, 3, 1), List.of(driver.instance("2022/u088", "unit-year").getId()));
    }
    if (reports.find("2022-03/u088").orElseThrow().getStatus() != MonthlyReport.Status.ACCEPTED) {
      accept("2022-03/u088", "u088", Driver.reportFigures(300, 200, 150, 40));
    }
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2022-03-15 10:00:00"));
  }

  private ProcessInstance start(byte[] table) {
    return driver.as("province", () -> runtimeService.startProcessInstanceByKey("quota-distribution",
        Variables.putValue("year", 2023).putValue("allocationSource", "upload").putValueTyped("allocationFile",
            Variables.fileValue("allocation-2023.csv").file(table).create())));
  }

  private void accept(String key, String unit, Map<String, Object> figures) {
    driver.complete(unit + "-filer", driver.task(key, unit + "-filer"), figures);
    driver.signAndUploadScan(key, unit);
    driver.complete("province", driver.task(key, "province-edu"), Map.of("skillsReviewDecision", "accept"));
    driver.complete("onex", driver.task(key, "province-1x"), Map.of("onePlusXReviewDecision", "accept"));
  }

  private static byte[] table2023() {
    try (InputStream in = SeveralYearsTest.class.getResourceAsStream("/allocation/allocation-2023.csv")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode get(String user, String path) throws IOException {
    ResponseEntity<String> response = http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    assertThat(response.getStatusCode()).as(path + " " + response.getBody()).isEqualTo(HttpStatus.OK);
    return new ObjectMapper().readTree(response.getBody());
  }

  private byte[] bytes(String user, String path) {
    ResponseEntity<byte[]> response = http.withBasicAuth(user, "demo").getForEntity(path, byte[].class);
    assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private static JsonNode unitIn(JsonNode list, String code) {
    for (JsonNode unit : list) {
      if (unit.get("code").asText().equals(code)) {
        return unit;
      }
    }
    throw new AssertionError(code + " not in " + list);
  }

  private static String nameIn(JsonNode list, String code) {
    return unitIn(list, code).get("name").asText();
  }

  private List<String> workbookRows(String month) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(
        bytes("province", "/api/reports/" + month + "/attachment2.xlsx")))) {
      Sheet sheet = workbook.getSheet(month);
      List<String> rows = new ArrayList<>();
      for (Row row : sheet) {
        StringBuilder text = new StringBuilder();
        row.forEach(cell -> text.append(cell.toString()).append('|'));
        rows.add(text.toString());
      }
      return rows;
    }
  }

  private String workbookRow(String month, String code) throws IOException {
    return workbookRows(month).stream().filter(r -> r.contains("|" + code + "|")).findFirst().orElseThrow();
  }

  private String workbookTitle(String month) throws IOException {
    return workbookRows(month).get(0);
  }

  private static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
    }
  }
}
