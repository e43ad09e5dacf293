package cn.henan.skills.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.henan.skills.SkillsHenanTest;
import cn.henan.skills.platform.Refusal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Deploying as Camunda Modeler does — a multipart POST to {@code /engine-rest/deployment/create} with Basic
 * credentials: a process administrator deploys; a broken model is answered 400 with every problem in Chinese; a
 * unit's filer and the province's reviewers are answered 403 with a Chinese sentence. Nothing refused is deployed.
 */
@SkillsHenanTest
class DeploymentRestTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;

  @Test
  void aProcessAdministratorDeploysFromModeler() throws IOException {
    ResponseEntity<String> answer = deploy("admin", "admin", Map.of("deploy-check-rest.bpmn",
        DeploymentCheckTest.model("deploy-check-rest", "<bpmn:userTask id=\"work\" name=\"审核\" "
            + "camunda:candidateGroups=\"province-edu\" camunda:formRef=\"urge-reply\" camunda:formRefBinding=\"latest\" />", "")));
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    assertThat(JSON.readTree(answer.getBody()).path("deployedProcessDefinitions").toString())
        .contains("\"key\":\"deploy-check-rest\"");
  }

  @Test
  void aBrokenModelIsAnswered400WithEveryProblemAndNothingIsDeployed() throws IOException {
    long deployments = repositoryService.createDeploymentQuery().count();
    long definitions = repositoryService.createProcessDefinitionQuery().count();
    ResponseEntity<String> answer = deploy("admin", "admin", Map.of("deploy-check-rest-broken.bpmn",
        DeploymentCheckTest.model("deploy-check-rest-broken", "<bpmn:userTask id=\"work\" name=\"审核\" />",
            "<bpmn:serviceTask id=\"pdf\" name=\"生成 PDF\" camunda:delegateExpression=\"${generateReportPdff}\" />")));
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    JsonNode body = JSON.readTree(answer.getBody());
    assertThat(body.path("type").asText()).isEqualTo("Refusal");
    assertThat(body.path("message").asText()).startsWith("未部署任何内容：部署检查发现 2 个问题")
        .contains("“deploy-check-rest-broken.bpmn” 中的 “work”（审核）：用户任务没有候选组")
        .contains("“pdf”（生成 PDF）：委托表达式 “${generateReportPdff}” 中的 “generateReportPdff” 不是系统中的 Bean")
        .doesNotContain("Exception").doesNotContain("ENGINE-");
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repositoryService.createProcessDefinitionQuery().count()).isEqualTo(definitions);
  }

  @Test
  void theMonthlyReportWithoutItsUploadFormIsRefused() throws IOException {
    // Modeler deploys the open diagram; an embedded form must be attached to the deployment
    String monthlyReport = new ClassPathResource("bpmn/monthly-report.bpmn").getContentAsString(StandardCharsets.UTF_8);
    ResponseEntity<String> answer = deploy("admin", "admin", Map.of("monthly-report.bpmn", monthlyReport));
    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(JSON.readTree(answer.getBody()).path("message").asText()).startsWith("未部署任何内容：部署检查发现 1 个问题")
        .contains("表单 “embedded:deployment:monthly-report-upload.html” 引用的文件 “monthly-report-upload.html” 不在本次部署中");
  }

  @Test
  void noOneButProcessAdministratorsMayDeploy() throws IOException {
    long deployments = repositoryService.createDeploymentQuery().count();
    for (String user : new String[] {"u001-filer", "u001-leader", "province", "leader"}) {
      ResponseEntity<String> answer = deploy(user, "demo", Map.of("deploy-check-rest-" + user + ".bpmn",
          DeploymentCheckTest.model("deploy-check-rest-" + user,
              "<bpmn:userTask id=\"work\" camunda:candidateGroups=\"" + user + "\" />", "")));
      assertThat(answer.getStatusCode().value()).as(user + ": " + answer.getBody()).isEqualTo(403);
      assertThat(JSON.readTree(answer.getBody()).path("message").asText())
          .startsWith("只有流程管理员（process-admin）可以部署");
    }
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);

    // removing a deployment: over REST a non-administrator does not even find it (Camunda's 404); through the API
    String applications = repositoryService.createDeploymentQuery().deploymentName("skills-henan").list().get(0).getId();
    identityService.setAuthentication("province", List.of("province-edu"));
    try {
      assertThatThrownBy(() -> repositoryService.deleteDeployment(applications, true))
          .isInstanceOf(Refusal.class).hasMessageContaining("可以部署或删除流程模型");
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(repositoryService.createDeploymentQuery().deploymentId(applications).count()).isOne();
  }

  /** The request Camunda Modeler sends (its deploy dialog: name, source, the diagram and attached files). */
  private ResponseEntity<String> deploy(String user, String password, Map<String, String> files) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("deployment-name", "deploy-check-rest");
    body.add("deployment-source", "Camunda Modeler");
    body.add("deploy-changed-only", "true");
    new TreeMap<>(files).forEach((name, content) -> body.add(name,
        new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return name;
          }
        }));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, password).postForEntity("/engine-rest/deployment/create",
        new HttpEntity<>(body, headers), String.class);
  }
}
