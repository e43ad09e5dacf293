package cn.henan.skills;

import cn.henan.skills.pdf.Scans;
import cn.henan.skills.report.ReportDocument;
import cn.henan.skills.report.ReportDocuments;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Drives the processes as their users would in Tasklist: signed in as a user with their groups, finding tasks by the
 * instance's business key and the group that may do them (never by activity id), running jobs and timers by hand.
 */
@Component
public class Driver {
  public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final ManagementService managementService;
  private final ReportDocuments reportDocuments;

  Driver(RuntimeService runtimeService, TaskService taskService, IdentityService identityService,
      ManagementService managementService, ReportDocuments reportDocuments) {
    this.reportDocuments = reportDocuments;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.identityService = identityService;
    this.managementService = managementService;
  }

  /** Runs the action signed in as {@code user} with the groups the identity service gives that user. */
  public <T> T as(String user, Supplier<T> action) {
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
        .map(g -> g.getId()).toList();
    identityService.setAuthentication(user, groups);
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  public void complete(String user, Task task, Map<String, Object> variables) {
    as(user, () -> {
      taskService.claim(task.getId(), user);
      taskService.complete(task.getId(), variables);
      return null;
    });
  }

  /** The one open task of the instance with this business key that {@code group} may do, or null. */
  public Task task(String businessKey, String group) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskCandidateGroup(group).includeAssignedTasks().list();
    if (tasks.size() > 1) {
      throw new IllegalStateException(group + " has " + tasks.size() + " tasks in " + businessKey + ": " + tasks);
    }
    return tasks.isEmpty() ? null : tasks.get(0);
  }

  public ProcessInstance instance(String businessKey, String processKey) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .processDefinitionKey(processKey).singleResult();
  }

  /**
   * The unit's leader signs; the filer prints the generated PDF, stamps it over the 填报单位（公章） line, scans it
   * ({@link Scans#scan}) and uploads the scan.
   */
  public void signAndUploadScan(String reportKey, String unit) {
    sign(reportKey, unit);
    byte[] printed = reportDocuments.latest(reportKey, ReportDocument.Kind.REPORT_PDF).orElseThrow().getContent();
    complete(unit + "-filer", task(reportKey, unit + "-filer"), Map.of("stampedScan",
        Variables.fileValue("scan.pdf").file(Scans.scan(printed)).mimeType("application/pdf").create()));
  }

  /** The unit's leader signs; the report's PDF is rendered after the signature commits (the job is run here). */
  public void sign(String reportKey, String unit) {
    complete(unit + "-leader", task(reportKey, unit + "-leader"), Map.of("signDecision", "approve"));
    runAsyncSteps(instance(reportKey, "monthly-report").getId());
  }

  /** Runs the instance's asynchronous continuations (not its timers, whatever the clock), as the job executor would. */
  public void runAsyncSteps(String processInstanceId) {
    List<Job> jobs;
    while (!(jobs = managementService.createJobQuery().processInstanceId(processInstanceId).messages().executable()
        .list()).isEmpty()) {
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  /** A filled Attachment 2 as the fill form submits it: institutions not filed in this system, the month, filer, phone. */
  public static Map<String, Object> reportFigures(int training, int certification, int advanced, int onePlusX) {
    Map<String, Object> form = new HashMap<>();
    form.put("institutionsCollegeLevel", 2L);
    form.put("institutionsAppraisal", 1L);
    form.put("institutionsSocial", 0L);
    form.put("institutionsSpecial", 0L);
    form.put("trainingMonth", (long) training);
    form.put("certificationMonth", (long) certification);
    form.put("advancedMonth", (long) advanced);
    form.put("onePlusXMonth", (long) onePlusX);
    form.put("filerName", "张敏");
    form.put("filerPhone", "0371-69691788");
    return form;
  }

  /** Imports, approves and publishes an allocation table for a year, as province-edu and province-leader. */
  public void publishAllocation(int year, String csv) {
    ProcessInstance distribution = as("province", () -> runtimeService.startProcessInstanceByKey(
        "quota-distribution", Variables.putValue("year", year).putValue("allocationSource", "upload")
            .putValueTyped("allocationFile", Variables.fileValue(year + ".csv")
                .file(csv.getBytes(StandardCharsets.UTF_8)).create())));
    // a table with errors is refused at the start itself
    Task approval = task(String.valueOf(year), "province-leader");
    complete("leader", approval, Map.of("approvalDecision", "approve"));
    runJobs(distribution.getId());
  }

  /**
   * The city bureau's filer uploads its schools' quotas (CSV with the Attachment-1 headers), its leader approves, and
   * the schools' unit-years start. A refused table fails the upload's completion with the check's errors.
   */
  public void subdivide(int year, String city, String schoolsCsv) {
    String key = year + "/" + city;
    complete(city + "-filer", task(key, city + "-filer"), Map.of("schoolQuotaFile",
        Variables.fileValue("schools.csv").file(schoolsCsv.getBytes(StandardCharsets.UTF_8)).create()));
    ProcessInstance subdivision = instance(key, "city-subdivision");
    Task approve = task(key, city + "-leader");
    complete(city + "-leader", approve, Map.of("subdivisionDecision", "approve"));
    runJobs(subdivision.getId());
  }

  /** Executes the instance's due jobs (asynchronous continuations) until none is left. */
  public void runJobs(String processInstanceId) {
    List<Job> jobs;
    while (!(jobs = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list())
        .isEmpty()) {
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  /** Runs each instance's due jobs, four instances at a time, as the job executor's threads would. */
  public void runJobsOnFourThreads(List<String> processInstanceIds) {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      for (Future<?> run : processInstanceIds.stream()
          .<Future<?>>map(id -> threads.submit(() -> runJobs(id))).toList()) {
        run.get();
      }
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException(e);
    } finally {
      threads.shutdown();
    }
  }

  /** Sets the engine clock to 08:00 Beijing time of {@code day} and fires the due timers of these instances. */
  public void moveClockTo(LocalDate day, List<String> processInstanceIds) {
    moveClockTo(day.atTime(8, 0), processInstanceIds);
  }

  /** Sets the engine clock to this Beijing time and fires the due timers of these instances. */
  public void moveClockTo(LocalDateTime time, List<String> processInstanceIds) {
    ClockUtil.setCurrentTime(Date.from(time.atZone(BEIJING).toInstant()));
    for (String id : processInstanceIds) {
      runJobs(id);
    }
  }

  /**
   * Sets the engine clock to this Beijing time and runs the due timer start events of a process (a schedule such as
   * circulation-schedule: its timer belongs to no instance), as the job executor would; how many ran.
   */
  public int runDueStartTimersAt(LocalDateTime time, String processDefinitionKey) {
    ClockUtil.setCurrentTime(Date.from(time.atZone(BEIJING).toInstant()));
    int ran = 0;
    List<Job> jobs;
    while (!(jobs = managementService.createJobQuery().processDefinitionKey(processDefinitionKey).timers()
        .executable().list()).isEmpty()) {
      for (Job job : jobs) {
        managementService.executeJob(job.getId());
        ran++;
      }
    }
    return ran;
  }
}
