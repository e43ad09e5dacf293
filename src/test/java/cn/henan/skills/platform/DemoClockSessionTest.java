package cn.henan.skills.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.SkillsHenanTest;
import cn.henan.skills.TasklistSession;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo clock page as a browser uses it: signed in to the webapps, no Basic credentials; a change carries the
 * session's CSRF token as the webapps send it. Only camunda-admin moves the clock; everyone else is told why.
 */
@SkillsHenanTest
@TestPropertySource(properties = "skills-henan.demo-clock.enabled=true")
// a context of its own (a second engine), so after the tests that share one: Camunda's REST serves the engine
// created last, and the shared context's tests would see an empty database (junit-platform.properties)
@Order(Integer.MAX_VALUE - 2)
class DemoClockSessionTest {
  @Autowired TestRestTemplate http;

  // the demo clock of this context stays at the notice's date (nothing is published, so no timer moves it)
  @AfterAll
  static void backToRealTime() {
    ClockUtil.reset();
  }

  @Test
  void anAdminSignedInToTheWebappsMovesTheClockWithTheSessionsToken() {
    TasklistSession admin = TasklistSession.signIn(http, "admin", "admin");

    ResponseEntity<String> read = admin.get("/api/demo-clock");
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    // the dashboard opens on this date's month
    assertThat(read.getBody()).contains("\"enabled\":true").contains("\"today\":\"2022-03-02\"");

    ResponseEntity<String> advanced = admin.post("/api/demo-clock/advance", "");
    assertThat(advanced.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(advanced.getBody()).contains("\"enabled\":true");
  }

  @Test
  void theAppsPagesLearnTheSessionsTokenFromApiSession() {
    TasklistSession admin = TasklistSession.signIn(http, "admin", "admin");

    ResponseEntity<String> session = admin.get("/api/session");
    assertThat(session.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(session.getBody()).contains("\"userId\":\"admin\"").contains("\"csrfToken\":\"" + admin.xsrf() + "\"");
  }

  @Test
  void aUnitUserIsRefusedInChinese() {
    TasklistSession filer = TasklistSession.signIn(http, "u001-filer", "demo");

    ResponseEntity<String> refused = filer.post("/api/demo-clock/advance", "");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody()).contains("只有系统管理员（camunda-admin 组）可以拨动演示时钟");
  }

  @Test
  void aChangeWithoutTheSessionsTokenIsRefused() {
    TasklistSession admin = TasklistSession.signIn(http, "admin", "admin");

    HttpHeaders noToken = new HttpHeaders();
    noToken.add(HttpHeaders.COOKIE, admin.cookies());
    ResponseEntity<String> withoutToken = http.exchange("/api/demo-clock/advance", HttpMethod.POST,
        new HttpEntity<>(noToken), String.class);
    assertThat(withoutToken.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(withoutToken.getBody()).contains("页面已过期");

    HttpHeaders wrongToken = new HttpHeaders();
    wrongToken.add(HttpHeaders.COOKIE, admin.cookies());
    wrongToken.add("X-XSRF-TOKEN", "not-" + admin.xsrf());
    ResponseEntity<String> withWrongToken = http.exchange("/api/demo-clock/advance", HttpMethod.POST,
        new HttpEntity<>(wrongToken), String.class);
    assertThat(withWrongToken.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aPageWithoutSessionGetsAChineseSentenceAndNoLoginBox() {
    HttpHeaders page = new HttpHeaders();
    page.add("X-XSRF-TOKEN", "none");
    ResponseEntity<String> answer = http.exchange("/api/demo-clock/advance", HttpMethod.POST,
        new HttpEntity<>(page), String.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(answer.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();
    assertThat(answer.getBody()).contains("请先登录任务列表");
  }
}
