package org.yggdrasil.accel.agg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import org.yggdrasil.accel.kernels.Species;

/**
 * Second passes of the moment accumulators on the Vector API: sums of squared deviations and of
 * cross deviations from known means, 64 rows per selection word. {@link ScalarDeviations} is the twin.
 * As in {@link Aggregates#sumDouble(double[], int, long[])}, each 64-row block is summed in lanes and
 * the block sums are added with per-lane Neumaier compensation. Products are rounded before they are
 * added (no fma), so overflow to infinity happens exactly where the scalar twin's does.
 */
public final class Deviations {
  private static final int DL = Species.DOUBLE.length();

  private Deviations() {}

  public static double squared(double[] v, int rows, long[] sel, double mean) {
    int full = rows >>> 6;
    DoubleVector zero = DoubleVector.zero(Species.DOUBLE);
    DoubleVector s = zero;
    DoubleVector c = zero;
    for (int w = 0; w < full; w++) {
      long word = sel == null ? -1L : sel[w];
      if (word == 0) {
        continue;
      }
      int base = w << 6;
      DoubleVector b = zero;
      for (int j = 0; j < 64; j += DL) {
        DoubleVector d = DoubleVector.fromArray(Species.DOUBLE, v, base + j).sub(mean);
        d = zero.blend(d, VectorMask.fromLong(Species.DOUBLE, word >>> j));
        b = b.add(d.mul(d));
      }
      DoubleVector t = s.add(b);
      c = c.add(s.sub(t).add(b).blend(b.sub(t).add(s), s.abs().compare(VectorOperators.LT, b.abs())));
      s = t;
    }
    CompensatedSum tail = new CompensatedSum();
    for (int i = full << 6; i < rows; i++) {
      if (ScalarAggregates.selected(sel, i)) {
        double d = v[i] - mean;
        tail.add(d * d);
      }
    }
    return combine(s, c, tail);
  }

  public static double cross(double[] x, double[] y, int rows, long[] sel, double mx, double my) {
    int full = rows >>> 6;
    DoubleVector zero = DoubleVector.zero(Species.DOUBLE);
    DoubleVector s = zero;
    DoubleVector c = zero;
    for (int w = 0; w < full; w++) {
      long word = sel == null ? -1L : sel[w];
      if (word == 0) {
        continue;
      }
      int base = w << 6;
      DoubleVector b = zero;
      for (int j = 0; j < 64; j += DL) {
        DoubleVector dx = DoubleVector.fromArray(Species.DOUBLE, x, base + j).sub(mx);
        DoubleVector dy = DoubleVector.fromArray(Species.DOUBLE, y, base + j).sub(my);
        VectorMask<Double> m = VectorMask.fromLong(Species.DOUBLE, word >>> j);
        // Blend both factors: 0 * NaN in an unselected row would be NaN.
        b = b.add(zero.blend(dx, m).mul(zero.blend(dy, m)));
      }
      DoubleVector t = s.add(b);
      c = c.add(s.sub(t).add(b).blend(b.sub(t).add(s), s.abs().compare(VectorOperators.LT, b.abs())));
      s = t;
    }
    CompensatedSum tail = new CompensatedSum();
    for (int i = full << 6; i < rows; i++) {
      if (ScalarAggregates.selected(sel, i)) {
        tail.add((x[i] - mx) * (y[i] - my));
      }
    }
    return combine(s, c, tail);
  }

  private static double combine(DoubleVector s, DoubleVector c, CompensatedSum tail) {
    double plain = s.reduceLanes(VectorOperators.ADD);
    if (!Double.isFinite(plain)) {
      return plain + tail.result();
    }
    CompensatedSum total = new CompensatedSum();
    for (int k = 0; k < DL; k++) {
      total.add(s.lane(k));
    }
    total.add(tail.result());
    total.addCompensation(c.reduceLanes(VectorOperators.ADD));
    return total.result();
  }
}
