package org.yggdrasil.planner.schema.functions;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * PostgreSQL's text output for casts to text inside queries ({@code x::text}): floats as
 * extra_float_digits asks, timestamps without a 'T', timestamptz in the session's TimeZone with
 * its offset, booleans as true/false, numerics with their leading zero, intervals and bytea as
 * PostgreSQL writes them.
 */
@org.apache.calcite.linq4j.function.NonDeterministic
public final class PgText {
  private PgText() {}

  public static String ofBoolean(Boolean b) {
    return b == null ? null : b ? "true" : "false";
  }

  /** Every digit of the value at its scale, never in exponent form, with the leading zero ({@code 0.5}, not Calcite's {@code .5}). */
  public static String ofNumeric(java.math.BigDecimal n) {
    return n == null ? null : n.toPlainString();
  }

  /** A day-time interval as Calcite holds it (milliseconds): {@code 1 day 02:00:00}, not {@code +1 02:00:00.000000}. */
  public static String ofDayTimeInterval(Long millis) {
    return millis == null ? null : org.yggdrasil.planner.schema.InternalValues.dayTimeInterval(millis);
  }

  /** A year-month interval as Calcite holds it (months): {@code 1 year 2 mons}. */
  public static String ofYearMonthInterval(Integer months) {
    return months == null ? null : org.yggdrasil.planner.schema.InternalValues.yearMonthInterval(months);
  }

  /** bytea in PostgreSQL's hex output: {@code \x616263}. */
  public static String ofBytea(org.apache.calcite.avatica.util.ByteString b) {
    return b == null ? null : "\\x" + b.toString(16);
  }

  public static String ofFloat8(Double d) {
    return d == null ? null : formatFloat(d, 15);
  }

  public static String ofFloat4(Double d) {
    return d == null ? null : formatFloat(d.floatValue(), 6);
  }

  /** @param micros the timestamp in microseconds (see {@link TimestampMicros}) */
  public static String ofTimestamp(Long micros) {
    if (micros == null) {
      return null;
    }
    return formatLocal(TimestampMicros.localDateTime(micros));
  }

  /** A timestamp as Calcite's constant evaluator holds it: milliseconds since the epoch. */
  public static String ofTimestampMillis(Long millis) {
    return millis == null ? null
        : formatLocal(LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L),
            (int) Math.floorMod(millis, 1000L) * 1_000_000, ZoneOffset.UTC));
  }

  /** @param micros the instant in microseconds (see {@link TimestampMicros}) */
  public static String ofTimestamptz(Long micros) {
    if (micros == null) {
      return null;
    }
    ZonedDateTime t = TimestampMicros.instant(micros).atZone(sessionZone());
    int offset = t.getOffset().getTotalSeconds();
    String sign = offset < 0 ? "-" : "+";
    int abs = Math.abs(offset);
    String zone = String.format(Locale.ROOT, "%s%02d", sign, abs / 3600)
        + (abs % 3600 != 0 ? String.format(Locale.ROOT, ":%02d", abs % 3600 / 60) : "");
    return formatLocal(t.toLocalDateTime()) + zone;
  }

  private static ZoneId sessionZone() {
    try {
      String tz = SessionInfo.current().setting().apply("TimeZone");
      return SessionInfo.zone(tz);
    } catch (RuntimeException e) {
      return ZoneOffset.UTC;
    }
  }

  private static String formatLocal(LocalDateTime t) {
    String s = String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d", t.getYear(),
        t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
    int nanos = t.getNano();
    if (nanos != 0) {
      s += String.format(Locale.ROOT, ".%06d", nanos / 1000).replaceAll("0+$", "");
    }
    return s;
  }

  private static int extraFloatDigits() {
    try {
      String v = SessionInfo.current().setting().apply("extra_float_digits");
      return v == null ? 1 : Integer.parseInt(v);
    } catch (RuntimeException e) {
      return 1;
    }
  }

  /** %g-style output: shortest round-trip digits when extra_float_digits > 0. */
  static String formatFloat(double d, int baseDigits) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0" : "0";
    }
    int extra = extraFloatDigits();
    BigDecimal v = baseDigits == 6 ? new BigDecimal(Float.toString((float) d))
        : new BigDecimal(Double.toString(d));
    if (extra <= 0) {
      v = v.round(new MathContext(Math.max(1, baseDigits + extra)));
    }
    v = v.stripTrailingZeros();
    int exponent = v.precision() - v.scale() - 1;
    int digits = extra > 0 ? 17 : baseDigits + extra;
    if (exponent < -4 || exponent >= digits) {
      String mantissa = v.movePointLeft(exponent).toPlainString();
      return mantissa + (exponent < 0 ? "e-" : "e+")
          + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
    }
    return v.toPlainString();
  }
}
