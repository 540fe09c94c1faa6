package org.yggdrasil.catalog.protocol;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A hybrid logical clock timestamp (Kulkarni et al.): {@code physical} milliseconds since the
 * epoch and a {@code logical} counter ordering events within one millisecond. Ordered
 * lexicographically by (physical, logical). Printed as {@code physical.logical}.
 */
public record Hlc(long physical, int logical) implements Comparable<Hlc> {
  public static final Hlc ZERO = new Hlc(0, 0);

  public Hlc {
    if (physical < 0 || logical < 0) {
      throw new IllegalArgumentException("negative HLC " + physical + "." + logical);
    }
  }

  @Override
  public int compareTo(Hlc o) {
    int c = Long.compare(physical, o.physical);
    return c != 0 ? c : Integer.compare(logical, o.logical);
  }

  public boolean isAfter(Hlc o) {
    return compareTo(o) > 0;
  }

  public static Hlc max(Hlc a, Hlc b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** Local or send event: {@code l' = max(l, pt)}; {@code c' = l' == l ? c + 1 : 0}. */
  public Hlc tick(long physicalNow) {
    long l = Math.max(physical, physicalNow);
    return l == physical ? new Hlc(l, bump(logical)) : new Hlc(l, 0);
  }

  /**
   * Receive of {@code m}: {@code l' = max(l, l_m, pt)}; {@code c'} is {@code max(c, c_m) + 1} if
   * {@code l' == l == l_m}, {@code c + 1} if only {@code l' == l}, {@code c_m + 1} if only
   * {@code l' == l_m}, else 0.
   */
  public Hlc receive(Hlc m, long physicalNow) {
    long l = Math.max(Math.max(physical, m.physical), physicalNow);
    int c;
    if (l == physical && l == m.physical) {
      c = bump(Math.max(logical, m.logical));
    } else if (l == physical) {
      c = bump(logical);
    } else if (l == m.physical) {
      c = bump(m.logical);
    } else {
      c = 0;
    }
    return new Hlc(l, c);
  }

  private static int bump(int c) {
    if (c == Integer.MAX_VALUE) {
      throw new IllegalStateException("HLC logical counter overflow");
    }
    return c + 1;
  }

  /** Parses {@link #toString()}'s form {@code physical.logical}. */
  public static Hlc parse(String s) {
    int dot = s.indexOf('.');
    if (dot < 0) {
      return new Hlc(Long.parseLong(s), 0);
    }
    return new Hlc(Long.parseLong(s.substring(0, dot)), Integer.parseInt(s.substring(dot + 1)));
  }

  @Override
  public String toString() {
    return physical + "." + logical;
  }

  /**
   * A thread-safe clock producing strictly increasing HLCs. It never goes backwards: not when the
   * wall clock does, and not across restarts if the owner persists {@link #highWater()} and passes
   * it to the constructor (or {@link #observe}) when it starts again.
   */
  public static final class Clock {
    private final LongSupplier wallMillis;
    private Hlc last;

    public Clock() {
      this(System::currentTimeMillis, ZERO);
    }

    public Clock(Hlc restoredHighWater) {
      this(System::currentTimeMillis, restoredHighWater);
    }

    public Clock(LongSupplier wallMillis, Hlc restoredHighWater) {
      this.wallMillis = Objects.requireNonNull(wallMillis);
      this.last = Objects.requireNonNull(restoredHighWater);
    }

    /** A local or send event: a timestamp after every one this clock produced or observed. */
    public synchronized Hlc now() {
      last = last.tick(wallMillis.getAsLong());
      return last;
    }

    /** A receive event of a remote timestamp; returns the new local timestamp. */
    public synchronized Hlc receive(Hlc remote) {
      last = last.receive(remote, wallMillis.getAsLong());
      return last;
    }

    /** Moves the clock to at least {@code seen} without producing an event (e.g. restored state). */
    public synchronized void observe(Hlc seen) {
      last = max(last, seen);
    }

    /** The highest timestamp produced or observed; persist it to survive restarts. */
    public synchronized Hlc highWater() {
      return last;
    }
  }
}
