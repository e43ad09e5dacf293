package cn.henan.skills.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.junit.jupiter.api.Test;

/**
 * What a process administrator reads in Camunda Modeler stays there: every process, task, subprocess, call activity,
 * timer and deciding gateway of {@code bpmn/} has a Chinese name and a Chinese documentation, and every process its
 * {@code historyTimeToLive}. A new element without them fails the build.
 */
class ModelDocumentationTest {
  @Test
  void theMainElementsOfEveryModelAreNamedAndDocumentedInChinese() throws IOException {
    List<String> missing = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        BpmnModelInstance model;
        try (InputStream in = Files.newInputStream(file)) {
          model = Bpmn.readModelFromStream(in);
        }
        for (Process process : model.getModelElementsByType(Process.class)) {
          check(file, process, process.getName(), missing);
          if (process.getCamundaHistoryTimeToLiveString() == null) {
            missing.add(file.getFileName() + " " + process.getId() + ": historyTimeToLive");
          }
        }
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
          if (isMain(element)) {
            check(file, element, element.getName(), missing);
          }
        }
      }
    }
    assertThat(missing).as("elements without a Chinese name or documentation").isEmpty();
  }

  /** Tasks, subprocesses and call activities; timers; gateways that decide (more than one way out). */
  private static boolean isMain(FlowElement element) {
    return element instanceof Activity
        || element instanceof Event event && !event.getChildElementsByType(TimerEventDefinition.class).isEmpty()
        || element instanceof ExclusiveGateway gateway && gateway.getOutgoing().size() > 1;
  }

  private static void check(Path file, BaseElement element, String name, List<String> missing) {
    String where = file.getFileName() + " " + element.getId();
    if (name == null || !name.matches(".*\\p{IsHan}.*")) {
      missing.add(where + ": Chinese name");
    }
    if (element.getDocumentations().stream().map(Documentation::getTextContent)
        .noneMatch(text -> text != null && text.matches("(?s).*\\p{IsHan}.*"))) {
      missing.add(where + ": documentation");
    }
  }
}
