package cn.henan.skills.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.henan.skills.Driver;
import cn.henan.skills.SkillsHenanTest;
import cn.henan.skills.report.MonthlyReportEvent.Kind;
import cn.henan.skills.report.MonthlyReports;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;

/**
 * A failing job retries on the engine's cycle (three attempts, ten minutes apart), then leaves an incident whose message
 * a person can act on; once the cause is fixed, a retry resolves it and the process goes on. The failure is real: a
 * report's record is gone from the database when its reminder timer fires (the reminder cannot note itself on it).
 */
@SkillsHenanTest
class IncidentTest {
  static final int YEAR = 2057;
  static final String REPORT = YEAR + "-03/u029";

  @Autowired Driver driver;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired MonthlyReports reports;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;
  @Autowired ProcessEngineConfigurationImpl configuration;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void anIncidentAppearsAfterTheRetriesAndGoesAwayAfterAFixAndARetry() {
    driver.publishAllocation(YEAR, """
        单位,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）
        河南理工大学,500,450,300,90
        """);
    ProcessInstance unitYear = driver.instance(YEAR + "/u029", "unit-year");
    driver.moveClockTo(LocalDate.of(YEAR, 3, 1), List.of(unitYear.getId()));
    ProcessInstance report = driver.instance(REPORT, "monthly-report");

    // the unit's data made inconsistent: the report's record is lost (kept aside to restore it, as from a backup)
    Map<String, Object> record = jdbc.queryForMap("select * from monthly_report where business_key = ?", REPORT);
    jdbc.update("delete from monthly_report where business_key = ?", REPORT);

    // 3 days before the due date (the 30th): the reminder timer fires and fails, three times, ten minutes apart
    at(LocalDateTime.of(YEAR, 3, 28, 8, 0));
    Job reminder = managementService.createJobQuery().processInstanceId(report.getId()).timers().executable()
        .singleResult();
    int attempts = 0;
    while (true) {
      attempts++;
      assertThatThrownBy(() -> managementService.executeJob(reminder.getId())).hasMessageContaining("月报 "
          + REPORT + " 不存在");
      Job failed = managementService.createJobQuery().jobId(reminder.getId()).singleResult();
      if (failed.getRetries() == 0) {
        break;
      }
      assertThat(runtimeService.createIncidentQuery().processInstanceId(report.getId()).count())
          .as("no incident while retries are left").isZero();
      assertThat(failed.getDuedate()).as("the next attempt in ten minutes")
          .isEqualTo(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(10))));
      assertThat(managementService.createJobQuery().jobId(reminder.getId()).executable().count())
          .as("not before").isZero();
      at(LocalDateTime.ofInstant(failed.getDuedate().toInstant(), Driver.BEIJING));
      assertThat(managementService.createJobQuery().jobId(reminder.getId()).executable().count()).isOne();
    }
    assertThat(attempts).isEqualTo(3);

    Incident incident = runtimeService.createIncidentQuery().processInstanceId(report.getId()).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incident.getIncidentMessage())
        .startsWith("月度进度报告 " + REPORT + "（河南理工大学）：“催办提醒”（由“截止前 N 天”触发）自动重试后仍然失败")
        .contains("原因：月报 " + REPORT + " 不存在。")
        .contains("处理：按原因修正数据或恢复所依赖的服务后，在 Cockpit 中打开此流程实例，在“事件”中对这一事件点“增加失败作业的重试次数”");
    assertThat(http.withBasicAuth("admin", "admin").getForObject("/engine-rest/incident?processInstanceId="
        + report.getId(), String.class)).as("what Cockpit lists").contains("（河南理工大学）：“催办提醒”");
    assertThat(reports.find(REPORT)).as("nothing of the failed attempts was written").isEmpty();

    // the fix: the record restored; then the retry Cockpit offers (it sets the job's retries)
    new SimpleJdbcInsert(jdbc).withTableName("monthly_report").execute(record);
    managementService.setJobRetries(reminder.getId(), 1);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(report.getId()).count()).isZero();
    HistoricIncident resolved = historyService.createHistoricIncidentQuery().incidentId(incident.getId())
        .singleResult();
    assertThat(resolved.isResolved()).isTrue();
    managementService.executeJob(reminder.getId());

    assertThat(reports.history(REPORT)).as("the reminder did its work").anyMatch(e -> e.getKind() == Kind.REMINDED);
    assertThat(taskService.createTaskQuery().processInstanceId(report.getId()).singleResult().getFollowUpDate())
        .as("the filer's task carries the due date").isNotNull();
    assertThat(managementService.createJobQuery().jobId(reminder.getId()).count()).as("the timer is done").isZero();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(report.getId()).count()).isZero();
  }

  @Test
  void historyCleanupRunsInTheNightInBeijing() {
    List<Job> cleanup = historyService.findHistoryCleanupJobs();
    assertThat(cleanup).as("scheduled at start-up").isNotEmpty();
    for (Job job : cleanup) {
      LocalTime due = LocalDateTime.ofInstant(job.getDuedate().toInstant(), Driver.BEIJING).toLocalTime();
      assertThat(due).isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));
    }
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00+0800");
  }

  private static void at(LocalDateTime beijing) {
    ClockUtil.setCurrentTime(Date.from(beijing.atZone(Driver.BEIJING).toInstant()));
  }
}
