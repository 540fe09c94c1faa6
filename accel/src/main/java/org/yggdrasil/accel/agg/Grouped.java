package org.yggdrasil.accel.agg;

import org.yggdrasil.accel.kernels.Bitmaps;

/**
 * Per-group accumulation: row {@code i} belongs to group {@code gid[i]} (0-based ids computed by
 * the group-by operator), accumulators are arrays indexed by group id, and their length is the
 * number of groups. Scattered updates to arbitrary groups do not vectorize (lanes would collide on
 * the same group), so for many groups this class wins over its twin {@link GroupedScalar} by
 * walking the selection a word at a time: a full word runs a plain counted loop, a partial word
 * visits only its set bits, an empty word costs one test. Count and sum over a handful of groups
 * run on vectors instead ({@link SmallDomainGroups}).
 *
 * <p>Floating min/max follow PostgreSQL's order, NaN greatest. Pre-fill {@code acc} with
 * {@link #initMin} (NaN, the greatest value, so a group of only NaN ends as NaN) or
 * {@link #initMax} (-Infinity); groups that received no row keep the initial value, so callers
 * decide emptiness from counts. Long sums throw {@link ArithmeticException} on overflow.
 */
public final class Grouped {
  private Grouped() {}

  /** Fills {@code acc} with the starting value of a floating min: NaN, the greatest in PostgreSQL order. */
  public static void initMin(double[] acc) {
    java.util.Arrays.fill(acc, Double.NaN);
  }

  /** Fills {@code acc} with the starting value of a floating max. */
  public static void initMax(double[] acc) {
    java.util.Arrays.fill(acc, Double.NEGATIVE_INFINITY);
  }

  private static long word(long[] sel, int w, int rows) {
    long word = sel == null ? -1L : sel[w];
    return w == ((rows - 1) >>> 6) ? word & Bitmaps.lastWordMask(rows) : word;
  }

  /** Row counts per group; with at most {@value SmallDomainGroups#MAX_COUNT_GROUPS} groups, on vectors. */
  public static void count(int[] gid, int rows, long[] sel, long[] counts) {
    if (counts.length <= SmallDomainGroups.MAX_COUNT_GROUPS) {
      SmallDomainGroups.count(gid, rows, sel, counts);
      return;
    }
    if (sel == null) {
      for (int i = 0; i < rows; i++) {
        counts[gid[i]]++;
      }
      return;
    }
    int n = Bitmaps.words(rows);
    for (int w = 0; w < n; w++) {
      long word = word(sel, w, rows);
      int base = w << 6;
      if (word == -1L) {
        for (int i = base; i < base + 64; i++) {
          counts[gid[i]]++;
        }
      } else {
        for (; word != 0; word &= word - 1) {
          counts[gid[base + Long.numberOfTrailingZeros(word)]]++;
        }
      }
    }
  }

  /**
   * Plain per-group sums. With very few groups (half the double lane count: 4 with AVX-512) they
   * run on vectors and round as lane-wise partial sums do (differing from sequential addition in the
   * last bits); otherwise as sequential addition. Use the compensated overload where the bits matter.
   */
  public static void sumDouble(int[] gid, double[] v, int rows, long[] sel, double[] sums) {
    if (sums.length <= SmallDomainGroups.MAX_SUM_GROUPS) {
      SmallDomainGroups.sumDouble(gid, v, rows, sel, sums);
      return;
    }
    int n = Bitmaps.words(rows);
    for (int w = 0; w < n; w++) {
      long word = word(sel, w, rows);
      int base = w << 6;
      if (word == -1L) {
        for (int i = base; i < base + 64; i++) {
          sums[gid[i]] += v[i];
        }
      } else {
        for (; word != 0; word &= word - 1) {
          int i = base + Long.numberOfTrailingZeros(word);
          sums[gid[i]] += v[i];
        }
      }
    }
  }

  /**
   * Neumaier-compensated per-group sums: {@code comp[g]} carries group g's lost low-order part
   * across chunks; the result of group g is {@link #compensated}{@code (sums[g], comp[g])}.
   */
  public static void sumDouble(int[] gid, double[] v, int rows, long[] sel, double[] sums, double[] comp) {
    int n = Bitmaps.words(rows);
    for (int w = 0; w < n; w++) {
      long word = word(sel, w, rows);
      int base = w << 6;
      if (word == -1L) {
        for (int i = base; i < base + 64; i++) {
          neumaier(gid[i], v[i], sums, comp);
        }
      } else {
        for (; word != 0; word &= word - 1) {
          int i = base + Long.numberOfTrailingZeros(word);
          neumaier(gid[i], v[i], sums, comp);
        }
      }
    }
  }

  static void neumaier(int g, double x, double[] sums, double[] comp) {
    double s = sums[g];
    double t = s + x;
    comp[g] += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
    sums[g] = t;
  }

  /** Final value of a compensated sum; an infinite or NaN sum is returned as plain summation gives it. */
  public static double compensated(double sum, double comp) {
    return Double.isFinite(sum) ? sum + comp : sum;
  }

  public static void sumLong(int[] gid, long[] v, int rows, long[] sel, long[] sums) {
    int n = Bitmaps.words(rows);
    for (int w = 0; w < n; w++) {
      long word = word(sel, w, rows);
      int base = w << 6;
      if (word == -1L) {
        for (int i = base; i < base + 64; i++) {
          sums[gid[i]] = Math.addExact(sums[gid[i]], v[i]);
        }
      } else {
        for (; word != 0; word &= word - 1) {
          int i = base + Long.numberOfTrailingZeros(word);
          sums[gid[i]] = Math.addExact(sums[gid[i]], v[i]);
        }
      }
    }
  }

  /**
   * Per-group sums that never overflow: the exact total of group g is
   * {@code sums[g] + wraps[g] * 2^64}. A long sum that overflows wraps around and counts the wrap,
   * so exact (numeric) sums stay right however large they grow, at the cost of one rarely taken
   * branch per row.
   */
  public static void sumLongWide(int[] gid, long[] v, int rows, long[] sel, long[] sums, long[] wraps) {
    int n = Bitmaps.words(rows);
    for (int w = 0; w < n; w++) {
      long word = word(sel, w, rows);
      int base = w << 6;
      if (word == -1L) {
        for (int i = base; i < base + 64; i++) {
          addWide(gid[i], v[i], sums, wraps);
        }
      } else {
        for (; word != 0; word &= word - 1) {
          int i = base + Long.numberOfTrailingZeros(word);
          addWide(gid[i], v[i], sums, wraps);
        }
      }
    }
  }

  /** Adds x to the wide sum of group g (see {@link #sumLongWide}). */
  public static void addWide(int g, long x, long[] sums, long[] wraps) {
    long s = sums[g];
    long t = s + x;
    if (((s ^ t) & (x ^ t)) < 0) {
      wraps[g] += x < 0 ? -1 : 1;
    }
    sums[g] = t;
  }

  /** Per-group minimum in PostgreSQL order (NaN greatest); pre-fill acc with {@link #initMin}. */
  public static void minDouble(int[] gid, double[] v, int rows, long[] sel, double[] acc) {
    int n = Bitmaps.words(rows);
    for (int w = 0; w < n; w++) {
      long word = word(sel, w, rows);
      int base = w << 6;
      for (; word != 0; word &= word - 1) {
        int i = base + Long.numberOfTrailingZeros(word);
        int g = gid[i];
        acc[g] = ScalarAggregates.pgExtreme(acc[g], v[i], true);
      }
    }
  }

  /** Per-group maximum in PostgreSQL order (any NaN makes the group's max NaN); pre-fill acc with {@link #initMax}. */
  public static void maxDouble(int[] gid, double[] v, int rows, long[] sel, double[] acc) {
    int n = Bitmaps.words(rows);
    for (int w = 0; w < n; w++) {
      long word = word(sel, w, rows);
      int base = w << 6;
      for (; word != 0; word &= word - 1) {
        int i = base + Long.numberOfTrailingZeros(word);
        int g = gid[i];
        acc[g] = ScalarAggregates.pgExtreme(acc[g], v[i], false);
      }
    }
  }

  /** Per-group minimum; pre-fill acc with Long.MAX_VALUE. */
  public static void minLong(int[] gid, long[] v, int rows, long[] sel, long[] acc) {
    int n = Bitmaps.words(rows);
    for (int w = 0; w < n; w++) {
      long word = word(sel, w, rows);
      int base = w << 6;
      for (; word != 0; word &= word - 1) {
        int i = base + Long.numberOfTrailingZeros(word);
        acc[gid[i]] = Math.min(acc[gid[i]], v[i]);
      }
    }
  }

  /** Per-group maximum; pre-fill acc with Long.MIN_VALUE. */
  public static void maxLong(int[] gid, long[] v, int rows, long[] sel, long[] acc) {
    int n = Bitmaps.words(rows);
    for (int w = 0; w < n; w++) {
      long word = word(sel, w, rows);
      int base = w << 6;
      for (; word != 0; word &= word - 1) {
        int i = base + Long.numberOfTrailingZeros(word);
        acc[gid[i]] = Math.max(acc[gid[i]], v[i]);
      }
    }
  }

  /**
   * Per-group Welford update of count {@code n}, {@code mean} and M2 (sum of squared deviations);
   * variance = m2 / (n - 1) or m2 / n. Per-group states merge as {@link Moments#merge(long, double, double)} does.
   */
  public static void moments(int[] gid, double[] v, int rows, long[] sel, long[] n, double[] mean, double[] m2) {
    int words = Bitmaps.words(rows);
    for (int w = 0; w < words; w++) {
      long word = word(sel, w, rows);
      int base = w << 6;
      for (; word != 0; word &= word - 1) {
        int i = base + Long.numberOfTrailingZeros(word);
        welford(gid[i], v[i], n, mean, m2);
      }
    }
  }

  static void welford(int g, double x, long[] n, double[] mean, double[] m2) {
    long k = ++n[g];
    double delta = x - mean[g];
    mean[g] += delta / k;
    m2[g] += delta * (x - mean[g]);
  }
}
