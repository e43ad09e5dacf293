package cn.henan.skills.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimitTest {
  private Instant now = Instant.parse("2026-12-02T08:00:00Z");
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };

  @Test
  void eachPersonHasTheirOwnWindowAndLearnsWhenToTryAgain() {
    RateLimit limit = new RateLimit("扫描件预检", 3, Duration.ofMinutes(1), 100, clock);
    for (int i = 0; i < 3; i++) {
      limit.use("u029-filer");
    }
    now = now.plusSeconds(20);
    assertThatThrownBy(() -> limit.use("u029-filer")).isInstanceOf(RateLimit.Exceeded.class)
        .hasMessage("扫描件预检过于频繁：每人每 60 秒最多 3 次，请 40 秒后再试。")
        .satisfies(e -> {
          assertThat(((RateLimit.Exceeded) e).retryAfterSeconds()).isEqualTo(40);
          assertThat(((Refusal) e).httpStatus()).isEqualTo(429);
        });
    limit.use("u030-filer"); // someone else is not held back
    now = now.plusSeconds(40);
    limit.use("u029-filer"); // a new window
  }

  @Test
  void keepsAtMostTheGivenNumberOfPeople() {
    RateLimit limit = new RateLimit("扫描件预检", 1, Duration.ofMinutes(1), 10, clock);
    for (int i = 0; i < 1000; i++) {
      limit.use("user-" + i);
    }
    // the oldest were forgotten to make room: the first may use it again, the last may not
    limit.use("user-0");
    assertThatThrownBy(() -> limit.use("user-999")).isInstanceOf(RateLimit.Exceeded.class);
  }
}
