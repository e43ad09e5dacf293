package cn.henan.skills.bench;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** As {@link TaskListKeycloakBenchmark}, with the plugin's cache off (its default): every list asks Keycloak. */
@ActiveProfiles("keycloak")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "skills-henan.database.data-directory=",
    "camunda.bpm.job-execution.enabled=false",
    "skills-henan.demo-clock.enabled=false",
    "skills-henan.keycloak.plugin.cache-enabled=false"})
class TaskListKeycloakNoCacheBenchmark extends TaskListKeycloakBenchmark {

  @Override
  String label() {
    return "keycloak profile, plugin cache off";
  }
}
