package org.yggdrasil.storage.nativestore.chunk;

import java.math.BigDecimal;
import org.yggdrasil.storage.nativestore.ColumnType;

/** Accumulates {@link ChunkStats} over a batch of canonical values being appended to a chunk. */
final class StatsBuilder {
  private final ColumnType type;
  private int rows;
  private int nulls;
  private Object min;
  private Object max;
  private long longSum;
  private BigDecimal bigSum;
  private double doubleSum;
  /** Neumaier compensation of doubleSum: the low-order parts its additions rounded away. */
  private double doubleCompensation;
  private boolean anyValue;

  StatsBuilder(ColumnType type) {
    this.type = type;
  }

  void add(Object v) {
    rows++;
    if (v == null) {
      nulls++;
      return;
    }
    if (!anyValue) {
      min = v;
      max = v;
      anyValue = true;
    } else if (ValueOrder.compare(type, v, min) < 0) {
      min = v;
    } else if (ValueOrder.compare(type, v, max) > 0) {
      max = v;
    }
    switch (type) {
      case INT2, INT4 -> longSum += ((Number) v).longValue();
      case INT8 -> addLong((Long) v);
      case NUMERIC -> bigSum = bigSum == null ? (BigDecimal) v : bigSum.add((BigDecimal) v);
      case FLOAT4, FLOAT8 -> addDouble(((Number) v).doubleValue());
      default -> {}
    }
  }

  /**
   * Kahan-Babuska (Neumaier) summation, so that a chunk's sum is as exact as the vectorized scan's
   * compensated sum of the same rows and unfiltered SUM/AVG can be answered from stats.
   */
  private void addDouble(double v) {
    double t = doubleSum + v;
    doubleCompensation += Math.abs(doubleSum) >= Math.abs(v) ? (doubleSum - t) + v : (v - t) + doubleSum;
    doubleSum = t;
  }

  private void addLong(long v) {
    long r = longSum + v;
    if (((longSum ^ r) & (v ^ r)) < 0) {
      bigSum = (bigSum == null ? BigDecimal.ZERO : bigSum).add(BigDecimal.valueOf(longSum));
      longSum = v;
    } else {
      longSum = r;
    }
  }

  ChunkStats build() {
    Object sum = null;
    if (anyValue) {
      sum = switch (type) {
        case INT2, INT4 -> longSum;
        case INT8 -> (bigSum == null ? BigDecimal.ZERO : bigSum).add(BigDecimal.valueOf(longSum));
        case NUMERIC -> bigSum;
        // an infinite sum's compensation is NaN (inf - inf): the sum alone is the answer
        case FLOAT4, FLOAT8 -> Double.isFinite(doubleSum) ? doubleSum + doubleCompensation : doubleSum;
        default -> null;
      };
    }
    return new ChunkStats(rows, nulls, min, max, sum);
  }
}
