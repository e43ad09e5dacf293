package cn.henan.skills.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Profile keycloak with no Keycloak at all (nothing listens on port 1): the app starts, seeds its authorizations,
 * says that identity is unavailable, and lets no one in — no sign-in page to be sent to, no token it can check.
 * Needs no Keycloak, so it runs everywhere.
 */
// one engine at a time: Camunda registers each as "default" in a static registry
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ActiveProfiles("keycloak")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "skills-henan.database.data-directory=",
    "camunda.bpm.job-execution.enabled=false",
    "skills-henan.demo-clock.enabled=false",
    "skills-henan.keycloak.url=http://localhost:1"})
class KeycloakDownTest {
  @Autowired TestRestTemplate http;
  @Autowired KeycloakHealth health;
  @Autowired AuthorizationService authorizations;

  @Test
  void theAppStartsSaysIdentityIsUnavailableAndLetsNoOneIn() {
    assertThat(health.available()).isFalse();
    // the default profile's authorizations are in Camunda's database all the same
    assertThat(authorizations.createAuthorizationQuery().groupIdIn("province-edu")
        .resourceType(Resources.PROCESS_DEFINITION).resourceId("quota-distribution").count()).isEqualTo(1);
    assertThat(authorizations.createAuthorizationQuery().groupIdIn("camunda-admin").count()).isPositive();

    ResponseEntity<String> tasklist = http.getForEntity("/camunda/app/tasklist/default/", String.class);
    assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(tasklist.getBody()).contains("统一身份认证服务（Keycloak）暂时无法访问");

    assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForEntity("/api/allocations/2022", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    // a token whose key the app would have to fetch from Keycloak
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    String token = base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}".getBytes(
        StandardCharsets.UTF_8)) + "." + base64.encodeToString(("{\"iss\":\"http://localhost:1/realms/skills-henan\","
        + "\"preferred_username\":\"province\",\"exp\":4102444800}").getBytes(StandardCharsets.UTF_8))
        + "." + base64.encodeToString(new byte[256]);
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    ResponseEntity<String> api = http.exchange("/engine-rest/task", HttpMethod.GET, new HttpEntity<>(headers),
        String.class);
    assertThat(api.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(api.getBody()).contains("统一身份认证服务（Keycloak）暂时无法访问");
  }
}
