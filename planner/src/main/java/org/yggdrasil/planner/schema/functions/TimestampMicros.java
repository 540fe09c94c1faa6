package org.yggdrasil.planner.schema.functions;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Yggdrasil runs Calcite's generated code with timestamp and timestamptz values as int64
 * microseconds since 1970-01-01 UTC (the store's own form and PostgreSQL's precision), where
 * Calcite itself assumes milliseconds. These are the conversions at the edges: Calcite's own
 * operators get milliseconds through {@link #toMillis}, see {@code MicrosecondTimestamps}.
 */
public final class TimestampMicros {
  private TimestampMicros() {}

  /** Microseconds → Calcite's milliseconds, rounding down (also before 1970). */
  public static Long toMillis(Long micros) {
    return micros == null ? null : Math.floorDiv(micros, 1000L);
  }

  /** Calcite's milliseconds → microseconds. */
  public static Long toMicros(Long millis) {
    return millis == null ? null : millis * 1000L;
  }

  public static long of(LocalDateTime t) {
    return Math.addExact(Math.multiplyExact(t.toEpochSecond(ZoneOffset.UTC), 1_000_000L),
        t.getNano() / 1000);
  }

  public static long of(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
  }

  public static long of(OffsetDateTime t) {
    return of(t.toInstant());
  }

  /** A Calcite timestamp literal's value, with all its fractional digits. */
  public static long of(org.apache.calcite.util.TimestampString s) {
    return of(LocalDateTime.parse(s.toString().replace(' ', 'T')));
  }

  public static LocalDateTime localDateTime(long micros) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
        (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
  }

  public static OffsetDateTime offsetDateTime(long micros) {
    return localDateTime(micros).atOffset(ZoneOffset.UTC);
  }

  public static Instant instant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
        Math.floorMod(micros, 1_000_000L) * 1000);
  }
}
