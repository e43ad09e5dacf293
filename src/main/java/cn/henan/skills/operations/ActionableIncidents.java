package cn.henan.skills.operations;

import cn.henan.skills.unit.Unit;
import cn.henan.skills.unit.UnitKeys;
import cn.henan.skills.unit.UnitRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The incident a job leaves in Cockpit once its retries are used up (timers: report opening, reminder, due date,
 * escalation, circulation; asynchronous continuations: publishing a year, creating schools) says in Chinese which step
 * failed, for which report or unit, why, and what to do — instead of the bare exception text a process administrator
 * would have to decode. One handler for every job of every model; the failure's own message stays in the text (and the
 * stack trace in Cockpit).
 */
@Component
class ActionableIncidents extends AbstractProcessEnginePlugin {
  /** Camunda's column holds 4,000 characters; the cause is cut so the rest of the sentence always fits. */
  private static final int MAX_CAUSE = 1500;
  /** {@code java.lang.IllegalStateException: } (one or more, as wrapping exceptions print their cause). */
  private static final Pattern JAVA_EXCEPTION_PREFIX =
      Pattern.compile("^(?:(?:[a-z_$][\\w$]*\\.)+[\\w$]*(?:Exception|Error):\\s*)+");

  // the words of the project's Chinese Cockpit (cockpit.zh.json): the incidents tab and its retry action
  private static final String ACTION = " 处理：按原因修正数据或恢复所依赖的服务后，在 Cockpit 中打开此流程实例，在“事件”中对这一"
      + "事件点“增加失败作业的重试次数”（重试），流程从失败的这一步继续；原因未修好时重试仍会失败。";
  private static final Logger LOG = LoggerFactory.getLogger(ActionableIncidents.class);

  private final ObjectProvider<UnitRegistry> units;

  // the registry is looked up when an incident is raised, long after the engine (and this plugin) was built
  ActionableIncidents(ObjectProvider<UnitRegistry> units) {
    this.units = units;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomIncidentHandlers());
    // a custom handler of the failedJob type takes the default one's place
    handlers.add(new DefaultIncidentHandler(Incident.FAILED_JOB_HANDLER_TYPE) {
      @Override
      public Incident handleIncident(IncidentContext context, String message) {
        String text;
        try {
          text = describe(context, message);
        } catch (RuntimeException e) {
          // describing must never keep the incident from being raised: then it carries the failure's own message
          LOG.warn("Could not describe the incident of job {} in Chinese", context.getConfiguration(), e);
          text = message;
        }
        return super.handleIncident(context, text);
      }
    });
    configuration.setCustomIncidentHandlers(handlers);
  }

  /** E.g. 月度进度报告 2022-03/u029（河南理工大学）：“催办提醒”（由“截止前 N 天”触发）自动重试后仍然失败…原因：…处理：… */
  private String describe(IncidentContext context, String cause) {
    if (context.getProcessDefinitionId() == null) {
      // an engine job of no model (history cleanup, a batch): named by its type
      JobEntity job = Context.getCommandContext().getJobManager().findJobById(context.getConfiguration());
      return "后台作业“" + (job == null ? context.getConfiguration() : job.getJobHandlerType())
          + "”自动重试后仍然失败。原因：" + reason(cause) + ACTION;
    }
    DeploymentCache deployments = Context.getProcessEngineConfiguration().getDeploymentCache();
    ProcessDefinitionEntity definition = deployments.findDeployedProcessDefinitionById(context.getProcessDefinitionId());
    BpmnModelInstance model = deployments.findBpmnModelInstanceForProcessDefinition(definition);
    String failedStep = context.getFailedActivityId() != null ? context.getFailedActivityId() : context.getActivityId();
    StringBuilder text = new StringBuilder();
    text.append(named(definition.getName(), definition.getKey()));
    businessKey(context).ifPresent(key -> text.append(' ').append(key).append(unitOf(key)));
    text.append("：“").append(stepName(model, failedStep)).append('”');
    if (context.getActivityId() != null && !context.getActivityId().equals(failedStep)) {
      text.append("（由“").append(stepName(model, context.getActivityId())).append("”触发）");
    }
    text.append("自动重试后仍然失败，这一步尚未执行。原因：").append(reason(cause)).append(ACTION);
    return text.toString();
  }

  private static String reason(String cause) {
    return cause == null || cause.isBlank() ? "（没有说明，请查看 Cockpit 中此事件的异常堆栈）" : cut(readable(cause));
  }

  private static Optional<String> businessKey(IncidentContext context) {
    if (context.getExecutionId() == null) {
      return Optional.empty(); // a timer start event (circulation-schedule) has no instance yet
    }
    ExecutionEntity execution = Context.getCommandContext().getExecutionManager()
        .findExecutionById(context.getExecutionId());
    return Optional.ofNullable(execution).map(ExecutionEntity::getProcessBusinessKey);
  }

  /**
   * The unit a key names, as the registry has it in the key's year: （河南理工大学）; nothing if the key names none or
   * it is unknown.
   */
  private String unitOf(String businessKey) {
    return UnitKeys.unitCodeOf(businessKey).flatMap(code -> UnitKeys.yearIn(businessKey)
            .map(year -> units.getObject().find(code, year)).orElseGet(() -> units.getObject().find(code)))
        .map(Unit::getName).map(name -> "（" + name + "）").orElse("");
  }

  /** The element's name in the deployed model (the engine's parsed activity had none for an event subprocess's timer). */
  private static String stepName(BpmnModelInstance model, String activityId) {
    ModelElementInstance element = activityId == null ? null : model.getModelElementById(activityId);
    return named(element instanceof FlowElement flowElement ? flowElement.getName() : null, activityId);
  }

  /** The failure's own words: without the Java class names the engine puts in front of a wrapped exception's message. */
  private static String readable(String cause) {
    return JAVA_EXCEPTION_PREFIX.matcher(cause.strip()).replaceFirst("");
  }

  /** A model's Chinese name; its id where it has none (a process administrator finds both in Modeler). */
  private static String named(String name, String id) {
    return name == null || name.isBlank() ? String.valueOf(id) : name;
  }

  private static String cut(String cause) {
    return cause.length() <= MAX_CAUSE ? cause : cause.substring(0, MAX_CAUSE) + "……";
  }
}
