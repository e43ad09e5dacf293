package cn.henan.skills.deployment;

import cn.henan.skills.platform.Refusal;
import java.util.List;

/**
 * The deployment check's answer: every problem found, numbered, one a line; the deployment's transaction rolls back,
 * so nothing of it is deployed. Over REST a 400 with this text (Camunda Modeler shows it in its deploy dialog).
 */
public class DeploymentRefused extends Refusal {
  private final transient List<DeploymentProblem> problems;

  DeploymentRefused(List<DeploymentProblem> problems) {
    super(text(problems));
    this.problems = List.copyOf(problems);
  }

  public List<DeploymentProblem> problems() {
    return problems;
  }

  private static String text(List<DeploymentProblem> problems) {
    StringBuilder text = new StringBuilder("未部署任何内容：部署检查发现 ").append(problems.size())
        .append(" 个问题，请在 Modeler 中改正后重新部署。");
    for (int i = 0; i < problems.size(); i++) {
      text.append('\n').append(i + 1).append(". ").append(problems.get(i).sentence());
    }
    return text.toString();
  }
}
