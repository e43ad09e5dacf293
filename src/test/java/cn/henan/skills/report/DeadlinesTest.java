package cn.henan.skills.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.Driver;
import cn.henan.skills.SkillsHenanTest;
import cn.henan.skills.report.MonthlyReportEvent.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Due dates, reminders and late reports of 2037 for 河南理工大学 (u029, never on time) and 河南省工业学校 (u152, on time),
 * with the engine clock moved through the month: each timer fires once, on its day.
 */
@SkillsHenanTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeadlinesTest {
  static final int YEAR = 2037;

  @Autowired Driver driver;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired MonthlyReports reports;
  @Autowired ReportCalendar calendar;
  @Autowired TestRestTemplate http;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  @Order(1)
  void theNoticesRuleGivesTheEndOfThe30thOrOfAShorterMonth() {
    assertThat(ReportCalendar.ruleDueDate(ReportPeriod.of(2022, 3))).isEqualTo(Instant.parse("2022-03-30T16:00:00Z"));
    assertThat(ReportCalendar.ruleDueDate(ReportPeriod.of(2022, 5))).as("31-day month: still the 30th")
        .isEqualTo(Instant.parse("2022-05-30T16:00:00Z"));
    assertThat(ReportCalendar.ruleDueDate(ReportPeriod.of(2023, 2))).as("February: its last day")
        .isEqualTo(Instant.parse("2023-02-28T16:00:00Z"));
    assertThat(ReportCalendar.ruleDueDate(ReportPeriod.of(2024, 2))).isEqualTo(Instant.parse("2024-02-29T16:00:00Z"));
    assertThat(calendar.reminderAt(2022, 3).toInstant()).isEqualTo(Instant.parse("2022-03-27T16:00:00Z"));
  }

  @Test
  @Order(2)
  void aReminderBeforeTheDueDateThenLateAndUrgedExactlyOnce() {
    driver.publishAllocation(YEAR, """
        单位,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）
        河南理工大学,500,450,300,90
        河南省工业学校,5000,4200,——,840
        """);
    for (String unit : List.of("u029", "u152")) {
      driver.complete(unit + "-filer", driver.task(YEAR + "/" + unit, unit + "-filer"),
          Map.of("annualTaskAcknowledged", true));
    }
    openMonth(3);
    String late = YEAR + "-03/u029";
    String onTime = YEAR + "-03/u152";
    driver.complete("u152-filer", driver.task(onTime, "u152-filer"), Driver.reportFigures(300, 200, 0, 40));
    driver.signAndUploadScan(onTime, "u152");

    at(3, 27, 23, 0);
    assertThat(events(late, Kind.REMINDED)).as("not before the day").isZero();
    at(3, 28, 8, 0);
    assertThat(events(late, Kind.REMINDED)).isOne();
    Task fill = driver.task(late, "u029-filer");
    assertThat(fill.getFollowUpDate()).isEqualTo(Date.from(Instant.parse("2037-03-30T16:00:00Z")));
    assertThat(taskService.getTaskComments(fill.getId())).extracting(Comment::getFullMessage)
        .anyMatch(text -> text.contains("催办") && text.contains("3 月 30 日 23:59"));
    assertThat(events(onTime, Kind.REMINDED)).as("a filed report is not reminded").isZero();
    at(3, 29, 8, 0);
    assertThat(events(late, Kind.REMINDED)).as("once only").isOne();

    at(3, 30, 22, 0);
    assertThat(reports.find(late).orElseThrow().isLate()).as("still the due day").isFalse();
    at(3, 31, 8, 0);
    assertThat(reports.find(late).orElseThrow().isLate()).isTrue();
    assertThat(reports.find(onTime).orElseThrow().isLate()).isFalse();
    assertThat(driver.task(onTime, "province-edu").getName()).as("only its review, no urging").isNotEqualTo("逾期月报督办");

    Task urge = taskService.createTaskQuery().processInstanceBusinessKey(late).taskCandidateGroup("province-edu")
        .singleResult();
    assertThat(urge.getName()).isEqualTo("逾期月报督办");
    driver.complete("province", urge, Map.of("urgeMessage", "请于 3 个工作日内补报"));
    assertThat(taskService.getTaskComments(driver.task(late, "u029-filer").getId())).extracting(Comment::getFullMessage)
        .anyMatch(text -> text.contains("督办：请于 3 个工作日内补报"));
    at(4, 2, 8, 0);
    assertThat(events(late, Kind.LATE)).isOne();
    assertThat(events(late, Kind.URGED)).isOne();

    // filed late: it goes on to review and stays marked late
    driver.complete("u029-filer", driver.task(late, "u029-filer"), Driver.reportFigures(100, 80, 20, 10));
    driver.signAndUploadScan(late, "u029");
    assertThat(driver.task(late, "province-edu").getName()).isEqualTo("审核培训取证数据");
    assertThat(reports.find(late).orElseThrow().isLate()).isTrue();
  }

  @Test
  @Order(3)
  void provinceEduMovesAMonthsDueDateAndTheWaitingTimersFollow() {
    openMonth(5);
    String may = YEAR + "-05/u029";
    assertThat(move("u029-filer", "2037-05", "2037-06-03").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> moved = move("province", "2037-05", "2037-06-03");
    assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(moved.getBody()).contains("2037-06-03T16:00:00Z");
    assertThat(calendar.dueDate(YEAR, 5).toInstant()).isEqualTo(Instant.parse("2037-06-03T16:00:00Z"));

    at(5, 28, 8, 0);
    assertThat(events(may, Kind.REMINDED)).as("the rule's reminder day has passed by").isZero();
    at(5, 31, 8, 0);
    assertThat(events(may, Kind.REMINDED)).as("three days before the end of 3 June is 1 June").isZero();
    at(6, 1, 8, 0);
    assertThat(events(may, Kind.REMINDED)).isOne();
    at(6, 3, 20, 0);
    assertThat(reports.find(may).orElseThrow().isLate()).isFalse();
    at(6, 4, 8, 0);
    assertThat(reports.find(may).orElseThrow().isLate()).isTrue();
    assertThat(events(may, Kind.REMINDED)).isOne();
  }

  private ResponseEntity<String> move(String user, String month, String day) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange("/api/report-calendar/" + month, HttpMethod.PUT,
        new HttpEntity<>("{\"dueDate\":\"" + day + "\",\"reason\":\"端午节\"}", headers), String.class);
  }

  private long events(String key, Kind kind) {
    return reports.history(key).stream().filter(e -> e.getKind() == kind).count();
  }

  /** Sets the clock (Beijing time) and fires whatever is due in the year's reports. */
  private void at(int month, int day, int hour, int minute) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(YEAR, month, day, hour, minute)
        .atZone(Driver.BEIJING).toInstant()));
    for (ProcessInstance report : runtimeService.createProcessInstanceQuery().processDefinitionKey("monthly-report")
        .processInstanceBusinessKeyLike(YEAR + "-%").list()) {
      driver.runJobs(report.getId());
    }
  }

  private void openMonth(int month) {
    List<String> unitYears = runtimeService.createProcessInstanceQuery().processDefinitionKey("unit-year")
        .processInstanceBusinessKeyLike(YEAR + "/%").list().stream().map(ProcessInstance::getId).toList();
    driver.moveClockTo(LocalDate.of(YEAR, month, 1), unitYears);
  }
}
