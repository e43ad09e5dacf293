package cn.henan.skills.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.SkillsHenanTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The application's deployment at start: unchanged models keep their version across restarts; a changed file becomes
 * a new version on its own, with the files a model takes from its own deployment (embedded forms); a Camunda Form
 * referenced with {@code formRefBinding="latest"} is shared across deployments. Tried on a set of the test's own
 * under a deployment name of its own, so the application's models stay as they are.
 */
@SkillsHenanTest
class ProcessModelDeployerTest {
  private static final String NAME = "deploy-check-deployer";

  @Autowired ProcessModelDeployer deployer;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;

  @Test
  void aRestartWithUnchangedModelsDeploysNothingAndEveryModelKeepsItsVersion() throws IOException {
    long deployments = repositoryService.createDeploymentQuery().count();
    Map<String, Integer> versions = latestVersions();

    deployer.deploy();

    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(latestVersions()).isEqualTo(versions).containsKeys("monthly-report", "unit-year");
  }

  @Test
  void onlyChangedFilesBecomeNewVersionsAndAModelTakesItsEmbeddedFormAlong() throws IOException {
    Map<String, String> files = new TreeMap<>(Map.of(
        "deploy-check-upload.bpmn", model("deploy-check-upload",
            "camunda:formKey=\"embedded:deployment:deploy-check-upload.html\""),
        "deploy-check-upload.html", "<form><p>上传扫描件（第 1 版）</p></form>",
        "deploy-check-review.bpmn", model("deploy-check-review",
            "camunda:formRef=\"deploy-check-review-form\" camunda:formRefBinding=\"latest\""),
        "deploy-check-review.form", DeploymentCheckTest.form("deploy-check-review-form", "reviewNote")));
    assertThat(deployed(deployer.deployChanged(NAME, bytes(files)))).containsExactlyElementsOf(files.keySet());
    assertThat(deployer.deployChanged(NAME, bytes(files))).as("nothing changed: nothing deployed").isNull();

    // a Camunda Form alone: the model keeps its version and its tasks show the new form at once
    files.put("deploy-check-review.form", DeploymentCheckTest.form("deploy-check-review-form", "reviewComment"));
    assertThat(deployed(deployer.deployChanged(NAME, bytes(files)))).containsExactly("deploy-check-review.form");
    assertThat(version("deploy-check-review")).isOne();
    assertThat(taskForm("deploy-check-review")).contains("reviewComment");

    // the model alone: a new version, which takes the latest form from the earlier deployment
    files.put("deploy-check-review.bpmn", files.get("deploy-check-review.bpmn").replace("审核", "复核"));
    assertThat(deployed(deployer.deployChanged(NAME, bytes(files)))).containsExactly("deploy-check-review.bpmn");
    assertThat(version("deploy-check-review")).isEqualTo(2);
    assertThat(taskForm("deploy-check-review")).contains("reviewComment");

    // an embedded form is read from the model's own deployment: the changed form brings its model along …
    files.put("deploy-check-upload.html", "<form><p>上传扫描件（第 2 版）</p></form>");
    assertThat(deployed(deployer.deployChanged(NAME, bytes(files))))
        .containsExactly("deploy-check-upload.bpmn", "deploy-check-upload.html");
    assertThat(version("deploy-check-upload")).isEqualTo(2);
    assertThat(taskForm("deploy-check-upload")).contains("第 2 版");
    // … and the changed model its unchanged form
    files.put("deploy-check-upload.bpmn", files.get("deploy-check-upload.bpmn").replace("审核", "复核"));
    assertThat(deployed(deployer.deployChanged(NAME, bytes(files))))
        .containsExactly("deploy-check-upload.bpmn", "deploy-check-upload.html");
    assertThat(taskForm("deploy-check-upload")).contains("第 2 版");
    assertThat(version("deploy-check-review")).as("untouched").isEqualTo(2);
  }

  private Map<String, Integer> latestVersions() {
    Map<String, Integer> versions = new TreeMap<>();
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
      versions.put(definition.getKey(), definition.getVersion());
    }
    return versions;
  }

  private int version(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
        .getVersion();
  }

  private List<String> deployed(DeploymentWithDefinitions deployment) {
    assertThat(deployment).isNotNull();
    return repositoryService.getDeploymentResourceNames(deployment.getId()).stream().sorted().toList();
  }

  /** The form Tasklist would load for a task of a new instance of the latest version. */
  private String taskForm(String key) throws IOException {
    String instance = runtimeService.startProcessInstanceByKey(key).getId();
    Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
      return new String(form.readAllBytes(), StandardCharsets.UTF_8);
    } finally {
      runtimeService.deleteProcessInstance(instance, "test cleanup");
    }
  }

  private static Map<String, byte[]> bytes(Map<String, String> files) {
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    files.forEach((name, content) -> bytes.put(name, content.getBytes(StandardCharsets.UTF_8)));
    return bytes;
  }

  private static String model(String key, String form) {
    return DeploymentCheckTest.model(key, "<bpmn:userTask id=\"work\" name=\"审核\" camunda:candidateGroups=\"province-edu\" "
        + form + " />", "");
  }
}
