package cn.henan.skills.boundary;

import static cn.henan.skills.identity.ProvinceGroups.CAMUNDA_ADMIN;
import static cn.henan.skills.identity.ProvinceGroups.PROCESS_ADMIN;

import cn.henan.skills.platform.Refusal;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserInfoCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserPictureCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskFailureCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.PatchExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskDescriptionCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskNameCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetUserInfoCmd;
import org.camunda.bpm.engine.impl.cmd.SetUserPictureCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.PrimitiveValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The trust boundary of the engine: every command a signed-in person sends (over {@code /engine-rest}, Tasklist's
 * own REST, or the Java API) passes here before it runs. A person who is not a process administrator
 * <ul>
 *   <li>writes only the fields that the form of the task (or of the start event) lets them fill — a read-only field
 *       sent back unchanged is ignored, anything else is refused and nothing is written;</li>
 *   <li>hands a task only to someone who may do it anyway (a member of its candidate groups: their own unit), and
 *       changes no candidate links, task names or priorities;</li>
 *   <li>keeps their name and e-mail as the administrator set them (the signer's name on a report comes from there);
 *       </li>
 *   <li>sends no messages, signals, BPMN errors, modifications or instance variables: no form offers them;</li>
 *   <li>deploys nothing and removes no deployment (403).</li>
 * </ul>
 * Commands that the engine runs inside a command (listeners, delegates) and those without a signed-in user (the job
 * executor, the application at start) are the system's own and pass. The form fields are read from the deployed
 * forms, so a model or form change needs no change here.
 */
class TrustBoundary extends CommandInterceptor {
  private static final Set<String> ADMIN_GROUPS = Set.of(CAMUNDA_ADMIN, PROCESS_ADMIN);
  /** Commands no form offers: only process administrators send them. */
  private static final List<Class<?>> ADMINISTRATION = List.of(SetExecutionVariablesCmd.class,
      PatchExecutionVariablesCmd.class, RemoveExecutionVariablesCmd.class, StartProcessInstanceAtActivitiesCmd.class,
      ModifyProcessInstanceCmd.class, ModifyProcessInstanceAsyncCmd.class, ProcessInstanceModificationBatchCmd.class,
      RestartProcessInstancesCmd.class, AbstractCorrelateMessageCmd.class, CorrelateAllMessageBatchCmd.class,
      MessageEventReceivedCmd.class, SignalCmd.class, SignalEventReceivedCmd.class,
      SetVariablesToProcessInstancesBatchCmd.class, EvaluateStartConditionCmd.class, HandleTaskBpmnErrorCmd.class,
      HandleTaskEscalationCmd.class, CompleteExternalTaskCmd.class, HandleExternalTaskBpmnErrorCmd.class,
      HandleExternalTaskFailureCmd.class, CreateAttachmentCmd.class, SaveAttachmentCmd.class,
      SetTaskNameCmd.class, SetTaskDescriptionCmd.class, SetTaskPriorityCmd.class, DeleteIdentityLinkCmd.class,
      SetUserInfoCmd.class, DeleteUserInfoCmd.class, SetUserPictureCmd.class, DeleteUserPictureCmd.class);

  private final ProcessEngineConfigurationImpl engine;
  private final DeployedForms forms;

  TrustBoundary(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
    this.forms = new DeployedForms(engine::getCommandExecutorTxRequired);
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (Context.getCommandContext() != null) {
      // called from inside a running command: a listener or delegate of the engine's own step
      return next.execute(command);
    }
    try {
      Authentication person = identity().getCurrentAuthentication();
      if (person != null && person.getUserId() != null && !isAdministrator(person)) {
        inspect(command, person);
      }
      return next.execute(command);
    } catch (RuntimeException e) {
      RefusalResponses.remember(e);
      RefusalResponses.remember(alreadyDone(command, e));
      throw e;
    }
  }

  /**
   * A task completed twice (two tabs, two people, a double click): the engine answers the later one "Cannot find task
   * …" (a NullValueException), or, when both run at once, with an {@code OptimisticLockingException} or whatever the
   * loser's step failed on. The Java API keeps
   * the engine's exception; a person over REST gets this sentence (409).
   */
  private Refusal alreadyDone(Command<?> command, RuntimeException failure) {
    String taskField = command instanceof SubmitTaskFormCmd || command instanceof CompleteTaskCmd
        || command instanceof ClaimTaskCmd || command instanceof DelegateTaskCmd
        || command instanceof AssignTaskCmd || command instanceof SetTaskOwnerCmd ? "taskId"
        : command instanceof SetTaskVariablesCmd || command instanceof PatchTaskVariablesCmd ? "entityId" : null;
    // the loser of two completions at once may fail in other ways too: the authorization check (the winner removed
    // the task's candidate links meanwhile), or a listener's check that finds the report already submitted; whatever
    // it failed on, a task that the winner finished meanwhile is answered as done
    if (taskField == null) {
      return null;
    }
    String taskId = CommandFields.read(command, taskField);
    if (failure instanceof OptimisticLockingException) {
      return new TaskAlreadyDone();
    }
    boolean open = taskId != null
        && asSystem(() -> engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0);
    if (open) {
      return null;
    }
    boolean done = taskId != null && asSystem(() -> engine.getHistoryService().createHistoricTaskInstanceQuery()
        .taskId(taskId).finished().count() > 0);
    return done ? new TaskAlreadyDone() : new Refusal("找不到这个任务：请刷新任务列表。");
  }

  /** The refusal of a second completion: the task was done meanwhile (answered 409). */
  static final class TaskAlreadyDone extends Refusal {
    TaskAlreadyDone() {
      super("这个任务已经办理完毕（可能是您或他人在另一个窗口刚刚完成），请刷新任务列表。", 409);
    }
  }

  /** Deploying (from Modeler, Cockpit or the REST API) and removing deployments: process administrators only (403). */
  static final class AdministratorsOnly extends Refusal {
    AdministratorsOnly() {
      super("只有流程管理员（process-admin）可以部署或删除流程模型、决策表和表单：未部署任何内容。如需修改流程，请联系流程管理员。",
          403);
    }
  }

  private static boolean isAdministrator(Authentication person) {
    return person.getGroupIds() != null && person.getGroupIds().stream().anyMatch(ADMIN_GROUPS::contains);
  }

  private void inspect(Command<?> command, Authentication person) {
    if (command instanceof SubmitTaskFormCmd) {
      filterTaskVariables(command, "taskId", "properties");
    } else if (command instanceof CompleteTaskCmd) {
      filterTaskVariables(command, "taskId", "variables");
    } else if (command instanceof SetTaskVariablesCmd) {
      filterTaskVariables(command, "entityId", "variables");
    } else if (command instanceof PatchTaskVariablesCmd) {
      filterTaskVariables(command, "entityId", "variables");
      refuseUnwritableNames(CommandFields.read(command, "entityId"), CommandFields.read(command, "deletions"));
    } else if (command instanceof RemoveTaskVariablesCmd) {
      refuseUnwritableNames(CommandFields.read(command, "entityId"), CommandFields.read(command, "variableNames"));
    } else if (command instanceof StartProcessInstanceCmd start) {
      checkStart(CommandFields.read(start, "instantiationBuilder"));
    } else if (command instanceof SubmitStartFormCmd) {
      String definitionId = CommandFields.read(command, "processDefinitionId");
      refuseUnlessWritable(forms.ofStart(definitionId), CommandFields.<Map<String, Object>>read(command,
          "variables"));
    } else if (command instanceof ClaimTaskCmd || command instanceof DelegateTaskCmd) {
      String user = CommandFields.read(command, "userId");
      if (command instanceof DelegateTaskCmd || !person.getUserId().equals(user)) {
        checkHolder(CommandFields.read(command, "taskId"), user);
      }
    } else if (command instanceof AssignTaskCmd || command instanceof SetTaskOwnerCmd) {
      String user = CommandFields.read(command, "userId");
      if (user != null && !person.getUserId().equals(user)) {
        checkHolder(CommandFields.read(command, "taskId"), user);
      }
    } else if (command instanceof AbstractAddIdentityLinkCmd) {
      throw new Refusal("不能更改任务的候选人或候选组：任务由谁办理由流程决定。");
    } else if (command instanceof SaveTaskCmd) {
      checkTaskChange(CommandFields.read(command, "task"), person);
    } else if (command instanceof SaveUserCmd) {
      checkProfile(command, CommandFields.read(command, "user"));
    } else if (command instanceof DeployCmd || command instanceof DeleteDeploymentCmd) {
      throw new AdministratorsOnly();
    } else if (ADMINISTRATION.stream().anyMatch(type -> type.isInstance(command))) {
      throw new Refusal("这项操作只有流程管理员可以执行：请在任务表单中办理。");
    }
  }

  /** Keeps the form's fields, drops display fields and other variables sent back unchanged, refuses the rest. */
  private void filterTaskVariables(Command<?> command, String taskField, String variablesField) {
    Map<String, Object> sent = CommandFields.read(command, variablesField);
    if (sent == null || sent.isEmpty()) {
      return;
    }
    String taskId = CommandFields.read(command, taskField);
    FormFields fields = forms.ofTask(taskId);
    if (fields == null) {
      return; // no such task for this person: the engine answers
    }
    refuseBadValues(fields, sent);
    List<String> others = sent.keySet().stream().filter(name -> !fields.writable().contains(name)).toList();
    if (others.isEmpty()) {
      return;
    }
    VariableMap current = engine.getTaskService().getVariablesTyped(taskId, others, false);
    List<String> refused = new ArrayList<>();
    VariableMap kept = Variables.createVariables();
    for (String name : sent.keySet()) {
      // a VariableMap hands out plain values; keep the typed ones (files stay files)
      Object value = sent instanceof VariableMap typed ? typed.getValueTyped(name) : sent.get(name);
      if (fields.writable().contains(name)) {
        put(kept, name, value);
      } else if (!current.containsKey(name) || !sameValue(current.getValueTyped(name), value)) {
        refused.add(name);
      }
    }
    refuse(refused);
    CommandFields.write(command, variablesField, kept);
  }

  private void refuseUnwritableNames(String taskId, Collection<String> names) {
    FormFields fields = names == null || names.isEmpty() ? null : forms.ofTask(taskId);
    if (fields != null) {
      refuse(names.stream().filter(name -> !fields.writable().contains(name)).toList());
    }
  }

  private static void refuseUnlessWritable(FormFields fields, Map<String, Object> variables) {
    if (variables != null) {
      refuseBadValues(fields, variables);
      refuse(variables.keySet().stream().filter(name -> !fields.writable().contains(name)).toList());
    }
  }

  private void checkStart(ProcessInstantiationBuilderImpl start) {
    if (!start.getModificationBuilder().getModificationOperations().isEmpty()) {
      throw new Refusal("这项操作只有流程管理员可以执行：流程只能从开始事件启动。");
    }
    Map<String, Object> variables = start.getVariables();
    if (variables == null || variables.isEmpty()) {
      return;
    }
    String definitionId = start.getProcessDefinitionId();
    if (definitionId == null) {
      ProcessDefinition latest = engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(start.getProcessDefinitionKey()).latestVersion().singleResult();
      if (latest == null) {
        return; // the engine answers "no such process"
      }
      definitionId = latest.getId();
    }
    refuseUnlessWritable(forms.ofStart(definitionId), variables);
  }

  /**
   * A form's field takes what its rule allows only — a bounded number, checked before anything expands it
   * (1e50000000), text of bounded length, one of its listed choices.
   */
  private static void refuseBadValues(FormFields fields, Map<String, Object> sent) {
    if (fields.rules().isEmpty()) {
      return;
    }
    for (String name : sent.keySet()) {
      Object value = sent instanceof VariableMap typed ? typed.getValueTyped(name) : sent.get(name);
      String refusal = fields.refusal(name, value);
      if (refusal != null) {
        throw new Refusal(refusal);
      }
    }
  }

  private static void refuse(List<String> names) {
    if (!names.isEmpty()) {
      throw new Refusal("未作任何更改：" + String.join("、", names.stream().map(n -> "“" + n + "”").toList())
          + " 不是这个表单中可以填写的内容，只能提交表单中可以填写的项目。");
    }
  }

  /** A person may hand a task only to someone who may do it anyway: a member of one of its candidate groups. */
  private void checkHolder(String taskId, String userId) {
    if (userId == null) {
      return;
    }
    boolean allowed = asSystem(() -> {
      for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(taskId)) {
        if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
          continue;
        }
        if (userId.equals(link.getUserId()) || link.getGroupId() != null && identity().createUserQuery()
            .userId(userId).memberOfGroup(link.getGroupId()).count() > 0) {
          return true;
        }
      }
      return false;
    });
    if (!allowed) {
      throw new Refusal("不能把任务交给“" + userId + "”：任务只能由本任务候选组（本单位）中的人员办理。");
    }
  }

  /** PUT on a task: dates may change, and who holds it within its candidates; nothing else. */
  private void checkTaskChange(TaskEntity changed, Authentication person) {
    Task stored = changed.getId() == null ? null
        : engine.getTaskService().createTaskQuery().taskId(changed.getId()).singleResult();
    if (stored == null) {
      throw new Refusal("不能新建任务：任务由流程产生。");
    }
    if (!Objects.equals(stored.getName(), changed.getName())
        || !Objects.equals(stored.getDescription(), changed.getDescription())
        || stored.getPriority() != changed.getPriority()
        || !Objects.equals(stored.getParentTaskId(), changed.getParentTaskId())
        || !Objects.equals(stored.getCaseInstanceId(), changed.getCaseInstanceId())
        || !Objects.equals(stored.getTenantId(), changed.getTenantId())
        || !Objects.equals(stored.getDelegationState(), changed.getDelegationState())) {
      throw new Refusal("不能修改任务的名称、说明、优先级或委托状态：这些由流程决定。");
    }
    for (String holder : new String[] {changed.getAssignee(), changed.getOwner()}) {
      boolean unchanged = Objects.equals(holder, stored.getAssignee()) || Objects.equals(holder, stored.getOwner());
      if (holder != null && !unchanged && !holder.equals(person.getUserId())) {
        checkHolder(changed.getId(), holder);
      }
    }
  }

  /** A person may change their password (under the password policy), not the name and e-mail an administrator set. */
  private void checkProfile(Command<?> command, User changed) {
    User stored = asSystem(() -> identity().createUserQuery().userId(changed.getId()).singleResult());
    if (stored != null && (!Objects.equals(stored.getFirstName(), changed.getFirstName())
        || !Objects.equals(stored.getLastName(), changed.getLastName())
        || !Objects.equals(stored.getEmail(), changed.getEmail()))) {
      throw new Refusal("姓名和电子邮箱由管理员维护，本人不能修改；如需更正，请联系管理员。");
    }
    // checked here so that a weak password is a refusal (Camunda itself answers 500 with its exception's name)
    if (engine.isEnablePasswordPolicy() && changed instanceof UserEntity entity && entity.hasNewPassword()
        && !Boolean.TRUE.equals(CommandFields.read(command, "skipPasswordPolicy"))) {
      String password = CommandFields.read(entity, "newPassword");
      if (!asSystem(() -> identity().checkPasswordAgainstPolicy(password, stored == null ? changed : stored))
          .isValid()) {
        throw new Refusal("新密码不符合密码规则：至少 10 个字符，须含大写字母、小写字母、数字和特殊字符，"
            + "且不得包含用户名、姓名或电子邮箱。");
      }
    }
  }

  private static boolean sameValue(TypedValue current, Object sent) {
    Object sentValue = sent instanceof TypedValue typed ? typed.getValue() : sent;
    if (sent instanceof TypedValue typed && !(typed instanceof PrimitiveValue<?>) && typed.getType() != null) {
      return false; // files, objects, JSON: never "the same value sent back"
    }
    Object currentValue = current == null ? null : current.getValue();
    if (currentValue instanceof Number a && sentValue instanceof Number b) {
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
    }
    if (currentValue instanceof Date a && sentValue instanceof Date b) {
      return a.getTime() == b.getTime();
    }
    return Objects.equals(currentValue, sentValue);
  }

  private static void put(VariableMap map, String name, Object value) {
    if (value instanceof TypedValue typed) {
      map.putValueTyped(name, typed);
    } else {
      map.putValue(name, value);
    }
  }

  private IdentityService identity() {
    return engine.getIdentityService();
  }

  private <T> T asSystem(Supplier<T> lookup) {
    Authentication person = identity().getCurrentAuthentication();
    identity().clearAuthentication();
    try {
      return lookup.get();
    } finally {
      identity().setAuthentication(person);
    }
  }

  /** Reads and replaces the engine command fields this boundary inspects (checked by a test against the engine). */
  static final class CommandFields {
    private CommandFields() {
    }

    @SuppressWarnings("unchecked")
    static <T> T read(Object command, String name) {
      try {
        return (T) field(command.getClass(), name).get(command);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    static void write(Object command, String name, Object value) {
      try {
        field(command.getClass(), name).set(command, value);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    static Field field(Class<?> type, String name) {
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        try {
          Field field = c.getDeclaredField(name);
          field.setAccessible(true);
          return field;
        } catch (NoSuchFieldException e) {
          // look in the superclass
        }
      }
      throw new IllegalStateException(type.getName() + " has no field " + name + " (engine version changed?)");
    }
  }
}
