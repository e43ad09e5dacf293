package cn.henan.skills.review;

import cn.henan.skills.deployment.ModelContract;
import cn.henan.skills.identity.Viewer;
import cn.henan.skills.platform.Digests;
import cn.henan.skills.platform.Refusal;
import cn.henan.skills.report.ReportReview;
import cn.henan.skills.report.ReportReview.UnderReview;
import cn.henan.skills.report.ReportSheet;
import cn.henan.skills.report.ReviewLane;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Batch review (批量审核): the monthly-report reviews waiting for a reviewer in one list, with the figures, rates and
 * flags of each report ({@link ReportReview}), and the acceptance of many at once. Each acceptance is what the
 * reviewer would do in Tasklist — as that user (the engine's authorizations and the trust boundary apply), claim
 * if unclaimed, submit the review form with the decision 通过 — in a transaction of its own, so one refusal leaves the
 * others done. A report whose task, version, figures or flags differ from what the page showed (its token) is
 * skipped and named with the reason. Returning stays one by one in Tasklist: it needs a reason per report.
 */
@Service
public class BatchReview {
  /** The most reviews one request may accept: a month of every unit and school (321) fits. */
  public static final int MOST_AT_ONCE = 500;
  private static final Logger LOG = LoggerFactory.getLogger(BatchReview.class);

  /** One indicator of the report as the table shows it (null annual task and rate: ——). */
  public record Figure(String indicator, String name, Integer annualTask, long month, long cumulative,
      BigDecimal rate) {
  }

  public record Flag(String code, String label, String text) {
  }

  /** A review waiting for the reviewer; {@code token} stands for everything shown in the row. */
  public record Waiting(String taskId, String taskName, String lane, String laneName, String businessKey,
      String unitCode, String unitName, int year, int month, int version, List<Figure> figures, List<Flag> flags,
      boolean claimedByMe, String reportPdfUrl, String scanUrl, String token) {
  }

  /** One selected row: the task and the token of what the page showed. */
  public record Item(String taskId, String token) {
  }

  public record Accepted(String taskId, String businessKey, String unitName, String laneName) {
  }

  /** A review not accepted, named ({@code businessKey} and {@code unitName} when the reviewer may know them). */
  public record Skipped(String taskId, String businessKey, String unitName, String reason) {
  }

  public record Outcome(List<Accepted> accepted, List<Skipped> skipped) {
  }

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final FormService formService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final ReportReview reportReview;
  private final ReviewForms forms;
  private final TransactionTemplate ownTransaction;

  BatchReview(TaskService taskService, RuntimeService runtimeService, FormService formService, HistoryService historyService,
      IdentityService identityService, ReportReview reportReview, ReviewForms forms,
      PlatformTransactionManager transactions) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.formService = formService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.reportReview = reportReview;
    this.forms = forms;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * The reviews waiting for the viewer — a candidate through their groups, or the assignee — oldest first, in one
   * month ({@code 2022-03}), one year ({@code 2022}) or all ({@code null}).
   */
  public List<Waiting> waiting(Viewer viewer, String yearOrMonth) {
    return as(viewer, () -> {
      TaskQuery query = reviewable(viewer, taskService.createTaskQuery());
      if (yearOrMonth != null) {
        query.processInstanceBusinessKeyLike(yearOrMonth + (yearOrMonth.contains("-") ? "/%" : "-%"));
      }
      List<Task> tasks = query.orderByTaskCreateTime().asc().list();
      Map<String, String> keyByInstance = new HashMap<>();
      if (!tasks.isEmpty()) {
        runtimeService.createProcessInstanceQuery()
            .processInstanceIds(tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()))
            .list().forEach(i -> keyByInstance.put(i.getId(), i.getBusinessKey()));
      }
      Map<String, Optional<ReviewLane>> laneByTaskDefinition = new HashMap<>();
      List<Waiting> waiting = new ArrayList<>();
      for (Task task : tasks) {
        Optional<ReviewLane> lane = laneOf(task, laneByTaskDefinition);
        String key = keyByInstance.get(task.getProcessInstanceId());
        Optional<UnderReview> report = lane.isEmpty() || key == null ? Optional.empty() : reportReview.of(key);
        if (report.isPresent()) {
          waiting.add(row(task, lane.get(), report.get(), viewer));
        }
      }
      return waiting;
    });
  }

  /**
   * Accepts the selected reviews, each in its own transaction, as the viewer; answers which were accepted and which
   * were skipped, and why. A list that is empty, too long or names a task twice is refused as a whole (nothing done).
   */
  public Outcome accept(Viewer viewer, List<Item> items) {
    if (items == null || items.isEmpty()) {
      throw new Refusal("没有选择任何月报：请先在表格中勾选要通过的月报。");
    }
    if (items.size() > MOST_AT_ONCE) {
      throw new Refusal("一次最多通过 " + MOST_AT_ONCE + " 份月报，本次提交了 " + items.size() + " 份，请分批提交。");
    }
    Set<String> seen = new HashSet<>();
    for (Item item : items) {
      if (item == null || item.taskId() == null || item.taskId().isBlank() || item.token() == null) {
        throw new Refusal("提交的内容不完整：每一项都要有任务编号和页面核对码，请刷新页面后重新选择。");
      }
      if (!seen.add(item.taskId())) {
        throw new Refusal("同一项审核在提交中出现了不止一次，未作任何更改：请刷新页面后重新选择。");
      }
    }
    return as(viewer, () -> {
      List<Accepted> accepted = new ArrayList<>();
      List<Skipped> skipped = new ArrayList<>();
      Map<String, Optional<ReviewLane>> lanes = new HashMap<>();
      for (Item item : items) {
        Object result = acceptInOwnTransaction(viewer, item, lanes);
        if (result instanceof Accepted a) {
          accepted.add(a);
        } else {
          skipped.add((Skipped) result);
        }
      }
      return new Outcome(accepted, skipped);
    });
  }

  private Object acceptInOwnTransaction(Viewer viewer, Item item, Map<String, Optional<ReviewLane>> lanes) {
    Task[] found = new Task[1];
    try {
      return ownTransaction.execute(status -> acceptOne(viewer, item, found, lanes));
    } catch (Refusal refusal) {
      return skipped(item.taskId(), found[0], refusal.getMessage());
    } catch (AuthorizationException e) {
      return skipped(item.taskId(), found[0], "您没有办理这项审核的权限，未作任何更改。");
    } catch (OptimisticLockingException e) {
      return skipped(item.taskId(), found[0], "这项审核刚刚被他人同时办理，未作任何更改：请刷新页面。");
    } catch (ProcessEngineException e) {
      LOG.error("batch review: accepting task {} as {} failed", item.taskId(), viewer.userId(), e);
      return skipped(item.taskId(), found[0], "系统未能办理这项审核（错误已记录），未作任何更改：请在任务列表中逐一办理。");
    }
  }

  private Object acceptOne(Viewer viewer, Item item, Task[] found, Map<String, Optional<ReviewLane>> lanes) {
    Task task = reviewable(viewer, taskService.createTaskQuery().taskId(item.taskId())).singleResult();
    if (task == null) {
      return gone(item.taskId(), viewer);
    }
    found[0] = task;
    Optional<ReviewLane> lane = laneOf(task, lanes);
    String key = businessKey(task);
    Optional<UnderReview> report = lane.isEmpty() || key == null ? Optional.empty() : reportReview.of(key);
    if (report.isEmpty()) {
      return skipped(item.taskId(), task, "这不是月报审核任务，不能在批量审核中办理。");
    }
    String now = token(task, lane.get(), report.get());
    if (!now.equals(item.token())) {
      return skipped(item.taskId(), task, changed(item.token(), report.get()));
    }
    if (task.getAssignee() == null) {
      taskService.claim(task.getId(), viewer.userId()); // Tasklist claims before the form can be submitted
    }
    formService.submitTaskForm(task.getId(), Map.of(lane.get().decisionVariable(), ReviewLane.ACCEPT));
    return new Accepted(task.getId(), report.get().businessKey(), report.get().unitName(), lane.get().chineseName());
  }

  /** One form per model version and task: within a request, the lane of a task is read once per definition. */
  private Optional<ReviewLane> laneOf(Task task, Map<String, Optional<ReviewLane>> lanes) {
    return lanes.computeIfAbsent(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(),
        k -> forms.laneOf(task.getId()));
  }

  /** Why a task that the page showed is no longer the viewer's to do. */
  private Skipped gone(String taskId, Viewer viewer) {
    HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
    if (done == null) {
      return new Skipped(taskId, null, null, "找不到这项审核任务，或者它不是您可以办理的任务：未作任何更改。");
    }
    HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(done.getProcessInstanceId()).singleResult();
    String key = instance == null ? null : instance.getBusinessKey();
    String unitName = key == null ? null : reportReview.of(key).map(UnderReview::unitName).orElse(null);
    if (done.getEndTime() != null) {
      return new Skipped(taskId, key, unitName, "这项审核已经办理完毕"
          + (done.getAssignee() == null ? "" : "（办理人：" + done.getAssignee() + "）")
          + "，可能已通过、已退回，或单位已撤回重报：请刷新页面查看最新的待审核月报。");
    }
    return new Skipped(taskId, key, unitName, done.getAssignee() != null && !done.getAssignee().equals(viewer.userId())
        ? "这项审核已由 " + done.getAssignee() + " 认领，只能由其办理。" : "这项审核不是您可以办理的任务。");
  }

  private static String changed(String token, UnderReview report) {
    String shown = token.contains(".") ? token.substring(0, token.indexOf('.')) : "";
    if (!shown.equals("v" + report.version())) {
      return "月报在您打开页面后已重新提交为第 " + report.version() + " 版（页面上是" + (shown.startsWith("v")
          ? "第 " + shown.substring(1) + " 版" : "旧的内容") + "）：请刷新页面，核对新版本后再审核。";
    }
    return "月报在您打开页面后有变化（签字、扫描件、数字或标记与页面上不同）：请刷新页面，核对后再审核。";
  }

  private Skipped skipped(String taskId, Task task, String reason) {
    if (task == null) {
      return new Skipped(taskId, null, null, reason);
    }
    String key = businessKey(task);
    return new Skipped(taskId, key, key == null ? null : reportReview.of(key).map(UnderReview::unitName).orElse(null),
        reason);
  }

  private Waiting row(Task task, ReviewLane lane, UnderReview report, Viewer viewer) {
    List<Figure> figures = report.rows().stream().map(BatchReview::figure).toList();
    List<Flag> flags = report.findings().stream()
        .map(f -> new Flag(f.flag().name(), f.flag().label(), f.text())).toList();
    return new Waiting(task.getId(), task.getName(), lane.name(), lane.chineseName(), report.businessKey(),
        report.unitCode(), report.unitName(), report.period().year(), report.period().month(), report.version(),
        figures, flags, viewer.userId().equals(task.getAssignee()), report.reportPdfUrl(), report.scanUrl(),
        token(task, lane, report));
  }

  private static Figure figure(ReportSheet.Row row) {
    return new Figure(row.indicator().key(), row.indicator().chineseName(), row.annualTask(), row.month(),
        row.cumulative(), row.rate());
  }

  /**
   * What the page showed, as a digest: the task and who holds it, the report's version, state, signature, figures,
   * rates, flags and scan. Any change in between makes the acceptance skip that report. It begins with the version,
   * so that a skip can say which version the page showed.
   */
  private static String token(Task task, ReviewLane lane, UnderReview report) {
    StringBuilder seen = new StringBuilder().append(task.getId()).append('|').append(task.getAssignee()).append('|')
        .append(lane).append('|').append(report.businessKey()).append('|').append(report.version()).append('|')
        .append(report.status()).append('|').append(report.signedAt()).append('|').append(report.rows()).append('|')
        .append(report.findings()).append('|').append(report.scanUrl());
    return "v" + report.version() + "." + Digests.sha256Hex(seen.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Tasks of monthly reports the viewer may do: a candidate through their groups, or the assignee. */
  private static TaskQuery reviewable(Viewer viewer, TaskQuery query) {
    query.processDefinitionKey(ModelContract.MONTHLY_REPORT);
    if (viewer.groups().isEmpty()) {
      return query.taskAssignee(viewer.userId());
    }
    return query.or().taskCandidateGroupIn(viewer.groups()).taskAssignee(viewer.userId()).endOr();
  }

  /** The report's key, or null when the viewer may not read the task's instance. */
  private String businessKey(Task task) {
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult();
    return instance == null ? null : instance.getBusinessKey();
  }

  /** Runs as the viewer, so that every query and command is the viewer's own; restores who was signed in. */
  private <T> T as(Viewer viewer, Supplier<T> action) {
    Authentication before = identityService.getCurrentAuthentication();
    identityService.setAuthentication(viewer.userId(), viewer.groups());
    try {
      return action.get();
    } finally {
      if (before == null) {
        identityService.clearAuthentication();
      } else {
        identityService.setAuthentication(before);
      }
    }
  }
}
