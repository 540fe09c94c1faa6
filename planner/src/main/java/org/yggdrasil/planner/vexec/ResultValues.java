package org.yggdrasil.planner.vexec;

import java.math.BigDecimal;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.schema.InternalValues;

/** Turns accumulated aggregates into the values Calcite's runtime expects of their SQL types. */
final class ResultValues {
  private ResultValues() {}

  static Object count(long n) {
    return n;
  }

  /**
   * An exact (unscaled) sum {@code sum + beyond}, or null / zero when no row contributed;
   * {@code beyond} (null = 0) is the part a long could not hold, kept for numeric results only.
   */
  static Object exactSum(AggSpec agg, long sum, java.math.BigInteger beyond, long contributing) {
    if (beyond != null && beyond.signum() != 0 && contributing > 0) {
      if (agg.resultType() != org.apache.calcite.sql.type.SqlTypeName.DECIMAL) {
        throw overflow();
      }
      return new BigDecimal(java.math.BigInteger.valueOf(sum).add(beyond), agg.resultScale());
    }
    return exactSum(agg, sum, contributing);
  }

  /** An exact (unscaled) sum, or null / zero when no row contributed. */
  static Object exactSum(AggSpec agg, long sum, long contributing) {
    if (contributing == 0) {
      if (agg.fn() == AggSpec.Fn.SUM) {
        return null;
      }
      sum = 0;
    }
    return switch (agg.resultType()) {
      case BIGINT -> sum;
      case INTEGER -> {
        if (sum != (int) sum) {
          throw new SqlStateException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range");
        }
        yield (int) sum;
      }
      case DECIMAL -> BigDecimal.valueOf(sum, agg.resultScale());
      case DOUBLE -> (double) sum;
      default -> throw new IllegalStateException("unexpected sum type " + agg.resultType());
    };
  }

  static Object doubleSum(AggSpec agg, double sum, long contributing) {
    if (contributing == 0) {
      if (agg.fn() == AggSpec.Fn.SUM) {
        return null;
      }
      sum = 0;
    }
    return switch (agg.resultType()) {
      case REAL, FLOAT -> (float) sum;
      default -> sum;
    };
  }

  /** MIN/MAX of an exact column from its stored bits. */
  static Object exactExtreme(ColumnSlot column, long bits, boolean found) {
    return found ? InternalValues.fromStore(column.encoding().fromBits(bits)) : null;
  }

  static Object doubleExtreme(ColumnSlot column, double v, boolean found) {
    if (!found) {
      return null;
    }
    return column.encoding().physical() == org.yggdrasil.storage.nativestore.chunk.Physical.FLOAT
        ? (Object) (float) v : (Object) v;
  }

  static SqlStateException overflow() {
    return new SqlStateException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
        "sum out of range of a 64-bit integer in the vectorized executor;"
            + " cast the argument to numeric to sum it exactly");
  }
}
