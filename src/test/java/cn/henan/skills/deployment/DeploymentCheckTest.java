package cn.henan.skills.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.henan.skills.SkillsHenanTest;
import cn.henan.skills.deployment.ModelRequirements.DecisionRequirement;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Issue 13, point 3: every kind of broken model, form and decision is refused through the engine's own deployment
 * (the Java API here; REST in {@code DeploymentRestTest}) with a Chinese sentence naming file, element id and name,
 * and nothing of it is deployed; several problems are all listed; good models deploy. The models are small ones of
 * this test's own (keys {@code deploy-check-…}) next to the application's.
 */
@SkillsHenanTest
class DeploymentCheckTest {
  @Autowired RepositoryService repositoryService;
  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired ConfigurableApplicationContext context;
  @Autowired DeploymentCheck check;

  @Test
  void aGoodModelWithBeansTimersAndItsFormDeploys() {
    Deployment deployed = deploy(Map.of("deploy-check-good.bpmn", model("deploy-check-good", """
        <bpmn:userTask id="work" name="填报 ${taskNames.month(execution)} 样例（${taskNames.unit(execution)}）"
            camunda:candidateGroups="${processUnit.filers(execution)}" camunda:formRef="deploy-check-good-form"
            camunda:formRefBinding="latest" camunda:dueDate="${replyBy}">
          <bpmn:extensionElements>
            <camunda:taskListener delegateExpression="${reportView}" event="create" />
            <camunda:taskListener expression="${returnReasons.require(task, 'signDecision', 'returnReason')}"
                event="complete" />
          </bpmn:extensionElements>
        </bpmn:userTask>""", """
        <bpmn:boundaryEvent id="due" name="到期" attachedToRef="work" cancelActivity="false">
          <bpmn:timerEventDefinition id="due-timer"><bpmn:timeDate>${reportCalendar.dueDate(execution)}</bpmn:timeDate>
          </bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:boundaryEvent id="literal-timers" attachedToRef="work" cancelActivity="false">
          <bpmn:timerEventDefinition id="literal-duration"><bpmn:timeDuration>P3D</bpmn:timeDuration>
          </bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:boundaryEvent id="cron" attachedToRef="work" cancelActivity="false">
          <bpmn:timerEventDefinition id="cron-cycle"><bpmn:timeCycle>0 0 9 5 * ?</bpmn:timeCycle>
          </bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:boundaryEvent id="at-date" attachedToRef="work" cancelActivity="false">
          <bpmn:timerEventDefinition id="date"><bpmn:timeDate>2022-03-30T23:59:59+08:00</bpmn:timeDate>
          </bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:serviceTask id="named-unit" name="${taskNames.named(execution, namedUnit)}" camunda:expression="${namedUnit}"
            camunda:resultVariable="chosen" />
        <bpmn:serviceTask id="reads-chosen" camunda:expression="${chosen.toString()}" />
        <bpmn:task id="literal-name" name="说明文字 ${notEvaluated.here()}">
          <bpmn:documentation>${notEvaluated.either()}</bpmn:documentation>
        </bpmn:task>"""),
        "deploy-check-good.form", form("deploy-check-good-form", "replyBy")));
    assertThat(repositoryService.createProcessDefinitionQuery().deploymentId(deployed.getId()).count()).isOne();
  }

  @Test
  void aUserTaskWithoutCandidateGroupsOrAssigneeIsRefused() {
    refused(Map.of("deploy-check-nobody.bpmn", model("deploy-check-nobody",
        "<bpmn:userTask id=\"work\" name=\"无人办理\" />", "")),
        "“deploy-check-nobody.bpmn” 中的 “work”（无人办理）：用户任务没有候选组（candidateGroups），也没有办理人（assignee）");
  }

  @Test
  void unknownBeansAndMethodsAreRefusedWhereverTheExpressionIs() {
    refused(Map.of("deploy-check-beans.bpmn", model("deploy-check-beans", """
        <bpmn:userTask id="work" name="月报（${taskNamez.unit(execution)}）"
            camunda:candidateGroups="${unitGroups.filers(execution)}">
          <bpmn:documentation>请于 ${calendarz.due(execution)} 前办理</bpmn:documentation>
          <bpmn:extensionElements>
            <camunda:taskListener delegateExpression="${noSuchListener}" event="create" />
          </bpmn:extensionElements>
        </bpmn:userTask>""", """
        <bpmn:serviceTask id="pdf" name="生成" camunda:delegateExpression="${generateReportPdff}" />
        <bpmn:serviceTask id="mail" name="提醒" camunda:expression="${reportDeadlines.remindd(execution)}" />
        <bpmn:serviceTask id="calendar" name="日历" camunda:expression="${reportCalendar.dueDate()}" />
        <bpmn:boundaryEvent id="due" name="到期" attachedToRef="work">
          <bpmn:timerEventDefinition id="due-timer"><bpmn:timeDate>${calendar.dueDate(execution)}</bpmn:timeDate>
          </bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>""")),
        "“work”（月报（${taskNamez.unit(execution)}））：表达式 “月报（${taskNamez.unit(execution)}）” 中的 “taskNamez” 不是系统中的 Bean",
        "“${unitGroups.filers(execution)}” 中的 “unitGroups” 不是系统中的 Bean",
        "委托表达式 “${noSuchListener}” 中的 “noSuchListener” 不是系统中的 Bean",
        "“pdf”（生成）：委托表达式 “${generateReportPdff}” 中的 “generateReportPdff” 不是系统中的 Bean",
        "“mail”（提醒）：表达式 “${reportDeadlines.remindd(execution)}” 调用的 Bean “reportDeadlines” 没有带 1 个参数的方法 “remindd”",
        "“calendar”（日历）：表达式 “${reportCalendar.dueDate()}” 调用的 Bean “reportCalendar” 没有带 0 个参数的方法 “dueDate”（它的 “dueDate” 带 1 个参数）",
        "“due”（到期）：表达式 “${calendar.dueDate(execution)}” 中的 “calendar” 不是系统中的 Bean",
        "表达式 “请于 ${calendarz.due(execution)} 前办理” 中的 “calendarz” 不是系统中的 Bean");
  }

  @Test
  void timersThatDoNotReadAreRefused() {
    refused(Map.of("deploy-check-timers.bpmn", model("deploy-check-timers",
        "<bpmn:userTask id=\"work\" camunda:candidateGroups=\"province-edu\" />", """
        <bpmn:boundaryEvent id="remind" name="提醒" attachedToRef="work" cancelActivity="false">
          <bpmn:timerEventDefinition id="remind-timer"><bpmn:timeDuration>P3X</bpmn:timeDuration>
          </bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:boundaryEvent id="due" name="到期" attachedToRef="work">
          <bpmn:timerEventDefinition id="due-timer"><bpmn:timeDate>2022-13-45T25:00</bpmn:timeDate>
          </bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:boundaryEvent id="monthly" name="每月" attachedToRef="work" cancelActivity="false">
          <bpmn:timerEventDefinition id="monthly-timer"><bpmn:timeCycle>R/P1Q</bpmn:timeCycle>
          </bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>""")),
        "“remind”（提醒）：定时器的 “P3X” 不是有效的 ISO 8601 时长",
        "“due”（到期）：定时器的 “2022-13-45T25:00” 不是有效的 ISO 8601 日期时间",
        "“monthly”（每月）：定时器的 “R/P1Q” 不是有效的 ISO 8601 循环");
  }

  @Test
  void formsThatAreNotThereAreRefused() {
    refused(Map.of("deploy-check-forms.bpmn", model("deploy-check-forms", """
        <bpmn:userTask id="work" name="填报" camunda:candidateGroups="province-edu" camunda:formRef="no-such-form"
            camunda:formRefBinding="latest" />""",
        """
        <bpmn:userTask id="upload" name="上传" camunda:candidateGroups="province-edu"
            camunda:formKey="embedded:deployment:missing-upload.html" />
        <bpmn:userTask id="bound" name="绑定" camunda:candidateGroups="province-edu" camunda:formRef="urge-reply"
            camunda:formRefBinding="deployment" />
        <bpmn:userTask id="pinned" name="固定版本" camunda:candidateGroups="province-edu" camunda:formRef="urge-reply"
            camunda:formRefBinding="version" camunda:formRefVersion="99" />
        <bpmn:userTask id="latest" name="已部署的表单" camunda:candidateGroups="province-edu" camunda:formRef="urge-reply"
            camunda:formRefBinding="latest" />
        <bpmn:userTask id="unbound" name="未选绑定" camunda:candidateGroups="province-edu" camunda:formRef="urge-reply" />""")),
        "“work”（填报）：表单引用 “no-such-form” 找不到",
        "“upload”（上传）：表单 “embedded:deployment:missing-upload.html” 引用的文件 “missing-upload.html” 不在本次部署中",
        "“bound”（绑定）：表单引用 “urge-reply” 绑定本次部署（formRefBinding=deployment），但本次部署中没有",
        "“pinned”（固定版本）：表单引用 “urge-reply” 指定的版本 “99” 不存在",
        "“unbound”（未选绑定）：表单引用 “urge-reply” 没有有效的绑定方式（camunda:formRefBinding 应为 latest、deployment 或 version");
  }

  @Test
  void aCamundaFormWhoseFieldClashesWithItsOwnIdIsRefused() {
    refused(Map.of("deploy-check-clash.form", form("deploy-check-clash", "deploy-check-clash"),
        "deploy-check-no-id.form", "{\"components\": []}", "deploy-check-not-json.form", "{\"id\": "),
        "“deploy-check-clash.form” 中的 “deploy-check-clash-field”（deploy-check-clash）：字段的 key “deploy-check-clash” 与表单自身的 id 相同",
        "“deploy-check-no-id.form”：Camunda 表单缺少 “id”",
        "“deploy-check-not-json.form”：不是有效的 Camunda 表单（JSON 无法解析");
  }

  @Test
  void aDecisionThatDoesNotParseOrWhoseTableIsBrokenIsRefused() {
    String twoInputsOneEntry = decision("deploy-check-broken", "score", "grade", "\"A\"")
        .replace("<inputEntry id=\"rule-1-score\"><text>&gt;= 90</text></inputEntry>",
            "<inputEntry id=\"rule-1-score\"><text>&gt;= 90</text></inputEntry>"
                + "<inputEntry id=\"rule-1-extra\"><text>-</text></inputEntry>");
    refused(Map.of("deploy-check-broken.dmn", twoInputsOneEntry,
        "deploy-check-not-xml.dmn", "<definitions",
        "deploy-check-feel.dmn", decision("deploy-check-feel", "score", "grade", "\"A\" +* 3")),
        "“deploy-check-broken.dmn”：决策文件无法解析，或决策表的结构有错",
        "“deploy-check-not-xml.dmn”：决策文件无法解析",
        "“deploy-check-feel.dmn” 中的 “deploy-check-feel”（部署检查样例决策）：规则 “rule-1” 的第 1 个结果 “\"A\" +* 3” 不是有效的 FEEL 表达式");
  }

  @Test
  void aModelWithSeveralProblemsListsThemAll() {
    DeploymentRefused refusal = refused(Map.of("deploy-check-many.bpmn", model("deploy-check-many",
        "<bpmn:userTask id=\"work\" name=\"无人\" camunda:formRef=\"no-such-form\" camunda:formRefBinding=\"latest\" />",
        """
        <bpmn:serviceTask id="pdf" camunda:delegateExpression="${noSuchDelegate}" />
        <bpmn:boundaryEvent id="due" attachedToRef="work">
          <bpmn:timerEventDefinition id="due-timer"><bpmn:timeDuration>三天</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>""").replace(" camunda:historyTimeToLive=\"30\"", ""),
        "deploy-check-many.form", form("deploy-check-many", "deploy-check-many")),
        "用户任务没有候选组", "表单引用 “no-such-form” 找不到", "“noSuchDelegate” 不是系统中的 Bean", "定时器的 “三天”",
        "流程没有设置历史保留期限", "与表单自身的 id 相同");
    assertThat(refusal.problems()).hasSize(6);
    assertThat(refusal.getMessage()).startsWith("未部署任何内容：部署检查发现 6 个问题").contains("\n6. ");
  }

  @Test
  void whatTheCodeReliesOnMayNotGoMissingOrChange() {
    DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
    // a rules feature publishes its decisions this way; this one is the test's own
    beans.registerSingleton("deployCheckTestRequirements", new ModelRequirements(Set.of("deploy-check-relied-on"),
        Map.of("deploy-check-relied-on", Set.of("年度任务已下达")),
        Map.of("deploy-check-grade", new DecisionRequirement(Set.of("score"), Set.of("grade")))));
    try {
      refused(Map.of("deploy-check-unrelated.bpmn", model("deploy-check-unrelated",
          "<bpmn:userTask id=\"work\" camunda:candidateGroups=\"province-edu\" />", "")),
          "本次部署：系统代码依赖的流程 “deploy-check-relied-on” 部署后仍不存在",
          "本次部署：系统代码调用的决策 “deploy-check-grade” 部署后仍不存在");

      String withMessage = model("deploy-check-relied-on",
          "<bpmn:userTask id=\"work\" camunda:candidateGroups=\"province-edu\" />", """
          <bpmn:boundaryEvent id="published" name="任务下达" attachedToRef="work">
            <bpmn:messageEventDefinition id="published-message" messageRef="message-published" />
          </bpmn:boundaryEvent>""").replace("<bpmn:process", "<bpmn:message id=\"message-published\" name=\"年度任务已下达\" />"
          + "<bpmn:process");
      deploy(Map.of("deploy-check-relied-on.bpmn", withMessage,
          "deploy-check-grade.dmn", decision("deploy-check-grade", "score", "grade", "\"A\"")));

      // new versions that drop the message, rename the decision's input or output
      refused(Map.of("deploy-check-relied-on.bpmn", withMessage.replace("name=\"年度任务已下达\"", "name=\"任务已下达\"")),
          "“deploy-check-relied-on.bpmn” 中的 “deploy-check-relied-on”（部署检查样例）：新版本不再接收系统代码发送的消息 “年度任务已下达”");
      refused(Map.of("deploy-check-grade.dmn", decision("deploy-check-grade", "points", "grade", "\"A\"")),
          "“deploy-check-grade.dmn” 中的 “deploy-check-grade”（部署检查样例决策）：系统代码调用这个决策时传入 “score”，新版本中没有这一输入");
      refused(Map.of("deploy-check-grade.dmn", decision("deploy-check-grade", "score", "level", "\"A\"")),
          "系统代码读取这个决策的输出 “grade”，新版本中没有这一输出");
      // a change that keeps what the code uses deploys
      deploy(Map.of("deploy-check-grade.dmn", decision("deploy-check-grade", "score", "grade", "\"优秀\"")));
    } finally {
      beans.destroySingleton("deployCheckTestRequirements");
    }
  }

  @Test
  void theShippedModelsDecisionsAndFormsPassAndTheCheckIsTimed() throws IOException {
    Map<String, byte[]> shipped = new TreeMap<>();
    for (String pattern : List.of("classpath*:bpmn/*.bpmn", "classpath*:bpmn/*.dmn", "classpath*:forms/*.form",
        "classpath*:forms/*.html")) {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
        shipped.put(resource.getFilename(), resource.getContentAsByteArray());
      }
    }
    assertThat(shipped).containsKeys("monthly-report.bpmn", "unit-year.bpmn", "monthly-report-fill.form",
        "monthly-report-upload.html");
    // wall time and the thread's CPU time (the machine is shared: CPU time varies less with the others' load)
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Long> wall = new ArrayList<>();
    List<Long> cpu = new ArrayList<>();
    for (int run = 0; run < 21; run++) {
      long started = System.nanoTime();
      long startedCpu = threads.getCurrentThreadCpuTime();
      List<DeploymentProblem> problems = engine.getCommandExecutorTxRequired()
          .execute(command -> check.problems(shipped, EngineModels.of(command)));
      cpu.add(threads.getCurrentThreadCpuTime() - startedCpu);
      wall.add(System.nanoTime() - started);
      assertThat(problems).as("problems of the shipped models").isEmpty();
    }
    long bytes = shipped.values().stream().mapToLong(content -> content.length).sum();
    System.out.printf("deployment check of all shipped models and forms (%d files, %d KB), 20 runs after the first:"
        + " wall median %.1f ms (min %.1f, max %.1f), CPU median %.1f ms (min %.1f, max %.1f); first run %.1f ms%n",
        shipped.size(), bytes / 1024, median(wall), min(wall), max(wall), median(cpu), min(cpu), max(cpu),
        wall.get(0) / 1e6);
  }

  private static double median(List<Long> nanos) {
    List<Long> warm = nanos.subList(1, nanos.size()).stream().sorted().toList();
    return warm.get(warm.size() / 2) / 1e6;
  }

  private static double min(List<Long> nanos) {
    return nanos.subList(1, nanos.size()).stream().mapToLong(Long::longValue).min().orElseThrow() / 1e6;
  }

  private static double max(List<Long> nanos) {
    return nanos.subList(1, nanos.size()).stream().mapToLong(Long::longValue).max().orElseThrow() / 1e6;
  }

  // --- helpers

  private Deployment deploy(Map<String, String> files) {
    DeploymentBuilder builder = repositoryService.createDeployment().name("deploy-check-test");
    files.forEach((name, content) -> builder.addString(name, content));
    return builder.deploy();
  }

  /** Refused with all of {@code sentences} in the message, and nothing of it deployed. */
  private DeploymentRefused refused(Map<String, String> files, String... sentences) {
    long deployments = repositoryService.createDeploymentQuery().count();
    long processes = repositoryService.createProcessDefinitionQuery().count();
    long decisions = repositoryService.createDecisionDefinitionQuery().count();
    Throwable thrown = catchThrowable(() -> deploy(files));
    assertThat(thrown).isInstanceOf(DeploymentRefused.class);
    DeploymentRefused refusal = (DeploymentRefused) thrown;
    assertThat(refusal.getMessage()).startsWith("未部署任何内容：部署检查发现 ").contains(List.of(sentences))
        .doesNotContain("Exception");
    assertThat(refusal.problems()).hasSizeGreaterThanOrEqualTo(sentences.length);
    assertThat(repositoryService.createDeploymentQuery().count()).as("no deployment").isEqualTo(deployments);
    assertThat(repositoryService.createProcessDefinitionQuery().count()).isEqualTo(processes);
    assertThat(repositoryService.createDecisionDefinitionQuery().count()).isEqualTo(decisions);
    return refusal;
  }

  static String model(String key, String work, String more) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="%1$s-definitions"
            targetNamespace="http://jyt.henan.gov.cn/skills-henan/test">
          <bpmn:process id="%1$s" name="部署检查样例" isExecutable="true" camunda:historyTimeToLive="30">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="to-work" sourceRef="start" targetRef="work" />
            %2$s
            <bpmn:sequenceFlow id="to-end" sourceRef="work" targetRef="end" />
            <bpmn:endEvent id="end" />
            %3$s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, work, more);
  }

  static String form(String id, String fieldKey) {
    return """
        {"id": "%1$s", "type": "default", "schemaVersion": 16, "components": [
          {"type": "textfield", "id": "%1$s-field", "key": "%2$s", "label": "%2$s"}]}
        """.formatted(id, fieldKey);
  }

  /** A decision table of one input and one output with one rule (score ≥ 90 → {@code result}). */
  static String decision(String key, String input, String output, String result) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
            id="%1$s-definitions" name="部署检查样例决策" namespace="http://jyt.henan.gov.cn/skills-henan/test">
          <decision id="%1$s" name="部署检查样例决策" camunda:historyTimeToLive="30">
            <decisionTable id="%1$s-table" hitPolicy="FIRST">
              <input id="input-score" label="分数"><inputExpression id="input-score-expression" typeRef="integer">
                <text>%2$s</text></inputExpression></input>
              <output id="output-grade" label="等级" name="%3$s" typeRef="string" />
              <rule id="rule-1">
                <inputEntry id="rule-1-score"><text>&gt;= 90</text></inputEntry>
                <outputEntry id="rule-1-grade"><text>%4$s</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(key, input, output, result);
  }
}
