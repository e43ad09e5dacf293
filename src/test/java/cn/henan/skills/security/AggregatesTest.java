package cn.henan.skills.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.SkillsHenanTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
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
        "/process-definition/statistics?incidents=true&rootIncidents=true",
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

  @Test
  void probe() {
    Map<String, String> seen = new LinkedHashMap<>();
    for (String user : List.of("u001-filer", "province", "admin")) {
      String password = user.equals("admin") ? "admin" : "demo";
      Session session = signIn(user, password);
      for (String path : enginePaths()) {
        seen.merge("/engine-rest" + path, user + "=" + status(http.withBasicAuth(user, password)
            .getForEntity("/engine-rest" + path, String.class)), (a, b) -> a + " " + b);
        seen.merge("/camunda/api/engine/engine/default" + path, user + "=" + status(session.get(
            "/camunda/api/engine/engine/default" + path)), (a, b) -> a + " " + b);
      }
      for (String path : COCKPIT) {
        seen.merge("/camunda/api/cockpit" + path, user + "=" + status(session.get("/camunda/api/cockpit" + path)),
            (a, b) -> a + " " + b);
        seen.merge("POST /camunda/api/cockpit" + path, user + "=" + status(session.post("/camunda/api/cockpit"
            + path, "{}")), (a, b) -> a + " " + b);
      }
    }
    seen.forEach((path, result) -> System.out.println("aggregates probe: " + path + " : " + result));
  }

  private static String status(ResponseEntity<String> response) {
    String body = response.getBody() == null ? "" : response.getBody().replaceAll("\\s+", " ");
    return response.getStatusCode().value() + "(" + body.substring(0, Math.min(body.length(), 70)) + ")";
  }

  /** A signed-in webapp session, as Tasklist or Cockpit has after its login form. */
  record Session(TestRestTemplate http, String cookies, String xsrf) {
    ResponseEntity<String> get(String path) {
      HttpHeaders headers = new HttpHeaders();
      headers.add(HttpHeaders.COOKIE, cookies);
      headers.setAccept(List.of(MediaType.APPLICATION_JSON));
      return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    ResponseEntity<String> post(String path, String jsonBody) {
      HttpHeaders headers = new HttpHeaders();
      headers.add(HttpHeaders.COOKIE, cookies);
      headers.add("X-XSRF-TOKEN", xsrf);
      headers.setContentType(MediaType.APPLICATION_JSON);
      headers.setAccept(List.of(MediaType.APPLICATION_JSON));
      return http.exchange(path, HttpMethod.POST, new HttpEntity<>(jsonBody, headers), String.class);
    }
  }

  /** Signs in to the webapps as their login form does: the XSRF cookie first, then the form with its token. */
  Session signIn(String user, String password) {
    ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
    List<String> cookies = new ArrayList<>(page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
        .map(c -> c.substring(0, c.indexOf(';'))).toList());
    String xsrf = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow()
        .substring("XSRF-TOKEN=".length());
    HttpHeaders login = new HttpHeaders();
    login.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    login.add(HttpHeaders.COOKIE, String.join("; ", cookies));
    login.add("X-XSRF-TOKEN", xsrf);
    ResponseEntity<String> signedIn = http.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
        HttpMethod.POST, new HttpEntity<>("username=" + user + "&password=" + password, login), String.class);
    assertThat(signedIn.getStatusCode()).as("login of " + user).isEqualTo(HttpStatus.OK);
    for (String set : signedIn.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
      String cookie = set.substring(0, set.indexOf(';'));
      String name = cookie.substring(0, cookie.indexOf('='));
      cookies.removeIf(c -> c.startsWith(name + "="));
      cookies.add(cookie);
      if (name.equals("XSRF-TOKEN")) {
        xsrf = cookie.substring(name.length() + 1);
      }
    }
    return new Session(http, String.join("; ", cookies), xsrf);
  }

  static JsonNode json(String body) throws Exception {
    return new ObjectMapper().readTree(body);
  }
}
