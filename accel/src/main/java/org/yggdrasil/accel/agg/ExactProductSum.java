package org.yggdrasil.accel.agg;

import static org.yggdrasil.accel.kernels.Layouts.LE;

import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import org.yggdrasil.accel.kernels.Lane;
import org.yggdrasil.accel.kernels.Layouts;
import org.yggdrasil.accel.kernels.Species;

/**
 * Exact {@code sum(a[i] * b[i])} over the selected rows of two int64 columns read in place (a
 * numeric product's unscaled sum, e.g. TPC-H Q6's revenue), on the Vector API;
 * {@link ScalarExactProductSum} is the twin. Only selected words are read, so a sparse filter
 * costs little. Products are checked the cheap way: the selected operands' magnitudes are OR-ed,
 * and when they could multiply past a long the chunk is redone by the exact scalar twin.
 * Throws ArithmeticException when a product or a partial sum leaves the long range (callers then
 * sum exactly another way); never returns a wrapped value.
 */
public final class ExactProductSum {
  private static final int LL = Species.LONG.length();

  private ExactProductSum() {}

  public static long sum(MemorySegment a, MemorySegment b, int rows, long[] sel) {
    Layouts.requireRows(a, Lane.LONG, rows);
    Layouts.requireRows(b, Lane.LONG, rows);
    int full = rows >>> 6;
    LongVector zero = LongVector.zero(Species.LONG);
    LongVector s = zero;
    LongVector ovf = zero;
    LongVector ma = zero;
    LongVector mb = zero;
    for (int w = 0; w < full; w++) {
      long word = sel == null ? -1L : sel[w];
      if (word == 0) {
        continue;
      }
      long base = (long) w << 9;
      for (int j = 0; j < 64; j += LL) {
        LongVector x = LongVector.fromMemorySegment(Species.LONG, a, base + ((long) j << 3), LE);
        LongVector y = LongVector.fromMemorySegment(Species.LONG, b, base + ((long) j << 3), LE);
        if (word != -1L) {
          VectorMask<Long> m = VectorMask.fromLong(Species.LONG, word >>> j);
          x = zero.blend(x, m);
          y = zero.blend(y, m);
        }
        ma = ma.or(x.abs());
        mb = mb.or(y.abs());
        LongVector p = x.mul(y);
        LongVector t = s.add(p);
        ovf = ovf.or(s.lanewise(VectorOperators.XOR, t).and(p.lanewise(VectorOperators.XOR, t)));
        s = t;
      }
    }
    if (!productsFit(ma.reduceLanes(VectorOperators.OR), mb.reduceLanes(VectorOperators.OR))) {
      return ScalarExactProductSum.sum(a, b, rows, sel);
    }
    if (ovf.reduceLanes(VectorOperators.OR) < 0) {
      throw new ArithmeticException("long overflow");
    }
    Int128Sum total = new Int128Sum();
    for (int k = 0; k < LL; k++) {
      total.add(s.lane(k));
    }
    for (int i = full << 6; i < rows; i++) {
      if (ScalarAggregates.selected(sel, i)) {
        total.add(Math.multiplyExact(a.getAtIndex(Layouts.LONG, i), b.getAtIndex(Layouts.LONG, i)));
      }
    }
    return total.longValueExact();
  }

  /** No |x| <= magA times |y| <= magB overflows (OR-ed magnitudes; negative = Long.MIN_VALUE seen). */
  private static boolean productsFit(long magA, long magB) {
    return magA >= 0 && magB >= 0
        && (64 - Long.numberOfLeadingZeros(magA)) + (64 - Long.numberOfLeadingZeros(magB)) <= 63;
  }
}
