package cn.henan.skills.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.henan.skills.Driver;
import cn.henan.skills.SkillsHenanTest;
import cn.henan.skills.platform.Refusal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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

/**
 * Issue 11: a unit that never clicks 接收年度任务 still reports every month, is late and on its supervisor's list
 * (named as not having received its year); the year still closes. And a report whose cumulative certification
 * exceeds its cumulative training is confirmed by the filer and flagged to the leader and the reviewers.
 */
@SkillsHenanTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnreceivedYearTest {
  static final int YEAR = 2046;
  static final String TABLE = """
      单位,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）
      河南理工大学,500,450,300,90
      河南工业大学,1500,1370,1000,280
      """;

  @Autowired Driver driver;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired MonthlyReports reports;
  @Autowired TestRestTemplate http;

  @AfterEach
  void restoreClock() {
    ClockUtil.reset();
  }

  @Test
  @Order(1)
  void aUnitThatNeverReceivesGetsItsTenReportsIsLateAndIsOnItsSupervisorsList() throws Exception {
    driver.publishAllocation(YEAR, TABLE);
    // 河南工业大学 receives its year; 河南理工大学 never does
    Task receive = driver.task(YEAR + "/u030", "u030-filer");
    assertThat(receive.getName()).isEqualTo("接收 2046年度任务（河南工业大学）");
    driver.complete("u030-filer", receive, Map.of("annualTaskAcknowledged", true));

    for (int month = 3; month <= 12; month++) {
      runTimersAt(LocalDate.of(YEAR, month, 1));
      if (month == 3) {
        String onTime = YEAR + "-03/u030";
        driver.complete("u030-filer", driver.task(onTime, "u030-filer"), Driver.reportFigures(100, 80, 20, 10));
        driver.signAndUploadScan(onTime, "u030");
        driver.complete("province", driver.task(onTime, "province-edu"), Map.of("skillsReviewDecision", "accept"));
        driver.complete("onex", driver.task(onTime, "province-1x"), Map.of("onePlusXReviewDecision", "accept"));
      }
    }
    runTimersAt(LocalDate.of(YEAR + 1, 1, 1));

    List<String> keys = IntStream.rangeClosed(3, 12).mapToObj(m -> String.format("%d-%02d/u029", YEAR, m)).toList();
    for (String key : keys) {
      assertThat(driver.instance(key, "monthly-report")).as(key + " open").isNotNull();
      assertThat(reports.find(key).orElseThrow().isLate()).as(key + " late").isTrue();
    }
    assertThat(driver.task(YEAR + "-05/u029", "u029-filer").getName()).isEqualTo("填报 2046年5月 进度月报（河南理工大学）");
    assertThat(driver.task(YEAR + "/u029", "u029-filer").getName()).as("still not received")
        .isEqualTo("接收 2046年度任务（河南理工大学）");

    Task march = driver.task(YEAR + "-03/province-edu", "province-edu");
    assertThat(march.getName()).isEqualTo("2046年3月 逾期月报督办（省直管单位）");
    assertThat((String) taskService.getVariable(march.getId(), "lateUnitsSummary"))
        .contains("u029 河南理工大学 — 未填报（尚未接收年度任务）").doesNotContain("u030");
    assertThat(driver.task(YEAR + "-04/province-edu", "province-edu").getName())
        .as("each month its own, told apart by its name").isEqualTo("2046年4月 逾期月报督办（省直管单位）");
    assertThat((String) taskService.getVariable(driver.task(YEAR + "-04/province-edu", "province-edu").getId(),
        "lateUnitsSummary")).contains("u029 河南理工大学 — 未填报（尚未接收年度任务）")
        .contains("u030 河南工业大学 — 未填报").doesNotContain("河南工业大学 — 未填报（");

    JsonNode evaluation = new ObjectMapper().readTree(http.withBasicAuth("province", "demo")
        .getForObject("/api/evaluation/" + YEAR + "-03", String.class));
    assertThat(evaluation.get("missingUnits").toString()).contains("u029").contains("尚未接收年度任务")
        .doesNotContain("u030");

    // the refused 督办 stays open as the supervisor filled it, nothing sent (other tests may have urged u029 before)
    long urgesBefore = urgesOfU029();
    assertThatThrownBy(() -> driver.complete("province", march, Map.of("unitsToUrge", "u029, u031",
        "urgeMessage", "请补报", "replyBy", (YEAR + 1) + "-01-10"))).hasRootCauseInstanceOf(Refusal.class)
        .hasMessageContaining("u031");
    assertThat(driver.task(YEAR + "-03/province-edu", "province-edu").getId()).isEqualTo(march.getId());
    assertThat(urgesOfU029()).isEqualTo(urgesBefore);

    // the unit files all ten, late: its year closes although it never received it
    for (String key : keys) {
      driver.complete("u029-filer", driver.task(key, "u029-filer"), Driver.reportFigures(10, 5, 1, 1));
      driver.signAndUploadScan(key, "u029");
      driver.complete("province", driver.task(key, "province-edu"), Map.of("skillsReviewDecision", "accept"));
      driver.complete("onex", driver.task(key, "province-1x"), Map.of("onePlusXReviewDecision", "accept"));
    }
    ProcessInstance year = driver.instance(YEAR + "/u029", "unit-year");
    assertThat(year).as("the year has ended, its receive task with it").isNull();
    assertThat(historyService.createHistoricVariableInstanceQuery().variableName("yearEndSummary")
        .processInstanceId(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("unit-year")
            .processInstanceBusinessKey(YEAR + "/u029").singleResult().getId()).singleResult().getValue())
        .asString().contains("培训任务 100 / 500");
  }

  @Test
  @Order(2)
  void moreCertifiedThanTrainedIsConfirmedByTheFilerAndShownToTheLeaderAndTheReviewers() {
    String key = YEAR + "-04/u030";
    Task fill = driver.task(key, "u030-filer");
    // accepted before: March 100 trained, 80 certified; April 10 more trained, 50 certified: 130 > 110
    Map<String, Object> figures = Driver.reportFigures(10, 50, 0, 0);
    assertThatThrownBy(() -> driver.complete("u030-filer", fill, figures)).hasRootCauseInstanceOf(Refusal.class)
        .hasMessageContaining("累计取证人数（130 人）超过累计培训人次（110 人次）");
    assertThat(reports.find(key).orElseThrow().getStatus()).isEqualTo(MonthlyReport.Status.OPEN);

    Map<String, Object> confirmed = new HashMap<>(figures);
    confirmed.put("warningsConfirmed", true);
    driver.complete("u030-filer", driver.task(key, "u030-filer"), confirmed);
    assertThat(reports.find(key).orElseThrow().getStatus()).isEqualTo(MonthlyReport.Status.SUBMITTED);
    Task withdraw = driver.task(key, "u030-filer");
    Task sign = driver.task(key, "u030-leader");
    for (Task shown : List.of(withdraw, sign)) {
      assertThat((String) taskService.getVariable(shown.getId(), "figuresNotice"))
          .contains("累计取证人数（130 人）超过累计培训人次（110 人次）");
    }
    driver.signAndUploadScan(key, "u030");
    for (String reviewer : List.of("province-edu", "province-1x")) {
      assertThat((String) taskService.getVariable(driver.task(key, reviewer).getId(), "figuresNotice"))
          .as(reviewer).startsWith("填报人已确认：累计取证人数（130 人）");
    }
  }

  private long urgesOfU029() {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey("urge")
        .processInstanceBusinessKeyLike("u029/%").count();
  }

  /** 08:00 Beijing time of {@code day}: the year's timers that are due fire (openings, reminders, deadlines). */
  private void runTimersAt(LocalDate day) {
    List<String> years = runtimeService.createProcessInstanceQuery().processDefinitionKey("unit-year")
        .processInstanceBusinessKeyLike(YEAR + "/%").list().stream().map(ProcessInstance::getId).toList();
    driver.moveClockTo(day, years);
    List<String> months = runtimeService.createProcessInstanceQuery().processDefinitionKey("monthly-report")
        .processInstanceBusinessKeyLike(YEAR + "-%").list().stream().map(ProcessInstance::getId).toList();
    months.forEach(driver::runJobs);
  }
}
