package org.yggdrasil.storage.nativestore.chunk;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Conversions between java.time values and int64 microseconds since 1970-01-01 00:00 (UTC), the
 * stored form of timestamp and timestamptz. Values are rounded half-up to whole microseconds, as
 * PostgreSQL does.
 */
public final class Micros {
  private Micros() {}

  /** Microseconds since the epoch; throws ArithmeticException when out of the int64 range. */
  public static long of(LocalDateTime t) {
    return of(t.toEpochSecond(ZoneOffset.UTC), t.getNano());
  }

  public static long of(OffsetDateTime t) {
    return of(t.toEpochSecond(), t.getNano());
  }

  public static long of(Instant t) {
    return of(t.getEpochSecond(), t.getNano());
  }

  private static long of(long seconds, int nanos) {
    return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), (nanos + 500) / 1000);
  }

  public static LocalDateTime toLocalDateTime(long micros) {
    return LocalDateTime.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
  }

  public static OffsetDateTime toOffsetDateTime(long micros) {
    return toLocalDateTime(micros).atOffset(ZoneOffset.UTC);
  }
}
