package cn.henan.skills.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.SkillsHenanTest;
import cn.henan.skills.TasklistSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Province-wide statistics — process definition statistics, metrics, history reports, cleanable reports and the
 * Cockpit plugin API — are refused to unit users with 403 and one Chinese sentence, over {@code /engine-rest} (HTTP
 * Basic) and over the webapps' own engine REST (a Tasklist session); the province and the administrator get them.
 */
@SkillsHenanTest
class AggregatesTest {
  static final String SENTENCE = "全省汇总统计只供省级用户和管理员查看。";

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repositoryService;

  /** The statistics paths under an engine REST root ({@code /engine-rest} or the webapps' engine API). */
  private List<String> enginePaths() {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("unit-year")
        .latestVersion().singleResult();
    String id = definition.getId();
    return List.of(
        "/process-definition/statistics",
        "/process-definition/statistics?incidents=true",
        "/process-definition/" + id + "/statistics",
        "/process-definition/key/unit-year/statistics",
        "/process-definition/key/unit-year/statistics?failedJobs=true",
        "/deployment/" + definition.getDeploymentId() + "/statistics",
        "/history/process-definition/" + id + "/statistics",
        "/metrics",
        "/metrics/activity-instance-start/sum",
        "/metrics/process-instances/sum",
        "/history/process-instance/report?reportType=duration&periodUnit=month",
        "/history/task/report?reportType=count&groupBy=processDefinition",
        "/history/task/report?reportType=duration&periodUnit=month",
        "/history/process-definition/cleanable-process-instance-report",
        "/history/process-definition/cleanable-process-instance-report/count",
        "/history/decision-definition/cleanable-decision-instance-report",
        "/history/batch/cleanable-batch-report",
        "/history/case-definition/cleanable-case-instance-report",
        "/incident/count");
  }

  private static final List<String> COCKPIT = List.of(
      "/plugin/base/default/process-definition/statistics",
      "/plugin/base/default/process-definition/statistics-count",
      "/plugin/base/default/incident/count",
      "/plugin/base/default/process-instance/count",
      "/plugin/cockpitPlugins");

  /** What the province and the administrator read among them (the others answer them 404 or need other rights). */
  private static boolean provinceReads(String path) {
    return !path.startsWith("/deployment/") && !path.startsWith("/history/batch/") && !path.equals("/incident/count");
  }

  @Test
  void aUnitUserIsRefusedWithASentenceOverBothRestRoots() throws Exception {
    TasklistSession session = signIn("u001-filer", "demo");
    List<String> refused = new ArrayList<>();
    for (String path : enginePaths()) {
      if (path.equals("/incident/count")) {
        continue;
      }
      refused.add(path);
      assertRefused("/engine-rest" + path, http.withBasicAuth("u001-filer", "demo")
          .getForEntity("/engine-rest" + path, String.class));
      assertRefused("/engine-rest/engine/default" + path, http.withBasicAuth("u029-leader", "demo")
          .getForEntity("/engine-rest/engine/default" + path, String.class));
      assertRefused("webapp " + path, session.get("/camunda/api/engine/engine/default" + path));
    }
    for (String path : COCKPIT) {
      assertRefused("cockpit GET " + path, session.get("/camunda/api/cockpit" + path));
      assertRefused("cockpit POST " + path, session.post("/camunda/api/cockpit" + path, "{}"));
    }
    assertThat(refused).hasSizeGreaterThan(15);

    // what is not an aggregate stays as Camunda's authorizations make it: the unit's own, filtered
    for (String path : List.of("/task", "/process-definition?key=unit-year", "/incident/count", "/process-instance")) {
      assertThat(http.withBasicAuth("u001-filer", "demo").getForEntity("/engine-rest" + path, String.class)
          .getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
      assertThat(session.get("/camunda/api/engine/engine/default" + path).getStatusCode()).as("webapp " + path)
          .isEqualTo(HttpStatus.OK);
    }
  }

  @Test
  void theProvinceAndTheAdministratorReadTheStatistics() {
    for (String user : List.of("province", "leader", "admin")) {
      String password = user.equals("admin") ? "admin" : "demo";
      TasklistSession session = signIn(user, password);
      for (String path : enginePaths()) {
        if (!provinceReads(path)) {
          continue;
        }
        assertThat(http.withBasicAuth(user, password).getForEntity("/engine-rest" + path, String.class)
            .getStatusCode()).as(user + " /engine-rest" + path).isEqualTo(HttpStatus.OK);
        assertThat(session.get("/camunda/api/engine/engine/default" + path).getStatusCode())
            .as(user + " webapp " + path).isEqualTo(HttpStatus.OK);
      }
      assertThat(session.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics")
          .getStatusCode()).as(user + " Cockpit's process statistics").isEqualTo(HttpStatus.OK);
    }
    assertThat(http.withBasicAuth("admin", "admin").getForEntity("/engine-rest/history/batch/cleanable-batch-report",
        String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void withoutASignedInUserTheCockpitApiIsRefusedToo() throws Exception {
    assertRefused("no session", http.getForEntity(
        "/camunda/api/cockpit/plugin/base/default/process-definition/statistics", String.class));
    assertThat(http.getForEntity("/engine-rest/process-definition/statistics", String.class).getStatusCode())
        .as("no credentials: the REST authentication answers first").isEqualTo(HttpStatus.UNAUTHORIZED);
    // the plugins' code is not statistics: Cockpit needs it to show its sign-in page
    ResponseEntity<String> plugin = http.getForEntity(
        "/camunda/api/cockpit/plugin/cockpitPlugins/static/app/plugin.js", String.class);
    assertThat(plugin.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(plugin.getBody()).doesNotContain(SENTENCE);
  }

  private static void assertRefused(String what, ResponseEntity<String> response) throws Exception {
    assertThat(response.getStatusCode()).as(what).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(response.getHeaders().getContentType()).as(what).isNotNull();
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).as(what).isTrue();
    JsonNode body = json(response.getBody());
    assertThat(body.get("type").asText()).as(what).isEqualTo("Forbidden");
    assertThat(body.get("message").asText()).as(what).isEqualTo(SENTENCE);
    assertThat(response.getBody()).as(what + ": no Java class name").doesNotContain("Exception").doesNotContain("org.");
  }

  private static String status(ResponseEntity<String> response) {
    String body = response.getBody() == null ? "" : response.getBody().replaceAll("\\s+", " ");
    return response.getStatusCode().value() + "(" + body.substring(0, Math.min(body.length(), 70)) + ")";
  }

  private TasklistSession signIn(String user, String password) {
    return TasklistSession.signIn(http, user, password);
  }

  static JsonNode json(String body) throws Exception {
    return new ObjectMapper().readTree(body);
  }
}
