package org.yggdrasil.accel.groupby;

/**
 * Loops that turn a chunk's stored values into GROUP BY keys computed from them, in place:
 * integer remainders and quotients, timestamps (microseconds since 1970) floored to a unit, and
 * timestamps truncated to the start of their calendar week, month, quarter, year, decade or
 * century. Values of NULL rows are computed too (and ignored by the caller), so no loop may throw.
 */
public final class ComputedKeys {
  private ComputedKeys() {}

  public static final long MICROS_PER_DAY = 86_400_000_000L;

  /** Calendar units a timestamp truncates to, from the first day of the period at midnight. */
  public enum Calendar { WEEK, MONTH, QUARTER, YEAR, DECADE, CENTURY }

  /** {@code v % divisor} (Java's and PostgreSQL's remainder: the sign of the dividend). */
  public static void remainder(long[] v, int rows, long divisor) {
    for (int r = 0; r < rows; r++) {
      v[r] = v[r] % divisor;
    }
  }

  /** {@code v / divisor}, rounded towards zero. */
  public static void quotient(long[] v, int rows, long divisor) {
    for (int r = 0; r < rows; r++) {
      v[r] = v[r] / divisor;
    }
  }

  /**
   * {@code v} rounded down to a multiple of {@code unit} (also below zero). Values of one unit
   * are usually adjacent (a day's timestamps), so the last unit's bounds are tried before the
   * division.
   */
  public static void floorTo(long[] v, int rows, long unit) {
    long start = 1;
    long end = 0; // [start, end) holds the last value's unit; empty at first
    for (int r = 0; r < rows; r++) {
      long x = v[r];
      if (x < start || x >= end) {
        start = x - Math.floorMod(x, unit);
        // past the long range the bounds stay empty and each value divides
        end = start + unit;
      }
      v[r] = start;
    }
  }

  /** Dates (days since 1970) as timestamps at their midnight. */
  public static void daysToMicros(long[] v, int rows) {
    for (int r = 0; r < rows; r++) {
      v[r] *= MICROS_PER_DAY;
    }
  }

  /**
   * Timestamps truncated to the midnight starting their calendar period; weeks start on Monday.
   * Rows of one day are usually adjacent, so the last day's answer is reused.
   */
  public static void truncate(long[] micros, int rows, Calendar unit) {
    long lastDay = Long.MIN_VALUE;
    long lastStart = 0;
    for (int r = 0; r < rows; r++) {
      long day = Math.floorDiv(micros[r], MICROS_PER_DAY);
      if (day != lastDay) {
        lastDay = day;
        lastStart = periodStart(day, unit) * MICROS_PER_DAY;
      }
      micros[r] = lastStart;
    }
  }

  /** The first day of the period holding {@code day} (days since 1970-01-01, a Thursday). */
  static long periodStart(long day, Calendar unit) {
    if (unit == Calendar.WEEK) {
      return day - Math.floorMod(day + 3, 7);
    }
    long ym = yearMonth(day);
    long year = ym >> 4;
    int month = (int) (ym & 15);
    return switch (unit) {
      case MONTH -> epochDay(year, month);
      case QUARTER -> epochDay(year, (month - 1) / 3 * 3 + 1);
      case YEAR -> epochDay(year, 1);
      case DECADE -> epochDay(Math.floorDiv(year, 10) * 10, 1);
      case CENTURY -> epochDay(Math.floorDiv(year - 1, 100) * 100 + 1, 1);
      default -> throw new IllegalArgumentException(unit.name());
    };
  }

  /** The proleptic Gregorian year and month (1..12) of an epoch day, as {@code year << 4 | month}. */
  static long yearMonth(long day) {
    // days counted from 0000-03-01, in 400-year eras of 146,097 days (Hinnant's civil_from_days)
    long z = day + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    return (year << 4) | month;
  }

  /** The epoch day of the first of {@code month} in {@code year} (days_from_civil). */
  static long epochDay(long year, int month) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }
}
