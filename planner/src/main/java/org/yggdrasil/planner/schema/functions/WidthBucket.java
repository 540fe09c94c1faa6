package org.yggdrasil.planner.schema.functions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * PostgreSQL's {@code width_bucket(operand, low, high, count)}: which of {@code count} equal
 * buckets between {@code low} and {@code high} the operand falls in, 0 below the range and
 * {@code count + 1} above it (the range may also run downwards).
 */
public final class WidthBucket {
  private WidthBucket() {}

  public static Integer width_bucket(BigDecimal operand, BigDecimal low, BigDecimal high,
      Integer count) {
    if (operand == null || low == null || high == null || count == null) {
      return null;
    }
    checkCount(count);
    int order = low.compareTo(high);
    if (order == 0) {
      throw badArgument("lower bound cannot equal upper bound");
    }
    boolean ascending = order < 0;
    if (ascending ? operand.compareTo(low) < 0 : operand.compareTo(low) > 0) {
      return 0;
    }
    if (ascending ? operand.compareTo(high) >= 0 : operand.compareTo(high) <= 0) {
      return Math.addExact(count, 1);
    }
    BigDecimal offset = ascending ? operand.subtract(low) : low.subtract(operand);
    BigDecimal width = ascending ? high.subtract(low) : low.subtract(high);
    return offset.multiply(BigDecimal.valueOf(count))
        .divide(width, 0, RoundingMode.FLOOR).intValueExact() + 1;
  }

  public static Integer width_bucket(Double operand, Double low, Double high, Integer count) {
    if (operand == null || low == null || high == null || count == null) {
      return null;
    }
    checkCount(count);
    if (operand.isNaN() || low.isNaN() || high.isNaN()) {
      throw badArgument("operand, lower bound, and upper bound cannot be NaN");
    }
    if (low.isInfinite() || high.isInfinite()) {
      throw badArgument("lower and upper bounds must be finite");
    }
    if (low.equals(high)) {
      throw badArgument("lower bound cannot equal upper bound");
    }
    boolean ascending = low < high;
    if (ascending ? operand < low : operand > low) {
      return 0;
    }
    if (ascending ? operand >= high : operand <= high) {
      return Math.addExact(count, 1);
    }
    double fraction = ascending ? (operand - low) / (high - low) : (low - operand) / (low - high);
    return (int) (fraction * count) + 1;
  }

  private static void checkCount(int count) {
    if (count <= 0) {
      throw badArgument("count must be greater than zero");
    }
  }

  private static SqlStateException badArgument(String message) {
    return new SqlStateException(SqlState.INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION, message);
  }
}
