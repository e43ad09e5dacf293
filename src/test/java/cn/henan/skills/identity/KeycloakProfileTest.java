package cn.henan.skills.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.henan.skills.subdivision.SchoolQuotaLine;
import cn.henan.skills.subdivision.Subdivisions;
import cn.henan.skills.unit.Unit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Profile keycloak against the real Keycloak of keycloak/start.sh (realm skills-henan): the identity plugin reads the
 * realm (groups with their Chinese names), the APIs take the realm's bearer tokens with the default profile's
 * authorizations and trust boundary, a school registered by a subdivision gets its groups and user in Keycloak and
 * signs in there. The browser part (OIDC redirect, a form completed, sign-out of both) is {@link KeycloakBrowserTest}.
 */
@KeycloakRequired
// one engine at a time: Camunda registers each as "default" in a static registry
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ActiveProfiles("keycloak")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "skills-henan.database.data-directory=",
    "camunda.bpm.job-execution.enabled=false",
    "skills-henan.demo-clock.enabled=false",
    // an expired token is refused at once (the default tolerance is 60 s)
    "skills-henan.keycloak.clock-skew=0s"})
class KeycloakProfileTest {
  private static final int YEAR = 2031;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired IdentityService identityService;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired Subdivisions subdivisions;
  @Autowired TestRestTemplate http;

  private Task u001Task;
  private Task u002Task;

  @BeforeEach
  void publishTwoUnits() {
    PublishedYear.publish(engine, YEAR);
    u001Task = taskOf("u001");
    u002Task = taskOf("u002");
  }

  @Test
  void thePluginListsTheRealmsUsersAndGroups() {
    // 6 fixed groups and a filer and leader group for each of the 171 units, more once schools exist
    assertThat(identityService.createGroupQuery().count()).isGreaterThanOrEqualTo(6 + 171 * 2);
    assertThat(identityService.createGroupQuery().groupId("u171-leader").singleResult()).extracting(Group::getId)
        .isEqualTo("u171-leader");
    // the Chinese names of the default profile (Keycloak's attribute displayName, KeycloakGroupNames), ids unchanged
    assertThat(identityService.createGroupQuery().groupId("u001-filer").singleResult().getName())
        .isEqualTo("郑州市 填报人");
    assertThat(identityService.createGroupQuery().groupId("province-edu").singleResult().getName())
        .isEqualTo(ProvinceGroups.SEEDED.get("province-edu"));
    assertThat(identityService.createGroupQuery().groupType("SYSTEM").list()).extracting(Group::getId)
        .containsExactly("camunda-admin");
    assertThat(identityService.createGroupQuery().list()).filteredOn(g -> g.getId().startsWith("u0"))
        .allSatisfy(g -> assertThat(g.getName()).matches(".+ (填报人|领导小组组长)"));
    User filer = identityService.createUserQuery().userId("u001-filer").singleResult();
    assertThat(filer.getFirstName()).isEqualTo("郑州市");
    assertThat(filer.getLastName()).isEqualTo("填报人");
    assertThat(identityService.createGroupQuery().groupMember("u001-filer").list()).extracting(Group::getId)
        .containsExactly("u001-filer");
    assertThat(identityService.createGroupQuery().groupMember("admin").list()).extracting(Group::getId)
        .contains("camunda-admin", "process-admin");
    assertThat(identityService.createUserQuery().memberOfGroup("province-edu").list()).extracting(User::getId)
        .containsExactly("province");
  }

  @Test
  void aUnitsTokenReadsItsOwnTasksOnlyAndTheProvinceSeesAll() throws Exception {
    String filer = RealmTokens.userToken("u001-filer", "demo");
    assertThat(taskIds(filer)).contains(u001Task.getId()).doesNotContain(u002Task.getId());
    assertThat(get(filer, "/engine-rest/task/" + u001Task.getId() + "/variables").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(get(filer, "/engine-rest/task/" + u002Task.getId() + "/variables").getStatusCode().value())
        .isIn(403, 404);
    assertThat(get(filer, "/engine-rest/process-instance?businessKey=" + YEAR + "/u002").getBody())
        .isEqualTo("[]");

    String province = RealmTokens.userToken("province", "demo");
    assertThat(taskIds(province)).contains(u001Task.getId(), u002Task.getId());

    // the domain API takes the same tokens (and the same rules: a unit sees its own allocation line)
    assertThat(get(filer, "/api/allocations/" + YEAR).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get(null, "/api/allocations/" + YEAR).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get(null, "/engine-rest/task").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aTamperedAnExpiredOrAnotherRealmsTokenIsRefused() {
    String token = RealmTokens.userToken("u001-filer", "demo");
    // u001-filer claims to be in province-edu: the signature no longer fits
    String[] parts = token.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace("\"u001-filer\"]", "\"province-edu\"]");
    String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    assertThat(payload).contains("province-edu");
    ResponseEntity<String> refused = get(tampered, "/engine-rest/task");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(refused.getBody()).contains("登录凭据无效或已过期");
    assertThat(get(tampered, "/api/allocations/" + YEAR).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    // the master realm's administrator is nobody here
    assertThat(get(RealmTokens.masterAdminToken(), "/engine-rest/task").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    // a token that lives one second, from a client made for this test
    String clientId = "expiry-test-" + UUID.randomUUID();
    assertThat(RealmTokens.admin("POST", "/skills-henan/clients", """
        {"clientId":"%s","publicClient":true,"standardFlowEnabled":false,"directAccessGrantsEnabled":true,
         "attributes":{"access.token.lifespan":"1"},
         "protocolMappers":[{"name":"aud","protocol":"openid-connect","protocolMapper":"oidc-audience-mapper",
           "config":{"included.custom.audience":"skills-henan","access.token.claim":"true"}}]}
        """.formatted(clientId))).isEqualTo(201);
    try {
      String shortLived = RealmTokens.token("skills-henan", Map.of("grant_type", "password", "client_id", clientId,
          "username", "u001-filer", "password", "demo"));
      await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
          .until(() -> get(shortLived, "/engine-rest/task").getStatusCode() == HttpStatus.UNAUTHORIZED);
    } finally {
      JsonNode client = RealmTokens.adminGet("/skills-henan/clients?clientId=" + clientId).get(0);
      RealmTokens.admin("DELETE", "/skills-henan/clients/" + client.get("id").asText(), null);
    }
  }

  /**
   * The trust boundary's check of who may hold a task asks the identity provider whether the new holder is in one of
   * the task's candidate groups — here the plugin, i.e. Keycloak: the same refusals as in the default profile
   * ({@code security.TrustBoundaryAttackTest}), and nothing written.
   */
  @Test
  void aFilerCannotHandTheUnitsTaskToAnotherUnitsUser() throws Exception {
    String filer = RealmTokens.userToken("u001-filer", "demo");
    String task = "/engine-rest/task/" + u001Task.getId();
    String toU002 = "{\"userId\":\"u002-filer\"}";
    for (String handOff : List.of("/claim", "/assignee", "/delegate")) {
      ResponseEntity<String> refused = post(filer, task + handOff, toU002);
      assertThat(refused.getStatusCode().value()).as(handOff + ": " + refused.getBody()).isEqualTo(400);
      assertThat(JSON.readTree(refused.getBody()).path("message").asText()).as(handOff).contains("u002-filer")
          .containsPattern("\\p{IsHan}").doesNotContain("Exception").doesNotContain("ENGINE-");
    }
    ResponseEntity<String> candidate = post(filer, task + "/identity-links",
        "{\"groupId\":\"u002-filer\",\"type\":\"candidate\"}");
    assertThat(candidate.getStatusCode().value()).as(candidate.getBody()).isEqualTo(400);
    assertThat(JSON.readTree(candidate.getBody()).path("message").asText()).contains("候选");
    Task stored = taskService.createTaskQuery().taskId(u001Task.getId()).singleResult();
    assertThat(stored.getAssignee()).isNull();
    assertThat(stored.getOwner()).isNull();
    assertThat(taskService.getIdentityLinksForTask(u001Task.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("u001-filer");

    // the filer's own claim passes (the plugin finds u001-filer in u001-filer)
    assertThat(post(filer, task + "/claim", "{\"userId\":\"u001-filer\"}").getStatusCode().value()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(u001Task.getId()).singleResult().getAssignee())
        .isEqualTo("u001-filer");
    taskService.setAssignee(u001Task.getId(), null);
  }

  @Test
  void aSchoolRegisteredBySubdivisionSignsInAtKeycloakAndSeesItsTasks() throws Exception {
    String school = "郑州市第一职业中等专业学校（Keycloak 测试）";
    List<Unit> schools;
    if (runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(YEAR + "/u001-s%").count() == 0) {
      subdivisions.saveDraft(YEAR, "u001", "schools.csv",
          List.of(new SchoolQuotaLine(2, school, 100, 80, null, 10, null)));
      schools = subdivisions.publish(YEAR, "u001");
    } else {
      schools = List.of();
    }
    String code = schools.isEmpty()
        ? runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(YEAR + "/u001-s%").list().get(0)
            .getBusinessKey().substring(5)
        : schools.get(0).getCode();
    // the groups and the demo user are in Keycloak, and the plugin sees them
    assertThat(identityService.createGroupQuery().groupId(code + "-filer").count()).isEqualTo(1);
    assertThat(identityService.createGroupQuery().groupId(code + "-leader").count()).isEqualTo(1);
    assertThat(identityService.createGroupQuery().groupMember(code + "-filer").list()).extracting(Group::getId)
        .containsExactly(code + "-filer");
    // named as the app created it: the school's name (of the run that first registered this code in Keycloak)
    assertThat(identityService.createGroupQuery().groupMember(code + "-filer").list()).extracting(Group::getName)
        .singleElement().asString().endsWith(" 填报人").doesNotContain(code);

    String token = RealmTokens.userToken(code + "-filer", "demo");
    Task schoolTask = taskOf(code);
    assertThat(taskIds(token)).contains(schoolTask.getId()).doesNotContain(u001Task.getId(), u002Task.getId());
  }

  private Task taskOf(String unit) {
    return PublishedYear.taskOf(engine, YEAR, unit);
  }

  private List<String> taskIds(String token) throws Exception {
    ResponseEntity<String> answer = get(token, "/engine-rest/task?maxResults=2000");
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> ids = new ArrayList<>();
    JSON.readTree(answer.getBody()).forEach(task -> ids.add(task.get("id").asText()));
    return ids;
  }

  private ResponseEntity<String> post(String token, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
  }

  private ResponseEntity<String> get(String token, String path) {
    HttpHeaders headers = new HttpHeaders();
    if (token != null) {
      headers.setBearerAuth(token);
    }
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }
}
