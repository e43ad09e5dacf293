package cn.henan.skills.platform;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link BeforeServing} once every bean is ready and before the web server opens its port (the web server
 * starts in a later lifecycle phase). The startup steps listen to it in their order — the demo clock, the deployment
 * of the models, the groups and demo users — so that nobody can reach Tasklist before they are done: a sign-in in the
 * first half minute used to fail with "Forbidden" because the users did not exist yet.
 */
@Component
public class StartupSteps implements SmartLifecycle {
  /** Every bean is ready; the web server and the job executor have not started yet. */
  public record BeforeServing() {
  }

  private final ApplicationEventPublisher events;
  private volatile boolean running;

  StartupSteps(ApplicationEventPublisher events) {
    this.events = events;
  }

  @Override
  public void start() {
    events.publishEvent(new BeforeServing());
    running = true;
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Early: before the web server's phase ({@code SmartLifecycle.DEFAULT_PHASE} − 2048 in Spring Boot 3). */
  @Override
  public int getPhase() {
    return 0;
  }
}
