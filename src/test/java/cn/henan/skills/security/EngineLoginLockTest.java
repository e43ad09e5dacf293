package cn.henan.skills.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.SkillsHenanTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda's own lock of a user after wrong passwords ({@code IdentityService.checkPassword}, behind every sign-in)
 * lasts a few seconds at most and never becomes permanent, whoever sends the wrong passwords. Camunda's lock runs on
 * {@link ClockUtil}, so the test moves that clock instead of waiting.
 */
@SkillsHenanTest
class EngineLoginLockTest {
  // demo users no other test signs in as
  private static final String ATTACKED = "u169-leader";
  private static final String BURST = "u169-filer";

  @Autowired IdentityService identityService;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void restore() {
    ClockUtil.reset();
    identityService.unlockUser(ATTACKED);
    identityService.unlockUser(BURST);
  }

  @Test
  void theEngineLocksAUserForAFewSecondsAtMostAndNeverForGood() {
    ProcessEngineConfigurationImpl configuration =
        ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
    // an attacker who sends a wrong password each time the lock has passed, 50 times
    List<Long> locks = lockDurations(ATTACKED, 50);
    System.out.println("engine lock per wrong password (s), sent whenever the lock has passed: " + locks);
    assertThat(configuration.getLoginDelayMaxTime()).as("seconds").isBetween(1, 5);
    assertThat(configuration.getLoginMaxAttempts()).isEqualTo(Integer.MAX_VALUE);
    int maxSeconds = configuration.getLoginDelayMaxTime();
    assertThat(locks).hasSize(50).allSatisfy(seconds -> assertThat(seconds).isBetween(0L, (long) maxSeconds));

    Instant last = ClockUtil.getCurrentTime().toInstant();
    assertThat(identityService.checkPassword(ATTACKED, "wrong")).isFalse();
    ClockUtil.setCurrentTime(Date.from(last.plusSeconds(maxSeconds).minusMillis(1)));
    assertThat(identityService.checkPassword(ATTACKED, "demo")).as("still within the lock").isFalse();
    ClockUtil.setCurrentTime(Date.from(last.plusSeconds(maxSeconds).plusMillis(1)));
    assertThat(identityService.checkPassword(ATTACKED, "demo")).as("the right password after the lock").isTrue();
    assertThat(attempts(ATTACKED)).as("a success forgets the failures").isZero();
  }

  @Test
  void aBurstOfWrongPasswordsLocksForAFewSecondsOnly() {
    Instant start = Instant.parse("2031-01-01T00:00:00Z");
    ClockUtil.setCurrentTime(Date.from(start));
    for (int i = 0; i < 100; i++) {
      assertThat(identityService.checkPassword(BURST, "wrong" + i)).isFalse();
    }
    int maxSeconds = ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getLoginDelayMaxTime();
    ClockUtil.setCurrentTime(Date.from(start.plusSeconds(maxSeconds).plusMillis(1)));
    assertThat(identityService.checkPassword(BURST, "demo")).isTrue();
  }

  /**
   * The seconds the right password stays refused after each wrong one, each sent as soon as the previous lock has
   * passed; -1 for a lock that never ends (Camunda's {@code loginMaxAttempts}).
   */
  private List<Long> lockDurations(String user, int wrongPasswords) {
    Instant now = Instant.parse("2031-01-01T00:00:00Z");
    List<Long> seconds = new ArrayList<>();
    int maxAttempts = ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getLoginMaxAttempts();
    for (int i = 0; i < wrongPasswords; i++) {
      ClockUtil.setCurrentTime(Date.from(now));
      identityService.checkPassword(user, "wrong");
      Map<String, Object> row = jdbc.queryForMap(
          "select attempts_, lock_exp_time_ from act_id_user where id_ = ?", user);
      int attempts = ((Number) row.get("attempts_")).intValue();
      Instant until = ((Timestamp) row.get("lock_exp_time_")).toInstant();
      if (attempts >= maxAttempts) {
        seconds.add(-1L);
        break;
      }
      seconds.add((until.toEpochMilli() - now.toEpochMilli()) / 1000);
      now = until.isAfter(now) ? until : now;
      ClockUtil.setCurrentTime(Date.from(now));
    }
    return seconds;
  }

  private int attempts(String user) {
    return jdbc.queryForObject("select attempts_ from act_id_user where id_ = ?", Integer.class, user);
  }
}
