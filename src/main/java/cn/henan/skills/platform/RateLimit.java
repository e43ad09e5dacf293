package cn.henan.skills.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most {@code limit} uses per key (a user) in a fixed window; beyond it {@link #use} refuses with 429 and the
 * seconds to wait. Kept in memory, at most {@code maxTracked} keys (expired windows go first, then the oldest).
 */
public class RateLimit {
  /** Too many requests of one kind from one person: 429 with when to try again. */
  public static final class Exceeded extends Refusal {
    private final long retryAfterSeconds;

    Exceeded(String what, int limit, Duration window, long retryAfterSeconds) {
      super(what + "过于频繁：每人每 " + window.toSeconds() + " 秒最多 " + limit + " 次，请 " + retryAfterSeconds
          + " 秒后再试。", 429);
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  private record Window(Instant start, int[] uses) {
  }

  private final String what;
  private final int limit;
  private final Duration window;
  private final int maxTracked;
  private final Clock clock;
  private final Map<String, Window> windows = new LinkedHashMap<>();

  /** @param what the kind of request, named for the user, e.g. 扫描件预检 */
  public RateLimit(String what, int limit, Duration window, int maxTracked, Clock clock) {
    if (limit < 1 || window.isNegative() || window.isZero() || maxTracked < 2) {
      throw new IllegalArgumentException("rate limit must be positive: " + limit + ", " + window + ", " + maxTracked);
    }
    this.what = what;
    this.limit = limit;
    this.window = window;
    this.maxTracked = maxTracked;
    this.clock = clock;
  }

  /** Counts one use by {@code key}, or refuses it (counting nothing) when the key has used up its window. */
  public synchronized void use(String key) {
    Instant now = clock.instant();
    Window current = windows.get(key);
    if (current == null || now.isBefore(current.start()) || !now.isBefore(current.start().plus(window))) {
      windows.remove(key);
      makeRoom(now);
      current = new Window(now, new int[1]);
      windows.put(key, current);
    }
    if (current.uses()[0] >= limit) {
      long millis = Duration.between(now, current.start().plus(window)).toMillis();
      throw new Exceeded(what, limit, window, Math.max(1, (millis + 999) / 1000));
    }
    current.uses()[0]++;
  }

  private void makeRoom(Instant now) {
    if (windows.size() < maxTracked) {
      return;
    }
    windows.values().removeIf(w -> !now.isBefore(w.start().plus(window)));
    Iterator<Window> oldest = windows.values().iterator();
    while (windows.size() >= maxTracked && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
    }
  }
}
