package org.yggdrasil.planner.stats;

/**
 * What percentile_cont and percentile_disc share: the fraction (a direct argument, evaluated
 * once per group in PostgreSQL and here read from the first row) and the sort direction.
 */
abstract class PercentileState implements RowAccumulator {
  private boolean sawRow;
  private Double fraction;
  private boolean descending;

  @Override
  public final void add(Object value, Object fraction, Object descending) {
    if (!sawRow) {
      sawRow = true;
      this.fraction = fraction == null ? null : ((Number) fraction).doubleValue();
      this.descending = Boolean.TRUE.equals(descending);
    }
    if (value != null) {
      collect(value);
    }
  }

  abstract void collect(Object value);

  abstract int count();

  abstract Object select(double fraction, boolean descending);

  @Override
  public final Object result() {
    // PostgreSQL checks the fraction before looking at the values
    if (!sawRow || fraction == null) {
      return null;
    }
    double f = Percentiles.check(fraction);
    return count() == 0 ? null : select(f, descending);
  }
}
