package cn.henan.skills.report;

import cn.henan.skills.identity.People;
import cn.henan.skills.platform.FormText;
import cn.henan.skills.platform.Refusal;
import cn.henan.skills.quota.QuotaDistribution;
import cn.henan.skills.report.MonthlyReportEvent.Kind;
import cn.henan.skills.unit.Unit;
import cn.henan.skills.unit.UnitCodes;
import cn.henan.skills.unit.UnitKeys;
import cn.henan.skills.unit.UnitRegistry;
import cn.henan.skills.urge.Urges;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The supervisor's one escalation per month: process {@code late-reports}, business key {@code 2022-03/province-edu}
 * (the province for the units it supervises) or {@code 2022-03/u001-schools} (a city bureau for its schools). The first report
 * of the month found late opens it; later ones join its list, which is read afresh from the reports then, when a late
 * unit files, and when the task is claimed; once every listed unit has filed, the model ends it. The supervisor urges the listed units in one action: each gets a 督办 ({@code urge}).
 */
@Component("lateReports")
public class LateReports {
  static final String PROCESS = "late-reports";
  static final String PROVINCE = "province-edu";

  private final MonthlyReportRepository reportRepository;
  private final MonthlyReports reports;
  private final ReportDocuments documents;
  private final UnitRegistry units;
  private final Urges urges;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final People people;
  private final QuotaDistribution quotas;
  private final JdbcTemplate jdbc;

  LateReports(MonthlyReportRepository reportRepository, MonthlyReports reports, ReportDocuments documents,
      UnitRegistry units, Urges urges, RuntimeService runtimeService, TaskService taskService, People people,
      QuotaDistribution quotas, JdbcTemplate jdbc) {
    this.reportRepository = reportRepository;
    this.reports = reports;
    this.documents = documents;
    this.units = units;
    this.urges = urges;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.people = people;
    this.quotas = quotas;
    this.jdbc = jdbc;
  }

  /** From a late monthly report: opens its supervisor's escalation for the month unless one is open already. */
  public void escalate(DelegateExecution report) {
    ReportPeriod period = ReportVariables.period(report);
    String supervisorCode = supervisorOf(report);
    // Deadline timers of a month fire together on several job threads: one lock per escalation, held to the end of
    // the transaction, lets exactly one of them open it; the others (and the urge step) see it once committed.
    String key = lockEscalation(period, supervisorCode);
    ProcessInstance open = openEscalation(key);
    Map<String, Object> listing = listing(lateUnits(period, supervisorCode));
    if (open != null) {
      runtimeService.setVariables(open.getId(), listing);
      return;
    }
    runtimeService.startProcessInstanceByKey(PROCESS, key, Variables.fromMap(listing)
        .putValue("year", period.year()).putValue("reportMonth", period.month())
        .putValue("supervisorCode", supervisorCode)
        .putValue("unitName", supervisorCode == null ? "省教育厅" : units.name(supervisorCode, period.year())));
  }

  /** A report has just been filed (its stamped scan accepted): if it was late, its open escalation shows so. */
  void reportFiled(DelegateExecution report) {
    if (!reports.find(report.getProcessBusinessKey()).map(MonthlyReport::isLate).orElse(false)) {
      return;
    }
    ReportPeriod period = ReportVariables.period(report);
    String supervisorCode = supervisorOf(report);
    ProcessInstance open = openEscalation(lockEscalation(period, supervisorCode));
    if (open != null) {
      runtimeService.setVariables(open.getId(), listing(lateUnits(period, supervisorCode)));
    }
  }

  /** Task listener (assignment): the late units as they stand now, and which of them are still to urge. */
  public void list(DelegateTask task) {
    task.setVariables(listing(lateUnits(task.getExecution())));
  }

  private static Map<String, Object> listing(List<LateUnit> late) {
    StringBuilder summary = new StringBuilder();
    for (LateUnit unit : late) {
      summary.append('\n').append(unit.unit().getCode()).append(' ').append(unit.unit().getName()).append(" — ")
          .append(unit.state());
    }
    List<String> unfiled = late.stream().filter(unit -> !unit.filed()).map(unit -> unit.unit().getCode()).toList();
    return Map.of("lateUnitsSummary", late.isEmpty() ? "（无逾期单位）" : FormText.fit("逾期 " + late.size()
            + " 个单位，其中仍未报送 " + unfiled.size() + " 个：" + summary, "完整名单见进度看板 /dashboard.html"),
        "lateUnitCount", late.size(),
        "unfiledLateUnitCount", unfiled.size(),
        "unitsToUrge", String.join(", ", unfiled));
  }

  /**
   * Complete listener of the supervisor's task: every code chosen must be on the list, otherwise the completion is
   * refused with each code's name and why, and the task stays open as the supervisor filled it.
   */
  public void checkChosen(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    lock(execution.getProcessBusinessKey());
    Map<String, LateUnit> late = lateByCode(execution);
    List<String> chosen = UnitCodes.parse(ReportVariables.text(execution, "unitsToUrge"));
    ReportPeriod period = ReportVariables.period(execution);
    Map<String, Unit> supervised = supervisedBy(period.year(), escalationSupervisor(execution));
    List<String> notLate = chosen.stream().filter(code -> !late.containsKey(code))
        .map(code -> units.find(code, period.year()).map(unit -> code + " " + unit.getName() + "（"
            + (!supervised.containsKey(code) ? "不由您督办"
                : reports.find(period.key() + "/" + code).isPresent() ? "本月未逾期" : "本月没有月报") + "）")
            .orElse(code + "（没有这个单位代码）"))
        .toList();
    if (!notLate.isEmpty()) {
      throw new Refusal("以下单位不在本次逾期名单中，不能在此督办：" + String.join("；", notLate)
          + "。请只填写名单中的单位代码（逗号分隔）。");
    }
  }

  /** The supervisor's action, once {@link #checkChosen} let it through: a 督办 for each chosen unit still unfiled. */
  public void urge(DelegateExecution execution) {
    lock(execution.getProcessBusinessKey());
    Map<String, LateUnit> late = lateByCode(execution);
    List<String> chosen = UnitCodes.parse(ReportVariables.text(execution, "unitsToUrge"));
    ReportPeriod period = ReportVariables.period(execution);
    String given = ReportVariables.text(execution, "urgeMessage");
    String message = "【" + period.chinese() + "进度月报逾期】"
        + (given == null ? "请立即报送。" : given);
    String text = "督办：" + message;
    List<String> urged = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (String code : chosen) {
      LateUnit unit = late.get(code);
      if (unit == null || unit.filed()) {
        skipped.add(code); // filed since the list was shown: nothing to urge
        continue;
      }
      urges.start(code, message, execution.getVariable("replyBy"));
      commentOnReport(unit.reportKey(), code, text);
      reports.note(unit.reportKey(), Kind.URGED, text, people.currentUserId().orElse(null));
      urged.add(code);
    }
    execution.setVariable("urgedUnits", String.join(", ", urged));
    execution.setVariable("skippedUnits", String.join(", ", skipped));
  }

  private record LateUnit(Unit unit, String reportKey, boolean filed, String state) {
  }

  private Map<String, LateUnit> lateByCode(DelegateExecution escalation) {
    return lateUnits(escalation).stream().collect(Collectors.toMap(unit -> unit.unit().getCode(), Function.identity()));
  }

  private List<LateUnit> lateUnits(DelegateExecution escalation) {
    return lateUnits(ReportVariables.period(escalation), escalationSupervisor(escalation));
  }

  /** The city bureau supervising a report's unit (a school's parent), or null for the province: from the registry. */
  private String supervisorOf(DelegateExecution report) {
    return units.get(ReportVariables.unitCode(report)).getParentCode();
  }

  /** The city bureau an escalation's key names ({@code 2022-03/u001-schools}), or null for the province's. */
  private static String escalationSupervisor(DelegateExecution escalation) {
    return UnitKeys.supervisorOf(escalation.getProcessBusinessKey()).orElse(null);
  }

  private List<LateUnit> lateUnits(ReportPeriod period, String supervisorCode) {
    Map<String, Unit> supervised = supervisedBy(period.year(), supervisorCode);
    Map<Long, Integer> scans = documents.latestVersions(period, ReportDocument.Kind.STAMPED_SCAN);
    // reports open whether or not a unit received its annual task; one that has not is named so on the list
    Set<String> notReceived = quotas.notReceived(period.year());
    List<LateUnit> late = new ArrayList<>();
    for (MonthlyReport report : reportRepository.findByYearAndMonth(period.year(), period.month())) {
      Unit unit = supervised.get(report.getUnitCode());
      if (unit != null && report.isLate()) {
        boolean filed = ReportDeadlines.isFiled(report, scans.get(report.getId()));
        late.add(new LateUnit(unit, report.getBusinessKey(), filed, state(report, filed)
            + (notReceived.contains(unit.getCode()) ? "（尚未接收年度任务）" : "")));
      }
    }
    late.sort((a, b) -> Integer.compare(a.unit().getSeq(), b.unit().getSeq()));
    return late;
  }

  /**
   * The units a supervisor urges in a year, under their names of that year: the province those it deals with
   * directly, a city bureau its schools.
   */
  private Map<String, Unit> supervisedBy(int year, String supervisorCode) {
    return (supervisorCode == null ? units.provincialUnits(year) : units.schoolsOf(supervisorCode)).stream()
        .collect(Collectors.toMap(Unit::getCode, Function.identity()));
  }

  private static String state(MonthlyReport report, boolean filed) {
    if (report.getStatus() == MonthlyReport.Status.ACCEPTED) {
      return "已补报，审核通过";
    }
    if (filed) {
      return "已补报，待审核";
    }
    return switch (report.getStatus()) {
      case OPEN -> "未填报";
      case SUBMITTED -> "已填报，待组长签字";
      default -> "已签字，待上传盖章扫描件";
    };
  }

  private void commentOnReport(String reportKey, String unitCode, String text) {
    for (Task task : taskService.createTaskQuery().processDefinitionKey("monthly-report")
        .processInstanceBusinessKey(reportKey).taskCandidateGroup(unitCode + "-filer").includeAssignedTasks().list()) {
      taskService.createComment(task.getId(), task.getProcessInstanceId(), text);
    }
  }

  /** Takes the escalation's lock until the end of the transaction; returns its business key. */
  private String lockEscalation(ReportPeriod period, String supervisorCode) {
    String key = period.key() + "/" + (supervisorCode == null ? PROVINCE : supervisorCode + "-schools");
    lock(key);
    return key;
  }

  private ProcessInstance openEscalation(String key) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).processInstanceBusinessKey(key)
        .singleResult();
  }

  private void lock(String escalationKey) {
    jdbc.query("select pg_advisory_xact_lock(hashtext(?))", row -> { }, "late-reports:" + escalationKey);
  }
}
