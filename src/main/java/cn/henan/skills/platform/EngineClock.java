package cn.henan.skills.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The engine's clock as a {@link Clock}, so domain timestamps (submitted, signed, accepted) agree with the engine's
 * timers — under the demo clock and under tests that move the clock as much as in production.
 */
@Component
public class EngineClock extends Clock {
  public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  @Override
  public ZoneId getZone() {
    return BEIJING;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
