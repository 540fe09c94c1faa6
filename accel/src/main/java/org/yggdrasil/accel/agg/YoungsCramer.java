package org.yggdrasil.accel.agg;

import java.util.Arrays;
import org.yggdrasil.accel.kernels.Bitmaps;

/**
 * Per-group states of PostgreSQL's two-variable aggregates (corr, covar_pop, covar_samp, the
 * regr_* family), kept and updated exactly as PostgreSQL's float8_regr_accum keeps them: N, sum X,
 * Sxx, sum Y, Syy, Sxy with the Youngs-Cramer update, and float8_regr_combine to merge partial
 * states. Adding rows in PostgreSQL's order therefore gives PostgreSQL's bits; other orders and
 * merges differ only by rounding. Pairs are {@code (Y, X)} as PostgreSQL's arguments are.
 */
public final class YoungsCramer {
  private double[] n;
  private double[] sumX;
  private double[] sxx;
  private double[] sumY;
  private double[] syy;
  private double[] sxy;

  public YoungsCramer(int groups) {
    int cap = Math.max(groups, 1);
    n = new double[cap];
    sumX = new double[cap];
    sxx = new double[cap];
    sumY = new double[cap];
    syy = new double[cap];
    sxy = new double[cap];
  }

  /** Makes room for group ids below {@code groups}. */
  public void ensure(int groups) {
    if (groups <= n.length) {
      return;
    }
    int cap = Math.max(groups, n.length * 2);
    n = Arrays.copyOf(n, cap);
    sumX = Arrays.copyOf(sumX, cap);
    sxx = Arrays.copyOf(sxx, cap);
    sumY = Arrays.copyOf(sumY, cap);
    syy = Arrays.copyOf(syy, cap);
    sxy = Arrays.copyOf(sxy, cap);
  }

  /** Adds the selected pairs {@code (y[i], x[i])}, row i to group {@code gid[i]} (gid null: group 0). */
  public void add(int[] gid, double[] y, double[] x, int rows, long[] sel) {
    for (int w = 0, words = Bitmaps.words(rows); w < words; w++) {
      long word = sel == null ? -1L : sel[w];
      if (w == ((rows - 1) >>> 6)) {
        word &= Bitmaps.lastWordMask(rows);
      }
      int base = w << 6;
      for (; word != 0; word &= word - 1) {
        int i = base + Long.numberOfTrailingZeros(word);
        add(gid == null ? 0 : gid[i], y[i], x[i]);
      }
    }
  }

  /** float8_regr_accum for one pair. */
  public void add(int g, double newY, double newX) {
    double previous = n[g];
    double count = previous + 1.0;
    double sx = sumX[g] + newX;
    double sy = sumY[g] + newY;
    n[g] = count;
    sumX[g] = sx;
    sumY[g] = sy;
    if (previous > 0.0) {
      double tmpX = newX * count - sx;
      double tmpY = newY * count - sy;
      double scale = 1.0 / (count * previous);
      sxx[g] += tmpX * tmpX * scale;
      syy[g] += tmpY * tmpY * scale;
      sxy[g] += tmpX * tmpY * scale;
    } else {
      // a first Inf or NaN must make the dependent sums NaN (they would stay 0 otherwise)
      if (Double.isNaN(newX) || Double.isInfinite(newX)) {
        sxx[g] = Double.NaN;
        sxy[g] = Double.NaN;
      }
      if (Double.isNaN(newY) || Double.isInfinite(newY)) {
        syy[g] = Double.NaN;
        sxy[g] = Double.NaN;
      }
    }
  }

  /** float8_regr_combine: adds group {@code from} of {@code o} into group {@code to} of this. */
  public void merge(YoungsCramer o, int from, int to) {
    double n2 = o.n[from];
    if (n2 == 0.0) {
      return;
    }
    double n1 = n[to];
    if (n1 == 0.0) {
      n[to] = n2;
      sumX[to] = o.sumX[from];
      sxx[to] = o.sxx[from];
      sumY[to] = o.sumY[from];
      syy[to] = o.syy[from];
      sxy[to] = o.sxy[from];
      return;
    }
    double total = n1 + n2;
    double tmp1 = sumX[to] / n1 - o.sumX[from] / n2;
    double tmp2 = sumY[to] / n1 - o.sumY[from] / n2;
    sumX[to] += o.sumX[from];
    sumY[to] += o.sumY[from];
    sxx[to] = sxx[to] + o.sxx[from] + n1 * n2 * tmp1 * tmp1 / total;
    syy[to] = syy[to] + o.syy[from] + n1 * n2 * tmp2 * tmp2 / total;
    sxy[to] = sxy[to] + o.sxy[from] + n1 * n2 * tmp1 * tmp2 / total;
    n[to] = total;
  }

  /** Number of pairs in group g. */
  public long count(int g) {
    return g < n.length ? (long) n[g] : 0;
  }

  /** corr(Y, X); null where PostgreSQL gives NULL (no pairs, or X or Y constant). */
  public Double corr(int g) {
    if (g >= n.length || n[g] < 1.0 || sxx[g] == 0 || syy[g] == 0) {
      return null;
    }
    return sxy[g] / Math.sqrt(sxx[g] * syy[g]);
  }

  /** covar_pop(Y, X); null without pairs. */
  public Double covarPop(int g) {
    return g >= n.length || n[g] < 1.0 ? null : sxy[g] / n[g];
  }

  /** covar_samp(Y, X); null below two pairs. */
  public Double covarSamp(int g) {
    return g >= n.length || n[g] < 2.0 ? null : sxy[g] / (n[g] - 1.0);
  }
}
