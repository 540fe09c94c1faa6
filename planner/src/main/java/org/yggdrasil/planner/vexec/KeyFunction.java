package org.yggdrasil.planner.vexec;

import java.math.BigDecimal;
import org.apache.calcite.avatica.util.DateTimeUtils;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.sql.type.SqlTypeName;
import org.yggdrasil.accel.groupby.ComputedKeys;

/**
 * A GROUP BY key computed from one stored column, row by row over a chunk's values into a long
 * (see {@link KeyColumn}), then turned into the value Calcite's row-at-a-time plan gives the
 * same expression. A NULL column value makes a NULL key. Each variant computes exactly what the
 * Enumerable code computes for that expression, so both ways group identically.
 */
public sealed interface KeyFunction {
  /** Replaces each of the first {@code rows} stored values (the column's bits) by its key. */
  void apply(long[] values, int rows);

  /** The key as Calcite's runtime represents the expression's value. */
  Object decode(long key);

  /** The expression for EXPLAIN, over {@code column} (how the plan names the column). */
  String describe(String column);

  /** Whether {@link #apply} takes the column's values as doubles' bits, not integers. */
  default boolean readsDoubles() {
    return false;
  }

  /** This function as one statement runs it: with what it reads of the session (time zone). */
  default KeyFunction bind(org.apache.calcite.DataContext root) {
    return this;
  }

  /**
   * {@code then} over a timestamptz column's values seen as the wall-clock time of the session's
   * time zone ({@link SessionLocalTime}), as the row path's cast to timestamp sees them; the
   * zone is the running statement's (see {@link #bind}).
   */
  record SessionLocal(KeyFunction then, java.util.TimeZone zone) implements KeyFunction {
    @Override
    public KeyFunction bind(org.apache.calcite.DataContext root) {
      return new SessionLocal(then,
          org.apache.calcite.DataContext.Variable.TIME_ZONE.get(root));
    }

    @Override
    public void apply(long[] values, int rows) {
      if (zone == null) {
        throw new IllegalStateException("timestamptz key computed before binding a time zone");
      }
      SessionLocalTime.toLocal(values, rows, zone);
      then.apply(values, rows);
    }

    @Override
    public Object decode(long key) {
      return then.decode(key);
    }

    @Override
    public String describe(String column) {
      return then.describe(column + " at the session's time zone");
    }
  }

  /** Truncation units {@code date_trunc} takes (the row path's {@code DateFunctions}). */
  enum TruncUnit {
    MILLISECONDS(1_000L), SECOND(1_000_000L), MINUTE(60_000_000L), HOUR(3_600_000_000L),
    DAY(ComputedKeys.MICROS_PER_DAY), WEEK(0), MONTH(0), QUARTER(0), YEAR(0), DECADE(0),
    CENTURY(0);

    /** Microseconds of a fixed-length unit, or 0 for calendar units. */
    final long micros;

    TruncUnit(long micros) {
      this.micros = micros;
    }
  }

  /**
   * {@code date_trunc(unit, timestamp)}, or of a date cast to timestamp ({@code fromDate}):
   * microseconds floored to the unit, or the midnight starting the calendar period.
   */
  record DateTrunc(TruncUnit unit, boolean fromDate) implements KeyFunction {
    @Override
    public void apply(long[] values, int rows) {
      if (fromDate) {
        ComputedKeys.daysToMicros(values, rows);
      }
      if (unit.micros > 0) {
        ComputedKeys.floorTo(values, rows, unit.micros);
      } else {
        ComputedKeys.truncate(values, rows, ComputedKeys.Calendar.valueOf(unit.name()));
      }
    }

    @Override
    public Object decode(long key) {
      return key;
    }

    @Override
    public String describe(String column) {
      return "date_trunc('" + unit.name().toLowerCase(java.util.Locale.ROOT) + "', " + column + ")";
    }
  }

  /**
   * {@code EXTRACT(field FROM d)} / {@code date_part('field', d)} of a date or timestamp, for
   * fields of the day (year, month, dow, …) as Calcite computes them: {@code unixDateExtract} of
   * the day (a timestamp's milliseconds floored to days), and {@code hour}, {@code minute} from
   * a timestamp's milliseconds into its day.
   */
  record DatePart(TimeUnitRange field, boolean fromDate, SqlTypeName type) implements KeyFunction {
    @Override
    public void apply(long[] values, int rows) {
      switch (field) {
        case HOUR -> fraction(values, rows, DateTimeUtils.MILLIS_PER_DAY, DateTimeUtils.MILLIS_PER_HOUR);
        case MINUTE -> fraction(values, rows, DateTimeUtils.MILLIS_PER_HOUR, DateTimeUtils.MILLIS_PER_MINUTE);
        default -> {
          long lastDay = Long.MIN_VALUE;
          long last = 0;
          for (int r = 0; r < rows; r++) {
            long day = fromDate ? values[r] : Math.floorDiv(values[r], ComputedKeys.MICROS_PER_DAY);
            if (day != lastDay) {
              lastDay = day;
              // DOW is PostgreSQL's, 0 = Sunday: Calcite's 1 = Sunday minus one (exec/DayOfWeek)
              last = DateTimeUtils.unixDateExtract(field, day) - (field == TimeUnitRange.DOW ? 1 : 0);
            }
            values[r] = last;
          }
        }
      }
    }

    private static void fraction(long[] micros, int rows, long period, long unit) {
      for (int r = 0; r < rows; r++) {
        micros[r] = Math.floorMod(Math.floorDiv(micros[r], 1000L), period) / unit;
      }
    }

    @Override
    public Object decode(long key) {
      return integral(key, type);
    }

    @Override
    public String describe(String column) {
      return "extract(" + field.name().toLowerCase(java.util.Locale.ROOT) + " from " + column + ")";
    }
  }

  /** {@code column % divisor} over an integer column, as Java's (and PostgreSQL's) remainder. */
  record Remainder(long divisor, SqlTypeName type) implements KeyFunction {
    @Override
    public void apply(long[] values, int rows) {
      ComputedKeys.remainder(values, rows, divisor);
    }

    @Override
    public Object decode(long key) {
      return integral(key, type);
    }

    @Override
    public String describe(String column) {
      return column + " % " + divisor;
    }
  }

  /** {@code column / divisor} over an integer column: integer division, towards zero. */
  record Quotient(long divisor, SqlTypeName type) implements KeyFunction {
    @Override
    public void apply(long[] values, int rows) {
      ComputedKeys.quotient(values, rows, divisor);
    }

    @Override
    public Object decode(long key) {
      return integral(key, type);
    }

    @Override
    public String describe(String column) {
      return column + " / " + divisor;
    }
  }

  /** {@code floor(numeric column)} stored as a scaled int64: the integer at or below, scale 0. */
  record FloorNumeric(int scale) implements KeyFunction {
    @Override
    public void apply(long[] values, int rows) {
      ComputedKeys.floorTo(values, rows, BigDecimal.TEN.pow(scale).longValueExact());
    }

    @Override
    public Object decode(long key) {
      return BigDecimal.valueOf(key).movePointLeft(scale).setScale(0, java.math.RoundingMode.UNNECESSARY);
    }

    @Override
    public String describe(String column) {
      return "floor(" + column + ")";
    }
  }

  /**
   * {@code floor(double precision column)}: keyed by the result's bits as {@link Double#equals}
   * compares them (NaNs alike, -0.0 apart from 0.0), which is how Calcite's plan groups doubles.
   */
  record FloorDouble() implements KeyFunction {
    @Override
    public boolean readsDoubles() {
      return true;
    }

    @Override
    public void apply(long[] bits, int rows) {
      for (int r = 0; r < rows; r++) {
        bits[r] = Double.doubleToLongBits(Math.floor(Double.longBitsToDouble(bits[r])));
      }
    }

    @Override
    public Object decode(long key) {
      return Double.longBitsToDouble(key);
    }

    @Override
    public String describe(String column) {
      return "floor(" + column + ")";
    }
  }

  /** An integral key as the Java type Calcite uses for {@code type}. */
  static Object integral(long v, SqlTypeName type) {
    return switch (type) {
      case TINYINT -> (byte) v;
      case SMALLINT -> (short) v;
      case INTEGER -> (int) v;
      case DECIMAL -> BigDecimal.valueOf(v);
      default -> v;
    };
  }
}
