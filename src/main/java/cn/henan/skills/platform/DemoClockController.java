package cn.henan.skills.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/demo-clock}: read the engine's clock (any signed-in user; {@code today} is its date in Beijing, which the
 * dashboard opens on); move the demo clock on (camunda-admin only, with Basic credentials or from a webapp session
 * with its CSRF token).
 */
@RestController
@RequestMapping("/api/demo-clock")
class DemoClockController {
  private final DemoClock clock;
  private final IdentityService identityService;

  DemoClockController(DemoClock clock, IdentityService identityService) {
    this.clock = clock;
    this.identityService = identityService;
  }

  /** {@code now} is the engine's time, {@code today} its date in Beijing (real time when the demo clock is off). */
  record ClockView(boolean enabled, Instant now, LocalDate today, DemoClock.Timer nextTimer, DemoClock.Timer fired) {
    ClockView(boolean enabled, Instant now, DemoClock.Timer nextTimer, DemoClock.Timer fired) {
      this(enabled, now, LocalDate.ofInstant(now, EngineClock.BEIJING), nextTimer, fired);
    }
  }

  @GetMapping
  ClockView read() {
    return new ClockView(clock.isEnabled(), clock.now(), clock.nextTimer().orElse(null), null);
  }

  @PostMapping("/advance")
  ClockView advance() {
    Authentication user = identityService.getCurrentAuthentication();
    List<String> groups = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (!groups.contains("camunda-admin")) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有系统管理员（camunda-admin 组）可以拨动演示时钟。");
    }
    if (!clock.isEnabled()) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "演示时钟未开启：生产环境按真实时间运行。");
    }
    DemoClock.Timer fired = clock.advanceToNextTimer().orElse(null);
    return new ClockView(true, clock.now(), clock.nextTimer().orElse(null), fired);
  }
}
