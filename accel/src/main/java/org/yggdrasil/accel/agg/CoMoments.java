package org.yggdrasil.accel.agg;

import org.yggdrasil.accel.kernels.Bitmaps;

/**
 * Mergeable co-moments of two variables (count, both means, both M2, and the co-moment
 * C = sum((x - mean_x)(y - mean_y))): covar_samp, covar_pop, corr and the regr_* family.
 * Chunks are added in two passes and partial states merged with Chan's formulas, as in
 * {@link Moments}. Results are NaN where PostgreSQL gives NULL.
 */
public final class CoMoments {
  private long n;
  private double meanX;
  private double meanY;
  private double m2x;
  private double m2y;
  private double cxy;

  /** Adds the selected pairs of {@code x[0..rows)}, {@code y[0..rows)}. */
  public void add(double[] x, double[] y, int rows, long[] sel) {
    long k = Bitmaps.countSelected(sel, rows);
    if (k == 0) {
      return;
    }
    boolean vec = VectorSupport.available();
    double mx = (vec ? Aggregates.sumDouble(x, rows, sel) : ScalarAggregates.sumDouble(x, rows, sel)) / k;
    double my = (vec ? Aggregates.sumDouble(y, rows, sel) : ScalarAggregates.sumDouble(y, rows, sel)) / k;
    double sxx = vec ? Deviations.squared(x, rows, sel, mx) : ScalarDeviations.squared(x, rows, sel, mx);
    double syy = vec ? Deviations.squared(y, rows, sel, my) : ScalarDeviations.squared(y, rows, sel, my);
    double sxy = vec ? Deviations.cross(x, y, rows, sel, mx, my) : ScalarDeviations.cross(x, y, rows, sel, mx, my);
    merge(k, mx, my, sxx, syy, sxy);
  }

  /** Welford-style update for one pair. */
  public void add(double x, double y) {
    n++;
    double dx = x - meanX;
    double dy = y - meanY;
    meanX += dx / n;
    meanY += dy / n;
    m2x += dx * (x - meanX);
    m2y += dy * (y - meanY);
    cxy += dx * (y - meanY);
  }

  public void merge(CoMoments o) {
    merge(o.n, o.meanX, o.meanY, o.m2x, o.m2y, o.cxy);
  }

  private void merge(long count, double mx, double my, double sxx, double syy, double sxy) {
    if (count == 0) {
      return;
    }
    if (n == 0) {
      n = count;
      meanX = mx;
      meanY = my;
      m2x = sxx;
      m2y = syy;
      cxy = sxy;
      return;
    }
    long total = n + count;
    double dx = mx - meanX;
    double dy = my - meanY;
    double f = (double) n * count / total;
    double share = (double) count / total;
    m2x += sxx + dx * dx * f;
    m2y += syy + dy * dy * f;
    cxy += sxy + dx * dy * f;
    meanX += dx * share;
    meanY += dy * share;
    n = total;
  }

  public long count() {
    return n;
  }

  public double covarPop() {
    return n == 0 ? Double.NaN : cxy / n;
  }

  public double covarSamp() {
    return n < 2 ? Double.NaN : cxy / (n - 1);
  }

  /** Pearson correlation; NaN when either variable is constant (PostgreSQL: NULL). */
  public double corr() {
    if (n < 1 || m2x == 0 || m2y == 0) {
      return Double.NaN;
    }
    return cxy / Math.sqrt(m2x * m2y);
  }

  public double regrAvgX() {
    return n == 0 ? Double.NaN : meanX;
  }

  public double regrAvgY() {
    return n == 0 ? Double.NaN : meanY;
  }

  public double regrSxx() {
    return n == 0 ? Double.NaN : m2x;
  }

  public double regrSyy() {
    return n == 0 ? Double.NaN : m2y;
  }

  public double regrSxy() {
    return n == 0 ? Double.NaN : cxy;
  }

  /** Least-squares slope of y on x; NaN when x is constant. */
  public double regrSlope() {
    return n == 0 || m2x == 0 ? Double.NaN : cxy / m2x;
  }

  public double regrIntercept() {
    return n == 0 || m2x == 0 ? Double.NaN : meanY - meanX * cxy / m2x;
  }

  /** Coefficient of determination as PostgreSQL defines it: NaN when x is constant, 1 when only y is. */
  public double regrR2() {
    if (n == 0 || m2x == 0) {
      return Double.NaN;
    }
    if (m2y == 0) {
      return 1.0;
    }
    return (cxy * cxy) / (m2x * m2y);
  }
}
