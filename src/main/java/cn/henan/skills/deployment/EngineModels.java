package cn.henan.skills.deployment;

import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.dmn.engine.DmnEngine;

/**
 * What the engine holds already (deployments only add versions, so what is deployed stays available) and the engine's
 * own tools the check uses to read timers and decisions exactly as the engine will. Read inside the deployment's
 * command, without authorization checks.
 */
interface EngineModels {
  boolean hasProcess(String key);

  boolean hasDecision(String key);

  /** The latest deployed version of the Camunda Form with this id, or 0 when none is deployed. */
  int latestFormVersion(String formId);

  BusinessCalendarManager calendars();

  DmnEngine dmnEngine();

  /** The engine's state as the running command sees it. */
  static EngineModels of(CommandContext command) {
    ProcessEngineConfigurationImpl engine = command.getProcessEngineConfiguration();
    return new EngineModels() {
      @Override
      public boolean hasProcess(String key) {
        return command.getProcessDefinitionManager().findLatestProcessDefinitionByKey(key) != null;
      }

      @Override
      public boolean hasDecision(String key) {
        return command.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key) != null;
      }

      @Override
      public int latestFormVersion(String formId) {
        CamundaFormDefinitionEntity form = command.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formId);
        return form == null ? 0 : form.getVersion();
      }

      @Override
      public BusinessCalendarManager calendars() {
        return engine.getBusinessCalendarManager();
      }

      @Override
      public DmnEngine dmnEngine() {
        return engine.getDmnEngine();
      }
    };
  }
}
