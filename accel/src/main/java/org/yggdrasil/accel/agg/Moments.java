package org.yggdrasil.accel.agg;

import org.yggdrasil.accel.kernels.Bitmaps;

/**
 * Mergeable count / mean / M2 (sum of squared deviations) of one variable, for var_samp,
 * var_pop, stddev_samp, stddev_pop and avg. A chunk is added in two passes (compensated mean,
 * then squared deviations from it) and merged with Chan et al.'s formula, so partial states
 * from parallel workers combine without the cancellation of sum-of-squares formulas.
 * Results are NaN where PostgreSQL gives NULL (too few rows); callers check {@link #count()}.
 */
public final class Moments {
  private long n;
  private double mean;
  private double m2;

  /** Adds the selected values of {@code v[0..rows)}. */
  public void add(double[] v, int rows, long[] sel) {
    long k = Bitmaps.countSelected(sel, rows);
    if (k == 0) {
      return;
    }
    boolean vec = VectorSupport.available();
    double sum = vec ? Aggregates.sumDouble(v, rows, sel) : ScalarAggregates.sumDouble(v, rows, sel);
    double chunkMean = sum / k;
    double chunkM2 = vec ? Deviations.squared(v, rows, sel, chunkMean) : ScalarDeviations.squared(v, rows, sel, chunkMean);
    merge(k, chunkMean, chunkM2);
  }

  /** Welford's update for one value. */
  public void add(double x) {
    n++;
    double delta = x - mean;
    mean += delta / n;
    m2 += delta * (x - mean);
  }

  public void merge(Moments o) {
    merge(o.n, o.mean, o.m2);
  }

  /** Chan's merge of a partial state ({@code count}, {@code mean}, {@code m2}) into this one. */
  public void merge(long count, double otherMean, double otherM2) {
    if (count == 0) {
      return;
    }
    if (n == 0) {
      n = count;
      mean = otherMean;
      m2 = otherM2;
      return;
    }
    long total = n + count;
    double delta = otherMean - mean;
    mean += delta * ((double) count / total);
    m2 += otherM2 + delta * delta * ((double) n * count / total);
    n = total;
  }

  public long count() {
    return n;
  }

  /** Mean of the values; NaN when empty. */
  public double mean() {
    return n == 0 ? Double.NaN : mean;
  }

  /** Sum of squared deviations from the mean. */
  public double m2() {
    return m2;
  }

  /** Sample variance; NaN below two values (PostgreSQL: NULL). */
  public double varSamp() {
    return n < 2 ? Double.NaN : m2 / (n - 1);
  }

  /** Population variance; NaN when empty. */
  public double varPop() {
    return n == 0 ? Double.NaN : m2 / n;
  }

  public double stddevSamp() {
    return Math.sqrt(varSamp());
  }

  public double stddevPop() {
    return Math.sqrt(varPop());
  }
}
