package cn.henan.skills.platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The default profile's demo clock. 2022 is in the past, so on real time every 2022 timer would fire at once; instead
 * the engine's clock runs at a fixed offset from real time, starting at the notice's date, and an administrator moves
 * it on to the next timer so a new user watches the year happen in Tasklist. The offset is kept in the database.
 */
@Service
public class DemoClock {
  private static final Logger log = LoggerFactory.getLogger(DemoClock.class);

  private final boolean enabled;
  private final Instant start;
  private final JdbcTemplate jdbc;
  private final ManagementService managementService;
  private final ProcessEngine processEngine;

  DemoClock(@Value("${skills-henan.demo-clock.enabled:false}") boolean enabled,
      @Value("${skills-henan.demo-clock.start:2022-03-02T09:00:00+08:00}") OffsetDateTime start,
      JdbcTemplate jdbc, ManagementService managementService, ProcessEngine processEngine) {
    this.enabled = enabled;
    this.start = start.toInstant();
    this.jdbc = jdbc;
    this.managementService = managementService;
    this.processEngine = processEngine;
  }

  public record Timer(Instant dueDate, String processDefinitionKey, String processInstanceId) {
  }

  public boolean isEnabled() {
    return enabled;
  }

  // before the deployment, the web server and the job executor, so nothing runs on real 2022-in-the-past time
  @EventListener(StartupSteps.BeforeServing.class)
  @Order(-1)
  @Transactional
  public void startClock() {
    if (!enabled) {
      return;
    }
    List<Long> saved = jdbc.queryForList("select offset_ms from demo_clock where id = 1", Long.class);
    long offset = saved.isEmpty() ? start.toEpochMilli() - System.currentTimeMillis() : saved.get(0);
    apply(offset);
    log.info("Demo clock on: the engine's time is {}", ClockUtil.getCurrentTime().toInstant());
  }

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** The earliest timer due after now (timers already due are the job executor's to fire). */
  public Optional<Timer> nextTimer() {
    List<Job> jobs = managementService.createJobQuery().timers().duedateHigherThan(Date.from(now()))
        .orderByJobDuedate().asc().listPage(0, 1);
    return jobs.stream().findFirst().map(job -> new Timer(job.getDuedate().toInstant(),
        job.getProcessDefinitionKey(), job.getProcessInstanceId()));
  }

  /** Moves the clock just past the next timer, so the job executor fires it (and any others due by then). */
  @Transactional
  public Optional<Timer> advanceToNextTimer() {
    if (!enabled) {
      throw new IllegalStateException("演示时钟未开启：生产环境按真实时间运行。");
    }
    Optional<Timer> next = nextTimer();
    next.ifPresent(timer -> apply(timer.dueDate().plusSeconds(1).toEpochMilli() - System.currentTimeMillis()));
    wakeJobExecutor();
    return next;
  }

  // an idle job executor looks for due jobs only every minute; moving the clock does not tell it
  private void wakeJobExecutor() {
    JobExecutor jobExecutor = ((ProcessEngineImpl) processEngine).getProcessEngineConfiguration().getJobExecutor();
    if (jobExecutor != null && jobExecutor.isActive()) {
      jobExecutor.jobWasAdded();
    }
  }

  private void apply(long offsetMillis) {
    ClockUtil.offset(offsetMillis); // the engine's time keeps running, ahead of or behind real time

    jdbc.update("insert into demo_clock (id, offset_ms, updated_at) values (1, ?, now())"
        + " on conflict (id) do update set offset_ms = excluded.offset_ms, updated_at = now()", offsetMillis);
  }
}
