package org.yggdrasil.planner.stats;

/**
 * PostgreSQL's transition state of corr, covar_pop, covar_samp and the regr_* family
 * (float8_regr_accum): N, sum X, Sxx, sum Y, Syy, Sxy updated with the Youngs-Cramer algorithm,
 * so that sums of squared deviations never come from subtracting large sums. Arguments are
 * {@code (Y, X)}; a pair counts only when both are non-null.
 */
abstract class Regression implements RowAccumulator {
  double n;
  double sumX;
  double sxx;
  double sumY;
  double syy;
  double sxy;

  @Override
  public final void add(Object y, Object x, Object unused) {
    if (y == null || x == null) {
      return;
    }
    double newY = ((Number) y).doubleValue();
    double newX = ((Number) x).doubleValue();
    double previous = n;
    n += 1.0;
    sumX += newX;
    sumY += newY;
    if (previous > 0.0) {
      double tmpX = newX * n - sumX;
      double tmpY = newY * n - sumY;
      double scale = 1.0 / (n * previous);
      sxx += tmpX * tmpX * scale;
      syy += tmpY * tmpY * scale;
      sxy += tmpX * tmpY * scale;
    } else {
      // a first Inf or NaN must make the dependent sums NaN (they would stay 0 otherwise)
      if (Double.isNaN(newX) || Double.isInfinite(newX)) {
        sxx = Double.NaN;
        sxy = Double.NaN;
      }
      if (Double.isNaN(newY) || Double.isInfinite(newY)) {
        syy = Double.NaN;
        sxy = Double.NaN;
      }
    }
  }

  /** corr(Y, X): NULL without pairs and for horizontal or vertical lines. */
  public static final class Corr extends Regression {
    @Override
    public Object result() {
      if (n < 1.0 || sxx == 0 || syy == 0) {
        return null;
      }
      return sxy / Math.sqrt(sxx * syy);
    }
  }

  public static final class CovarPop extends Regression {
    @Override
    public Object result() {
      return n < 1.0 ? null : sxy / n;
    }
  }

  public static final class CovarSamp extends Regression {
    @Override
    public Object result() {
      return n < 2.0 ? null : sxy / (n - 1.0);
    }
  }
}
