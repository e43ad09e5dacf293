package cn.henan.skills.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HeavyWorkTest {

  @Test
  void answersTheResultAndThrowsWhatTheWorkThrows() {
    HeavyWork pool = new HeavyWork(2, 4, Duration.ofSeconds(30));
    try {
      assertThat(pool.run(HeavyWork.Kind.PDF, () -> "pdf")).isEqualTo("pdf");
      assertThatThrownBy(() -> pool.run(HeavyWork.Kind.TABLE, () -> {
        throw new Refusal("第 3 行：单位名称为空");
      })).isInstanceOf(Refusal.class).hasMessage("第 3 行：单位名称为空");
      assertThat(Thread.currentThread().getName()).doesNotStartWith("heavy-work");
      assertThat(pool.run(HeavyWork.Kind.PDF, () -> Thread.currentThread().getName())).startsWith("heavy-work-");
    } finally {
      pool.destroy();
    }
  }

  @Test
  void whenEveryThreadIsTakenAndNoOneMayWaitTheCallerIsToldTheSystemIsBusy() throws Exception {
    HeavyWork pool = new HeavyWork(1, 0, Duration.ofSeconds(30));
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try {
      CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> pool.run(HeavyWork.Kind.SCAN_CHECK, () -> {
        started.countDown();
        await(release);
        return "done";
      }));
      assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
      assertThatThrownBy(() -> pool.run(HeavyWork.Kind.SCAN_CHECK, () -> "second"))
          .isInstanceOf(HeavyWork.Busy.class).hasMessageContaining("系统正忙").satisfies(e ->
              assertThat(((Refusal) e).httpStatus()).isEqualTo(503));
      release.countDown();
      assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("done");
      assertThat(pool.run(HeavyWork.Kind.SCAN_CHECK, () -> "third")).as("the thread is free again").isEqualTo("third");
    } finally {
      release.countDown();
      pool.destroy();
    }
  }

  @Test
  void workThatOverrunsIsGivenUpAndKeepsItsThreadUntilItEnds() throws Exception {
    HeavyWork pool = new HeavyWork(1, 0, Duration.ofMillis(200));
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch ended = new CountDownLatch(1);
    try {
      assertThatThrownBy(() -> pool.run(HeavyWork.Kind.SCAN_CHECK, () -> {
        // a computation that does not stop when interrupted, like rendering a page
        while (true) {
          try {
            if (release.await(1, TimeUnit.SECONDS)) {
              ended.countDown();
              return "late";
            }
          } catch (InterruptedException ignored) {
            // keeps going
          }
        }
      })).isInstanceOf(HeavyWork.Overran.class).hasMessageContaining("扫描件核验超过 0 秒").satisfies(e ->
          assertThat(((Refusal) e).httpStatus()).isEqualTo(400));
      assertThatThrownBy(() -> pool.run(HeavyWork.Kind.PDF, () -> "next")).as("its thread is still taken")
          .isInstanceOf(HeavyWork.Busy.class);
      release.countDown();
      assertThat(ended.await(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      release.countDown();
      pool.destroy();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
