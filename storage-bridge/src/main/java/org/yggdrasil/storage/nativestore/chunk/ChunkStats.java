package org.yggdrasil.storage.nativestore.chunk;

import java.math.BigDecimal;
import org.yggdrasil.storage.nativestore.ColumnType;

/**
 * Statistics of one column chunk over all its physical rows (deleted ones included: a chunk's data
 * never changes, deletes live in the delete vector). They are exact for the live rows when the
 * chunk's delete vector is empty, and bounds otherwise.
 *
 * @param rowCount rows in the chunk
 * @param nullCount rows that are NULL
 * @param min the least non-null value (canonical Java class), null when all are NULL or the type is
 *     unordered; text by code point, floats with NaN above all
 * @param max the greatest non-null value, likewise
 * @param sum for numeric types the sum of the non-null values, as PostgreSQL's sum() types it: Long
 *     for int2/int4, BigDecimal for int8/numeric, Double for float4/float8; else null
 */
public record ChunkStats(int rowCount, int nullCount, Object min, Object max, Object sum) {
  public static final ChunkStats EMPTY = new ChunkStats(0, 0, null, null, null);

  /** The stats of this chunk followed by {@code more} rows described by {@code o}. */
  public ChunkStats merge(ChunkStats o, ColumnType type) {
    Object mn = min == null ? o.min : o.min == null ? min : ValueOrder.compare(type, o.min, min) < 0 ? o.min : min;
    Object mx = max == null ? o.max : o.max == null ? max : ValueOrder.compare(type, o.max, max) > 0 ? o.max : max;
    return new ChunkStats(rowCount + o.rowCount, nullCount + o.nullCount, mn, mx, addSums(sum, o.sum));
  }

  static Object addSums(Object a, Object b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return switch (a) {
      case Long x -> x + (Long) b;
      case Double x -> x + (Double) b;
      case BigDecimal x -> x.add((BigDecimal) b);
      default -> throw new IllegalStateException("unexpected sum " + a.getClass());
    };
  }
}
