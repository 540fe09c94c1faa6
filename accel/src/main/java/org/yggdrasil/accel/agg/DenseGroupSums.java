package org.yggdrasil.accel.agg;

import java.util.Arrays;
import org.yggdrasil.accel.kernels.Bitmaps;

/**
 * Per-group sums and counts over a handful of groups (TPC-H Q1's four flag pairs), one call per
 * chunk. A plain scatter {@code sums[gid[i]] += v[i]} stalls whenever nearby rows hit the same
 * group: each add waits for the previous store to the same slot. Here row {@code i} adds into copy
 * {@code i & 3} of its group's slot, so four consecutive rows never chain; the copies are folded
 * into the caller's accumulators at the end of the call. A work array holds {@link #COPIES} slots
 * per group, interleaved ({@code work[g * COPIES + copy]}), plus those of a spare group that the
 * rows a filter dropped add into, so the loops run over every row without a branch and the
 * selection is looked at once per chunk ({@link #slots}), not once per aggregate.
 *
 * <p>Integer sums are exact: a chunk's partial sums are plain long additions, valid because the
 * kernel bounds the magnitude of what it added (see {@link #sumLong}); the caller folds them into
 * its overflow-safe or overflow-checked totals. Floating sums differ from sequential addition in
 * the last bits only (four partial sums per group).
 */
public final class DenseGroupSums {
  /** Accumulator copies per group. */
  public static final int COPIES = 4;
  /**
   * The most groups this pays for: with more, nearby rows rarely hit the same group and the plain
   * scatter of {@link Grouped} is as fast (measured with 100 groups).
   */
  public static final int MAX_GROUPS = 16;

  private DenseGroupSums() {}

  /** Work slots needed for {@code groups} groups and the spare one. */
  public static int workSize(int groups) {
    return (groups + 1) * COPIES;
  }

  /**
   * The work slot of every row: copy {@code i & 3} of group {@code gid[i]} where {@code sel}
   * (null = all rows) selects row i, else of the spare group {@code groups}. A dropped row's group
   * id may be anything (key kernels leave it unset); it is never read.
   */
  public static void slots(int[] gid, int rows, long[] sel, int groups, int[] out) {
    for (int w = 0, n = Bitmaps.words(rows); w < n; w++) {
      int base = w << 6;
      int end = Math.min(base + 64, rows);
      long word = sel == null ? -1L : sel[w];
      if (word == -1L) {
        for (int i = base; i < end; i++) {
          out[i] = gid[i] * COPIES + (i & 3);
        }
      } else {
        for (int i = base; i < end; i++) {
          int keep = -(int) ((word >>> i) & 1);
          out[i] = ((gid[i] & keep) | (groups & ~keep)) * COPIES + (i & 3);
        }
      }
    }
  }

  /** Adds each group's {@code v[i]} (rows by their {@link #slots}) to {@code sums[g]}. */
  public static void sumDouble(int[] slots, double[] v, int rows, int groups, double[] sums,
      double[] work) {
    // -0.0 is the sum of nothing that leaves every sum, -0.0 included, as it is
    Arrays.fill(work, 0, workSize(groups), -0.0);
    for (int i = 0; i < rows; i++) {
      work[slots[i]] += v[i];
    }
    for (int g = 0; g < groups; g++) {
      int k = g * COPIES;
      sums[g] += (work[k] + work[k + 1]) + (work[k + 2] + work[k + 3]);
    }
  }

  /**
   * Sums each group's {@code v[i]} into {@code work[g * COPIES .. + COPIES)} (a chunk's partial
   * sums, zeroed first). Returns false when the values were too large for the partial sums to be
   * sure not to have overflowed: the caller then discards {@code work} and sums the chunk another
   * way. True is certain: rows times the largest magnitude added fits a long.
   */
  public static boolean sumLong(int[] slots, long[] v, int rows, int groups, long[] work) {
    Arrays.fill(work, 0, workSize(groups), 0L);
    // OR of x ^ (x >> 63) over every row (dropped ones too): at least the largest |x| - 1
    long magnitude = 0;
    for (int i = 0; i < rows; i++) {
      long x = v[i];
      work[slots[i]] += x;
      magnitude |= x ^ (x >> 63);
    }
    // every |partial sum| <= rows * (magnitude + 1) < 2^(bits of magnitude + bits of rows)
    int bits = (Long.SIZE - Long.numberOfLeadingZeros(magnitude))
        + (Integer.SIZE - Integer.numberOfLeadingZeros(rows));
    return bits <= Long.SIZE - 2;
  }

  /** Adds partial sums from {@link #sumLong} into wide sums ({@link Grouped#sumLongWide}'s state). */
  public static void foldWide(long[] work, int groups, long[] sums, long[] wraps) {
    for (int g = 0; g < groups; g++) {
      int k = g * COPIES;
      for (int c = 0; c < COPIES; c++) {
        long x = work[k + c];
        if (x != 0) {
          Grouped.addWide(g, x, sums, wraps);
        }
      }
    }
  }

  /** Adds partial sums from {@link #sumLong} into long sums, throwing ArithmeticException on overflow. */
  public static void foldExact(long[] work, int groups, long[] sums) {
    for (int g = 0; g < groups; g++) {
      int k = g * COPIES;
      for (int c = 0; c < COPIES; c++) {
        sums[g] = Math.addExact(sums[g], work[k + c]);
      }
    }
  }

  /** Adds each group's rows (by their {@link #slots}) to {@code counts[g]}. */
  public static void count(int[] slots, int rows, int groups, long[] counts, long[] work) {
    Arrays.fill(work, 0, workSize(groups), 0L);
    for (int i = 0; i < rows; i++) {
      work[slots[i]]++;
    }
    for (int g = 0; g < groups; g++) {
      int k = g * COPIES;
      counts[g] += (work[k] + work[k + 1]) + (work[k + 2] + work[k + 3]);
    }
  }
}
