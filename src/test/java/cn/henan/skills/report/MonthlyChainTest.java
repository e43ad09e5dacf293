package cn.henan.skills.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.henan.skills.Driver;
import cn.henan.skills.SkillsHenanTest;
import cn.henan.skills.platform.Refusal;
import cn.henan.skills.report.MonthlyReportEvent.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A unit's year through Tasklist, for a handful of units of 2035: two cities (one subdivides over three schools,
 * the other over one), a university and a secondary school. The tests build on each other in order, as the year does.
 */
@SkillsHenanTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonthlyChainTest {
  static final int YEAR = 2035;
  static final String TABLE = """
      单位,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）
      郑州市,3000,2000,——,400
      开封市,1000,800,——,100
      河南理工大学,500,450,300,90
      河南省工业学校,5000,4200,——,840
      """;

  @Autowired ProcessEngine engine;
  @Autowired Driver driver;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired MonthlyReports reports;
  @Autowired TestRestTemplate http;
  @Autowired DataSource dataSource;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void restoreClock() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  @Order(1)
  void theYearStartsAndCitiesSubdivideOverTheirSchools() {
    driver.publishAllocation(YEAR, TABLE);
    for (String unit : List.of("u001", "u002", "u029", "u152")) {
      receiveAnnualTask(unit);
    }
    // sums that do not cover the city's quota are refused at the upload's completion, with the numbers
    Task enter = driver.task(YEAR + "/u001", "u001-filer");
    assertThat(enter).isNotNull();
    assertThat(enter.getName()).isEqualTo("填报 2035年度 所属中职学校任务分解（郑州市）");
    assertThatThrownBy(() -> driver.complete("u001-filer", enter, schoolTable("""
        学校名称,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）
        郑州市第一职业中专,1000,800,,150
        郑州市第二职业中专,1000,700,,150
        郑州市信息技术学校,500,400,,100
        """))).hasRootCauseInstanceOf(Refusal.class).hasMessageContaining("任务分解表有错误，没有保存")
        .hasMessageContaining("2500").hasMessageContaining("3000").hasMessageContaining("500")
        .hasMessageContaining("1900").hasMessageContaining("2000");
    Task again = driver.task(YEAR + "/u001", "u001-filer");
    assertThat(again.getId()).as("the same task stays open").isEqualTo(enter.getId());
    assertThat(taskService.getVariable(again.getId(), "schoolQuotaFile")).as("nothing of the refused file kept").isNull();
    assertThat(new JdbcTemplate(dataSource).queryForObject("select count(*) from subdivision where year = ? and city_code = ?",
        Integer.class, YEAR, "u001")).as("no draft").isZero();

    driver.complete("u001-filer", again, schoolTable("""
        学校名称,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）
        郑州市第一职业中专,1200,800,,150
        郑州市第二职业中专,1200,800,,150
        郑州市信息技术学校,600,400,,100
        """));
    Task approve = driver.task(YEAR + "/u001", "u001-leader");
    assertThat(approve).isNotNull();
    assertThat(approve.getName()).isEqualTo("审批 2035年度 任务分解（郑州市）");
    assertThat((String) taskService.getVariable(approve.getId(), "subdivisionSummary")).contains("郑州市信息技术学校");
    ProcessInstance subdivision = driver.instance(YEAR + "/u001", "city-subdivision");
    driver.complete("u001-leader", approve, Map.of("subdivisionDecision", "approve"));
    driver.runJobs(subdivision.getId());

    for (String school : List.of("u001-s01", "u001-s02", "u001-s03")) {
      assertThat(driver.instance(YEAR + "/" + school, "unit-year")).isNotNull();
      assertThat(identityService.checkPassword(school + "-filer", "demo")).isTrue();
      receiveAnnualTask(school);
    }
    assertThat(runtimeService.getVariable(driver.instance(YEAR + "/u001-s03", "unit-year").getId(),
        "trainingQuota")).isEqualTo(600);
    ResponseEntity<String> schoolGroup = http.withBasicAuth("u001-filer", "demo")
        .getForEntity("/engine-rest/group/u001-s03-filer", String.class);
    assertThat(schoolGroup.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(schoolGroup.getBody()).as("the city sees its schools' groups by name in Tasklist")
        .contains("郑州市信息技术学校 填报人");

    Task kaifeng = driver.task(YEAR + "/u002", "u002-filer");
    driver.complete("u002-filer", kaifeng, schoolTable("""
        学校名称,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）
        开封市文化艺术职业学校,1000,800,,100
        """));
    driver.complete("u002-leader", driver.task(YEAR + "/u002", "u002-leader"),
        Map.of("subdivisionDecision", "approve"));
    driver.runJobs(driver.instance(YEAR + "/u002", "city-subdivision").getId());
    receiveAnnualTask("u002-s01");
  }

  @Test
  @Order(2)
  void marchOpensOnTheFirstAndEveryPathOfAReportWorks() {
    assertThat(driver.instance(YEAR + "-03/u029", "monthly-report")).isNull();
    openMonth(3);
    String key = YEAR + "-03/u029";
    assertThat(driver.instance(key, "monthly-report")).isNotNull();
    assertThat(driver.instance(YEAR + "-04/u029", "monthly-report")).isNull();

    // an error in the form refuses the completion with the reason: the task stays open, nothing is written
    Task first = driver.task(key, "u029-filer");
    assertThat(first.getName()).isEqualTo("填报 2035年3月 进度月报（河南理工大学）");
    assertThat((String) taskService.getVariable(first.getId(), "reportContext")).contains("河南理工大学");
    assertThatThrownBy(() -> driver.complete("u029-filer", first, Driver.reportFigures(100, 50, 60, 10)))
        .hasRootCauseInstanceOf(Refusal.class).hasMessageContaining("月报有错误，没有提交")
        .hasMessageContaining("本月高级工及以上（60）不能大于本月取证人数（50）");
    Task fill = driver.task(key, "u029-filer");
    assertThat(fill.getId()).as("the same task, still open").isEqualTo(first.getId());
    assertThat(taskService.getVariable(fill.getId(), "advancedMonth")).as("nothing of the form written").isNull();
    assertThat(reports.find(key).orElseThrow().getStatus()).isEqualTo(MonthlyReport.Status.OPEN);
    assertThat(reports.history(key)).as("no event").isEmpty();

    // submitted, then withdrawn before the leader signs
    driver.complete("u029-filer", fill, Driver.reportFigures(100, 50, 20, 10));
    assertThat(reports.find(key).orElseThrow().getStatus()).isEqualTo(MonthlyReport.Status.SUBMITTED);
    Task sign = driver.task(key, "u029-leader");
    assertThat(sign).isNotNull();
    assertThat(sign.getName()).isEqualTo("组长签字 2035年3月 进度月报（河南理工大学）");
    assertThat(driver.task(key, "u029-filer").getName())
        .isEqualTo("撤回 2035年3月 进度月报（河南理工大学，组长签字前可用）");
    assertThat((String) taskService.getVariable(sign.getId(), "reportSummary")).contains("河南理工大学");
    // the figures as a table the form draws with its columns aligned
    assertThat((String) taskService.getVariable(sign.getId(), "reportTable"))
        .startsWith("| 指标 | 年度任务 | 当月完成 | 累计已完成 | 累计完成率 |\n|---|---:|---:|---:|---:|\n")
        .contains("| 培训任务（人次） | 500 | 100 | 100 | 20.0% |");
    driver.complete("u029-filer", driver.task(key, "u029-filer"),
        Map.of("withdrawConfirmed", true, "withdrawReason", "人数填错"));
    assertThat(driver.task(key, "u029-leader")).as("the sign task is gone").isNull();
    fill = driver.task(key, "u029-filer");
    assertThat((String) taskService.getVariable(fill.getId(), "returnNotice")).contains("人数填错");
    // submitted again: the withdrawal's note is done with
    driver.complete("u029-filer", fill, Driver.reportFigures(120, 50, 20, 10));
    assertThat(runtimeService.getVariable(fill.getProcessInstanceId(), "returnNotice")).isNull();

    // returned at signature, with the reason shown on the form; a return without a reason is refused
    Task signAgain = driver.task(key, "u029-leader");
    assertThatThrownBy(() -> driver.complete("u029-leader", signAgain,
        Map.of("signDecision", "return", "returnReason", " "))).hasMessageContaining("'选择“退回”时请填写退回原因。'")
        .as("no Java class name in front of the sentence Tasklist shows").hasMessageNotContaining("Exception:");
    assertThat(driver.task(key, "u029-leader")).as("still to sign").isNotNull();
    driver.complete("u029-leader", signAgain, Map.of("signDecision", "return", "returnReason", "请核对培训人次"));
    fill = driver.task(key, "u029-filer");
    assertThat((String) taskService.getVariable(fill.getId(), "returnNotice")).contains("请核对培训人次");

    // signed; returned at the skills review; signed again; returned at the 1+X review; then accepted by both
    driver.complete("u029-filer", fill, Driver.reportFigures(110, 50, 20, 10));
    driver.signAndUploadScan(key, "u029");
    assertThat(reports.find(key).orElseThrow().getSignedByName()).contains("河南理工大学");
    Task skills = driver.task(key, "province-edu");
    assertThat(driver.task(key, "province-hrss").getId()).isEqualTo(skills.getId());
    assertThat(driver.task(key, "province-1x")).isNotNull();
    assertThatThrownBy(() -> driver.complete("province", skills, Map.of("skillsReviewDecision", "return")))
        .hasMessageContaining("选择“退回”时请填写退回原因");
    driver.complete("province", skills, Map.of("skillsReviewDecision", "return", "skillsReturnReason", "取证数偏低"));
    assertThat(driver.task(key, "province-1x")).as("a return ends the other review too").isNull();
    fill = driver.task(key, "u029-filer");
    assertThat((String) taskService.getVariable(fill.getId(), "returnNotice")).contains("取证数偏低");

    driver.complete("u029-filer", fill, Driver.reportFigures(110, 60, 20, 10));
    driver.signAndUploadScan(key, "u029");
    driver.complete("hrss", driver.task(key, "province-hrss"), Map.of("skillsReviewDecision", "accept"));
    driver.complete("onex", driver.task(key, "province-1x"),
        Map.of("onePlusXReviewDecision", "return", "onePlusXReturnReason", "1+X 证书数待核实"));
    fill = driver.task(key, "u029-filer");
    assertThat((String) taskService.getVariable(fill.getId(), "returnNotice")).contains("1+X 证书数待核实");
    assertThat(reports.find(key).orElseThrow().getStatus()).isEqualTo(MonthlyReport.Status.OPEN);

    driver.complete("u029-filer", fill, Driver.reportFigures(110, 60, 20, 12));
    driver.signAndUploadScan(key, "u029");
    driver.complete("province", driver.task(key, "province-edu"), Map.of("skillsReviewDecision", "accept"));
    driver.complete("onex", driver.task(key, "province-1x"), Map.of("onePlusXReviewDecision", "accept"));

    ProcessInstance report = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult();
    assertThat(report).as("the accepted report's instance has ended").isNull();
    MonthlyReport accepted = reports.find(key).orElseThrow();
    assertThat(accepted.getStatus()).isEqualTo(MonthlyReport.Status.ACCEPTED);
    assertThat(accepted.figures()).isEqualTo(new Figures(110, 60, 20, 12));
    assertThat(accepted.getVersion()).as("five submissions").isEqualTo(5);
    assertThat(reports.history(key)).extracting(MonthlyReportEvent::getKind).containsExactly(
        Kind.SUBMITTED, Kind.WITHDRAWN, Kind.SUBMITTED, Kind.RETURNED_AT_SIGN, Kind.SUBMITTED, Kind.SIGNED,
        Kind.RETURNED_AT_SKILLS_REVIEW, Kind.SUBMITTED, Kind.SIGNED, Kind.RETURNED_AT_ONE_PLUS_X_REVIEW,
        Kind.SUBMITTED, Kind.SIGNED, Kind.ACCEPTED);
    assertThat(reports.history(key)).filteredOn(e -> e.getKind() == Kind.RETURNED_AT_SIGN)
        .extracting(MonthlyReportEvent::getReason).containsExactly("请核对培训人次");
  }

  @Test
  @Order(3)
  void aSchoolIsReviewedByItsCityAndASecondarySchoolConfirmsAdvancedCertificates() {
    String key = YEAR + "-03/u001-s01";
    driver.complete("u001-s01-filer", driver.task(key, "u001-s01-filer"), Driver.reportFigures(300, 200, 0, 40));
    driver.signAndUploadScan(key, "u001-s01");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(key).taskCandidateGroup("province-edu")
        .count()).as("the province does not review a city's school").isZero();
    List<Task> cityReviews = taskService.createTaskQuery().processInstanceBusinessKey(key)
        .taskCandidateGroup("u001-filer").list();
    assertThat(cityReviews).hasSize(2);
    driver.complete("u001-filer", cityReviews.get(0), reviewAccept(cityReviews.get(0)));
    driver.complete("u001-filer", cityReviews.get(1), reviewAccept(cityReviews.get(1)));
    assertThat(reports.find(key).orElseThrow().getStatus()).isEqualTo(MonthlyReport.Status.ACCEPTED);

    // the province's secondary school: advanced certificates need a confirmation, asked for at the completion
    String school = YEAR + "-03/u152";
    Task fill = driver.task(school, "u152-filer");
    assertThatThrownBy(() -> driver.complete("u152-filer", fill, Driver.reportFigures(500, 300, 5, 60)))
        .hasRootCauseInstanceOf(Refusal.class).hasMessageContaining("请核实以下情况，月报尚未提交")
        .hasMessageContaining("严格控制高级工证书").hasMessageContaining("数字无误，我已核实系统提示的情况");
    assertThat(reports.find(school).orElseThrow().getStatus()).isEqualTo(MonthlyReport.Status.OPEN);
    Map<String, Object> confirmed = new HashMap<>(Driver.reportFigures(500, 300, 5, 60));
    confirmed.put("warningsConfirmed", true);
    driver.complete("u152-filer", driver.task(school, "u152-filer"), confirmed);
    assertThat(reports.find(school).orElseThrow().getStatus()).isEqualTo(MonthlyReport.Status.SUBMITTED);
    assertThat(taskService.getVariable(driver.task(school, "u152-leader").getId(), "figuresNotice"))
        .as("nothing implausible in the cumulative figures").isNull();
  }

  @Test
  @Order(4)
  void progressCountsAcceptedFiguresOnlyAndACityIncludesItsSchools() throws Exception {
    // the city's own March report: its form shows the school's accepted figures
    String cityKey = YEAR + "-03/u001";
    Task fill = driver.task(cityKey, "u001-filer");
    // opened on 1 March; claiming it (as Tasklist requires before editing) refreshes what the form shows
    driver.as("u001-filer", () -> {
      taskService.claim(fill.getId(), "u001-filer");
      return null;
    });
    assertThat((String) taskService.getVariable(fill.getId(), "reportContext")).contains("培训 300 人次");
    driver.complete("u001-filer", fill, Driver.reportFigures(50, 40, 0, 10));
    driver.signAndUploadScan(cityKey, "u001");
    driver.complete("province", driver.task(cityKey, "province-edu"), Map.of("skillsReviewDecision", "accept"));
    driver.complete("onex", driver.task(cityKey, "province-1x"), Map.of("onePlusXReviewDecision", "accept"));

    JsonNode progress = progress("province", "2035-03");
    JsonNode zhengzhou = unit(progress, "u001");
    assertThat(zhengzhou.at("/indicators/training/cumulative").asLong()).isEqualTo(350);
    assertThat(zhengzhou.at("/indicators/training/annualTask").asLong()).isEqualTo(3000);
    assertThat(zhengzhou.at("/indicators/training/rate").decimalValue()).isEqualByComparingTo("11.7");
    assertThat(zhengzhou.at("/indicators/advanced/rate").isNull()).isTrue();
    assertThat(zhengzhou.get("schools")).hasSize(3);
    assertThat(zhengzhou.at("/schools/0/code").asText()).isEqualTo("u001-s01");
    assertThat(zhengzhou.at("/schools/0/indicators/training/cumulative").asLong()).isEqualTo(300);
    JsonNode university = unit(progress, "u029");
    assertThat(university.at("/indicators/training/cumulative").asLong()).isEqualTo(110);
    assertThat(university.at("/indicators/training/rate").decimalValue()).isEqualByComparingTo("22.0");
    assertThat(university.at("/indicators/advanced/rate").decimalValue()).isEqualByComparingTo("6.7");
    assertThat(unit(progress, "u152").at("/indicators/training/cumulative").asLong())
        .as("submitted, not accepted").isZero();
    assertThat(progress.at("/totals/training/cumulative").asLong()).isEqualTo(460);

    // a unit sees itself only; a city sees its schools
    JsonNode own = progress("u029-filer", "2035-03");
    assertThat(own.get("units")).hasSize(1);
    JsonNode city = progress("u001-leader", "2035-03");
    assertThat(city.get("units")).hasSize(1);
    assertThat(city.at("/units/0/schools")).hasSize(3);
    JsonNode school = progress("u001-s01-filer", "2035-03");
    assertThat(school.get("units")).extracting(u -> u.get("code").asText()).containsExactly("u001-s01");
    assertThat(http.withBasicAuth("province", "demo").getForEntity("/api/progress/2035?month=2035-13",
        String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  @Order(5)
  void threeMonthsInARowAddUpAndAReturnedMonthCountsOnlyOnceAccepted() throws Exception {
    openMonth(4);
    String april = YEAR + "-04/u029";
    driver.complete("u029-filer", driver.task(april, "u029-filer"), Driver.reportFigures(40, 30, 10, 5));
    driver.signAndUploadScan(april, "u029");
    driver.complete("province", driver.task(april, "province-edu"),
        Map.of("skillsReviewDecision", "return", "skillsReturnReason", "缺少佐证"));
    openMonth(5);
    String may = YEAR + "-05/u029";
    Task mayFill = driver.task(may, "u029-filer");
    assertThat((Long) taskService.getVariable(mayFill.getId(), "trainingBefore"))
        .as("April is returned: only March counts").isEqualTo(110L);
    acceptAsProvince(may, mayFill, Driver.reportFigures(25, 10, 5, 3));
    assertThat(unit(progress("province", "2035-05"), "u029").at("/indicators/training/cumulative").asLong())
        .isEqualTo(135);

    acceptAsProvince(april, driver.task(april, "u029-filer"), Driver.reportFigures(40, 30, 10, 5));
    JsonNode u029 = unit(progress("province", "2035-05"), "u029");
    assertThat(u029.at("/indicators/training/cumulative").asLong()).isEqualTo(110 + 40 + 25);
    assertThat(u029.at("/indicators/certification/cumulative").asLong()).isEqualTo(60 + 30 + 10);
    assertThat(u029.at("/indicators/training/rate").decimalValue()).isEqualByComparingTo("35.0");
    assertThat(u029.at("/indicators/certification/rate").decimalValue()).isEqualByComparingTo("22.2");
    assertThat(u029.at("/indicators/onePlusX/rate").decimalValue()).isEqualByComparingTo("22.2");
    assertThat(unit(progress("province", "2035-04"), "u029").at("/indicators/training/cumulative").asLong())
        .isEqualTo(150);
  }

  @Test
  @Order(6)
  void authorizationBetweenCitiesSchoolsAndRoles() {
    String kaifengSchool = YEAR + "-03/u002-s01";
    String zhengzhouSchool = YEAR + "-03/u001-s02";
    driver.as("u001-s02-filer", () -> {
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(kaifengSchool).count())
          .isZero();
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey(kaifengSchool).count()).isZero();
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey(zhengzhouSchool).count()).isOne();
      return null;
    });
    driver.as("u001-filer", () -> {
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(zhengzhouSchool).count())
          .as("a city sees its schools' reports").isOne();
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(kaifengSchool).count())
          .isZero();
      return null;
    });

    // a filer cannot do the leader's signature
    driver.complete("u001-s02-filer", driver.task(zhengzhouSchool, "u001-s02-filer"), Driver.reportFigures(10, 5, 0, 1));
    Task sign = driver.task(zhengzhouSchool, "u001-s02-leader");
    assertThatThrownBy(() -> driver.complete("u001-s02-filer", sign, Map.of("signDecision", "approve")))
        .isInstanceOf(AuthorizationException.class);

    // two leaders on one task: the first wins, the second is told the task is taken
    ((org.camunda.bpm.engine.impl.IdentityServiceImpl) identityService).saveUser(newUser("u001-s02-leader2"), true);
    identityService.createMembership("u001-s02-leader2", "u001-s02-leader");
    driver.as("u001-s02-leader", () -> {
      taskService.claim(sign.getId(), "u001-s02-leader");
      return null;
    });
    assertThatThrownBy(() -> driver.as("u001-s02-leader2", () -> {
      taskService.claim(sign.getId(), "u001-s02-leader2");
      return null;
    })).hasMessageContaining("already claimed");
    driver.as("u001-s02-leader", () -> {
      taskService.complete(sign.getId(), Map.of("signDecision", "approve"));
      return null;
    });
    assertThatThrownBy(() -> driver.as("u001-s02-leader2", () -> {
      taskService.complete(sign.getId(), Map.of("signDecision", "return", "returnReason", "x"));
      return null;
    })).isInstanceOf(NullValueException.class).hasMessageContaining("Cannot find task");
  }

  @Test
  @Order(7)
  void aLeaderHandsTheSignatureToADeputy() {
    String key = YEAR + "-03/u001-s03";
    driver.complete("u001-s03-filer", driver.task(key, "u001-s03-filer"), Driver.reportFigures(10, 5, 0, 1));
    Task sign = driver.task(key, "u001-s03-leader");
    ((org.camunda.bpm.engine.impl.IdentityServiceImpl) identityService).saveUser(newUser("u001-s03-deputy"), true);
    // a deputy is a member of the unit's leader group (an administrator adds them); no one else may hold the task
    identityService.createMembership("u001-s03-deputy", "u001-s03-leader");
    // Tasklist: the leader claims the task and delegates it ("委托") to the deputy
    driver.as("u001-s03-leader", () -> {
      taskService.claim(sign.getId(), "u001-s03-leader");
      taskService.delegateTask(sign.getId(), "u001-s03-deputy");
      return null;
    });
    driver.as("u001-s03-deputy", () -> {
      Task delegated = taskService.createTaskQuery().taskAssignee("u001-s03-deputy").singleResult();
      assertThat(delegated.getDelegationState()).isEqualTo(DelegationState.PENDING);
      taskService.resolveTask(delegated.getId(), Map.of("signDecision", "approve"));
      return null;
    });
    // resolved: back with the leader, who completes it with the deputy's decision
    driver.as("u001-s03-leader", () -> {
      Task back = taskService.createTaskQuery().taskId(sign.getId()).singleResult();
      assertThat(back.getAssignee()).isEqualTo("u001-s03-leader");
      assertThat(back.getDelegationState()).isEqualTo(DelegationState.RESOLVED);
      taskService.complete(back.getId());
      return null;
    });
    assertThat(reports.find(key).orElseThrow().getStatus()).isEqualTo(MonthlyReport.Status.SIGNED);
  }

  @Test
  @Order(8)
  void theProvinceExportsTheMonthsAttachment2ForEveryUnit() throws Exception {
    ResponseEntity<byte[]> export = http.withBasicAuth("province", "demo")
        .getForEntity("/api/reports/2035-03/attachment2.xlsx", byte[].class);
    assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(export.getBody()))) {
      org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheet("2035-03");
      Map<String, org.apache.poi.ss.usermodel.Row> rows = new HashMap<>();
      sheet.forEach(row -> {
        if (row.getCell(1) != null) {
          rows.put(row.getCell(1).getStringCellValue(), row);
        }
      });
      org.apache.poi.ss.usermodel.Row university = rows.get("u029");
      assertThat(university.getCell(2).getStringCellValue()).isEqualTo("河南理工大学");
      assertThat(university.getCell(4).getStringCellValue()).isEqualTo("已通过");
      assertThat(university.getCell(10).getNumericCellValue()).isEqualTo(500);
      assertThat(university.getCell(11).getNumericCellValue()).as("March's figure").isEqualTo(110);
      assertThat(university.getCell(12).getNumericCellValue()).as("accepted through March").isEqualTo(110);
      assertThat(university.getCell(13).getNumericCellValue()).isEqualTo(22.0);
      org.apache.poi.ss.usermodel.Row school = rows.get("u001-s01");
      assertThat(school.getCell(3).getStringCellValue()).isEqualTo("郑州市");
      assertThat(school.getCell(12).getNumericCellValue()).isEqualTo(300);
      assertThat(rows.get("u001").getCell(12).getNumericCellValue()).as("a city with its schools").isEqualTo(350);
      assertThat(rows.get("u001").getCell(18).getStringCellValue()).as("advanced: ——").isEqualTo("——");
    }
    assertThat(http.withBasicAuth("u029-filer", "demo").getForEntity("/api/reports/2035-03/attachment2.xlsx",
        byte[].class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  @Order(9)
  void everyProgressFigureOpensToTheReportsItIsMadeOf() throws Exception {
    for (String month : List.of("2035-03", "2035-05")) {
      JsonNode progress = progress("province", month);
      for (String indicator : List.of("training", "certification", "advanced", "onePlusX")) {
        // the province's total, a city with its schools, a university over several months
        assertThat(sources("province", month, indicator, null).get("figure").asLong()).as(month + " total " + indicator)
            .isEqualTo(progress.at("/totals/" + indicator + "/cumulative").asLong());
        for (String code : List.of("u001", "u029")) {
          JsonNode sources = sources("province", month, indicator, code);
          long sum = 0;
          for (JsonNode report : sources.get("reports")) {
            sum += report.get("value").asLong();
          }
          long shown = unit(progress, code).at("/indicators/" + indicator + "/cumulative").asLong();
          assertThat(sources.get("figure").asLong()).as(month + " " + code + " " + indicator).isEqualTo(shown);
          assertThat(sum).as("the reports add up to the figure shown").isEqualTo(shown);
        }
      }
    }
    JsonNode zhengzhou = sources("u001-leader", "2035-03", "training", "u001");
    assertThat(zhengzhou.get("reports")).extracting(r -> r.get("unitCode").asText()).contains("u001", "u001-s01");
    JsonNode march = zhengzhou.get("reports").get(0);
    assertThat(march.get("signedBy").asText()).isNotBlank();
    assertThat(march.get("acceptedBy").asText()).isNotBlank();
    assertThat(march.get("acceptedAt").asText()).isNotBlank();
    assertThat(http.withBasicAuth("u001-leader", "demo").getForEntity(march.get("reportPdf").asText(), byte[].class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.withBasicAuth("u001-leader", "demo").getForEntity(march.get("scan").asText(), byte[].class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);

    // another unit's figure, the province's total for a unit, an unknown indicator: refused in Chinese
    assertThat(http.withBasicAuth("u029-filer", "demo").getForEntity(
        "/api/progress/2035/sources?month=2035-03&indicator=training&unit=u001", String.class).getBody())
        .contains("不能查看其他单位（郑州市）的数字来源");
    assertThat(http.withBasicAuth("u029-filer", "demo").getForEntity(
        "/api/progress/2035/sources?month=2035-03&indicator=training", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth("province", "demo").getForEntity(
        "/api/progress/2035/sources?month=2035-03&indicator=people", String.class).getBody()).contains("指标“people”不存在");
  }

  private JsonNode sources(String user, String month, String indicator, String unit) throws Exception {
    ResponseEntity<String> response = http.withBasicAuth(user, "demo").getForEntity("/api/progress/" + YEAR
        + "/sources?month=" + month + "&indicator=" + indicator + (unit == null ? "" : "&unit=" + unit), String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    return new ObjectMapper().readTree(response.getBody());
  }

  private void acceptAsProvince(String key, Task fill, Map<String, Object> figures) {
    String unit = key.substring(key.indexOf('/') + 1);
    driver.complete(unit + "-filer", fill, figures);
    driver.signAndUploadScan(key, unit);
    driver.complete("province", driver.task(key, "province-edu"), Map.of("skillsReviewDecision", "accept"));
    driver.complete("onex", driver.task(key, "province-1x"), Map.of("onePlusXReviewDecision", "accept"));
  }

  /** A city reviews its school in both lanes; the task's name says which. */
  private static Map<String, Object> reviewAccept(Task review) {
    return Map.of(review.getName().contains("1+X") ? "onePlusXReviewDecision" : "skillsReviewDecision", "accept");
  }

  private org.camunda.bpm.engine.identity.User newUser(String id) {
    org.camunda.bpm.engine.identity.User user = identityService.newUser(id);
    user.setFirstName(id);
    user.setPassword("demo");
    return user;
  }

  private void receiveAnnualTask(String unit) {
    driver.complete(unit + "-filer", driver.task(YEAR + "/" + unit, unit + "-filer"),
        Map.of("annualTaskAcknowledged", true));
  }

  private void openMonth(int month) {
    List<String> unitYears = runtimeService.createProcessInstanceQuery().processDefinitionKey("unit-year")
        .processInstanceBusinessKeyLike(YEAR + "/%").list().stream().map(ProcessInstance::getId).toList();
    driver.moveClockTo(LocalDate.of(YEAR, month, 1), unitYears);
  }

  private static Map<String, Object> schoolTable(String csv) {
    return Map.of("schoolQuotaFile", Variables.fileValue("schools.csv")
        .file(csv.getBytes(StandardCharsets.UTF_8)).create());
  }



  private JsonNode progress(String user, String month) throws Exception {
    ResponseEntity<String> response = http.withBasicAuth(user, "demo")
        .getForEntity("/api/progress/" + YEAR + "?month=" + month, String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return new ObjectMapper().readTree(response.getBody());
  }

  private static JsonNode unit(JsonNode progress, String code) {
    for (JsonNode unit : progress.get("units")) {
      if (unit.get("code").asText().equals(code)) {
        return unit;
      }
    }
    throw new AssertionError(code + " not in " + progress);
  }
}
