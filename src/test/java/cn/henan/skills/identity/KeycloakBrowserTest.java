package cn.henan.skills.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.browser.BrowserRun;
import cn.henan.skills.subdivision.SchoolQuotaLine;
import cn.henan.skills.subdivision.Subdivisions;
import cn.henan.skills.unit.Unit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The keycloak profile in Chromium ({@code src/test/browser/keycloak.mjs}, the browser suite's helpers): Tasklist sends
 * u001-filer to Keycloak's sign-in form, Tasklist then lists u001's task and not u002's, its form is opened and
 * completed; Tasklist's sign-out lands on the app's signed-out page and Keycloak asks for the password again; a school
 * registered by u001's subdivision signs in at Keycloak and sees its task. The app runs in profile keycloak on the port
 * the realm's webapp client accepts for tests ({@link KeycloakRealmFile#TEST_PORT}); screenshots in
 * {@code target/browser-keycloak/}.
 */
@KeycloakWebappTest
class KeycloakBrowserTest {
  private static final int YEAR = 2034;
  private static final Path SCRIPT = Path.of("src/test/browser/keycloak.mjs");
  private static final Path SHOTS = Path.of("target/browser-keycloak");

  @Autowired ProcessEngine engine;
  @Autowired Subdivisions subdivisions;

  /** Before the application starts: without Chromium there is nothing to start it for. */
  @BeforeAll
  static void chromiumInstalled() {
    BrowserRun.requireChromium();
  }

  @Test
  void aFilerSignsInAtKeycloakCompletesTheUnitsTaskAndSignsOutOfBothAndASchoolSignsIn() throws Exception {
    PublishedYear.publish(engine, YEAR);
    subdivisions.saveDraft(YEAR, "u001", "schools.csv",
        List.of(new SchoolQuotaLine(2, "郑州市第一职业中等专业学校（浏览器测试）", 100, 80, null, 10, null)));
    List<Unit> schools = subdivisions.publish(YEAR, "u001");
    assertThat(schools).hasSize(1);

    double seconds = BrowserRun.run(SCRIPT, KeycloakRealmFile.TEST_PORT, SHOTS, Map.of(
        "KEYCLOAK_URL", RealmTokens.URL, "YEAR", String.valueOf(YEAR), "SCHOOL", schools.get(0).getCode()),
        line -> { });
    System.out.printf("keycloak browser scenario: %.1f s%n", seconds);
    // what the browser did, as the engine saw it
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceBusinessKey(YEAR + "/u001").taskDefinitionKey("receive-annual-task").finished().singleResult()
        .getAssignee()).isEqualTo("u001-filer");
  }
}
