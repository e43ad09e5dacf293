package cn.henan.skills.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.SkillsHenanTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The allowlist is the form: for every user task and start form of every deployed model, what {@link FormFields}
 * reads from the deployed form equals the form's input fields as counted here another way. Every user task has a form.
 */
@SkillsHenanTest
class FormFieldsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** form-js components that show something or group others; every other keyed component takes input. */
  private static final Set<String> NOT_INPUT = Set.of("text", "html", "image", "button", "spacer", "separator",
      "group", "iframe", "table", "expression", "dynamiclist", "default");

  @Autowired RepositoryService repositoryService;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;

  @Test
  void everyUserTaskAndStartFormOfEveryModelMayWriteExactlyItsFormsInputFields() throws Exception {
    List<String> checked = new ArrayList<>();
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
      Map<String, byte[]> resources = resources(definition.getDeploymentId());
      BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
      for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
        String formRef;
        String formKey;
        if (element instanceof UserTask task) {
          formRef = task.getCamundaFormRef();
          formKey = task.getCamundaFormKey();
          if (formRef == null && formKey == null) {
            // Tasklist offers a task without a form only its Complete button: DeployedForms answers NONE
            checked.add(definition.getKey() + "/" + task.getId() + " (no form)");
            continue;
          }
        } else if (element instanceof StartEvent start && start.getParentElement() instanceof Process) {
          formRef = start.getCamundaFormRef();
          formKey = start.getCamundaFormKey();
          if (formRef == null && formKey == null) {
            continue;
          }
        } else {
          continue;
        }
        byte[] form = formRef != null ? latestCamundaForm(formRef)
            : resources.get(formKey.replace("embedded:deployment:", ""));
        assertThat(form).as(definition.getKey() + "/" + element.getId() + " form " + formRef + formKey).isNotNull();
        FormFields fields = FormFields.parse(form);
        Set<String>[] expected = formRef != null ? countCamundaForm(form) : countEmbeddedForm(form);
        assertThat(fields.writable()).as(element.getId() + " writable").isEqualTo(expected[0]);
        assertThat(fields.display()).as(element.getId() + " display").isEqualTo(expected[1]);
        checked.add(definition.getKey() + "/" + element.getId());
      }
    }
    assertThat(checked).contains("monthly-report/fill-report", "monthly-report/upload-stamped-scan")
        .anyMatch(c -> c.startsWith("quota-distribution/"));
    assertThat(checked.size()).as("user tasks and start forms checked").isGreaterThanOrEqualTo(20);
  }

  @Test
  void readOnlyDisabledNestedAndConditionalFieldsAreToldApart() {
    String form = """
        {"id": "f", "components": [
          {"type": "text", "text": "{{a}}"},
          {"type": "textfield", "key": "name"},
          {"type": "textarea", "key": "summary", "readonly": true},
          {"type": "number", "key": "total", "disabled": true},
          {"type": "group", "components": [{"type": "radio", "key": "decision"},
            {"type": "textfield", "key": "maybe", "readonly": "=decision = 'approve'"}]},
          {"type": "button", "key": "submit"}]}
        """;
    FormFields fields = FormFields.parse(form.getBytes(StandardCharsets.UTF_8));
    assertThat(fields.writable()).containsExactly("name", "decision", "maybe");
    assertThat(fields.display()).containsExactly("summary", "total");

    String html = """
        <form><input type="text" cam-variable-name="year" cam-variable-type="Integer" />
        <input type="text" readonly cam-variable-name="shown" />
        <textarea ng-disabled="x" cam-variable-name='note'></textarea>
        <select cam-variable-name="source" disabled="disabled"></select></form>
        """;
    FormFields embedded = FormFields.parse(html.getBytes(StandardCharsets.UTF_8));
    assertThat(embedded.writable()).containsExactly("year", "note");
    assertThat(embedded.display()).containsExactly("shown", "source");
  }

  @SuppressWarnings("unchecked")
  private static Set<String>[] countCamundaForm(byte[] form) throws Exception {
    Set<String> writable = new LinkedHashSet<>();
    Set<String> display = new LinkedHashSet<>();
    for (JsonNode component : JSON.readTree(form).findParents("key")) {
      if (NOT_INPUT.contains(component.path("type").asText("default"))) {
        continue;
      }
      boolean readOnly = component.path("readonly").isBoolean() && component.path("readonly").asBoolean()
          || component.path("disabled").isBoolean() && component.path("disabled").asBoolean();
      (readOnly ? display : writable).add(component.get("key").asText());
    }
    display.removeAll(writable);
    return new Set[] {writable, display};
  }

  @SuppressWarnings("unchecked")
  private static Set<String>[] countEmbeddedForm(byte[] form) {
    Set<String> writable = new LinkedHashSet<>();
    Set<String> display = new LinkedHashSet<>();
    String html = new String(form, StandardCharsets.UTF_8);
    Matcher name = Pattern.compile("cam-variable-name=\"([^\"]+)\"").matcher(html);
    while (name.find()) {
      int tagStart = html.lastIndexOf('<', name.start());
      String tag = html.substring(tagStart, html.indexOf('>', name.end()) + 1);
      boolean readOnly = Pattern.compile("\\s(readonly|disabled)[\\s=/>]").matcher(tag).find();
      (readOnly ? display : writable).add(name.group(1));
    }
    display.removeAll(writable);
    return new Set[] {writable, display};
  }

  /**
   * The form Tasklist opens for {@code formRefBinding="latest"}: the engine's latest version of the form id, wherever
   * it was deployed (a model may be deployed without its Camunda Forms, from Modeler or by the application's
   * changed-only deployment).
   */
  private byte[] latestCamundaForm(String formId) throws Exception {
    CamundaFormDefinitionEntity latest = engineConfiguration.getCommandExecutorTxRequired().execute(
        command -> command.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formId));
    if (latest == null) {
      return null;
    }
    try (InputStream in = repositoryService.getResourceAsStream(latest.getDeploymentId(), latest.getResourceName())) {
      return in.readAllBytes();
    }
  }

  private Map<String, byte[]> resources(String deploymentId) throws Exception {
    Map<String, byte[]> resources = new HashMap<>();
    for (String name : repositoryService.getDeploymentResourceNames(deploymentId)) {
      try (InputStream in = repositoryService.getResourceAsStream(deploymentId, name)) {
        resources.put(name, in.readAllBytes());
      }
    }
    return resources;
  }
}
