package cn.henan.skills.platform;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs the work whose cost depends on what a user uploads — checking a scan, reading a table, rendering a PDF — on a
 * few threads of its own, so that however many such requests arrive at once, at most {@code threads} of them use CPU
 * and memory at a time and everyone else's requests keep their share. A caller waits for a free thread at most
 * {@code timeout}, then for the work at most {@code timeout}, and gives up with a Chinese sentence: 503 when the
 * system is busy (no thread came free, or more than {@code waiting} callers already wait), 400 when the work itself
 * took too long (the file is at fault).
 * A piece of work that overran keeps its thread until it ends (Java cannot stop a computation), so the bound on
 * concurrent work holds even then; the size checks before the work keep each piece short.
 */
@Component
public class HeavyWork implements DisposableBean {
  /** What is run, named for the user. */
  public enum Kind {
    SCAN_CHECK("扫描件核验"), DOCUMENT_CHECK("证明材料核验"), TABLE("读取数据表"), PDF("生成 PDF");

    private final String chinese;

    Kind(String chinese) {
      this.chinese = chinese;
    }
  }

  /** The system is busy with other people's files: try again shortly (503). */
  public static final class Busy extends Refusal {
    Busy(Kind kind) {
      super("系统正忙（同时处理的文件较多），" + kind.chinese + "未能开始，未作任何更改，请稍后再试。", 503);
    }
  }

  /** The work on this file took longer than allowed and was given up (400: the file is too complex). */
  public static final class Overran extends Refusal {
    Overran(Kind kind, Duration timeout) {
      super(kind.chinese + "超过 " + timeout.toSeconds() + " 秒仍未完成，已停止，未作任何更改：文件过于复杂，"
          + "请换用页数更少、分辨率更低或行数更少的文件。", 400);
    }
  }

  private final Semaphore slots;
  private final ExecutorService threads;
  private final AtomicInteger waiting = new AtomicInteger();
  private final int maxWaiting;
  private final Duration timeout;

  /**
   * @param threads at most this many pieces of work at once; 0 means half the processors (at least one), so that
   *     the other half always serves everyone else
   */
  public HeavyWork(@Value("${skills-henan.heavy-work.threads:0}") int threads,
      @Value("${skills-henan.heavy-work.waiting:16}") int maxWaiting,
      @Value("${skills-henan.heavy-work.timeout:10s}") Duration timeout) {
    if (threads == 0) {
      threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }
    if (threads < 1 || maxWaiting < 0 || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("heavy-work settings must be positive: " + threads + ", " + maxWaiting
          + ", " + timeout);
    }
    this.slots = new Semaphore(threads, true);
    this.threads = Executors.newFixedThreadPool(threads, named());
    this.maxWaiting = maxWaiting;
    this.timeout = timeout;
  }

  /**
   * Runs {@code work} on one of the pool's threads and answers its result; what it throws is thrown here. The work
   * must not need the caller's thread: no transaction, engine context or signed-in person (pure computations on
   * bytes and data only).
   */
  public <T> T run(Kind kind, Supplier<T> work) {
    acquire(kind);
    Future<T> result;
    try {
      result = threads.submit(() -> {
        try {
          return work.get();
        } finally {
          slots.release();
        }
      });
    } catch (RejectedExecutionException e) { // only while shutting down
      slots.release();
      throw new Busy(kind);
    }
    try {
      return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      result.cancel(true);
      throw new Overran(kind, timeout);
    } catch (InterruptedException e) {
      result.cancel(true);
      Thread.currentThread().interrupt();
      throw new Busy(kind);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  private void acquire(Kind kind) {
    if (slots.tryAcquire()) {
      return;
    }
    if (waiting.incrementAndGet() > maxWaiting) {
      waiting.decrementAndGet();
      throw new Busy(kind);
    }
    try {
      if (!slots.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new Busy(kind);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Busy(kind);
    } finally {
      waiting.decrementAndGet();
    }
  }

  private static ThreadFactory named() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "heavy-work-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void destroy() {
    threads.shutdownNow();
  }
}
