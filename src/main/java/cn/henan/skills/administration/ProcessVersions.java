package cn.henan.skills.administration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Service;

/**
 * The versions of the deployed models and the instances running on each, and moving the running instances of a
 * model to its latest version with Camunda's migration API: activities are matched by id
 * ({@code mapEqualActivities}) and timers and other event triggers are set anew from the new version (so a changed
 * reminder applies to the moved instances too). An instance the new version cannot take (it waits in an activity that
 * the new version no longer has, or whose kind changed) stays where it is, and the result says why, in Chinese.
 * Runs as the signed-in process administrator: the engine checks the migration permission on both versions.
 */
@Service
public class ProcessVersions {
  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;

  ProcessVersions(RepositoryService repositoryService, RuntimeService runtimeService) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
  }

  public record Version(int version, String definitionId, String deploymentId, long runningInstances) {
  }

  /** @param onOlderVersions instances running on a version older than the latest */
  public record Model(String key, String name, int latestVersion, long onOlderVersions, List<Version> versions) {
  }

  /** An instance left on its version, with the reasons in Chinese. */
  public record NotMoved(String processInstanceId, String businessKey, int version, List<String> reasons) {
  }

  public record Migration(String key, int targetVersion, int moved, List<NotMoved> notMoved, long millis) {
  }

  /** Every deployed model, its versions (newest first) and how many instances run on each. */
  public List<Model> models() {
    Map<String, List<ProcessDefinition>> byKey = new LinkedHashMap<>();
    repositoryService.createProcessDefinitionQuery().orderByProcessDefinitionKey().asc()
        .orderByProcessDefinitionVersion().desc().list()
        .forEach(d -> byKey.computeIfAbsent(d.getKey(), k -> new ArrayList<>()).add(d));
    return byKey.values().stream().map(this::model).toList();
  }

  public Optional<Model> model(String key) {
    List<ProcessDefinition> definitions = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
        .orderByProcessDefinitionVersion().desc().list();
    return definitions.isEmpty() ? Optional.empty() : Optional.of(model(definitions));
  }

  private Model model(List<ProcessDefinition> newestFirst) {
    ProcessDefinition latest = newestFirst.get(0);
    List<Version> versions = newestFirst.stream().map(d -> new Version(d.getVersion(), d.getId(), d.getDeploymentId(),
        runtimeService.createProcessInstanceQuery().processDefinitionId(d.getId()).count())).toList();
    long onOlder = versions.stream().filter(v -> v.version() != latest.getVersion())
        .mapToLong(Version::runningInstances).sum();
    return new Model(latest.getKey(), latest.getName(), latest.getVersion(), onOlder, versions);
  }

  /**
   * Moves the running instances of every older version of {@code key} to the latest version. Each older version's
   * instances move together; when one of them cannot, each is moved on its own so that the others still move and the
   * ones that cannot are named.
   *
   * @throws IllegalArgumentException no model with this key
   */
  public Migration migrateToLatest(String key) {
    Instant start = Instant.now();
    ProcessDefinition target = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
        .latestVersion().singleResult();
    if (target == null) {
      throw new IllegalArgumentException("没有流程“" + key + "”。");
    }
    int moved = 0;
    List<NotMoved> notMoved = new ArrayList<>();
    List<ProcessDefinition> older = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
        .list().stream().filter(d -> d.getVersion() < target.getVersion())
        .sorted(Comparator.comparingInt(ProcessDefinition::getVersion)).toList();
    for (ProcessDefinition source : older) {
      List<ProcessInstance> instances = runtimeService.createProcessInstanceQuery()
          .processDefinitionId(source.getId()).list();
      if (instances.isEmpty()) {
        continue;
      }
      MigrationPlan plan;
      try {
        plan = runtimeService.createMigrationPlan(source.getId(), target.getId())
            .mapEqualActivities().updateEventTriggers().build();
      } catch (MigrationPlanValidationException e) {
        List<String> reasons = planReasons(source, e);
        instances.forEach(i -> notMoved.add(new NotMoved(i.getId(), i.getBusinessKey(), source.getVersion(), reasons)));
        continue;
      }
      // instances waiting in an activity the new version has no counterpart for are named without asking the engine
      Map<String, List<String>> blocked = waitingInUnmapped(source, plan);
      List<String> movable = new ArrayList<>();
      for (ProcessInstance instance : instances) {
        List<String> reasons = blocked.get(instance.getId());
        if (reasons == null) {
          movable.add(instance.getId());
        } else {
          notMoved.add(new NotMoved(instance.getId(), instance.getBusinessKey(), source.getVersion(), reasons));
        }
      }
      if (movable.isEmpty()) {
        continue;
      }
      try {
        runtimeService.newMigration(plan).processInstanceIds(movable).execute();
        moved += movable.size();
      } catch (MigratingProcessInstanceValidationException together) {
        for (ProcessInstance instance : instances) {
          if (!movable.contains(instance.getId())) {
            continue;
          }
          try {
            runtimeService.newMigration(plan).processInstanceIds(instance.getId()).execute();
            moved++;
          } catch (MigratingProcessInstanceValidationException e) {
            notMoved.add(new NotMoved(instance.getId(), instance.getBusinessKey(), source.getVersion(),
                instanceReasons(source, e.getValidationReport())));
          }
        }
      }
    }
    return new Migration(key, target.getVersion(), moved, notMoved,
        Duration.between(start, Instant.now()).toMillis());
  }

  /** Instance id → reasons, for the instances of {@code source} that wait in an activity the plan does not map. */
  private Map<String, List<String>> waitingInUnmapped(ProcessDefinition source, MigrationPlan plan) {
    Set<String> mapped = plan.getInstructions().stream().map(MigrationInstruction::getSourceActivityId)
        .collect(Collectors.toSet());
    Map<String, List<String>> blocked = new HashMap<>();
    for (FlowNode node : repositoryService.getBpmnModelInstance(source.getId()).getModelElementsByType(FlowNode.class)) {
      if (mapped.contains(node.getId())) {
        continue;
      }
      for (ProcessInstance waiting : runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId())
          .activityIdIn(node.getId()).list()) {
        blocked.computeIfAbsent(waiting.getId(), id -> new ArrayList<>())
            .add("停在" + activity(source, node.getId()) + "：" + failure("no migration instruction"));
      }
    }
    return blocked;
  }

  private List<String> planReasons(ProcessDefinition source, MigrationPlanValidationException e) {
    List<String> reasons = new ArrayList<>();
    for (MigrationInstructionValidationReport report : e.getValidationReport().getInstructionReports()) {
      String activity = activity(source, report.getMigrationInstruction().getSourceActivityId());
      report.getFailures().forEach(f -> reasons.add("新版本不能接替" + activity + "：" + failure(f)));
    }
    return reasons.isEmpty() ? List.of("两个版本无法对应：" + e.getMessage()) : reasons;
  }

  private List<String> instanceReasons(ProcessDefinition source, MigratingProcessInstanceValidationReport report) {
    List<String> reasons = new ArrayList<>();
    report.getFailures().forEach(f -> reasons.add(failure(f)));
    for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
      activity.getFailures().forEach(f -> reasons.add("停在" + activity(source, activity.getSourceScopeId()) + "：" + failure(f)));
    }
    for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
      transition.getFailures()
          .forEach(f -> reasons.add("正在进入" + activity(source, transition.getSourceScopeId()) + "：" + failure(f)));
    }
    return reasons;
  }

  /** “环节名”（id） of the source version's model. */
  private String activity(ProcessDefinition source, String activityId) {
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(source.getId());
    FlowElement element = model.getModelElementById(activityId);
    // a name with expressions (“填报 ${taskNames.month(execution)} 进度月报”) reads as the model's words around them
    String name = element == null || element.getName() == null ? ""
        : "“" + element.getName().replaceAll("\\$\\{[^}]*\\}", "…") + "”";
    return name + "（" + activityId + "）";
  }

  /** The engine's reason in Chinese where it is one a process administrator meets; otherwise the engine's words. */
  private static String failure(String engineText) {
    if (engineText.contains("no migration instruction")) {
      return "新版本中没有与之对应的环节（环节编号改了或删掉了），请在新版本中保留该环节的编号，或等这些实例走过该环节后再迁移。";
    }
    if (engineText.contains("not supported")) {
      return "Camunda 不支持迁移这种环节（" + engineText + "）。";
    }
    return "Camunda 拒绝迁移（" + engineText + "）。";
  }
}
