package cn.henan.skills.deployment;

/**
 * One thing a deployment would break, said in Chinese and placed: the resource (file name), and the element by its id
 * and name as Modeler shows them (none for a problem of the whole file).
 */
public record DeploymentProblem(String resource, String elementId, String elementName, String text) {

  static DeploymentProblem ofFile(String resource, String text) {
    return new DeploymentProblem(resource, null, null, text);
  }

  /** A problem of the deployment as a whole: what it would leave the engine without. */
  static DeploymentProblem ofDeployment(String text) {
    return new DeploymentProblem(null, null, null, text);
  }

  /** E.g. {@code monthly-report.bpmn 中的 fill-report（填报进度月报）：用户任务没有候选组……}. */
  public String sentence() {
    if (resource == null) {
      return "本次部署：" + text;
    }
    StringBuilder where = new StringBuilder("“").append(resource).append("”");
    if (elementId != null) {
      where.append(" 中的 “").append(elementId).append("”");
      if (elementName != null && !elementName.isBlank()) {
        where.append("（").append(elementName.strip()).append("）");
      }
    }
    return where.append("：").append(text).toString();
  }
}
