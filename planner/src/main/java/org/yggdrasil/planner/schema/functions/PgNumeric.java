package org.yggdrasil.planner.schema.functions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * PostgreSQL's numeric division. Its result scale depends on the operands' values: at least 16
 * significant digits, and never fewer fractional digits than either operand has (numeric.c,
 * select_div_scale). So {@code 7 / 3.0} is {@code 2.3333333333333333} and {@code avg} of two
 * numerics summing to 215000.00 is {@code 107500.000000000000}.
 *
 * <p>Marked non-deterministic so the planner never constant-folds these calls: a folded
 * literal would be rendered at its static type's scale, losing the value's own.
 */
@org.apache.calcite.linq4j.function.NonDeterministic
public final class PgNumeric {
  private static final int MIN_SIGNIFICANT_DIGITS = 16;
  private static final int MAX_DISPLAY_SCALE = 1000;

  private PgNumeric() {}

  /** Called from generated code for every division whose result type is numeric. */
  public static BigDecimal divide(BigDecimal a, BigDecimal b) {
    if (a == null || b == null) {
      return null;
    }
    if (b.signum() == 0) {
      throw new SqlStateException(SqlState.DIVISION_BY_ZERO, "division by zero");
    }
    int qweight = weight(a) - weight(b);
    if (a.signum() != 0 && firstDigit(a) < firstDigit(b)) {
      qweight--;
    }
    int rscale = MIN_SIGNIFICANT_DIGITS - qweight * 4;
    rscale = Math.max(rscale, Math.max(a.scale(), 0));
    rscale = Math.max(rscale, Math.max(b.scale(), 0));
    rscale = Math.min(Math.max(rscale, 0), MAX_DISPLAY_SCALE);
    return a.divide(b, rscale, RoundingMode.HALF_UP);
  }

  /** Weight of the first base-10000 digit: 0 for [1, 10000), -1 for [0.0001, 1), … */
  private static int weight(BigDecimal v) {
    if (v.signum() == 0) {
      return 0;
    }
    int exponent = v.precision() - v.scale() - 1;
    return Math.floorDiv(exponent, 4);
  }

  /** The first base-10000 digit of {@code v}'s magnitude. */
  private static int firstDigit(BigDecimal v) {
    return v.abs().movePointLeft(4 * weight(v)).setScale(0, RoundingMode.DOWN).intValue();
  }

  /** A numeric flowing into an unconstrained numeric keeps its own scale (no padding). */
  public static BigDecimal keepScale(BigDecimal v) {
    return v;
  }

  /** An integer becoming an unconstrained numeric: scale 0. */
  public static BigDecimal fromLong(Long v) {
    return v == null ? null : BigDecimal.valueOf(v);
  }

  /** A float becoming a numeric: its shortest decimal form, as PostgreSQL converts. */
  public static BigDecimal fromDouble(Double v) {
    if (v == null) {
      return null;
    }
    if (v.isNaN() || v.isInfinite()) {
      throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
          "numeric NaN and infinity are not supported yet");
    }
    return new BigDecimal(Double.toString(v));
  }

  /** Rounds half away from zero to {@code scale} digits, as numeric(p, s) input does. */
  public static BigDecimal round(BigDecimal v, int scale) {
    return v == null ? null : v.setScale(scale, RoundingMode.HALF_UP);
  }

  /** numeric to integer: rounds half away from zero. */
  public static BigDecimal roundIntegral(BigDecimal v) {
    return v == null ? null : v.setScale(0, RoundingMode.HALF_UP);
  }

  /** float to integer: rounds half to even, like C's rint. */
  public static Double rint(Double v) {
    return v == null ? null : Math.rint(v);
  }
}
