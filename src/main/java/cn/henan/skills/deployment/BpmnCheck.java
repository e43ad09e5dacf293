package cn.henan.skills.deployment;

import static cn.henan.skills.deployment.Xml.BPMN;
import static cn.henan.skills.deployment.Xml.CAMUNDA;
import static cn.henan.skills.deployment.Xml.attribute;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The checks of one BPMN file: who does each user task, what every expression starts from, whether timers read, and
 * whether the forms, called processes and decisions it names will be there.
 */
final class BpmnCheck {
  /** Names the engine itself offers in an expression (Camunda's VariableScopeElResolver). */
  private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "externalTask", "caseExecution",
      "authenticatedUserId");
  /** Functions the engine offers: its own date and user functions, and Spin's (plugin installed). */
  private static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups", "S",
      "XML", "JSON");
  /** Elements whose text is prose, a script or a literal, not an expression (a user task's documentation is one). */
  private static final Set<String> NOT_EXPRESSIONS = Set.of("documentation", "text", "script", "string");
  /** Attributes through which the model itself writes a variable that later expressions may read. */
  private static final List<String> WRITES_VARIABLE = List.of("elementVariable", "resultVariable", "initiator");
  private static final Pattern DELEGATE_BY_NAME = Pattern.compile("[$#]\\{\\s*[A-Za-z_$][\\w$]*\\s*}");
  private static final Map<String, String> TIMER_CALENDARS = Map.of("timeDate", "dueDate", "timeDuration", "duration",
      "timeCycle", "cycle");
  private static final Map<String, String> TIMER_EXAMPLES = Map.of("timeDate", "ISO 8601 日期时间（如 2022-03-30T23:59:59+08:00）",
      "timeDuration", "ISO 8601 时长（如 P3D、PT12H）", "timeCycle", "ISO 8601 循环（如 R/P1M）或 cron 表达式");

  private final String resource;
  private final Contents contents;
  private final EngineModels engine;
  private final Function<String, Class<?>> beans;
  private final List<DeploymentProblem> problems;
  private final Set<String> modelVariables = new HashSet<>();

  private BpmnCheck(String resource, Contents contents, EngineModels engine, Function<String, Class<?>> beans,
      List<DeploymentProblem> problems) {
    this.resource = resource;
    this.contents = contents;
    this.engine = engine;
    this.beans = beans;
    this.problems = problems;
  }

  /** Adds the problems of the file to {@code problems}; {@code beans} gives a bean's type by name, null if none. */
  static void check(String resource, Document model, Contents contents, EngineModels engine,
      Function<String, Class<?>> beans, List<DeploymentProblem> problems) {
    new BpmnCheck(resource, contents, engine, beans, problems).check(model.getDocumentElement());
  }

  private void check(Element definitions) {
    modelVariables.addAll(contents.formFieldKeys());
    for (Element element : Xml.all(definitions, "*", "*")) {
      for (String writer : WRITES_VARIABLE) {
        addIfPresent(attribute(element, CAMUNDA, writer));
      }
      if (CAMUNDA.equals(element.getNamespaceURI()) && Set.of("outputParameter", "formField")
          .contains(element.getLocalName())) {
        addIfPresent(attribute(element, null, element.getLocalName().equals("formField") ? "id" : "name"));
      } else if (CAMUNDA.equals(element.getNamespaceURI()) && element.getLocalName().equals("out")) {
        addIfPresent(attribute(element, null, "target"));
      }
    }
    for (Element process : Xml.all(definitions, BPMN, "process")) {
      if ("false".equals(attribute(process, null, "isExecutable"))) {
        continue; // a pool drawn for context: the engine does not deploy it
      }
      if (attribute(process, CAMUNDA, "historyTimeToLive") == null) {
        problem(process, "流程没有设置历史保留期限（camunda:historyTimeToLive，在 Modeler 的“History cleanup”中填写天数），"
            + "本系统要求每个流程都设置。");
      }
      walk(process);
    }
  }

  private void addIfPresent(String variable) {
    if (variable != null && !isExpression(variable)) {
      modelVariables.add(variable);
    }
  }

  private void walk(Element element) {
    if (BPMN.equals(element.getNamespaceURI())) {
      switch (element.getLocalName()) {
        case "userTask" -> checkUserTask(element);
        case "startEvent" -> checkForm(element);
        case "timerEventDefinition" -> checkTimer(element);
        case "callActivity" -> checkCalled(element);
        case "businessRuleTask" -> checkDecisionRef(element);
        default -> {
        }
      }
    }
    if (NOT_EXPRESSIONS.contains(element.getLocalName()) && !isTaskDescription(element)) {
      return;
    }
    if (BPMN.equals(element.getNamespaceURI()) && element.getLocalName().equals("conditionExpression")
        && attribute(element, null, "language") != null) {
      return; // a script condition
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      boolean literal = "stringValue".equals(attribute.getLocalName())
          || "name".equals(attribute.getLocalName()) && !isUserTask(element); // only a task's name is evaluated
      if (!literal && isExpression(attribute.getValue())) {
        checkExpression(element, attribute.getValue(), "delegateExpression".equals(attribute.getLocalName()));
      }
    }
    StringBuilder text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    if (isExpression(text.toString())) {
      checkExpression(element, text.toString().strip(), false);
    }
    for (Element child : Xml.children(element)) {
      walk(child);
    }
  }

  private static boolean isUserTask(Element element) {
    return BPMN.equals(element.getNamespaceURI()) && "userTask".equals(element.getLocalName());
  }

  /** The engine evaluates a user task's documentation as the task's description. */
  private static boolean isTaskDescription(Element element) {
    return BPMN.equals(element.getNamespaceURI()) && "documentation".equals(element.getLocalName())
        && element.getParentNode() instanceof Element parent && isUserTask(parent);
  }

  private void checkUserTask(Element task) {
    boolean someone = attribute(task, CAMUNDA, "assignee") != null
        || attribute(task, CAMUNDA, "candidateGroups") != null || attribute(task, CAMUNDA, "candidateUsers") != null
        || Xml.children(task).stream().anyMatch(child -> BPMN.equals(child.getNamespaceURI())
            && Set.of("potentialOwner", "humanPerformer").contains(child.getLocalName()));
    if (!someone) {
      problem(task, "用户任务没有候选组（candidateGroups），也没有办理人（assignee）：任务创建后没有人能看到和办理它。");
    }
    checkForm(task);
  }

  /** {@code camunda:formKey} of a file in the deployment, {@code camunda:formRef} of a Camunda Form by its id. */
  private void checkForm(Element element) {
    String formKey = attribute(element, CAMUNDA, "formKey");
    String file = formKey == null || isExpression(formKey) ? null : deploymentFile(formKey);
    if (file != null && !contents.resourceNames().contains(file)) {
      problem(element, "表单 “" + formKey + "” 引用的文件 “" + file + "” 不在本次部署中：从 Modeler 部署时，请在部署对话框中"
          + "把这个表单文件一起附上。");
    }
    String formRef = attribute(element, CAMUNDA, "formRef");
    if (formRef == null || isExpression(formRef)) {
      return;
    }
    String binding = attribute(element, CAMUNDA, "formRefBinding");
    if (!Set.of("latest", "deployment", "version").contains(String.valueOf(binding))) {
      problem(element, "表单引用 “" + formRef + "” 没有有效的绑定方式（camunda:formRefBinding 应为 latest、deployment 或 "
          + "version，在 Modeler 的“Form”中选择 Binding）。");
      return;
    }
    boolean inDeployment = contents.formFiles().containsKey(formRef);
    int deployed = engine.latestFormVersion(formRef);
    if ("deployment".equals(binding)) {
      if (!inDeployment) {
        problem(element, "表单引用 “" + formRef + "” 绑定本次部署（formRefBinding=deployment），但本次部署中没有 id 为 “"
            + formRef + "” 的 Camunda 表单。");
      }
    } else if ("version".equals(binding)) {
      String version = attribute(element, CAMUNDA, "formRefVersion");
      if (version != null && !isExpression(version) && !formVersionExists(version, deployed, inDeployment)) {
        problem(element, "表单引用 “" + formRef + "” 指定的版本 “" + version + "” 不存在（已部署的最新版本为 " + deployed
            + "）。");
      }
    } else if (!inDeployment && deployed == 0) { // latest
      problem(element, "表单引用 “" + formRef + "” 找不到：本次部署中没有 id 为 “" + formRef + "” 的 Camunda 表单，"
          + "系统中也没有已部署的。");
    }
  }

  private static boolean formVersionExists(String version, int deployed, boolean inDeployment) {
    try {
      int wanted = Integer.parseInt(version);
      return wanted >= 1 && (wanted <= deployed || inDeployment && wanted == deployed + 1);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The file a form key takes from the process's own deployment, or null for a form served elsewhere. */
  static String deploymentFile(String formKey) {
    for (String prefix : List.of("embedded:deployment:", "camunda-forms:deployment:", "deployment:")) {
      if (formKey.startsWith(prefix)) {
        return formKey.substring(prefix.length());
      }
    }
    return null;
  }

  private void checkTimer(Element definition) {
    for (Element child : Xml.children(definition)) {
      String kind = child.getLocalName();
      String text = child.getTextContent() == null ? "" : child.getTextContent().strip();
      if (!TIMER_CALENDARS.containsKey(kind) || isExpression(text)) {
        continue; // an expression: what it starts from is checked with the other expressions
      }
      try {
        engine.calendars().getBusinessCalendar(TIMER_CALENDARS.get(kind)).resolveDuedate(text);
      } catch (RuntimeException e) {
        problem(definition, "定时器的 “" + text + "” 不是有效的 " + TIMER_EXAMPLES.get(kind) + "，引擎无法据此设定时间。");
      }
    }
  }

  private void checkCalled(Element call) {
    String key = attribute(call, null, "calledElement");
    String binding = attribute(call, CAMUNDA, "calledElementBinding");
    if (key == null || isExpression(key) || "version".equals(binding) || "versionTag".equals(binding)) {
      return;
    }
    boolean inDeployment = contents.processFiles().containsKey(key);
    if (!inDeployment && ("deployment".equals(binding) || !engine.hasProcess(key))) {
      problem(call, "调用的流程 “" + key + "” 找不到：本次部署中没有这个流程" + ("deployment".equals(binding) ? "（调用绑定本次部署）。"
          : "，系统中也没有已部署的。"));
    }
  }

  private void checkDecisionRef(Element task) {
    String key = attribute(task, CAMUNDA, "decisionRef");
    String binding = attribute(task, CAMUNDA, "decisionRefBinding");
    if (key == null || isExpression(key) || "version".equals(binding) || "versionTag".equals(binding)) {
      return;
    }
    boolean inDeployment = contents.decisionFiles().containsKey(key);
    if (!inDeployment && ("deployment".equals(binding) || !engine.hasDecision(key))) {
      problem(task, "引用的决策 “" + key + "” 找不到：本次部署中没有这个决策" + ("deployment".equals(binding) ? "（引用绑定本次部署）。"
          : "，系统中也没有已部署的。"));
    }
  }

  /**
   * Every name an expression starts from must be one the engine can resolve when it runs: a Spring bean (with the
   * method or property used on it), a name of the engine, or — when only its value is read — a variable. A variable
   * may come from a form, the model or the Java code, so a plain {@code ${name}} is taken as a variable; a name used
   * as an object ({@code ${name.method(…)}}, {@code ${name.property}}) or a delegate must be something the system
   * has.
   */
  private void checkExpression(Element element, String expression, boolean delegate) {
    Expressions.Parsed parsed = Expressions.parse(expression);
    if (parsed.error() != null) {
      problem(element, "表达式 “" + expression + "” 无法解析（" + parsed.error() + "）。");
      return;
    }
    for (String function : parsed.functions()) {
      if (!FUNCTIONS.contains(function)) {
        problem(element, "表达式 “" + expression + "” 调用了引擎没有的函数 “" + function + "()”。");
      }
    }
    boolean byName = delegate && DELEGATE_BY_NAME.matcher(expression).matches();
    for (Expressions.Name name : parsed.names()) {
      String identifier = name.identifier();
      if (ENGINE_NAMES.contains(identifier)) {
        continue;
      }
      Class<?> bean = beans.apply(identifier);
      if (bean != null) {
        checkMember(element, expression, identifier, bean, name);
      } else if (byName) {
        problem(element, "委托表达式 “" + expression + "” 中的 “" + identifier + "” 不是系统中的 Bean（Spring 组件）："
            + "运行到这里时引擎找不到要执行的代码。");
      } else if (name.usedAsObject() && !modelVariables.contains(identifier)) {
        problem(element, "表达式 “" + expression + "” 中的 “" + identifier + "” 不是系统中的 Bean（Spring 组件），"
            + "也不是引擎提供的名称（execution、task、authenticatedUserId 等）或本模型写入的变量：运行到这里时会出错。");
      }
    }
  }

  private void checkMember(Element element, String expression, String bean, Class<?> type, Expressions.Name name) {
    if (!name.usedAsObject() || "[]".equals(name.member()) || Map.class.isAssignableFrom(type)) {
      return;
    }
    String member = name.member();
    if (name.arguments() >= 0) {
      int arguments = name.arguments();
      boolean found = Arrays.stream(type.getMethods()).anyMatch(method -> method.getName().equals(member)
          && (method.getParameterCount() == arguments
              || method.isVarArgs() && arguments >= method.getParameterCount() - 1));
      if (!found) {
        problem(element, "表达式 “" + expression + "” 调用的 Bean “" + bean + "” 没有带 " + arguments + " 个参数的方法 “"
            + member + "”" + similar(type, member) + "。");
      }
    } else if (!hasProperty(type, member)) {
      problem(element, "表达式 “" + expression + "” 读取的 Bean “" + bean + "” 没有属性 “" + member + "”。");
    }
  }

  /** The bean's methods of that name with other numbers of arguments, to say what was meant. */
  private static String similar(Class<?> type, String member) {
    List<String> counts = Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(member))
        .map(Method::getParameterCount).distinct().sorted().map(String::valueOf).toList();
    return counts.isEmpty() ? "" : "（它的 “" + member + "” 带 " + String.join(" 或 ", counts) + " 个参数）";
  }

  private static boolean hasProperty(Class<?> type, String member) {
    try {
      return Arrays.stream(Introspector.getBeanInfo(type).getPropertyDescriptors())
          .map(PropertyDescriptor::getName).anyMatch(member::equals)
          || Arrays.stream(type.getFields()).anyMatch(field -> field.getName().equals(member));
    } catch (IntrospectionException e) {
      return true; // cannot tell: not refused
    }
  }

  static boolean isExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** The problem, placed at the nearest element Modeler shows with an id (the task of a listener, not the listener). */
  private void problem(Element at, String text) {
    Element owner = at;
    while (owner != null && !(BPMN.equals(owner.getNamespaceURI()) && attribute(owner, null, "id") != null
        && !owner.getLocalName().endsWith("EventDefinition"))) {
      owner = owner.getParentNode() instanceof Element parent ? parent : null;
    }
    problems.add(owner == null ? DeploymentProblem.ofFile(resource, text)
        : new DeploymentProblem(resource, attribute(owner, null, "id"), attribute(owner, null, "name"), text));
  }
}
