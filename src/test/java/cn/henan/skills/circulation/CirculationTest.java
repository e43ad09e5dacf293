package cn.henan.skills.circulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.henan.skills.Driver;
import cn.henan.skills.SkillsHenanTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A circulation of 2039-05 started by province-edu: evaluation → draft → return → approve → publish → acknowledge. */
@SkillsHenanTest
class CirculationTest {
  static final int YEAR = 2039;
  static final int SCHEDULED_YEAR = 2041;

  @Autowired Driver driver;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired Circulations circulations;
  @Autowired CirculationSchedule schedule;
  @Autowired TestRestTemplate http;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void theSlowUnitIsNamedAcknowledgesWithMeasuresAndIsRemindedAndChasedMeanwhile() {
    driver.publishAllocation(YEAR, """
        单位,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）
        河南理工大学,500,450,300,90
        河南工业大学,500,450,300,90
        """);
    for (String unit : List.of("u029", "u030")) {
      driver.complete(unit + "-filer", driver.task(YEAR + "/" + unit, unit + "-filer"),
          Map.of("annualTaskAcknowledged", true));
    }
    List<String> years = runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(YEAR + "/%")
        .list().stream().map(ProcessInstance::getId).toList();
    driver.moveClockTo(LocalDate.of(YEAR, 3, 10), years);
    String march = YEAR + "-03/u030";
    driver.complete("u030-filer", driver.task(march, "u030-filer"), Driver.reportFigures(300, 300, 200, 60));
    driver.signAndUploadScan(march, "u030");
    driver.complete("province", driver.task(march, "province-edu"), Map.of("skillsReviewDecision", "accept"));
    driver.complete("onex", driver.task(march, "province-1x"), Map.of("onePlusXReviewDecision", "accept"));

    ClockUtil.setCurrentTime(at(6, 6, 9));
    ProcessInstance circulation = driver.as("province", () -> runtimeService.startProcessInstanceByKey(
        "circulation", Variables.putValue("circulationMonth", YEAR + "-05")));
    assertThat(circulation.getBusinessKey()).isEqualTo("2039-05");
    assertThatThrownBy(() -> driver.as("province", () -> runtimeService.startProcessInstanceByKey("circulation",
        Variables.putValue("circulationMonth", YEAR + "-05")))).hasMessageContaining("已经发起或发布");

    Task draft = driver.task("2039-05", "province-edu");
    String suggested = (String) taskService.getVariable(draft.getId(), "namedUnitCodes");
    assertThat(schedule.unitsOf(suggested)).as("0 % of 500 against 30 % time progress").contains("u029")
        .doesNotContain("u030");
    assertThat((String) taskService.getVariable(draft.getId(), "evaluationSummary")).contains("进度缓慢")
        .contains("河南理工大学");
    assertThatThrownBy(() -> driver.complete("province", draft, Map.of("namedUnitCodes", "u029,u999")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("u999");

    driver.complete("province", driver.task("2039-05", "province-edu"), Map.of("namedUnitCodes", "u029"));
    // the approver reads the named units by name, with their codes
    assertThat(taskService.getVariable(driver.task("2039-05", "province-leader").getId(), "namedUnitNames"))
        .isEqualTo("河南理工大学（u029）");
    driver.complete("leader", driver.task("2039-05", "province-leader"),
        Map.of("circulationDecision", "return", "circulationReturnReason", "正文请写明整改时限"));
    driver.complete("province", driver.task("2039-05", "province-edu"), Map.of("circulationBody",
        "截至 5 月，下列单位进度缓慢。请于 6 月底前整改到位。"));
    driver.complete("leader", driver.task("2039-05", "province-leader"), Map.of("circulationDecision", "approve"));

    Task acknowledge = driver.task("2039-05", "u029-leader");
    assertThat(acknowledge.getName()).isEqualTo("确认 2039年5月 通报并填写整改措施（河南理工大学）");
    assertThat(driver.task("2039-05", "u030-leader")).isNull();
    ResponseEntity<byte[]> notice = http.withBasicAuth("u030-filer", "demo")
        .getForEntity("/api/circulations/2039-05/notice.pdf", byte[].class);
    assertThat(notice.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.withBasicAuth("province", "demo").getForEntity("/api/circulations/2039-05", String.class)
        .getBody()).contains("\"code\":\"u029\"").contains("\"acknowledged\":false");

    ClockUtil.setCurrentTime(at(6, 9, 10));
    driver.runJobs(circulation.getId());
    assertThat(taskService.getTaskComments(acknowledge.getId())).extracting(Comment::getFullMessage)
        .anyMatch(text -> text.contains("请尽快确认通报"));
    assertThat(driver.task("2039-05", "province-edu")).as("not chased yet").isNull();
    ClockUtil.setCurrentTime(at(6, 13, 10));
    driver.runJobs(circulation.getId());
    assertThat(driver.task("2039-05", "province-edu").getName()).isEqualTo("催促单位确认 2039年5月 通报（河南理工大学）");

    driver.complete("u029-leader", acknowledge, Map.of("rectificationMeasures", "增开两期考核，6 月底前补齐",
        "circulationRead", true));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(circulation.getId()).count())
        .as("acknowledged: the chase ends with it, and so does the circulation").isZero();
    assertThat(http.withBasicAuth("u030-filer", "demo").getForEntity("/api/circulations/2039-05", String.class)
        .getBody()).contains("\"acknowledged\":true").contains("增开两期考核");
  }

  @Test
  void theScheduleRunsEveryMonthYearAfterYearAndCirculatesEachMonthThatWasReportedOn() {
    // 2041: one unit, whose March report opens; no later month of it is opened here
    driver.publishAllocation(SCHEDULED_YEAR, """
        单位,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）
        河南科技学院,2000,1660,1400,280
        """);
    driver.complete("u031-filer", driver.task(SCHEDULED_YEAR + "/u031", "u031-filer"),
        Map.of("annualTaskAcknowledged", true));
    driver.moveClockTo(LocalDate.of(SCHEDULED_YEAR, 3, 2),
        List.of(driver.instance(SCHEDULED_YEAR + "/u031", "unit-year").getId()));
    // a process administrator deploys the model (again) in March: its timer waits for the 5th of April
    ClockUtil.setCurrentTime(beijing(LocalDateTime.of(SCHEDULED_YEAR, 3, 20, 9, 0)));
    repositoryService.createDeployment().name("circulation-schedule")
        .addClasspathResource("bpmn/circulation-schedule.bpmn").deploy();

    LocalDateTime expected = LocalDateTime.of(SCHEDULED_YEAR, 4, 5, 9, 0);
    for (int run = 0; run < 13; run++, expected = expected.plusMonths(1)) {
      Job timer = managementService.createJobQuery().processDefinitionKey("circulation-schedule").timers()
          .singleResult();
      assertThat(LocalDateTime.ofInstant(timer.getDuedate().toInstant(), Driver.BEIJING)).isEqualTo(expected);
      ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
      managementService.executeJob(timer.getId());
    }
    assertThat(managementService.createJobQuery().processDefinitionKey("circulation-schedule").timers().singleResult()
        .getDuedate()).as("still monthly in the next year: no yearly redeployment")
        .isEqualTo(beijing(LocalDateTime.of(SCHEDULED_YEAR + 1, 5, 5, 9, 0)));
    List<ProcessInstance> started = runtimeService.createProcessInstanceQuery().processDefinitionKey("circulation")
        .list().stream().filter(circulation -> circulation.getBusinessKey().startsWith(SCHEDULED_YEAR + "-")
            || circulation.getBusinessKey().startsWith((SCHEDULED_YEAR + 1) + "-")).toList();
    assertThat(started).extracting(ProcessInstance::getBusinessKey)
        .as("only March was reported on: no circulation for April–December, January, February")
        .containsExactly(SCHEDULED_YEAR + "-03");
    assertThat(driver.task(SCHEDULED_YEAR + "-03", "province-edu").getName()).isEqualTo("拟定 2041年3月 进度通报");
    runtimeService.deleteProcessInstance(started.get(0).getId(), "test cleanup");
  }

  private static Date beijing(LocalDateTime time) {
    return Date.from(time.atZone(Driver.BEIJING).toInstant());
  }

  private static Date at(int month, int day, int hour) {
    return Date.from(LocalDateTime.of(YEAR, month, day, hour, 0).atZone(Driver.BEIJING).toInstant());
  }
}
