package cn.henan.skills.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Counts failed sign-ins per client address and per (address, user) in fixed windows and tells when an address has
 * had too many: it may try again when its window has passed. Only failures count; an address that keeps failing is
 * held back, never the user it names, so the right password from anywhere else still works. Kept in memory, at most
 * {@code maxTracked} windows (expired ones go first, then the oldest). The clock is injected, so tests move it.
 */
public class LoginThrottle {
  /**
   * @param failuresPerAddress         failed sign-ins an address may have in a window, whatever users they name
   * @param failuresPerAddressAndUser  failed sign-ins an address may have for one user in a window
   * @param window                     how long failures are remembered (and an address held back at most)
   * @param maxTracked                 windows kept in memory at most
   */
  public record Limits(int failuresPerAddress, int failuresPerAddressAndUser, Duration window, int maxTracked) {
    public Limits {
      if (failuresPerAddress < 1 || failuresPerAddressAndUser < 1 || window.isNegative() || window.isZero()
          || maxTracked < 2) {
        throw new IllegalArgumentException("login throttle limits must be positive: " + failuresPerAddress + ", "
            + failuresPerAddressAndUser + ", " + window + ", " + maxTracked);
      }
    }
  }

  private static final class Window {
    final Instant start;
    int failures;
    /** Sign-ins begun and not yet answered: a flood sent in parallel counts before its answers come back. */
    int pending;

    Window(Instant start) {
      this.start = start;
    }
  }

  private final Limits limits;
  private final Clock clock;
  private final Duration pendingWait;
  private final Map<String, Window> windows = new LinkedHashMap<>();

  public LoginThrottle(Limits limits, Clock clock) {
    this(limits, clock, Duration.ofSeconds(2));
  }

  /** @param pendingWait how long a sign-in may wait for the address's sign-ins in flight to be answered */
  public LoginThrottle(Limits limits, Clock clock, Duration pendingWait) {
    this.limits = limits;
    this.clock = clock;
    this.pendingWait = pendingWait;
  }

  public Limits limits() {
    return limits;
  }

  /** Seconds until this address may try to sign in as this user again; 0 when it may now. */
  public synchronized long retryAfterSeconds(String address, String user) {
    Instant now = clock.instant();
    return Math.max(retryAfter(addressKey(address), limits.failuresPerAddress(), now),
        retryAfter(pairKey(address, user), limits.failuresPerAddressAndUser(), now));
  }

  /**
   * Begins a sign-in: 0 when it may go ahead (it then counts as pending until {@link #failed}, {@link #succeeded} or
   * {@link #ended}), else the seconds until the address may try again. While the sign-ins the address has in flight
   * would reach the limit if they all failed, it waits (at most {@code pendingWait}) for one of them to be answered —
   * a password check takes milliseconds — and answers 1 if none was.
   */
  public synchronized long begin(String address, String user) {
    long deadline = System.nanoTime() + pendingWait.toNanos();
    while (true) {
      Instant now = clock.instant();
      long retryAfter = retryAfterSeconds(address, user);
      if (retryAfter > 0) {
        return retryAfter;
      }
      Window byAddress = current(addressKey(address), now);
      Window byUser = current(pairKey(address, user), now);
      if (byAddress.failures + byAddress.pending < limits.failuresPerAddress()
          && byUser.failures + byUser.pending < limits.failuresPerAddressAndUser()) {
        byAddress.pending++;
        byUser.pending++;
        return 0;
      }
      long waitNanos = deadline - System.nanoTime();
      if (waitNanos <= 0) {
        return 1;
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, waitNanos);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 1;
      }
    }
  }

  /** Records a failed sign-in; answers whether the address (or the address for this user) is now held back. */
  public synchronized boolean failed(String address, String user) {
    Instant now = clock.instant();
    boolean addressFull = count(addressKey(address), limits.failuresPerAddress(), now);
    boolean pairFull = count(pairKey(address, user), limits.failuresPerAddressAndUser(), now);
    return addressFull || pairFull;
  }

  /** A successful sign-in forgets this address's failures for this user (not the address's other failures). */
  public synchronized void succeeded(String address, String user) {
    ended(address, user);
    windows.remove(pairKey(address, user));
  }

  /** A sign-in that neither failed nor succeeded (e.g. refused for another reason) is no longer pending. */
  public synchronized void ended(String address, String user) {
    release(addressKey(address));
    release(pairKey(address, user));
  }

  /** Forgets every failure. */
  public synchronized void clear() {
    windows.clear();
  }

  synchronized int tracked() {
    return windows.size();
  }

  private long retryAfter(String key, int limit, Instant now) {
    Window window = windows.get(key);
    if (window == null || !current(window, now) || window.failures < limit) {
      return 0;
    }
    long millis = Duration.between(now, window.start.plus(limits.window())).toMillis();
    return Math.max(1, (millis + 999) / 1000);
  }

  private boolean count(String key, int limit, Instant now) {
    release(key);
    Window window = current(key, now);
    window.failures++;
    return window.failures >= limit;
  }

  private void release(String key) {
    Window window = windows.get(key);
    if (window != null && window.pending > 0) {
      window.pending--;
      notifyAll();
    }
  }

  /** The key's window now, a new one if it had none or its window has passed. */
  private Window current(String key, Instant now) {
    Window window = windows.get(key);
    if (window == null || !current(window, now)) {
      windows.remove(key);
      makeRoom(now);
      window = new Window(now);
      windows.put(key, window);
    }
    return window;
  }

  // a clock moved back (tests, the demo clock) ends a window as much as time passing does
  private boolean current(Window window, Instant now) {
    return !now.isBefore(window.start) && now.isBefore(window.start.plus(limits.window()));
  }

  private void makeRoom(Instant now) {
    if (windows.size() < limits.maxTracked()) {
      return;
    }
    windows.values().removeIf(window -> !current(window, now));
    // a tenth more than needed, so that a full map is swept once in a while, not on every new address
    int keep = limits.maxTracked() - Math.max(1, limits.maxTracked() / 10);
    Iterator<Window> oldest = windows.values().iterator();
    while (windows.size() > keep && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
    }
  }

  private static String addressKey(String address) {
    return address;
  }

  private static String pairKey(String address, String user) {
    return address + '\n' + user;
  }
}
