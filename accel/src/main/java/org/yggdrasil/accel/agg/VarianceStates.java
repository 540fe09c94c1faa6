package org.yggdrasil.accel.agg;

import java.util.Arrays;
import org.yggdrasil.accel.kernels.Bitmaps;

/**
 * Per-group states of PostgreSQL's float8 var_pop / var_samp / stddev_pop / stddev_samp, kept
 * and updated exactly as float8_accum keeps them: N, sum X and Sxx with the Youngs-Cramer update
 * (no sum of squares to cancel against the squared sum), merged as float8_combine merges
 * parallel partial states. Adding rows in PostgreSQL's order gives PostgreSQL's bits.
 */
public final class VarianceStates {
  private double[] n;
  private double[] sumX;
  private double[] sxx;

  public VarianceStates(int groups) {
    int cap = Math.max(groups, 1);
    n = new double[cap];
    sumX = new double[cap];
    sxx = new double[cap];
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
  }

  /** Adds the selected values, row i to group {@code gid[i]} (gid null: group 0). */
  public void add(int[] gid, double[] x, int rows, long[] sel) {
    for (int w = 0, words = Bitmaps.words(rows); w < words; w++) {
      long word = sel == null ? -1L : sel[w];
      if (w == ((rows - 1) >>> 6)) {
        word &= Bitmaps.lastWordMask(rows);
      }
      int base = w << 6;
      for (; word != 0; word &= word - 1) {
        int i = base + Long.numberOfTrailingZeros(word);
        add(gid == null ? 0 : gid[i], x[i]);
      }
    }
  }

  /** float8_accum for one value. */
  public void add(int g, double x) {
    double previous = n[g];
    double count = previous + 1.0;
    double sx = sumX[g] + x;
    n[g] = count;
    sumX[g] = sx;
    if (previous > 0.0) {
      double tmp = x * count - sx;
      sxx[g] += tmp * tmp / (count * previous);
    } else if (Double.isNaN(x) || Double.isInfinite(x)) {
      // a first Inf or NaN must make Sxx NaN (it would stay 0 otherwise)
      sxx[g] = Double.NaN;
    }
  }

  /** float8_combine: adds group {@code from} of {@code o} into group {@code to} of this. */
  public void merge(VarianceStates o, int from, int to) {
    double n2 = o.n[from];
    if (n2 == 0.0) {
      return;
    }
    double n1 = n[to];
    if (n1 == 0.0) {
      n[to] = n2;
      sumX[to] = o.sumX[from];
      sxx[to] = o.sxx[from];
      return;
    }
    double total = n1 + n2;
    double tmp = sumX[to] / n1 - o.sumX[from] / n2;
    sumX[to] += o.sumX[from];
    sxx[to] = sxx[to] + o.sxx[from] + n1 * n2 * tmp * tmp / total;
    n[to] = total;
  }

  public long count(int g) {
    return g < n.length ? (long) n[g] : 0;
  }

  /** var_pop; null without values. */
  public Double varPop(int g) {
    return g >= n.length || n[g] == 0.0 ? null : sxx[g] / n[g];
  }

  /** var_samp; null below two values. */
  public Double varSamp(int g) {
    return g >= n.length || n[g] <= 1.0 ? null : sxx[g] / (n[g] - 1.0);
  }

  public Double stddevPop(int g) {
    Double v = varPop(g);
    return v == null ? null : Math.sqrt(v);
  }

  public Double stddevSamp(int g) {
    Double v = varSamp(g);
    return v == null ? null : Math.sqrt(v);
  }
}
