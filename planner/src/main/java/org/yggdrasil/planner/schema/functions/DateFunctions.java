package org.yggdrasil.planner.schema.functions;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * PostgreSQL date/time functions Calcite lacks. Timestamps cross as {@link Timestamp} in UTC
 * (the server runs with UTC as the JVM default zone, so Calcite's conversions do not shift).
 */
public final class DateFunctions {
  private DateFunctions() {}

  /** {@code date_trunc(field, timestamp)}. */
  public static Timestamp date_trunc(String field, Timestamp ts) {
    if (field == null || ts == null) {
      return null;
    }
    LocalDateTime t = ts.toLocalDateTime();
    LocalDateTime r = switch (field.toLowerCase(Locale.ROOT)) {
      case "microseconds" -> t.truncatedTo(ChronoUnit.MICROS);
      case "milliseconds" -> t.truncatedTo(ChronoUnit.MILLIS);
      case "second" -> t.truncatedTo(ChronoUnit.SECONDS);
      case "minute" -> t.truncatedTo(ChronoUnit.MINUTES);
      case "hour" -> t.truncatedTo(ChronoUnit.HOURS);
      case "day" -> t.truncatedTo(ChronoUnit.DAYS);
      case "week" -> t.truncatedTo(ChronoUnit.DAYS)
          .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case "month" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
      case "quarter" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1)
          .withMonth((t.getMonthValue() - 1) / 3 * 3 + 1);
      case "year" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
      case "decade" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1)
          .withYear(Math.floorDiv(t.getYear(), 10) * 10);
      case "century" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1)
          .withYear(Math.floorDiv(t.getYear() - 1, 100) * 100 + 1);
      default -> throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
          "unit \"" + field + "\" not recognized for type timestamp without time zone");
    };
    return Timestamp.valueOf(r);
  }

  /**
   * {@code timestamp AT TIME ZONE zone}: the instant (UTC microseconds) at which the zone's
   * clocks show {@code localMicros} (a wall-clock time counted as if in UTC).
   */
  public static long localToUtc(long localMicros, String zone) {
    return TimestampMicros.of(
        TimestampMicros.localDateTime(localMicros).atZone(zone(zone)).toInstant());
  }

  /** {@code timestamptz AT TIME ZONE zone}: what the zone's clocks show at an instant. */
  public static long utcToLocal(long utcMicros, String zone) {
    return TimestampMicros.of(java.time.LocalDateTime.ofInstant(
        TimestampMicros.instant(utcMicros), zone(zone)));
  }

  private static java.time.ZoneId zone(String name) {
    java.time.ZoneId zone = org.yggdrasil.planner.schema.PgZones.forName(name);
    if (zone == null) {
      throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE,
          "time zone \"" + name + "\" not recognized");
    }
    return zone;
  }
}
