package cn.henan.skills.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.henan.skills.Driver;
import cn.henan.skills.SkillsHenanTest;
import cn.henan.skills.report.MonthlyReportEvent.Kind;
import cn.henan.skills.unit.UnitRegistry;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Due dates, reminders and late reports of 2037, the engine clock moved through the month: each timer fires once, on its
 * day. Late in March: 河南理工大学 (u029), 河南工业大学 (u030, files late) and a school of 开封市; on time:
 * 河南省工业学校 (u152), 开封市 itself and its other school.
 */
@SkillsHenanTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// its own context (the SMTP server's port): last, see junit-platform.properties
@Order(Integer.MAX_VALUE)
class DeadlinesTest {
  static final int YEAR = 2037;

  @Autowired Driver driver;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired MonthlyReports reports;
  @Autowired ReportCalendar calendar;
  @Autowired UnitRegistry units;
  @Autowired TestRestTemplate http;

  /** A real SMTP server: with {@code spring.mail.host} set, reminders and 督办 also go out by e-mail. */
  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
  }

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
    assertThat(calendar.beforeDue(ReportPeriod.of(2022, 3), Duration.ofDays(3)).toInstant()).isEqualTo(Instant.parse("2022-03-27T16:00:00Z"));
  }

  @Test
  @Order(2)
  void aReminderBeforeTheDueDateThenOneEscalationPerSupervisorListingItsLateUnits() {
    driver.publishAllocation(YEAR, """
        单位,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）
        开封市,15000,12850,——,2570
        河南理工大学,500,450,300,90
        河南工业大学,1500,1370,1000,280
        河南省工业学校,5000,4200,——,840
        """);
    List.of("u002", "u029", "u030", "u152").forEach(this::receiveAnnualTask);
    driver.subdivide(YEAR, "u002", """
        学校名称,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）
        开封市文化艺术职业学校,8000,7000,,1300
        开封市第一职业中专,7000,5850,,1270
        """);
    // codes as registered (a school another test registered before keeps its code)
    String lateSchool = schoolCode("开封市文化艺术职业学校");
    String onTimeSchool = schoolCode("开封市第一职业中专");
    List.of(lateSchool, onTimeSchool).forEach(this::receiveAnnualTask);
    openMonth(3);
    String late = YEAR + "-03/u029";
    for (String onTime : List.of("u152", "u002", onTimeSchool)) {
      String key = YEAR + "-03/" + onTime;
      driver.complete(onTime + "-filer", driver.task(key, onTime + "-filer"), Driver.reportFigures(300, 200, 0, 40));
      driver.signAndUploadScan(key, onTime);
    }
    String onTime = YEAR + "-03/u152";

    at(3, 27, 23, 0);
    assertThat(events(late, Kind.REMINDED)).as("not before the day").isZero();
    at(3, 28, 8, 0);
    assertThat(events(late, Kind.REMINDED)).isOne();
    Task fill = driver.task(late, "u029-filer");
    assertThat(fill.getFollowUpDate()).isEqualTo(Date.from(Instant.parse("2037-03-30T16:00:00Z")));
    assertThat(taskService.getTaskComments(fill.getId())).extracting(Comment::getFullMessage)
        .anyMatch(text -> text.contains("催办") && text.contains("3 月 30 日 23:59"));
    assertThat(http.withBasicAuth("u029-filer", "demo").getForObject("/engine-rest/task/" + fill.getId() + "/comment",
        String.class)).as("the unit reads it in Tasklist (its history)").contains("催办");
    String history = "/engine-rest/history/process-instance/count?processInstanceBusinessKey=" + late;
    assertThat(http.withBasicAuth("u029-filer", "demo").getForObject(history, String.class))
        .as("its own report's history").isEqualTo("{\"count\":1}");
    assertThat(http.withBasicAuth("u030-filer", "demo").getForObject(history, String.class))
        .as("not another unit's").isEqualTo("{\"count\":0}");
    assertThat(events(onTime, Kind.REMINDED)).as("a filed report is not reminded").isZero();
    assertThat(mailsTo("u029-filer@example.org")).singleElement().satisfies(mail -> {
      assertThat(mail.getSubject()).isEqualTo("【催办】2037 年 3 月进度月报即将截止");
      assertThat(mail.getContent().toString()).contains("3 月 30 日 23:59", "/camunda/app/tasklist/");
    });
    assertThat(mailsTo("u029-leader@example.org")).hasSize(1);
    assertThat(mailsTo("u152-filer@example.org")).as("filed: no e-mail").isEmpty();
    at(3, 29, 8, 0);
    assertThat(events(late, Kind.REMINDED)).as("once only").isOne();
    assertThat(mailsTo("u029-filer@example.org")).as("once only").hasSize(1);

    at(3, 30, 22, 0);
    assertThat(reports.find(late).orElseThrow().isLate()).as("still the due day").isFalse();
    assertThat(escalations()).isEmpty();
    // the job executor fires a month's deadline timers on several threads at once
    atConcurrently(3, 31, 8, 0);
    for (String unit : List.of("u029", "u030", lateSchool)) {
      assertThat(reports.find(YEAR + "-03/" + unit).orElseThrow().isLate()).as(unit).isTrue();
    }
    for (String unit : List.of("u152", "u002", onTimeSchool)) {
      assertThat(reports.find(YEAR + "-03/" + unit).orElseThrow().isLate()).as(unit).isFalse();
    }
    assertThat(escalations()).as("one escalation per supervisor and month")
        .containsExactlyInAnyOrder(YEAR + "-03/province-edu", YEAR + "-03/u002-schools");

    Task province = driver.task(YEAR + "-03/province-edu", "province-edu");
    assertThat(province.getName()).isEqualTo("2037年3月 逾期月报督办（省直管单位）");
    assertThat(summary(province)).contains("u029 河南理工大学 — 未填报", "u030 河南工业大学 — 未填报")
        .doesNotContain("u152", "u002");
    assertThat(taskService.getVariable(province.getId(), "unitsToUrge")).isEqualTo("u029, u030");
    assertThat(driver.task(YEAR + "-03/province-edu", "u002-filer")).as("not the city's").isNull();
    Task city = driver.task(YEAR + "-03/u002-schools", "u002-filer");
    assertThat(summary(city)).contains(lateSchool + " 开封市文化艺术职业学校 — 未填报").doesNotContain(onTimeSchool, "u029");
    assertThat(driver.task(YEAR + "-03/u002-schools", "province-edu")).as("schools are the city's to urge").isNull();

    // 河南工业大学 files late before the province acts: the open list shows it at once
    String filedLate = YEAR + "-03/u030";
    driver.complete("u030-filer", driver.task(filedLate, "u030-filer"), Driver.reportFigures(300, 200, 100, 40));
    driver.signAndUploadScan(filedLate, "u030");
    assertThat(summary(province)).contains("u030 河南工业大学 — 已补报，待审核");
    assertThat(taskService.getVariable(province.getId(), "unitsToUrge")).isEqualTo("u029");

    Map<String, Object> urge = new HashMap<>(Map.of("unitsToUrge", "u029, u152, u001, " + lateSchool + ", u999",
        "urgeMessage", "请于 3 个工作日内补报", "replyBy", "2037-04-03"));
    assertThatThrownBy(() -> driver.complete("province", province, urge))
        .hasMessageContaining("以下单位不在本次逾期名单中")
        .hasMessageContaining("u152 河南省工业学校（本月未逾期）")
        .hasMessageContaining("u001 郑州市（本月没有月报）")
        .hasMessageContaining(lateSchool + " 开封市文化艺术职业学校（不由您督办）")
        .hasMessageContaining("u999（没有这个单位代码）");
    urge.put("unitsToUrge", "u029");
    urge.put("replyBy", "2037-03-30");
    assertThatThrownBy(() -> driver.complete("province", province, urge))
        .hasMessageContaining("回复期限不能早于今天（2037-03-31）");
    assertThat(escalations()).as("refused: nothing changed").contains(YEAR + "-03/province-edu");

    urge.put("unitsToUrge", "U029，u030");
    urge.put("replyBy", "2037-04-03");
    driver.complete("province", province, urge);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(province.getProcessInstanceId())
        .variableName("skippedUnits").singleResult().getValue()).as("filed meanwhile: skipped").isEqualTo("u030");
    assertThat(escalations()).as("ended").containsExactly(YEAR + "-03/u002-schools");
    Task reply = taskService.createTaskQuery().processDefinitionKey("urge").taskCandidateGroup("u029-filer")
        .singleResult();
    assertThat(reply.getName()).isEqualTo("回复督办（河南理工大学，2037年3月31日发出）");
    assertThat(reply.getDueDate()).as("end of the chosen day, Beijing time")
        .isEqualTo(Date.from(Instant.parse("2037-04-03T15:59:59Z")));
    assertThat(taskService.getVariable(reply.getId(), "replyByText")).isEqualTo("2037 年 4 月 3 日 23:59（北京时间）");
    assertThat(taskService.getVariable(reply.getId(), "urgeMessage"))
        .isEqualTo("【2037 年 3 月进度月报逾期】请于 3 个工作日内补报");
    assertThat(taskService.createTaskQuery().processDefinitionKey("urge").taskCandidateGroup("u030-filer").count())
        .as("filed since: not urged").isZero();
    assertThat(taskService.getTaskComments(driver.task(late, "u029-filer").getId())).extracting(Comment::getFullMessage)
        .anyMatch(text -> text.contains("督办：【2037 年 3 月进度月报逾期】请于 3 个工作日内补报"));
    assertThat(mailsTo("u029-filer@example.org")).extracting(MimeMessage::getSubject)
        .containsExactly("【催办】2037 年 3 月进度月报即将截止", "【督办】河南理工大学");
    assertThat(mailsTo("u030-filer@example.org")).extracting(MimeMessage::getSubject).doesNotContain("【督办】河南工业大学");

    driver.complete("u002-filer", city, Map.of("unitsToUrge", lateSchool, "urgeMessage", "请本周内补报",
        "replyBy", "2037-04-02"));
    Task schoolReply = taskService.createTaskQuery().processDefinitionKey("urge").taskCandidateGroup(lateSchool + "-filer")
        .singleResult();
    assertThat(runtimeService.getVariable(schoolReply.getProcessInstanceId(), "urgerGroup")).isEqualTo("u002-filer");

    at(4, 2, 8, 0);
    assertThat(events(late, Kind.LATE)).isOne();
    assertThat(events(late, Kind.URGED)).isOne();
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("late-reports").count())
        .as("no second escalation").isEqualTo(2);

    // filed late: it goes on to review and stays marked late
    driver.complete("u029-filer", driver.task(late, "u029-filer"), Driver.reportFigures(100, 80, 20, 10));
    driver.signAndUploadScan(late, "u029");
    assertThat(driver.task(late, "province-edu").getName()).isEqualTo("审核 2037年3月 培训取证数据（河南理工大学）");
    assertThat(reports.find(late).orElseThrow().isLate()).isTrue();
  }

  @Test
  @Order(3)
  void provinceEduMovesAMonthsDueDateAndTheWaitingTimersFollow() {
    // the SMTP server is down from here on: reminders must still happen, only their e-mail is lost (and logged)
    smtp.stop();
    openMonth(5);
    String may = YEAR + "-05/u029";
    assertThat(move("u029-filer", "2037-05", "2037-06-03").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> moved = move("province", "2037-05", "2037-06-03");
    assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(moved.getBody()).contains("2037-06-03T16:00:00Z");
    assertThat(calendar.due(ReportPeriod.of(YEAR, 5)).toInstant()).isEqualTo(Instant.parse("2037-06-03T16:00:00Z"));

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

    // both schools of 开封市 are late too and then file: the city's escalation ends by itself, nobody urged
    String cityEscalation = YEAR + "-05/u002-schools";
    assertThat(escalations()).contains(cityEscalation);
    for (String school : List.of(schoolCode("开封市文化艺术职业学校"), schoolCode("开封市第一职业中专"))) {
      String key = YEAR + "-05/" + school;
      assertThat(reports.find(key).orElseThrow().isLate()).isTrue();
      assertThat(escalations()).as("open while " + school + " has not filed").contains(cityEscalation);
      driver.complete(school + "-filer", driver.task(key, school + "-filer"), Driver.reportFigures(300, 200, 0, 40));
      driver.signAndUploadScan(key, school);
    }
    assertThat(escalations()).doesNotContain(cityEscalation).contains(YEAR + "-05/province-edu");
    assertThat(historyService.createHistoricVariableInstanceQuery().variableName("urgedUnits")
        .processInstanceId(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("late-reports")
            .processInstanceBusinessKey(cityEscalation).singleResult().getId()).count()).as("nobody urged").isZero();
  }

  private ResponseEntity<String> move(String user, String month, String day) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange("/api/report-calendar/" + month, HttpMethod.PUT,
        new HttpEntity<>("{\"dueDate\":\"" + day + "\",\"reason\":\"端午节\"}", headers), String.class);
  }

  private void receiveAnnualTask(String unit) {
    driver.complete(unit + "-filer", driver.task(YEAR + "/" + unit, unit + "-filer"),
        Map.of("annualTaskAcknowledged", true));
  }

  private String schoolCode(String name) {
    return units.schoolsOf("u002").stream().filter(school -> school.getName().equals(name)).findFirst().orElseThrow()
        .getCode();
  }

  /** The business keys of the running late-report escalations of the year. */
  private List<String> escalations() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("late-reports")
        .processInstanceBusinessKeyLike(YEAR + "-%").list().stream().map(ProcessInstance::getBusinessKey).toList();
  }

  /** The e-mails the SMTP server received for this address, oldest first. */
  private List<MimeMessage> mailsTo(String address) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
      try {
        return Arrays.stream(mail.getAllRecipients()).anyMatch(to -> to.toString().equals(address));
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private String summary(Task task) {
    return (String) taskService.getVariable(task.getId(), "lateUnitsSummary");
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

  /** As {@link #at}, with the due jobs of all reports run on four threads at once, as the job executor does. */
  private void atConcurrently(int month, int day, int hour, int minute) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(YEAR, month, day, hour, minute)
        .atZone(Driver.BEIJING).toInstant()));
    driver.runJobsOnFourThreads(runtimeService.createProcessInstanceQuery().processDefinitionKey("monthly-report")
        .processInstanceBusinessKeyLike(YEAR + "-%").list().stream().map(ProcessInstance::getId).toList());
  }

  private void openMonth(int month) {
    List<String> unitYears = runtimeService.createProcessInstanceQuery().processDefinitionKey("unit-year")
        .processInstanceBusinessKeyLike(YEAR + "/%").list().stream().map(ProcessInstance::getId).toList();
    driver.moveClockTo(LocalDate.of(YEAR, month, 1), unitYears);
  }
}
