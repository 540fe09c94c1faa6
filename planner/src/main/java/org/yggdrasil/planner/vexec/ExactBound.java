package org.yggdrasil.planner.vexec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.yggdrasil.accel.kernels.CmpOp;
import org.yggdrasil.storage.nativestore.ColumnType;

/**
 * A comparison of an exact column (integer, date, timestamp, numeric stored as a scaled int64)
 * with a constant, restated over the column's stored integers: {@code int_col < 2.5} becomes
 * {@code <= 2}, {@code int_col = 2.5} matches nothing, a bound beyond the stored range matches all
 * or nothing.
 */
record ExactBound(Kind kind, CmpOp op, long value) {
  enum Kind { NONE, ALL_NON_NULL, COMPARE }

  private static final BigDecimal MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  /**
   * @param constant in Calcite's internal form: days for dates, microseconds for timestamps (as stored),
   *     else the number itself
   */
  static ExactBound of(ColumnSlot slot, CmpOp op, Number constant) {
    ColumnType type = slot.encoding().type();
    boolean scaled = slot.scale() > 0 && type != ColumnType.TIMESTAMP && type != ColumnType.TIMESTAMPTZ;
    return of(scaled ? slot.scale() : 0, op, constant);
  }

  /** As {@link #of(ColumnSlot, CmpOp, Number)} for values stored as integers × 10^scale. */
  static ExactBound of(int scale, CmpOp op, Number constant) {
    BigDecimal v;
    if (constant instanceof Double || constant instanceof Float) {
      double d = constant.doubleValue();
      if (Double.isNaN(d)) {
        // NaN sorts above every number (PostgreSQL)
        return switch (op) {
          case LT, LE, NE -> all();
          default -> none();
        };
      }
      if (Double.isInfinite(d)) {
        boolean above = d > 0;
        return switch (op) {
          case LT, LE -> above ? all() : none();
          case GT, GE -> above ? none() : all();
          case NE -> all();
          case EQ -> none();
        };
      }
      v = new BigDecimal(d);
    } else if (constant instanceof BigDecimal b) {
      v = b;
    } else {
      v = BigDecimal.valueOf(constant.longValue());
    }
    if (scale > 0) {
      v = v.movePointRight(scale);
    }
    if (v.compareTo(MIN) < 0 || v.compareTo(MAX) > 0) {
      boolean above = v.signum() > 0;
      return switch (op) {
        case LT, LE -> above ? all() : none();
        case GT, GE -> above ? none() : all();
        case NE -> all();
        case EQ -> none();
      };
    }
    BigDecimal floor = v.setScale(0, RoundingMode.FLOOR);
    if (floor.compareTo(v) == 0) {
      return new ExactBound(Kind.COMPARE, op, v.longValueExact());
    }
    long f = floor.longValueExact();
    long c = v.setScale(0, RoundingMode.CEILING).longValueExact();
    return switch (op) {
      case EQ -> none();
      case NE -> all();
      case LT, LE -> new ExactBound(Kind.COMPARE, CmpOp.LE, f);
      case GT, GE -> new ExactBound(Kind.COMPARE, CmpOp.GE, c);
    };
  }

  private static ExactBound all() {
    return new ExactBound(Kind.ALL_NON_NULL, null, 0);
  }

  private static ExactBound none() {
    return new ExactBound(Kind.NONE, null, 0);
  }
}
