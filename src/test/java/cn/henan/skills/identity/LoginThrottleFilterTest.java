package cn.henan.skills.identity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The throttle and its filter without the application: client addresses are set on the request, the clock is moved,
 * and a stand-in for the engine answers 401 unless the password is {@code demo}.
 */
class LoginThrottleFilterTest {
  private final MovableClock clock = new MovableClock(Instant.parse("2031-05-01T08:00:00Z"));
  private final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Limits(20, 10, Duration.ofMinutes(1),
      1000), clock);
  private final LoginThrottleFilter filter = new LoginThrottleFilter(throttle);
  /** The passwords the stand-in engine was asked to check. */
  private final List<String> checked = new ArrayList<>();
  private final FilterChain engine = (request, response) -> {
    HttpServletRequest http = (HttpServletRequest) request;
    String password = http.getRequestURI().contains("/login/")
        ? new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replaceAll(".*password=", "")
        : new String(Base64.getDecoder().decode(http.getHeader("Authorization").substring(6)),
            StandardCharsets.UTF_8).replaceAll("^[^:]*:", "");
    checked.add(password);
    ((HttpServletResponse) response).setStatus("demo".equals(password) ? 200 : 401);
  };

  @Test
  void aFloodFromOneAddressIsHeldBackWhileTheRightPasswordFromAnotherWorks() throws Exception {
    for (int i = 0; i < 10; i++) {
      assertThat(basic("10.0.0.1", "province", "wrong" + i).getStatus()).isEqualTo(401);
    }
    MockHttpServletResponse heldBack = basic("10.0.0.1", "province", "wrong-again");
    assertThat(heldBack.getStatus()).isEqualTo(429);
    assertThat(heldBack.getHeader("Retry-After")).isEqualTo("60");
    assertThat(heldBack.getContentAsString(StandardCharsets.UTF_8)).contains("登录失败次数过多，请 60 秒后再试。");
    assertThat(checked).hasSize(10).doesNotContain("wrong-again");

    assertThat(basic("10.0.0.2", "province", "demo").getStatus()).as("another address").isEqualTo(200);
    assertThat(basic("10.0.0.1", "province", "demo").getStatus()).as("not checked either").isEqualTo(429);

    clock.move(Duration.ofSeconds(45));
    assertThat(basic("10.0.0.1", "province", "demo").getHeader("Retry-After")).isEqualTo("15");
    clock.move(Duration.ofSeconds(15));
    assertThat(basic("10.0.0.1", "province", "demo").getStatus()).as("the window has passed").isEqualTo(200);
  }

  @Test
  void anAddressTryingManyUsersIsHeldBackForAllOfThem() throws Exception {
    for (int i = 0; i < 20; i++) {
      assertThat(basic("10.0.0.3", "u00" + (i % 3) + "-filer", "wrong").getStatus()).isEqualTo(401);
    }
    assertThat(basic("10.0.0.3", "admin", "demo").getStatus()).isEqualTo(429);
    assertThat(basic("10.0.0.4", "admin", "demo").getStatus()).isEqualTo(200);
    assertThat(checked).hasSize(21);
  }

  @Test
  void theWebappLoginFormIsCountedByItsUserAndReachesTheEngineUnchanged() throws Exception {
    for (int i = 0; i < 10; i++) {
      assertThat(form("10.0.0.5", "username=u001-leader&password=wrong" + i).getStatus()).isEqualTo(401);
    }
    assertThat(checked).containsExactly("wrong0", "wrong1", "wrong2", "wrong3", "wrong4", "wrong5", "wrong6",
        "wrong7", "wrong8", "wrong9");
    assertThat(form("10.0.0.5", "username=u001-leader&password=demo").getStatus()).isEqualTo(429);
    assertThat(form("10.0.0.5", "username=u001-filer&password=demo").getStatus()).as("another user")
        .isEqualTo(200);
    assertThat(basic("10.0.0.5", "u001-leader", "demo").getStatus()).as("the same user over Basic")
        .isEqualTo(429);
  }

  @Test
  void aSuccessForgetsTheUsersFailuresFromThatAddressButNotTheAddresses() {
    for (int i = 0; i < 9; i++) {
      throttle.failed("10.0.0.6", "u002-filer");
    }
    throttle.succeeded("10.0.0.6", "u002-filer");
    throttle.failed("10.0.0.6", "u002-filer");
    assertThat(throttle.retryAfterSeconds("10.0.0.6", "u002-filer")).isZero();
    for (int i = 0; i < 10; i++) {
      throttle.failed("10.0.0.6", "u003-filer");
    }
    assertThat(throttle.retryAfterSeconds("10.0.0.6", "u002-filer")).as("20 from the address").isEqualTo(60);
  }

  @Test
  void signInsSentInParallelCountBeforeTheirAnswersComeBack() throws Exception {
    for (int i = 0; i < 10; i++) {
      assertThat(throttle.begin("10.0.0.8", "u005-filer")).as("in flight " + i).isZero();
    }
    // the eleventh waits for one of the ten to be answered, then goes ahead
    ExecutorService eleventh = Executors.newSingleThreadExecutor();
    Future<Long> waiting = eleventh.submit(() -> throttle.begin("10.0.0.8", "u005-filer"));
    throttle.succeeded("10.0.0.8", "u005-filer");
    assertThat(waiting.get(10, TimeUnit.SECONDS)).as("went ahead once one was answered").isZero();
    eleventh.shutdown();
    throttle.ended("10.0.0.8", "u005-filer");
    // one that nobody answers in time is told to come back in a second
    LoginThrottle impatient = new LoginThrottle(new LoginThrottle.Limits(20, 10, Duration.ofMinutes(1), 1000), clock,
        Duration.ZERO);
    for (int i = 0; i < 10; i++) {
      impatient.begin("10.0.0.8", "u005-filer");
    }
    assertThat(impatient.begin("10.0.0.8", "u005-filer")).as("ten already in flight").isEqualTo(1);
    throttle.ended("10.0.0.8", "u005-filer"); // e.g. a 403
    assertThat(throttle.begin("10.0.0.8", "u005-filer")).isZero();
    for (int i = 0; i < 10; i++) {
      throttle.failed("10.0.0.8", "u005-filer");
    }
    assertThat(throttle.begin("10.0.0.8", "u005-filer")).isEqualTo(60);
    assertThat(throttle.begin("10.0.0.8", "u006-filer")).as("the address has 10 of its 20").isZero();
  }

  @Test
  void manyClientsBehindOneAddressAreNotHeldBackWhileTheirRequestsRun() throws Exception {
    // 30 filers behind one address (a school's network, a proxy) each complete a task: the password is checked
    // (Camunda's Basic tells the filter), then the request's work runs; all 30 are at work at once
    int clients = 30;
    CountDownLatch allAtWork = new CountDownLatch(clients);
    FilterChain slowWork = (request, response) -> {
      LoginThrottleFilter.passwordChecked(true);
      allAtWork.countDown();
      try {
        allAtWork.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ((HttpServletResponse) response).setStatus(204);
    };
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      String user = String.format("u%03d-filer", i + 1);
      answers.add(pool.submit(() -> {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task/1/complete");
        request.setRemoteAddr("10.0.0.9");
        request.addHeader("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, slowWork);
        return response.getStatus();
      }));
    }
    for (Future<Integer> answer : answers) {
      assertThat(answer.get(60, TimeUnit.SECONDS)).as("no 429 for a correct password").isEqualTo(204);
    }
    pool.shutdown();
    assertThat(allAtWork.getCount()).as("all thirty were at work together").isZero();
    // a wrong password told early counts at once and is held back as before
    for (int i = 0; i < 10; i++) {
      MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
      request.setRemoteAddr("10.0.0.9");
      request.addHeader("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString(("province:wrong" + i).getBytes(StandardCharsets.UTF_8)));
      filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
        LoginThrottleFilter.passwordChecked(false);
        ((HttpServletResponse) res).setStatus(401);
      });
    }
    assertThat(basic("10.0.0.9", "province", "demo").getStatus()).as("ten failures for province").isEqualTo(429);
  }

  @Test
  void aClockMovedBackEndsTheWindowAndTheMapStaysBounded() {
    for (int i = 0; i < 10; i++) {
      throttle.failed("10.0.0.7", "u004-filer");
    }
    clock.move(Duration.ofDays(-400));
    assertThat(throttle.retryAfterSeconds("10.0.0.7", "u004-filer")).isZero();

    for (int i = 0; i < 5000; i++) {
      throttle.failed("10.1." + (i / 256) + "." + (i % 256), "u00" + (i % 7) + "-leader");
    }
    assertThat(throttle.tracked()).isLessThanOrEqualTo(1000);
  }

  @Test
  void camundasPasswordCheckForAnyUserIsRefusedOnEveryPath() throws Exception {
    for (String path : List.of("/engine-rest/identity/verify", "/engine-rest/engine/default/identity/verify",
        "/camunda/api/engine/engine/default/identity/verify")) {
      MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
      request.setContentType("application/json");
      request.setContent("{\"username\":\"admin\",\"password\":\"demo\"}".getBytes(StandardCharsets.UTF_8));
      MockHttpServletResponse response = new MockHttpServletResponse();
      filter.doFilter(request, response, engine);
      assertThat(response.getStatus()).as(path).isEqualTo(403);
    }
    assertThat(checked).isEmpty();
  }

  @Test
  void theUserIdInTheLogHasNoLineBreaks() {
    assertThat(LoginThrottleFilter.printable("admin\nFAKE ENTRY")).isEqualTo("admin?FAKE ENTRY");
    assertThat(LoginThrottleFilter.printable("x".repeat(100))).hasSize(65);
  }

  private MockHttpServletResponse basic(String address, String user, String password) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
    request.setRemoteAddr(address);
    request.addHeader("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, engine);
    return response;
  }

  private MockHttpServletResponse form(String address, String body) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST",
        "/camunda/api/admin/auth/user/default/login/tasklist");
    request.setRemoteAddr(address);
    request.setContentType("application/x-www-form-urlencoded");
    request.setContent(body.getBytes(StandardCharsets.UTF_8));
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, engine);
    return response;
  }

  static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void move(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
