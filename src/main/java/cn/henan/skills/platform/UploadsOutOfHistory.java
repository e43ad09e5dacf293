package cn.henan.skills.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Full history copies every value a variable takes into {@code act_hi_varinst} and {@code act_hi_detail}, a file's bytes
 * included: an uploaded scan of 400 KB was kept three times (the report's document, and twice in history) and made up
 * most of a year's database. For the uploads a {@link KeepsUploads} step hands to the domain, history keeps the
 * variable, its file name and type, without the bytes; every other variable is recorded as before. The engine's own
 * database handler does the writing; this only stands in front of it.
 */
@Component
class UploadsOutOfHistory extends AbstractProcessEnginePlugin {
  private final ObjectProvider<KeepsUploads> steps;
  /** Asked for at the first event: the steps are beans that need the engine, which needs this plugin first. */
  private volatile Set<String> variables;

  UploadsOutOfHistory(ObjectProvider<KeepsUploads> steps) {
    this.steps = steps;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(0, new WithoutUploadedBytes(new DbHistoryEventHandler()));
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(false);
  }

  private Set<String> variables() {
    if (variables == null) {
      variables = steps.stream().flatMap(step -> step.uploadVariables().stream()).collect(Collectors.toUnmodifiableSet());
    }
    return variables;
  }

  private final class WithoutUploadedBytes implements HistoryEventHandler {
    private final HistoryEventHandler database;

    WithoutUploadedBytes(HistoryEventHandler database) {
      this.database = database;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricVariableUpdateEventEntity update && update.getByteValue() != null
          && variables().contains(update.getVariableName())) {
        update.setByteValue(null);
      }
      database.handleEvent(event);
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }
}
