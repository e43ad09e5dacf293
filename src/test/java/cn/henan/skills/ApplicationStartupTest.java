package cn.henan.skills;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@SkillsHenanTest
class ApplicationStartupTest {
  @Autowired TestRestTemplate http;
  @Autowired DataSource dataSource;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;

  @Test
  void tasklistAnswers() {
    ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).containsIgnoringCase("tasklist");
  }

  @Test
  void tasklistAdminAndWelcomeSpeakChineseToChineseBrowsers() {
    for (String app : List.of("tasklist", "admin", "welcome")) {
      assertThat(http.getForEntity("/camunda/app/" + app + "/scripts/config.js", String.class).getBody())
          .as(app).contains("availableLocales: ['zh', 'en']");
      assertThat(http.getForEntity("/camunda/app/" + app + "/locales/zh.json", String.class).getBody())
          .as(app).contains("\"PAGE_LOGIN_PASSWORD\": \"密码\"");
    }
    assertThat(http.getForEntity("/camunda/app/tasklist/locales/zh.json", String.class).getBody())
        .contains("\"CLAIM_TASK\": \"认领\"");
  }

  @Test
  void theDashboardAndTheDemoClockPagesAnswer() {
    ResponseEntity<String> dashboard = http.getForEntity("/dashboard.html", String.class);
    assertThat(dashboard.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(dashboard.getBody()).contains("进度看板").contains("<script src=\"/dashboard.js\">");
    assertThat(http.getForEntity("/dashboard.js", String.class).getBody()).contains("/api/evaluation/")
        .contains("attachment2.xlsx");
    assertThat(http.getForEntity("/demo-clock.html", String.class).getBody()).contains("演示时钟");
    assertThat(http.getForEntity("/camunda/app/welcome/scripts/config.js", String.class).getBody())
        .as("linked from the Camunda welcome page").contains("href: '/dashboard.html'");
  }

  @Test
  void runsOnPostgresWithTheUnitRegistry() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
    assertThat(jdbc.queryForObject("select count(*) from unit where parent_code is null", Integer.class))
        .isEqualTo(171);
    assertThat(jdbc.queryForObject("select name from unit where code = 'u171'", String.class))
        .isEqualTo("河南卫生健康干部学院");
  }

  @Test
  void deploysModelsAndFormsFromTheirFolders() {
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("quota-distribution")
        .latestVersion().singleResult()).isNotNull();
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("unit-year")
        .latestVersion().singleResult()).isNotNull();
    String deploymentId = repositoryService.createDeploymentQuery().deploymentName("skills-henan")
        .orderByDeploymentTime().desc().list().get(0).getId();
    assertThat(repositoryService.getDeploymentResourceNames(deploymentId))
        .contains("quota-distribution.bpmn", "unit-year.bpmn", "quota-distribution-start.html",
            "quota-distribution-fix.html", "approve-allocation.form", "receive-annual-task.form");
  }

  @Test
  void seedsDemoIdentity() {
    assertThat(identityService.checkPassword("province", "demo")).isTrue();
    assertThat(identityService.checkPassword("u171-leader", "demo")).isTrue();
    assertThat(identityService.checkPassword("admin", "admin")).isTrue();
    assertThat(identityService.createGroupQuery().groupMember("u001-filer").singleResult().getId())
        .isEqualTo("u001-filer");
    assertThat(identityService.createGroupQuery().groupIdIn("province-edu", "province-leader", "province-1x",
        "province-hrss", "process-admin", "camunda-admin").count()).isEqualTo(6);
    assertThat(identityService.createGroupQuery().groupMember("admin").list())
        .extracting(g -> g.getId()).contains("camunda-admin", "process-admin");
  }
}
