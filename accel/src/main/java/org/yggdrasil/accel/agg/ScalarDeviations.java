package org.yggdrasil.accel.agg;

/** Plain-loop twin of {@link Deviations}. */
public final class ScalarDeviations {
  private ScalarDeviations() {}

  /** Sum of {@code (v[i] - mean)^2} over the selected rows. */
  public static double squared(double[] v, int rows, long[] sel, double mean) {
    CompensatedSum s = new CompensatedSum();
    for (int i = 0; i < rows; i++) {
      if (ScalarAggregates.selected(sel, i)) {
        double d = v[i] - mean;
        s.add(d * d);
      }
    }
    return s.result();
  }

  /** Sum of {@code (x[i] - mx) * (y[i] - my)} over the selected rows. */
  public static double cross(double[] x, double[] y, int rows, long[] sel, double mx, double my) {
    CompensatedSum s = new CompensatedSum();
    for (int i = 0; i < rows; i++) {
      if (ScalarAggregates.selected(sel, i)) {
        s.add((x[i] - mx) * (y[i] - my));
      }
    }
    return s.result();
  }
}
