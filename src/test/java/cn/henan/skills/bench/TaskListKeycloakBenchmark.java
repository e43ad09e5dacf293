package cn.henan.skills.bench;

import cn.henan.skills.identity.KeycloakTestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;

/**
 * Tasklist's task list in the keycloak profile with the plugin's cache on (as configured), against the Keycloak of
 * keycloak/start.sh: {@code mvn -B -o test -Pbench -Dtest='TaskList*Benchmark'}.
 */
@ActiveProfiles("keycloak")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "skills-henan.database.data-directory=",
    "camunda.bpm.job-execution.enabled=false",
    "skills-henan.demo-clock.enabled=false"})
class TaskListKeycloakBenchmark extends TaskListTimes {

  @Override
  HttpHeaders credentials(String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(KeycloakTestTokens.userToken(user, "demo"));
    return headers;
  }

  @Override
  String label() {
    return "keycloak profile, plugin cache on";
  }

  @Test
  void taskListTimes() throws Exception {
    measure();
  }
}
