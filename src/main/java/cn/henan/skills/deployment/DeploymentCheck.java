package cn.henan.skills.deployment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Finds everything a deployment would break in the running system — every problem, not the first — so that it can be
 * refused as a whole: user tasks nobody can do, expressions naming beans (or their methods) the application does not
 * have, timers that do not read, forms, processes and decisions referenced but not there, Camunda Forms Tasklist
 * cannot open, DMN the engine cannot read, and process keys, messages and decisions the Java code relies on
 * ({@link ModelRequirements}) that the engine would be left without. Runs for every deployment through
 * {@link DeploymentCheckPlugin}.
 */
@Component
class DeploymentCheck {
  private final ListableBeanFactory beans;
  private final ObjectProvider<ModelRequirements> requirements;

  DeploymentCheck(ListableBeanFactory beans, ObjectProvider<ModelRequirements> requirements) {
    this.beans = beans;
    this.requirements = requirements;
  }

  /** The problems of a deployment of these resources (file name → content) into an engine holding {@code engine}. */
  List<DeploymentProblem> problems(Map<String, byte[]> resources, EngineModels engine) {
    List<DeploymentProblem> problems = new ArrayList<>();
    Map<String, byte[]> sorted = new TreeMap<>(resources);

    Map<String, String> formFiles = new LinkedHashMap<>();
    Set<String> formFieldKeys = new LinkedHashSet<>();
    Map<String, Document> bpmn = new LinkedHashMap<>();
    Map<String, String> processFiles = new LinkedHashMap<>();
    Map<String, String> decisionFiles = new LinkedHashMap<>();
    Map<String, DmnCheck.Read> decisions = new HashMap<>();
    sorted.forEach((name, content) -> {
      if (name.endsWith(".form")) {
        FormCheck.Form form = FormCheck.read(name, content, problems);
        if (form != null) {
          FormCheck.check(name, form, problems);
          formFieldKeys.addAll(form.keys());
          if (form.id() != null) {
            formFiles.put(form.id(), name);
          }
        }
      } else if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
        Document model = readBpmn(name, content, problems);
        if (model != null) {
          bpmn.put(name, model);
          Xml.all(model.getDocumentElement(), Xml.BPMN, "process")
              .forEach(process -> processFiles.put(process.getAttribute("id"), name));
        }
      } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
        for (DmnCheck.Read read : DmnCheck.read(name, content, engine, problems)) {
          decisions.put(read.key(), read);
          decisionFiles.put(read.key(), name);
        }
      }
    });
    Contents contents = new Contents(sorted.keySet(), formFiles, formFieldKeys, bpmn, processFiles, decisionFiles);
    bpmn.forEach((name, model) -> BpmnCheck.check(name, model, contents, engine, this::beanType, problems));
    requirements.orderedStream().forEach(required -> checkRequired(required, contents, decisions, engine, problems));
    return problems;
  }

  private static Document readBpmn(String name, byte[] content, List<DeploymentProblem> problems) {
    try {
      Document model = Xml.parse(content);
      if (!Xml.BPMN.equals(model.getDocumentElement().getNamespaceURI())) {
        problems.add(DeploymentProblem.ofFile(name, "不是 BPMN 2.0 模型（根元素应为 BPMN 的 definitions）。"));
        return null;
      }
      return model;
    } catch (SAXException | IOException e) {
      problems.add(DeploymentProblem.ofFile(name, "BPMN 文件无法解析（" + e.getMessage() + "）。"));
      return null;
    }
  }

  private Class<?> beanType(String name) {
    return beans.containsBean(name) ? beans.getType(name) : null;
  }

  private static void checkRequired(ModelRequirements required, Contents contents,
      Map<String, DmnCheck.Read> decisions, EngineModels engine, List<DeploymentProblem> problems) {
    for (String key : required.processKeys()) {
      if (!contents.processFiles().containsKey(key) && !engine.hasProcess(key)) {
        problems.add(DeploymentProblem.ofDeployment("系统代码依赖的流程 “" + key + "” 部署后仍不存在，请一起部署它的模型。"));
      }
    }
    required.messages().forEach((key, messages) -> {
      String file = contents.processFiles().get(key);
      if (file == null) {
        return; // not in this deployment: the deployed versions keep their messages
      }
      Element process = Xml.all(contents.bpmn().get(file).getDocumentElement(), Xml.BPMN, "process").stream()
          .filter(p -> key.equals(p.getAttribute("id"))).findFirst().orElseThrow();
      Set<String> caught = messagesCaught(process);
      for (String message : messages) {
        if (!caught.contains(message)) {
          problems.add(new DeploymentProblem(file, key, process.getAttribute("name"), "新版本不再接收系统代码发送的消息 “"
              + message + "”：此后启动的流程收不到它。"));
        }
      }
    });
    required.decisions().forEach((key, decision) -> {
      DmnCheck.Read read = decisions.get(key);
      if (read != null) {
        DmnCheck.checkRequirement(contents.decisionFiles().get(key), read, decision, problems);
      } else if (!contents.decisionFiles().containsKey(key) && !engine.hasDecision(key)) {
        problems.add(DeploymentProblem.ofDeployment("系统代码调用的决策 “" + key + "” 部署后仍不存在，请一起部署它的决策表。"));
      }
    });
  }

  /** The names of the messages the process catches: its message events and receive tasks, by the message's name. */
  private static Set<String> messagesCaught(Element process) {
    Map<String, String> names = new HashMap<>();
    for (Element message : Xml.all(process.getOwnerDocument().getDocumentElement(), Xml.BPMN, "message")) {
      names.put(message.getAttribute("id"), message.getAttribute("name"));
    }
    Set<String> caught = new LinkedHashSet<>();
    for (Element element : Xml.all(process, "*", "*")) {
      String ref = Xml.attribute(element, null, "messageRef");
      if (ref != null && names.containsKey(ref)) {
        caught.add(names.get(ref));
      }
    }
    return caught;
  }

}
