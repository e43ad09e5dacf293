package cn.henan.skills.deployment;

import cn.henan.skills.deployment.ModelRequirements.DecisionRequirement;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionLiteralExpressionImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;

/**
 * A DMN file as the engine's own DMN engine reads it (a file that does not parse, or a table whose rules do not fit
 * its inputs and outputs, fails there), each FEEL entry parsed, and each decision's inputs and outputs compared with
 * what the code relies on.
 */
final class DmnCheck {
  private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

  /** A decision of the file as the engine reads it. */
  record Read(String key, String name, DmnDecision decision) {
  }

  private DmnCheck() {
  }

  /** The decisions of the file, or none (with the problem added) when the engine cannot read it. */
  static List<Read> read(String resource, byte[] content, EngineModels engine, List<DeploymentProblem> problems) {
    DmnDecisionRequirementsGraph graph;
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
      graph = engine.dmnEngine().parseDecisionRequirementsGraph(model);
    } catch (RuntimeException e) {
      problems.add(DeploymentProblem.ofFile(resource, "决策文件无法解析，或决策表的结构有错（例如规则的条件个数与输入个数"
          + "不符、输出没有名称）。引擎的说明：" + e.getMessage()));
      return List.of();
    }
    List<Read> decisions = new ArrayList<>();
    for (DmnDecision decision : graph.getDecisions()) {
      decisions.add(new Read(decision.getKey(), decision.getName(), decision));
      Decision element = model.getModelElementById(decision.getKey());
      if (element != null && element.getCamundaHistoryTimeToLiveString() == null) {
        problems.add(new DeploymentProblem(resource, decision.getKey(), decision.getName(), "决策没有设置历史保留期限"
            + "（camunda:historyTimeToLive），本系统要求每个决策都设置。"));
      }
      if (decision.getDecisionLogic() instanceof DmnDecisionTableImpl table) {
        checkEntries(resource, decision, table, problems);
      }
    }
    return decisions;
  }

  private static void checkEntries(String resource, DmnDecision decision, DmnDecisionTableImpl table,
      List<DeploymentProblem> problems) {
    for (DmnDecisionTableInputImpl input : table.getInputs()) {
      feel(resource, decision, "输入 “" + label(input.getName(), input.getId()) + "” 的输入表达式", input.getExpression(),
          FEEL::parseExpression, problems);
    }
    for (DmnDecisionTableRuleImpl rule : table.getRules()) {
      for (int i = 0; i < rule.getConditions().size(); i++) {
        feel(resource, decision, "规则 “" + rule.getId() + "” 的第 " + (i + 1) + " 个条件", rule.getConditions().get(i),
            FEEL::parseUnaryTests, problems);
      }
      for (int i = 0; i < rule.getConclusions().size(); i++) {
        feel(resource, decision, "规则 “" + rule.getId() + "” 的第 " + (i + 1) + " 个结果", rule.getConclusions().get(i),
            FEEL::parseExpression, problems);
      }
    }
  }

  private static void feel(String resource, DmnDecision decision, String what, DmnExpressionImpl expression,
      Function<String, ParseResult> parser, List<DeploymentProblem> problems) {
    String text = expression == null ? null : expression.getExpression();
    String language = expression == null ? null : expression.getExpressionLanguage();
    if (text == null || text.isBlank() || language != null && !language.toLowerCase(Locale.ROOT).contains("feel")) {
      return;
    }
    ParseResult parsed = parser.apply(text);
    if (parsed.isFailure()) {
      problems.add(new DeploymentProblem(resource, decision.getKey(), decision.getName(), what + " “" + text
          + "” 不是有效的 FEEL 表达式（" + parsed.failure().message() + "）。"));
    }
  }

  /** The inputs the code passes and the outputs it reads must still be in the new version of the decision. */
  static void checkRequirement(String resource, Read read, DecisionRequirement required,
      List<DeploymentProblem> problems) {
    Set<String> inputs = new HashSet<>();
    Set<String> outputs = new HashSet<>();
    if (read.decision().getDecisionLogic() instanceof DmnDecisionTableImpl table) {
      for (DmnDecisionTableInputImpl input : table.getInputs()) {
        inputs.add(input.getId());
        inputs.add(input.getName());
        inputs.add(input.getExpression() == null ? null : input.getExpression().getExpression());
        inputs.add(input.getInputVariable());
      }
      for (DmnDecisionTableOutputImpl output : table.getOutputs()) {
        outputs.add(output.getOutputName());
      }
    } else if (read.decision().getDecisionLogic() instanceof DmnDecisionLiteralExpressionImpl literal) {
      outputs.add(literal.getVariable().getName());
    }
    for (String input : required.inputs()) {
      if (!inputs.contains(input)) {
        problems.add(new DeploymentProblem(resource, read.key(), read.name(), "系统代码调用这个决策时传入 “" + input
            + "”，新版本中没有这一输入（按输入的 id、标签或输入表达式对照）：代码会得不到正确结果。"));
      }
    }
    for (String output : required.outputs()) {
      if (!outputs.contains(output)) {
        problems.add(new DeploymentProblem(resource, read.key(), read.name(), "系统代码读取这个决策的输出 “" + output
            + "”，新版本中没有这一输出（按输出名称 name 对照）：代码会读不到结果。"));
      }
    }
  }

  private static String label(String name, String id) {
    return name == null || name.isBlank() ? id : name;
  }

}
