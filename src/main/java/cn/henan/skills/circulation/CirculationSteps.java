package cn.henan.skills.circulation;

import cn.henan.skills.identity.People;
import cn.henan.skills.identity.Viewer;
import cn.henan.skills.platform.EngineClock;
import cn.henan.skills.platform.FormText;
import cn.henan.skills.platform.Refusal;
import cn.henan.skills.report.MonthlyReports;
import cn.henan.skills.report.ReportPeriod;
import cn.henan.skills.unit.UnitKeys;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code circulation} as its model names them ({@code ${circulationSteps.start(execution)}} …); the
 * rules sit in {@link Circulations} and {@link CirculationSchedule}.
 */
@Component("circulationSteps")
public class CirculationSteps {
  static final String PROCESS_KEY = "circulation";

  private final Circulations circulations;
  private final CirculationSchedule schedule;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final People people;
  private final MonthlyReports monthlyReports;

  CirculationSteps(Circulations circulations, CirculationSchedule schedule, RuntimeService runtimeService,
      TaskService taskService, People people, MonthlyReports monthlyReports) {
    this.circulations = circulations;
    this.schedule = schedule;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.people = people;
    this.monthlyReports = monthlyReports;
  }

  /** Start listener: the month (given, or else the month before now), the business key, and no second one. */
  public void start(DelegateExecution execution) {
    Object given = execution.getVariable("circulationMonth");
    ReportPeriod period;
    try {
      period = given == null || given.toString().isBlank()
          ? previousMonth() : ReportPeriod.parse(given.toString().trim());
    } catch (IllegalArgumentException e) {
      throw new Refusal(e.getMessage());
    }
    if (circulations.published(period.key()).isPresent() || runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(period.key()).count() > 0) {
      throw new Refusal(period.chinese() + "的通报已经发起或发布。");
    }
    execution.setProcessBusinessKey(period.key());
    execution.setVariable("circulationMonth", period.key());
  }

  /**
   * The scheduler's step: the previous month's circulation, if units reported on that month and it is not already
   * under way or published.
   */
  public void startForPreviousMonth() {
    ReportPeriod period = previousMonth();
    if (monthlyReports.anyIn(period) && circulations.published(period.key()).isEmpty()
        && runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(period.key()).count() == 0) {
      runtimeService.startProcessInstanceByKey(PROCESS_KEY,
          Variables.putValue("circulationMonth", period.key()));
    }
  }

  private static ReportPeriod previousMonth() {
    LocalDate month = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), EngineClock.BEIJING).minusMonths(1);
    return ReportPeriod.of(month.getYear(), month.getMonthValue());
  }

  /** Service task: the evaluation and a first draft for province-edu. */
  public void draft(DelegateExecution execution) {
    Circulations.Draft draft = circulations.draft(period(execution));
    execution.setVariable("evaluationSummary", FormText.fit(draft.summary(), "完整名单见进度看板 /dashboard.html"));
    execution.setVariable("namedUnitCodes", String.join(",", draft.suggestedUnits()));
    execution.setVariable("circulationTitle", draft.title());
    execution.setVariable("circulationBody", draft.body());
  }

  /**
   * Complete listener of the draft: every named code must be a unit; the approver then reads the units by name
   * ({@code namedUnitNames}, with their codes).
   */
  public void checkDraft(DelegateTask task) {
    List<String> codes = schedule.unitsOf((String) task.getExecution().getVariable("namedUnitCodes"));
    int year = UnitKeys.yearOf(task.getExecution().getProcessBusinessKey());
    List<String> unknown = circulations.unknownUnits(year, codes);
    if (!unknown.isEmpty()) {
      throw new Refusal("被通报单位代码不存在：" + String.join("、", unknown) + "（应为 u001、u001-s01 这样的代码）。");
    }
    task.getExecution().setVariable("namedUnitNames", FormText.fit(circulations.describeUnits(year, codes), "完整名单见通报草稿"));
  }

  /** Service task: the notice PDF, visible to every unit. */
  public void publish(DelegateExecution execution) {
    circulations.publish(period(execution), (String) execution.getVariable("circulationTitle"),
        (String) execution.getVariable("circulationBody"),
        schedule.unitsOf((String) execution.getVariable("namedUnitCodes")));
    execution.setVariable("noticeUrl", "/api/circulations/" + period(execution).key() + "/notice.pdf");
  }

  /**
   * The units that acknowledge ({@code ${circulationSteps.namedUnits(execution)}}, the collection of the
   * multi-instance acknowledgement): the named units of the notice as approved and published, read from the database
   * ({@link Circulations#publish}), not the draft's {@code namedUnitCodes} variable. The engine writes each element
   * into the instance's {@code namedUnit} before the task exists, so the task's candidate group
   * {@code ${namedUnit}-leader} is derived from data the server wrote.
   */
  public List<String> namedUnits(DelegateExecution execution) {
    return circulations.namedUnits(period(execution).key());
  }

  /**
   * Complete listener of a named unit's acknowledgement. The unit is recorded only if it is one the published notice
   * names and, for a user, one whose leader group the user belongs to: a {@code namedUnit} changed at completion
   * cannot acknowledge for another unit.
   */
  public void acknowledged(DelegateTask task) {
    String measures = (String) task.getVariable("rectificationMeasures");
    if (measures == null || measures.isBlank()) {
      throw new Refusal("请填写整改措施。");
    }
    String month = period(task.getExecution()).key();
    String unit = (String) task.getVariable("namedUnit");
    Viewer viewer = people.currentViewer().orElse(null);
    if (!circulations.namedUnits(month).contains(unit)
        || viewer != null && !viewer.groups().contains(unit + "-leader") && !viewer.seesAllUnits()) {
      throw new Refusal("只能确认本单位被通报的通报。");
    }
    circulations.acknowledge(month, unit, measures.trim(), viewer == null ? null : viewer.userId());
  }

  /** Reminder on an unacknowledged notice: a comment on the open task. */
  public void remind(DelegateExecution execution) {
    taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskCandidateGroup(execution.getVariable("namedUnit") + "-leader").list()
        .forEach(task -> taskService.createComment(task.getId(), execution.getProcessInstanceId(),
            "催办：请尽快确认通报并填写整改措施。"));
  }

  /** The month is the business key the start listener set ({@code 2022-05}), not the variable. */
  private static ReportPeriod period(DelegateExecution execution) {
    return ReportPeriod.parse(execution.getProcessBusinessKey());
  }
}
