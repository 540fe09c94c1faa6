package org.yggdrasil.pgwire.types;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Date/time output in PostgreSQL's ISO DateStyle, and the epoch arithmetic of the binary
 * formats (days and microseconds since 2000-01-01, PostgreSQL's epoch).
 *
 * <p>Output rules: years have at least four digits; years before 1 AD print as {@code 0044-03-15
 * BC} (Java's proleptic year 0 is 1 BC); times print {@code HH:MM:SS} with the fraction of a
 * second only when nonzero, to microseconds, trailing zeros trimmed; offsets print as {@code +00},
 * {@code +05:30}, {@code -03:00:00}-style with only the nonzero parts.
 */
final class DateTimeText {
  /** 2000-01-01 as days since 1970-01-01. */
  static final long PG_EPOCH_DAY = 10_957;

  /** 2000-01-01T00:00Z as seconds since 1970-01-01T00:00Z. */
  static final long PG_EPOCH_SECOND = PG_EPOCH_DAY * 86_400;

  static final long MICROS_PER_DAY = 86_400_000_000L;

  private DateTimeText() {}

  /** {@code 2026-11-25} or {@code 0044-03-15} (BC is appended by the caller, at the end). */
  static void appendDate(StringBuilder sb, LocalDate date) {
    int year = date.getYear();
    if (year <= 0) {
      year = 1 - year;
    }
    if (year < 1000) {
      sb.repeat('0', 4 - Integer.toString(year).length());
    }
    sb.append(year).append('-');
    pad2(sb, date.getMonthValue());
    sb.append('-');
    pad2(sb, date.getDayOfMonth());
  }

  static boolean isBc(LocalDate date) {
    return date.getYear() <= 0;
  }

  /** {@code 10:11:12} or {@code 10:11:12.1234}; {@code micros} is the time of day. */
  static void appendTime(StringBuilder sb, long micros) {
    long seconds = micros / 1_000_000;
    int fraction = (int) (micros % 1_000_000);
    pad2(sb, (int) (seconds / 3600));
    sb.append(':');
    pad2(sb, (int) (seconds / 60 % 60));
    sb.append(':');
    pad2(sb, (int) (seconds % 60));
    if (fraction != 0) {
      String digits = Integer.toString(fraction);
      sb.append('.').repeat('0', 6 - digits.length());
      int end = digits.length();
      while (digits.charAt(end - 1) == '0') {
        end--;
      }
      sb.append(digits, 0, end);
    }
  }

  /** {@code +00}, {@code +05:30}, {@code -08}, {@code +00:53:28}. */
  static void appendOffset(StringBuilder sb, ZoneOffset offset) {
    int total = offset.getTotalSeconds();
    sb.append(total < 0 ? '-' : '+');
    total = Math.abs(total);
    pad2(sb, total / 3600);
    int minutes = total / 60 % 60;
    int seconds = total % 60;
    if (minutes != 0 || seconds != 0) {
      sb.append(':');
      pad2(sb, minutes);
    }
    if (seconds != 0) {
      sb.append(':');
      pad2(sb, seconds);
    }
  }

  /** {@code 2026-11-25 10:11:12.123456}, with " BC" when {@code bc} suffix applies later. */
  static void appendDateTime(StringBuilder sb, LocalDateTime value) {
    appendDate(sb, value.toLocalDate());
    sb.append(' ');
    appendTime(sb, value.toLocalTime().toNanoOfDay() / 1000);
  }

  /** Rounds to whole microseconds, half up, as PostgreSQL keeps them. */
  static LocalDateTime roundToMicros(LocalDateTime value) {
    if (value.getNano() % 1000 == 0) {
      return value;
    }
    return value.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
  }

  /** Microseconds of the day, rounded half up; 23:59:59.9999995 and later round to 24:00:00. */
  static long microsOfDay(LocalTime time) {
    return (time.toNanoOfDay() + 500) / 1000;
  }

  /** Microseconds since 2000-01-01 00:00 of a wall-clock time read as UTC; 22008 on overflow. */
  static long toPgMicros(LocalDateTime value) {
    LocalDateTime rounded = roundToMicros(value);
    try {
      long seconds = rounded.toEpochSecond(ZoneOffset.UTC) - PG_EPOCH_SECOND;
      return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), rounded.getNano() / 1000);
    } catch (ArithmeticException e) {
      throw new org.yggdrasil.catalog.error.SqlStateException(
          org.yggdrasil.catalog.error.SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
    }
  }

  /** The inverse of {@link #toPgMicros}. */
  static LocalDateTime fromPgMicros(long micros) {
    long seconds = Math.floorDiv(micros, 1_000_000L) + PG_EPOCH_SECOND;
    int nanos = (int) Math.floorMod(micros, 1_000_000L) * 1000;
    return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
  }

  /** Date plus microseconds of the day (which may be a whole day: 24:00:00). */
  static LocalDateTime combine(LocalDate date, long microsOfDay) {
    return date.atStartOfDay().plusNanos(microsOfDay * 1000);
  }

  private static void pad2(StringBuilder sb, int v) {
    if (v < 10) {
      sb.append('0');
    }
    sb.append(v);
  }
}
