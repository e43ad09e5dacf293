package cn.henan.skills.boundary;

import cn.henan.skills.platform.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;

/**
 * The fields of the form Tasklist shows for a task or a start event, read from the deployed form (the same
 * {@code deployed-form} Tasklist loads). Parsed forms are cached by their content, so a redeployed form counts at once.
 */
class DeployedForms {
  private static final int CACHE_LIMIT = 512;

  private final Supplier<FormService> forms;
  private final Supplier<TaskService> tasks;
  private final Map<String, FormFields> parsed = new ConcurrentHashMap<>();

  DeployedForms(Supplier<FormService> forms, Supplier<TaskService> tasks) {
    this.forms = forms;
    this.tasks = tasks;
  }

  /** The task's form fields, or null when this person cannot see such a task (the engine then answers). */
  FormFields ofTask(String taskId) {
    if (taskId == null || tasks.get().createTaskQuery().taskId(taskId).count() == 0) {
      return null;
    }
    return fields(() -> forms.get().getDeployedTaskForm(taskId));
  }

  FormFields ofStart(String processDefinitionId) {
    return fields(() -> forms.get().getDeployedStartForm(processDefinitionId));
  }

  private FormFields fields(Supplier<InputStream> form) {
    byte[] content;
    try (InputStream in = form.get()) {
      content = in.readAllBytes();
    } catch (BadUserRequestException e) {
      // no form (or none deployed): nothing may be written
      return FormFields.NONE;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (parsed.size() > CACHE_LIMIT) {
      parsed.clear();
    }
    return parsed.computeIfAbsent(Digests.sha256Hex(content), k -> FormFields.parse(content));
  }
}
