package org.yggdrasil.planner.stats;

import java.util.Arrays;

/** percentile_cont(f) WITHIN GROUP (ORDER BY x [DESC]) for any input: collects, sorts, interpolates. */
public final class PercentileCont extends PercentileState {
  private double[] values = new double[16];
  private int n;

  @Override
  void collect(Object value) {
    if (n == values.length) {
      values = Arrays.copyOf(values, n * 2);
    }
    values[n++] = ((Number) value).doubleValue();
  }

  @Override
  int count() {
    return n;
  }

  @Override
  Object select(double f, boolean descending) {
    // Arrays.sort orders NaN above every number, as PostgreSQL does
    Arrays.sort(values, 0, n);
    return Percentiles.cont(values, n, f, descending);
  }
}
