package org.yggdrasil.accel.agg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import org.yggdrasil.accel.kernels.Species;

/**
 * Second passes of the moment accumulators on the Vector API: sums of squared deviations and of
 * cross deviations from known means, 64 rows per selection word. {@link ScalarDeviations} is the twin.
 * The terms are non-negative (squared) or already centred, so plain lane sums are accurate enough;
 * the lanes are added at the end.
 */
public final class Deviations {
  private static final int DL = Species.DOUBLE.length();

  private Deviations() {}

  public static double squared(double[] v, int rows, long[] sel, double mean) {
    int full = rows >>> 6;
    DoubleVector acc = DoubleVector.zero(Species.DOUBLE);
    DoubleVector zero = acc;
    for (int w = 0; w < full; w++) {
      long word = sel == null ? -1L : sel[w];
      if (word == 0) {
        continue;
      }
      int base = w << 6;
      for (int j = 0; j < 64; j += DL) {
        DoubleVector d = DoubleVector.fromArray(Species.DOUBLE, v, base + j).sub(mean);
        d = zero.blend(d, VectorMask.fromLong(Species.DOUBLE, word >>> j));
        acc = acc.add(d.mul(d)); // not fma: an unrounded product would turn Inf - Inf (NaN) into Inf
      }
    }
    CompensatedSum s = new CompensatedSum();
    for (int k = 0; k < DL; k++) {
      s.add(acc.lane(k));
    }
    for (int i = full << 6; i < rows; i++) {
      if (ScalarAggregates.selected(sel, i)) {
        double d = v[i] - mean;
        s.add(d * d);
      }
    }
    return s.result();
  }

  public static double cross(double[] x, double[] y, int rows, long[] sel, double mx, double my) {
    int full = rows >>> 6;
    DoubleVector acc = DoubleVector.zero(Species.DOUBLE);
    DoubleVector zero = acc;
    for (int w = 0; w < full; w++) {
      long word = sel == null ? -1L : sel[w];
      if (word == 0) {
        continue;
      }
      int base = w << 6;
      for (int j = 0; j < 64; j += DL) {
        DoubleVector dx = DoubleVector.fromArray(Species.DOUBLE, x, base + j).sub(mx);
        DoubleVector dy = DoubleVector.fromArray(Species.DOUBLE, y, base + j).sub(my);
        VectorMask<Double> m = VectorMask.fromLong(Species.DOUBLE, word >>> j);
        // Blend both factors (0 * NaN in an unselected row is NaN); mul then add, not fma, to overflow as the scalar twin does.
        acc = acc.add(zero.blend(dx, m).mul(zero.blend(dy, m)));
      }
    }
    CompensatedSum s = new CompensatedSum();
    for (int k = 0; k < DL; k++) {
      s.add(acc.lane(k));
    }
    for (int i = full << 6; i < rows; i++) {
      if (ScalarAggregates.selected(sel, i)) {
        s.add((x[i] - mx) * (y[i] - my));
      }
    }
    return s.result();
  }
}
