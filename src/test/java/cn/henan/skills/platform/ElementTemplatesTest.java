package cn.henan.skills.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.SkillsHenanTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The element templates of {@code bpmn/element-templates} (Camunda Modeler's forms for the Java code's service tasks and
 * process listeners) name beans and methods that exist, and every service task and execution listener of the models is
 * offered by one, so a bean added to a model without its template fails the build. Camunda 7's template schema has no
 * task-listener binding, so task listeners cannot be templated: their beans and methods are checked here all the same.
 */
@SkillsHenanTest
class ElementTemplatesTest {
  static final Path TEMPLATES = Path.of("bpmn/element-templates");
  static final Path MODELS = Path.of("bpmn");
  /** {@code ${bean}} or {@code ${bean.method(arguments)}}, the two forms the models use. */
  static final Pattern EXPRESSION = Pattern.compile("\\$\\{(\\w+)(?:\\.(\\w+)\\((.*)\\))?}");

  static final Map<String, JsonNode> templates = new HashMap<>();

  @Autowired ApplicationContext context;

  @BeforeAll
  static void readTemplates() throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        for (JsonNode template : json.readTree(file.toFile())) {
          assertThat(templates.put(template.get("id").asText(), template)).as("template id used twice: %s",
              template.get("id")).isNull();
        }
      }
    }
  }

  @Test
  void everyTemplateNamesABeanAndMethodThatExist() {
    assertThat(templates).isNotEmpty();
    for (JsonNode template : templates.values()) {
      assertThat(template.get("name").asText()).as("a Chinese name").matches(".*\\p{IsHan}.*");
      assertThat(template.get("description").asText()).as("a Chinese description").matches(".*\\p{IsHan}.*");
      boolean serviceTask = appliesTo(template, "bpmn:ServiceTask");
      List<String> implementations = implementations(template);
      assertThat(implementations).as("%s implements something", template.get("id")).isNotEmpty();
      implementations.forEach(expression -> assertCallable(expression,
          serviceTask ? JavaDelegate.class : ExecutionListener.class, template.get("id").asText()));
    }
  }

  @Test
  void everyServiceTaskAndExecutionListenerOfTheModelsIsOfferedByATemplate() throws IOException {
    Set<String> offeredForTasks = offered("bpmn:ServiceTask");
    Set<String> offeredForProcesses = offered("bpmn:Process");
    List<String> missing = new ArrayList<>();
    for (Map.Entry<Path, BpmnModelInstance> model : models().entrySet()) {
      for (ServiceTask task : model.getValue().getModelElementsByType(ServiceTask.class)) {
        String expression = implementation(task);
        if (!offeredForTasks.contains(expression)) {
          missing.add(model.getKey().getFileName() + " " + task.getId() + ": " + expression);
        }
        assertTemplateMatches(task, List.of(expression));
      }
      for (Process process : model.getValue().getModelElementsByType(Process.class)) {
        List<String> listeners = process.getExtensionElements() == null ? List.of() : process.getExtensionElements()
            .getElementsQuery().filterByType(CamundaExecutionListener.class).list().stream()
            .map(ElementTemplatesTest::implementation).toList();
        listeners.stream().filter(listener -> !offeredForProcesses.contains(listener))
            .forEach(listener -> missing.add(model.getKey().getFileName() + " " + process.getId() + ": " + listener));
        if (!listeners.isEmpty()) {
          assertTemplateMatches(process, listeners);
        }
      }
      // listeners elsewhere than on the process would need a template of their element's kind
      assertThat(model.getValue().getModelElementsByType(CamundaExecutionListener.class))
          .as("execution listeners only on processes").allMatch(l -> l.getParentElement().getParentElement()
              instanceof Process);
    }
    assertThat(missing).as("used in bpmn/ without an element template in bpmn/element-templates").isEmpty();
  }

  @Test
  void taskListenersNameBeansAndMethodsThatExist() throws IOException {
    Set<String> listeners = new TreeSet<>();
    for (BpmnModelInstance model : models().values()) {
      model.getModelElementsByType(CamundaTaskListener.class).forEach(listener -> listeners.add(
          listener.getCamundaDelegateExpression() != null ? listener.getCamundaDelegateExpression()
              : listener.getCamundaExpression()));
    }
    assertThat(listeners).isNotEmpty();
    listeners.forEach(expression -> assertCallable(expression, TaskListener.class, "task listener"));
  }

  /** {@code ${bean}}: a bean of that type; {@code ${bean.method(a, b)}}: a bean with a public method of that arity. */
  private void assertCallable(String expression, Class<?> delegateType, String where) {
    Matcher parts = EXPRESSION.matcher(expression);
    assertThat(parts.matches()).as("%s: %s is ${bean} or ${bean.method(…)}", where, expression).isTrue();
    String bean = parts.group(1);
    assertThat(context.containsBean(bean)).as("%s: bean %s", where, bean).isTrue();
    Class<?> type = AopUtils.getTargetClass(context.getBean(bean));
    if (parts.group(2) == null) {
      assertThat(delegateType).as("%s: %s", where, expression).isAssignableFrom(type);
      return;
    }
    int arity = parts.group(3).isBlank() ? 0 : parts.group(3).split(",").length;
    assertThat(Arrays.stream(type.getMethods()))
        .as("%s: %s has a public method %s with %d arguments", where, bean, parts.group(2), arity)
        .anyMatch(method -> method.getName().equals(parts.group(2)) && method.getParameterCount() == arity);
  }

  /** An element that names its template carries that template's implementation, so Modeler's form shows the truth. */
  private static void assertTemplateMatches(BaseElement element, List<String> implementations) {
    String id = element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "modelerTemplate");
    assertThat(id).as("%s names its element template (camunda:modelerTemplate)", element.getId()).isNotNull();
    assertThat(templates).as("%s: template %s", element.getId(), id).containsKey(id);
    assertThat(implementations(templates.get(id))).as("%s: what template %s sets", element.getId(), id)
        .containsExactlyInAnyOrderElementsOf(implementations);
  }

  private static Set<String> offered(String type) {
    Set<String> offered = new TreeSet<>();
    templates.values().stream().filter(template -> appliesTo(template, type))
        .forEach(template -> offered.addAll(implementations(template)));
    return offered;
  }

  private static boolean appliesTo(JsonNode template, String type) {
    for (JsonNode applies : template.get("appliesTo")) {
      if (applies.asText().equals(type)) {
        return true;
      }
    }
    return false;
  }

  /** The expressions a template writes: a service task's implementation, a process's execution listeners. */
  private static List<String> implementations(JsonNode template) {
    List<String> found = new ArrayList<>();
    for (JsonNode property : template.get("properties")) {
      JsonNode binding = property.get("binding");
      String name = binding.path("name").asText();
      if (binding.get("type").asText().equals("camunda:executionListener")
          || name.equals("camunda:expression") || name.equals("camunda:delegateExpression")) {
        found.add(property.get("value").asText());
      }
    }
    return found;
  }

  private static String implementation(ServiceTask task) {
    return task.getCamundaDelegateExpression() != null ? task.getCamundaDelegateExpression()
        : task.getCamundaExpression();
  }

  private static String implementation(CamundaExecutionListener listener) {
    return listener.getCamundaDelegateExpression() != null ? listener.getCamundaDelegateExpression()
        : listener.getCamundaExpression();
  }

  private static Map<Path, BpmnModelInstance> models() throws IOException {
    Map<Path, BpmnModelInstance> models = new HashMap<>();
    try (Stream<Path> files = Files.list(MODELS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          models.put(file, Bpmn.readModelFromStream(in));
        }
      }
    }
    return models;
  }
}
