package org.yggdrasil.accel.agg;

import java.lang.foreign.MemorySegment;
import org.yggdrasil.accel.kernels.Lane;
import org.yggdrasil.accel.kernels.Layouts;

/**
 * Row-at-a-time twin of {@link ExactProductSum}: exact products, a 128-bit total; throws
 * ArithmeticException when a product or the total does not fit a long.
 */
public final class ScalarExactProductSum {
  private ScalarExactProductSum() {}

  public static long sum(MemorySegment a, MemorySegment b, int rows, long[] sel) {
    Layouts.requireRows(a, Lane.LONG, rows);
    Layouts.requireRows(b, Lane.LONG, rows);
    Int128Sum total = new Int128Sum();
    for (int i = 0; i < rows; i++) {
      if (ScalarAggregates.selected(sel, i)) {
        total.add(Math.multiplyExact(a.getAtIndex(Layouts.LONG, i), b.getAtIndex(Layouts.LONG, i)));
      }
    }
    return total.longValueExact();
  }
}
