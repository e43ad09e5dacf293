package cn.henan.skills.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import cn.henan.skills.SkillsHenanTest;
import cn.henan.skills.identity.LoginThrottle;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A flood of wrong passwords from one client address is held back at that address (429, Chinese, Retry-After)
 * without asking the engine; the user it names still signs in from elsewhere; the address may try again when its
 * window has passed; each failure is logged with user and address, never the password. Over the running app: Basic
 * on {@code /engine-rest} and {@code /api}, and the webapps' login form. The throttle runs on the engine's clock
 * (ClockUtil), which the test moves.
 */
@SkillsHenanTest
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleTest {
  // demo users no other test signs in as
  private static final String BASIC_USER = "u168-leader";
  private static final String FORM_USER = "u168-filer";
  private static final String WRONG = "Wr0ng-Secret-4711";

  @Autowired TestRestTemplate http;
  @Autowired LoginThrottle throttle;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  private Instant now;

  @BeforeEach
  void freshWindows() {
    throttle.clear();
    now = Instant.parse("2031-06-01T08:00:00Z");
    ClockUtil.setCurrentTime(Date.from(now));
  }

  @AfterEach
  void restore() {
    ClockUtil.reset();
    throttle.clear(); // every test of the suite signs in from 127.0.0.1
    identityService.unlockUser(BASIC_USER);
    identityService.unlockUser(FORM_USER);
  }

  @Test
  void aFloodOverBasicIsHeldBackAtItsAddressWithoutAskingTheEngine(CapturedOutput output) throws IOException {
    int limit = throttle.limits().failuresPerAddressAndUser();
    for (int i = 0; i < limit; i++) {
      String path = i % 2 == 0 ? "/engine-rest/task" : "/api/allocations/2022";
      assertThat(http.withBasicAuth(BASIC_USER, WRONG).getForEntity(path, String.class).getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    move(10); // past the engine's own lock: a password it checked now would count
    Map<String, Object> before = lockOf(BASIC_USER);

    ResponseEntity<String> heldBack = http.withBasicAuth(BASIC_USER, WRONG).getForEntity("/engine-rest/task",
        String.class);
    assertThat(heldBack.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(heldBack.getHeaders().getFirst("Retry-After")).isEqualTo("50");
    assertThat(heldBack.getBody()).contains("登录失败次数过多，请 50 秒后再试。");
    assertThat(http.withBasicAuth(BASIC_USER, "demo").getForEntity("/api/allocations/2022", String.class)
        .getStatusCode()).as("from this address, not even the right password is checked")
        .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(lockOf(BASIC_USER)).as("the engine was not asked").isEqualTo(before);
    assertThat(http.withBasicAuth("u168-filer", "demo").getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).as("another user from this address").isEqualTo(HttpStatus.OK);

    // meanwhile, from another address, the right password works (where the host routes 127.0.0.2 to itself)
    int fromElsewhere = statusFrom("127.0.0.2", BASIC_USER, "demo");
    assertThat(fromElsewhere).as("the right password from another address").isEqualTo(200);

    move(50);
    assertThat(http.withBasicAuth(BASIC_USER, "demo").getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).as("the window has passed").isEqualTo(HttpStatus.OK);

    assertThat(output.getAll()).contains("Failed sign-in of user '" + BASIC_USER + "' from 127.0.0.1 (GET "
        + "/engine-rest/task)", "Failed sign-in of user '" + BASIC_USER + "' from 127.0.0.1 (GET /api/allocations/2022)")
        .doesNotContain(WRONG);
  }

  @Test
  void aFloodOfTheWebappLoginFormIsHeldBackToo(CapturedOutput output) {
    int limit = throttle.limits().failuresPerAddressAndUser();
    Map<String, String> cookies = cookies(http.getForEntity("/camunda/app/tasklist/default/", String.class));
    for (int i = 0; i < limit; i++) {
      assertThat(login(cookies, FORM_USER, WRONG).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    ResponseEntity<String> heldBack = login(cookies, FORM_USER, "demo");
    assertThat(heldBack.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(heldBack.getHeaders().getFirst("Retry-After")).isEqualTo("60");
    assertThat(heldBack.getBody()).contains("登录失败次数过多，请 60 秒后再试。");

    move(60);
    assertThat(login(cookies, FORM_USER, "demo").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(output.getAll()).contains("Failed sign-in of user '" + FORM_USER + "' from 127.0.0.1 (POST "
        + "/camunda/api/admin/auth/user/default/login/tasklist)").doesNotContain(WRONG);
  }

  @Test
  void camundasPasswordCheckForAnyUserIsRefused() {
    Map<String, Object> before = lockOf("admin");
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> verify = http.withBasicAuth(FORM_USER, "demo").exchange("/engine-rest/identity/verify",
        HttpMethod.POST, new HttpEntity<>("{\"username\":\"admin\",\"password\":\"guess\"}", json), String.class);
    assertThat(verify.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(verify.getBody()).contains("不能通过此接口核对他人的密码");
    assertThat(lockOf("admin")).isEqualTo(before);
  }

  private void move(int seconds) {
    now = now.plusSeconds(seconds);
    ClockUtil.setCurrentTime(Date.from(now));
  }

  private Map<String, Object> lockOf(String user) {
    return jdbc.queryForMap("select attempts_, lock_exp_time_ from act_id_user where id_ = ?", user);
  }

  private ResponseEntity<String> login(Map<String, String> cookies, String user, String password) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.add(HttpHeaders.COOKIE, String.join("; ",
        cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
    headers.add("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
    return http.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
        new HttpEntity<>("username=" + user + "&password=" + password, headers), String.class);
  }

  private static Map<String, String> cookies(ResponseEntity<?> response) {
    Map<String, String> cookies = new LinkedHashMap<>();
    for (String set : response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
      String cookie = set.substring(0, set.indexOf(';') < 0 ? set.length() : set.indexOf(';'));
      cookies.put(cookie.substring(0, cookie.indexOf('=')), cookie.substring(cookie.indexOf('=') + 1));
    }
    return cookies;
  }

  /** The status of {@code GET /engine-rest/task} sent from a given local address (skipped where it cannot bind). */
  private int statusFrom(String localAddress, String user, String password) throws IOException {
    try (Socket socket = new Socket()) {
      try {
        socket.bind(new InetSocketAddress(localAddress, 0));
      } catch (BindException e) {
        assumeThat(e).as(localAddress + " is not an address of this host").isNull();
      }
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout(30000);
      String credentials = Base64.getEncoder().encodeToString((user + ":" + password)
          .getBytes(StandardCharsets.UTF_8));
      OutputStream out = socket.getOutputStream();
      out.write(("GET /engine-rest/task HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII); // "HTTP/1.1 200"
      return Integer.parseInt(statusLine.substring(9, 12));
    }
  }
}
