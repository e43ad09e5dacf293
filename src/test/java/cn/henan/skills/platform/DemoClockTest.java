package cn.henan.skills.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.henan.skills.Driver;
import cn.henan.skills.SkillsHenanTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo clock starts the engine at the notice's date and moves it, on demand, just past the next timer. */
@SkillsHenanTest
class DemoClockTest {
  @Autowired JdbcTemplate jdbc;
  @Autowired ManagementService managementService;
  @Autowired Driver driver;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;

  @AfterEach
  void backToRealTime() {
    ClockUtil.reset();
    jdbc.update("delete from demo_clock");
  }

  @Test
  void startsAtTheNoticesDateAndStepsToTheNextTimer() {
    DemoClock clock = new DemoClock(true, OffsetDateTime.parse("2031-03-02T09:00:00+08:00"), jdbc, managementService, engine);
    clock.startClock();
    assertThat(Duration.between(Instant.parse("2031-03-02T01:00:00Z"), clock.now())).isLessThan(Duration.ofMinutes(1));

    driver.publishAllocation(2031, """
        单位,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）
        河南理工大学,500,450,300,90
        """);
    driver.complete("u029-filer", driver.task("2031/u029", "u029-filer"), Map.of("annualTaskAcknowledged", true));

    // March's report opened already (1 March is before 2 March); the next timer is April's
    DemoClock.Timer next = clock.nextTimer().orElseThrow();
    assertThat(next.dueDate()).isEqualTo(Instant.parse("2031-03-31T16:00:00Z"));
    assertThat(next.processDefinitionKey()).isEqualTo("unit-year");
    clock.advanceToNextTimer();
    assertThat(clock.now()).isAfter(next.dueDate()).isBefore(next.dueDate().plusSeconds(60));

    // a restart continues from the kept offset instead of starting over
    ClockUtil.reset();
    new DemoClock(true, OffsetDateTime.parse("2031-03-02T09:00:00+08:00"), jdbc, managementService, engine).startClock();
    assertThat(clock.now()).isAfter(next.dueDate());
  }
}
