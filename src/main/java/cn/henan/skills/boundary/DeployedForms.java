package cn.henan.skills.boundary;

import cn.henan.skills.platform.Digests;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/**
 * The fields of the form Tasklist shows for a task or a start event, read from the deployed form (the same
 * {@code deployed-form} Tasklist loads) by the engine's own commands, without their authorization checks: which fields
 * a form has is no secret, and the command that follows checks the person's rights. Parsed forms are cached by their
 * content, so a redeployed form counts at once. A deployment's resources never change (a deployment is immutable and
 * its id never reused), so their bytes are kept too: which form a task has is still asked of the database each time
 * (a form reference bound to the latest version follows a new form deployment), the form's bytes no longer are.
 */
class DeployedForms {
  private static final int CACHE_LIMIT = 512;

  private final Supplier<CommandExecutor> engine;
  private final Map<String, FormFields> parsed = new ConcurrentHashMap<>();
  private final Map<String, byte[]> resources = new ConcurrentHashMap<>();

  /** The engine's command executor, asked for when needed: the boundary exists before the engine is built. */
  DeployedForms(Supplier<CommandExecutor> engine) {
    this.engine = engine;
  }

  /** The task's form fields, or null when there is no such task (the engine then answers). */
  FormFields ofTask(String taskId) {
    return taskId == null ? null : fields(new TaskForm(taskId));
  }

  FormFields ofStart(String processDefinitionId) {
    return fields(new StartForm(processDefinitionId));
  }

  private FormFields fields(Command<InputStream> form) {
    byte[] content;
    try (InputStream in = engine.get().execute(form)) {
      if (in == null) {
        return null;
      }
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

  /** A deployed resource's bytes: from the database the first time, from memory afterwards. */
  private InputStream resource(String deploymentId, String resourceName, Supplier<InputStream> read) {
    if (resources.size() > CACHE_LIMIT) {
      resources.clear();
    }
    return new ByteArrayInputStream(resources.computeIfAbsent(deploymentId + '\n' + resourceName, key -> {
      try (InputStream in = read.get()) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }));
  }

  private final class TaskForm extends GetDeployedTaskFormCmd {
    TaskForm(String taskId) {
      super(taskId);
    }

    @Override
    public InputStream execute(CommandContext commandContext) {
      return commandContext.getTaskManager().findTaskById(taskId) == null ? null : super.execute(commandContext);
    }

    @Override
    protected void checkAuthorization() {
      // which fields a form has is no secret; the command that follows checks the person's rights
    }

    @Override
    protected InputStream getDeploymentResource(String deploymentId, String resourceName) {
      return resource(deploymentId, resourceName, () -> super.getDeploymentResource(deploymentId, resourceName));
    }
  }

  private final class StartForm extends GetDeployedStartFormCmd {
    StartForm(String processDefinitionId) {
      super(processDefinitionId);
    }

    @Override
    protected void checkAuthorization() {
      // as above
    }

    @Override
    protected InputStream getDeploymentResource(String deploymentId, String resourceName) {
      return resource(deploymentId, resourceName, () -> super.getDeploymentResource(deploymentId, resourceName));
    }
  }
}
