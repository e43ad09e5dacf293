package cn.henan.skills.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.henan.skills.Driver;
import cn.henan.skills.SkillsHenanTest;
import cn.henan.skills.identity.People;
import cn.henan.skills.pdf.ReportIdentity;
import cn.henan.skills.unit.Unit;
import cn.henan.skills.unit.UnitRegistry;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Identity, routing and figures come from the business key and the database, not from variables (issue 9, item 2).
 * Each test forges variables directly on the instances as the system would (no authentication, no allowlist): as
 * if a user had got round the form check. Who gets the tasks, which report or school is created, what the PDF and the
 * forms show and what counts must not change.
 */
@SkillsHenanTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrustedDomainTest {
  static final int YEAR = 2044;
  static final String TABLE = """
      单位,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）
      新乡市,3000,2000,——,400
      焦作市,1000,800,——,100
      河南理工大学,500,450,300,90
      """;
  /** What a dishonest unit would write: another unit, its own code as supervisor, a year without quotas. */
  static final Map<String, Object> FORGED = Map.of("unitCode", "u008", "supervisorCode", "u029", "year", 2099,
      "unitIsBureau", true, "unitName", "[点我](http://evil.example)");

  @Autowired Driver driver;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired MonthlyReports reports;
  @Autowired MonthlyReportForms forms;
  @Autowired ReportDocuments documents;
  @Autowired Progress progress;
  @Autowired UnitRegistry units;
  @Autowired People people;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void restoreClock() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  @Order(1)
  void forgedVariablesDoNotChooseTheSubdivisionTheSchoolsOrWhoSubdivides() {
    driver.publishAllocation(YEAR, TABLE);
    for (String unit : List.of("u007", "u008", "u029")) {
      runtimeService.setVariables(unitYear(unit).getId(), FORGED);
      driver.complete(unit + "-filer", driver.task(YEAR + "/" + unit, unit + "-filer"),
          Map.of("annualTaskAcknowledged", true));
    }
    assertThat(driver.instance(YEAR + "/u029", "city-subdivision"))
        .as("a university is no bureau, whatever unitIsBureau says").isNull();

    String key = YEAR + "/u007";
    ProcessInstance subdivision = driver.instance(key, "city-subdivision");
    runtimeService.setVariables(subdivision.getId(), FORGED);
    driver.complete("u007-filer", driver.task(key, "u007-filer"), schoolTable("""
        学校名称,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）
        新乡市可信职业学校,3000,2000,,400
        """));
    assertThat(driver.task(key, "u008-leader")).as("not the forged unit's leader").isNull();
    Task approve = driver.task(key, "u007-leader");
    assertThat(approve).as("新乡市's own leader approves").isNotNull();
    assertThat((String) taskService.getVariable(approve.getId(), "subdivisionSummary")).startsWith("新乡市 年度任务：");
    driver.complete("u007-leader", approve, Map.of("subdivisionDecision", "approve"));
    driver.runJobs(subdivision.getId());

    Unit school = school();
    assertThat(school.getParentCode()).isEqualTo("u007");
    assertThat(units.schoolsOf("u008")).as("no school of 焦作市 was created").isEmpty();
    assertThat(driver.instance(YEAR + "/" + school.getCode(), "unit-year")).isNotNull();
    driver.complete(school.getCode() + "-filer", driver.task(YEAR + "/" + school.getCode(), school.getCode() + "-filer"),
        Map.of("annualTaskAcknowledged", true));
  }

  @Test
  @Order(2)
  void forgedVariablesDoNotChooseTheReportItsSignerReviewersSummaryPdfOrTotals() {
    openMarch();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("monthly-report")
        .processInstanceBusinessKey(YEAR + "-03/u008").count())
        .as("u029's unit-year opened its own report, not a second one of u008").isEqualTo(1);
    assertThat(driver.instance(YEAR + "-03/u029", "monthly-report")).isNotNull();

    String unit = school().getCode();
    String key = YEAR + "-03/" + unit;
    ProcessInstance report = driver.instance(key, "monthly-report");
    runtimeService.setVariables(report.getId(), FORGED);
    runtimeService.setVariables(report.getId(), Map.of("reportSummary", "培训 10 人次", "reportPdfUrl",
        "http://evil.example/report.pdf", "scanUrl", "http://evil.example/scan.pdf", "signDecision", "approve",
        "skillsReviewDecision", "accept", "onePlusXReviewDecision", "accept"));

    Task fill = driver.task(key, unit + "-filer");
    driver.as(unit + "-filer", () -> {
      taskService.claim(fill.getId(), unit + "-filer");
      return null;
    });
    assertThat((String) taskService.getVariable(fill.getId(), "reportContext"))
        .as("the year's quota of " + YEAR + ", whatever year says").contains("3000").doesNotContain("未下达");
    driver.complete(unit + "-filer", fill, Driver.reportFigures(300, 200, 0, 40));

    assertThat(driver.task(key, "u008-leader")).isNull();
    Task sign = driver.task(key, unit + "-leader");
    assertThat(sign).as("the school's own leader signs").isNotNull();
    MonthlyReport stored = reports.find(key).orElseThrow();
    String summary = forms.summary(forms.context(ReportPeriod.of(YEAR, 3), unit), stored);
    assertThat(taskService.getVariable(sign.getId(), "reportSummary")).as("the stored version").isEqualTo(summary);
    assertThat((String) summary).contains("新乡市可信职业学校");
    assertThat((String) taskService.getVariable(sign.getId(), "reportTable")).as("the stored figures").contains("| 300 |");
    assertThat(taskService.getVariable(sign.getId(), "unitName")).isEqualTo("新乡市可信职业学校");
    assertThat(taskService.getVariable(sign.getId(), "signDecision")).as("decisions are empty when a task opens")
        .isNull();

    driver.signAndUploadScan(key, unit);
    ReportDocument pdf = documents.latest(key, ReportDocument.Kind.REPORT_PDF).orElseThrow();
    ReportIdentity printed = ReportIdentity.parse(pdf.getQrPayload());
    assertThat(printed.unitCode()).isEqualTo(unit);
    assertThat(printed.year()).isEqualTo(YEAR);
    assertThat(reports.find(key).orElseThrow().getSignedByName())
        .as("the signer as the account names him").isEqualTo(people.displayName(unit + "-leader"));

    assertThat(driver.task(key, unit + "-filer")).as("the school does not review itself").isNull();
    assertThat(driver.task(key, "u029-filer")).isNull();
    List<Task> reviews = taskService.createTaskQuery().processInstanceBusinessKey(key).taskCandidateGroup("u007-filer")
        .list();
    assertThat(reviews).as("both reviews go to the school's city, 新乡市").hasSize(2);
    for (Task review : reviews) {
      assertThat(taskService.getVariable(review.getId(), "reportSummary")).isEqualTo(summary);
      assertThat(taskService.getVariable(review.getId(), "reportPdfUrl"))
          .isEqualTo("/api/reports/" + key + "/report.pdf");
      assertThat(taskService.getVariable(review.getId(), "scanUrl")).isEqualTo("/api/reports/" + key + "/scan.pdf");
      assertThat(taskService.getVariable(review.getId(), "skillsReviewDecision")).isNull();
      assertThat(taskService.getVariable(review.getId(), "onePlusXReviewDecision")).isNull();
    }
    Task skills = reviews.stream().filter(t -> t.getName().contains("培训取证数据")).findFirst().orElseThrow();
    Task onePlusX = reviews.stream().filter(t -> t.getName().contains("1+X证书数据")).findFirst().orElseThrow();
    driver.complete("u007-filer", skills, Map.of("skillsReviewDecision", "accept"));
    driver.complete("u007-filer", onePlusX, Map.of("onePlusXReviewDecision", "accept"));

    assertThat(reports.find(key).orElseThrow().getStatus()).isEqualTo(MonthlyReport.Status.ACCEPTED);
    Progress.UnitProgress city = progress.of(ReportPeriod.of(YEAR, 3), "u007");
    assertThat(city.indicators().get(Indicator.TRAINING).cumulative()).as("counted for 新乡市 in " + YEAR)
        .isEqualTo(300);
    assertThat(progress.of(ReportPeriod.of(YEAR, 3), "u008").indicators().get(Indicator.TRAINING).cumulative())
        .isZero();
  }

  @Test
  @Order(3)
  void aReportWhoseFiguresChangedAfterSigningIsNotAccepted() {
    String key = YEAR + "-03/u029";
    driver.complete("u029-filer", driver.task(key, "u029-filer"), Driver.reportFigures(100, 80, 20, 10));
    driver.signAndUploadScan(key, "u029");
    // a figure changed behind the process's back after the leader signed
    jdbc.update("update monthly_report set training = 9000000 where business_key = ?", key);

    driver.complete("province", driver.task(key, "province-edu"), Map.of("skillsReviewDecision", "accept"));
    Task onePlusX = driver.task(key, "province-1x");
    assertThatThrownBy(() -> driver.complete("onex", onePlusX, Map.of("onePlusXReviewDecision", "accept")))
        .hasMessageContaining("与领导小组组长签字的版本不一致，不能通过审核");
    assertThat(reports.find(key).orElseThrow().getStatus()).isEqualTo(MonthlyReport.Status.SIGNED);
    assertThat(driver.task(key, "province-1x")).as("the reviewer returns it instead").isNotNull();
    assertThat(progress.of(ReportPeriod.of(YEAR, 3), "u029").indicators().get(Indicator.TRAINING).cumulative())
        .isZero();

    driver.complete("onex", driver.task(key, "province-1x"),
        Map.of("onePlusXReviewDecision", "return", "onePlusXReturnReason", "数据与签字版本不一致"));
    assertThat(reports.find(key).orElseThrow().getStatus()).isEqualTo(MonthlyReport.Status.OPEN);
  }

  @Test
  @Order(4)
  void anUrgeIsRepliedByTheUrgedUnitAndReadByItsUrgerWhateverTheVariablesSay() {
    ClockUtil.setCurrentTime(java.util.Date.from(LocalDate.of(YEAR, 4, 1).atStartOfDay(Driver.BEIJING).toInstant()));
    ProcessInstance urge = driver.as("province", () -> runtimeService.startProcessInstanceByKey("urge",
        Variables.putValue("unitCode", "u029").putValue("urgeMessage", "请说明").putValue("replyBy",
            LocalDate.of(YEAR, 4, 10).toString())));
    runtimeService.setVariables(urge.getId(), Map.of("unitCode", "u008", "urgerGroup", "u029-filer"));
    Task reply = driver.task(urge.getBusinessKey(), "u029-filer");
    assertThat(reply.getName()).isEqualTo("回复督办（河南理工大学，2044年4月1日发出）");
    driver.complete("u029-filer", reply, Map.of("urgeReply", "已整改"));
    assertThat(driver.task(urge.getBusinessKey(), "u029-filer")).as("the urged unit does not read its own reply")
        .isNull();
    assertThat(driver.task(urge.getBusinessKey(), "province-edu").getName())
        .isEqualTo("查看督办回复（河南理工大学，2044年4月1日发出）");
  }

  private ProcessInstance unitYear(String unit) {
    return driver.instance(YEAR + "/" + unit, "unit-year");
  }

  private Unit school() {
    return units.schoolsOf("u007").stream().filter(u -> u.getName().equals("新乡市可信职业学校")).findFirst()
        .orElseThrow();
  }

  private void openMarch() {
    List<String> unitYears = runtimeService.createProcessInstanceQuery().processDefinitionKey("unit-year")
        .processInstanceBusinessKeyLike(YEAR + "/%").list().stream().map(ProcessInstance::getId).toList();
    driver.moveClockTo(LocalDate.of(YEAR, 3, 1), unitYears);
  }

  private static Map<String, Object> schoolTable(String csv) {
    return Map.of("schoolQuotaFile", Variables.fileValue("schools.csv")
        .file(csv.getBytes(StandardCharsets.UTF_8)).create());
  }
}
