package cn.henan.skills.platform;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /api/demo-clock}: read the demo clock (any signed-in user); move it on (camunda-admin only). */
@RestController
@RequestMapping("/api/demo-clock")
class DemoClockController {
  private final DemoClock clock;
  private final IdentityService identityService;

  DemoClockController(DemoClock clock, IdentityService identityService) {
    this.clock = clock;
    this.identityService = identityService;
  }

  record ClockView(boolean enabled, Instant now, DemoClock.Timer nextTimer, DemoClock.Timer fired) {
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
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有 camunda-admin 组的管理员可以调整演示时钟。");
    }
    if (!clock.isEnabled()) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "演示时钟未开启：生产环境按真实时间运行。");
    }
    DemoClock.Timer fired = clock.advanceToNextTimer().orElse(null);
    return new ClockView(true, clock.now(), clock.nextTimer().orElse(null), fired);
  }
}
