package org.yggdrasil.planner.schema.functions;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * PostgreSQL's {@code make_date}, {@code make_timestamp} and {@code to_timestamp(epoch
 * seconds)}. Timestamps are returned as microseconds since 1970 (see {@link TimestampMicros}),
 * dates as days since 1970.
 */
public final class MakeDateTime {
  /**
   * PostgreSQL's timestamps start at 4714-11-24 BC and end in 294276 AD; counted in
   * microseconds from 1970 in an int64 they end some 30 years earlier, at Long.MAX_VALUE.
   */
  private static final long MIN_MICROS = -210_866_803_200L * 1_000_000L;
  private static final long MAX_MICROS = Long.MAX_VALUE;

  private MakeDateTime() {}

  /** {@code make_date(year, month, day)} as days since 1970; negative years are BC. */
  public static Integer make_date(Integer year, Integer month, Integer day) {
    if (year == null || month == null || day == null) {
      return null;
    }
    return (int) date(year, month, day).toEpochDay();
  }

  /** {@code make_timestamp(year, month, day, hour, min, sec)} in microseconds. */
  public static Long make_timestamp(Integer year, Integer month, Integer day, Integer hour,
      Integer minute, Double second) {
    if (year == null || month == null || day == null || hour == null || minute == null
        || second == null) {
      return null;
    }
    LocalDate date = date(year, month, day);
    long secondMicros = Math.round(second * 1_000_000d);
    // 60 seconds is accepted, as PostgreSQL accepts it (a leap second rolls over)
    if (hour < 0 || hour > 24 || minute < 0 || minute > 59 || second.isNaN()
        || secondMicros < 0 || secondMicros > 60_000_000L
        || (hour == 24 && (minute > 0 || secondMicros > 0))) {
      throw new SqlStateException(SqlState.DATETIME_FIELD_OVERFLOW,
          "time field value out of range: " + hour + ":" + pad(minute) + ":"
              + secondsText(second));
    }
    try {
      return checkRange(Math.addExact(TimestampMicros.of(date.atStartOfDay()),
          (hour * 60L + minute) * 60_000_000L + secondMicros));
    } catch (ArithmeticException e) {
      throw outOfRange();
    }
  }

  /** {@code to_timestamp(double precision)}: Unix epoch seconds, rounded to microseconds. */
  public static Long epochSeconds(Double seconds) {
    if (seconds == null) {
      return null;
    }
    if (seconds.isNaN()) {
      throw new SqlStateException(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp cannot be NaN");
    }
    double micros = Math.rint(seconds * 1_000_000d);
    if (seconds.isInfinite() || micros < MIN_MICROS || micros >= (double) MAX_MICROS) {
      throw new SqlStateException(SqlState.DATETIME_FIELD_OVERFLOW,
          "timestamp out of range: \"" + PgText.ofFloat8(seconds) + "\"");
    }
    return (long) micros;
  }

  /**
   * {@code to_timestamp(text, template)}: the text read with a PostgreSQL date/time template
   * (Calcite's implementation of PostgreSQL's), in UTC, to the microsecond.
   */
  public static Long fromText(String text, String template) {
    if (text == null || template == null) {
      return null;
    }
    java.time.ZonedDateTime t;
    try {
      t = org.apache.calcite.util.format.postgresql.PostgresqlDateTimeFormatter
          .compilePattern(template)
          .parseDateTime(text, java.time.ZoneOffset.UTC, java.util.Locale.ROOT);
    } catch (java.text.ParseException | RuntimeException e) {
      throw new SqlStateException(SqlState.INVALID_DATETIME_FORMAT,
          "invalid value \"" + text + "\" for template \"" + template + "\"", null,
          "Check that the text matches the template.", 0, e);
    }
    try {
      return checkRange(TimestampMicros.of(t.toInstant()));
    } catch (ArithmeticException e) {
      throw outOfRange();
    }
  }

  private static long checkRange(long micros) {
    if (micros < MIN_MICROS) {
      throw outOfRange();
    }
    return micros;
  }

  private static SqlStateException outOfRange() {
    return new SqlStateException(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
  }

  private static LocalDate date(int year, int month, int day) {
    try {
      if (year == 0) {
        throw new DateTimeException("no year 0");
      }
      // PostgreSQL's year -1 is 1 BC, Java's year 0
      return LocalDate.of(year < 0 ? year + 1 : year, month, day);
    } catch (DateTimeException e) {
      throw new SqlStateException(SqlState.DATETIME_FIELD_OVERFLOW,
          "date field value out of range: " + year + "-" + pad(month) + "-" + pad(day));
    }
  }

  private static String pad(int v) {
    return v >= 0 && v < 10 ? "0" + v : Integer.toString(v);
  }

  private static String secondsText(double second) {
    return second == Math.rint(second) && Math.abs(second) < 1e15
        ? pad((int) second) : Double.toString(second);
  }
}
