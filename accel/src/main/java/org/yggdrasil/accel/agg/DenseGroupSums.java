package org.yggdrasil.accel.agg;

import java.util.Arrays;
import org.yggdrasil.accel.kernels.Bitmaps;

/**
 * Per-group sums and counts over a handful of groups (TPC-H Q1's four flag pairs), one call per
 * chunk. A plain scatter {@code sums[gid[i]] += v[i]}
 * stalls whenever nearby rows hit the same group: each add waits for the previous store of the
 * same slot. Here row {@code i} adds into copy {@code i & 3} of its group's slot, so four
 * consecutive rows never chain, and the copies are folded into the caller's accumulators at the
 * end of the call. The work array holds {@link #COPIES} slots per group, interleaved
 * ({@code work[g * COPIES + copy]}), so a group's copies share a cache line.
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

  private static long word(long[] sel, int w, int rows) {
    long word = sel == null ? -1L : sel[w];
    return w == ((rows - 1) >>> 6) ? word & Bitmaps.lastWordMask(rows) : word;
  }

  /** Whether word {@code w} of a {@code rows}-row selection has all 64 rows (only the last may not). */
  private static boolean whole(int w, int rows) {
    return (w << 6) + 64 <= rows;
  }

  /**
   * All ones when {@code word} selects row {@code i}, else zero: a dropped row's group id may be
   * anything (the key kernels leave it unset), so it is masked to group 0, adding a neutral value.
   */
  private static int keep(long word, int i) {
    return -(int) ((word >>> i) & 1);
  }

  /** Words with fewer selected rows than this visit their set bits; the others run branch-free. */
  private static final int SPARSE = 16;

  /** Work slots needed for {@code groups} groups. */
  public static int workSize(int groups) {
    return groups * COPIES;
  }

  /**
   * Adds the selected {@code v[i]} to {@code sums[gid[i]]} for groups {@code 0..groups-1};
   * {@code work} has room for {@link #workSize}{@code (groups)} values. A row a partly selected
   * word drops adds -0.0 to group 0, which leaves every sum as it is (-0.0 included).
   */
  public static void sumDouble(int[] gid, double[] v, int rows, long[] sel, int groups,
      double[] sums, double[] work) {
    Arrays.fill(work, 0, workSize(groups), -0.0);
    for (int w = 0, n = Bitmaps.words(rows); w < n; w++) {
      long word = word(sel, w, rows);
      int base = w << 6;
      if (word == -1L) {
        for (int i = base; i < base + 64; i += COPIES) {
          work[gid[i] * COPIES] += v[i];
          work[gid[i + 1] * COPIES + 1] += v[i + 1];
          work[gid[i + 2] * COPIES + 2] += v[i + 2];
          work[gid[i + 3] * COPIES + 3] += v[i + 3];
        }
      } else if (Long.bitCount(word) >= SPARSE && whole(w, rows)) {
        for (int i = base; i < base + 64; i += COPIES) {
          work[(gid[i] & keep(word, i)) * COPIES] += ((word >>> i) & 1) != 0 ? v[i] : -0.0;
          work[(gid[i + 1] & keep(word, (i + 1))) * COPIES + 1] += ((word >>> (i + 1)) & 1) != 0 ? v[i + 1] : -0.0;
          work[(gid[i + 2] & keep(word, (i + 2))) * COPIES + 2] += ((word >>> (i + 2)) & 1) != 0 ? v[i + 2] : -0.0;
          work[(gid[i + 3] & keep(word, (i + 3))) * COPIES + 3] += ((word >>> (i + 3)) & 1) != 0 ? v[i + 3] : -0.0;
        }
      } else {
        for (; word != 0; word &= word - 1) {
          int i = base + Long.numberOfTrailingZeros(word);
          work[gid[i] * COPIES + (i & 3)] += v[i];
        }
      }
    }
    for (int g = 0; g < groups; g++) {
      int k = g * COPIES;
      sums[g] += (work[k] + work[k + 1]) + (work[k + 2] + work[k + 3]);
    }
  }

  /**
   * Sums the selected {@code v[i]} of each group into {@code work[g * COPIES .. + COPIES)} (a
   * chunk's partial sums, zeroed first). Returns false when the values were too large for the
   * partial sums to be sure not to have overflowed: the caller then discards {@code work} and sums
   * the chunk another way. True is certain: rows times the largest magnitude added fits a long.
   */
  public static boolean sumLong(int[] gid, long[] v, int rows, long[] sel, int groups, long[] work) {
    Arrays.fill(work, 0, workSize(groups), 0L);
    // OR of x ^ (x >> 63) over the values added: at least the largest |x| - 1
    long magnitude = 0;
    for (int w = 0, n = Bitmaps.words(rows); w < n; w++) {
      long word = word(sel, w, rows);
      int base = w << 6;
      if (word == -1L) {
        for (int i = base; i < base + 64; i += COPIES) {
          long a = v[i];
          long b = v[i + 1];
          long c = v[i + 2];
          long d = v[i + 3];
          work[gid[i] * COPIES] += a;
          work[gid[i + 1] * COPIES + 1] += b;
          work[gid[i + 2] * COPIES + 2] += c;
          work[gid[i + 3] * COPIES + 3] += d;
          magnitude |= (a ^ (a >> 63)) | (b ^ (b >> 63)) | (c ^ (c >> 63)) | (d ^ (d >> 63));
        }
      } else if (Long.bitCount(word) >= SPARSE && whole(w, rows)) {
        for (int i = base; i < base + 64; i += COPIES) {
          long a = v[i] & -((word >>> i) & 1);
          long b = v[i + 1] & -((word >>> (i + 1)) & 1);
          long c = v[i + 2] & -((word >>> (i + 2)) & 1);
          long d = v[i + 3] & -((word >>> (i + 3)) & 1);
          work[(gid[i] & keep(word, i)) * COPIES] += a;
          work[(gid[i + 1] & keep(word, (i + 1))) * COPIES + 1] += b;
          work[(gid[i + 2] & keep(word, (i + 2))) * COPIES + 2] += c;
          work[(gid[i + 3] & keep(word, (i + 3))) * COPIES + 3] += d;
          magnitude |= (a ^ (a >> 63)) | (b ^ (b >> 63)) | (c ^ (c >> 63)) | (d ^ (d >> 63));
        }
      } else {
        for (; word != 0; word &= word - 1) {
          int i = base + Long.numberOfTrailingZeros(word);
          long x = v[i];
          work[gid[i] * COPIES + (i & 3)] += x;
          magnitude |= x ^ (x >> 63);
        }
      }
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

  /** Adds the selected rows of each group to {@code counts[g]}; {@code work} as for sums. */
  public static void count(int[] gid, int rows, long[] sel, int groups, long[] counts, long[] work) {
    Arrays.fill(work, 0, workSize(groups), 0L);
    for (int w = 0, n = Bitmaps.words(rows); w < n; w++) {
      long word = word(sel, w, rows);
      int base = w << 6;
      if (word == -1L) {
        for (int i = base; i < base + 64; i += COPIES) {
          work[gid[i] * COPIES]++;
          work[gid[i + 1] * COPIES + 1]++;
          work[gid[i + 2] * COPIES + 2]++;
          work[gid[i + 3] * COPIES + 3]++;
        }
      } else if (Long.bitCount(word) >= SPARSE && whole(w, rows)) {
        for (int i = base; i < base + 64; i += COPIES) {
          work[(gid[i] & keep(word, i)) * COPIES] += (word >>> i) & 1;
          work[(gid[i + 1] & keep(word, (i + 1))) * COPIES + 1] += (word >>> (i + 1)) & 1;
          work[(gid[i + 2] & keep(word, (i + 2))) * COPIES + 2] += (word >>> (i + 2)) & 1;
          work[(gid[i + 3] & keep(word, (i + 3))) * COPIES + 3] += (word >>> (i + 3)) & 1;
        }
      } else {
        for (; word != 0; word &= word - 1) {
          int i = base + Long.numberOfTrailingZeros(word);
          work[gid[i] * COPIES + (i & 3)]++;
        }
      }
    }
    for (int g = 0; g < groups; g++) {
      int k = g * COPIES;
      counts[g] += (work[k] + work[k + 1]) + (work[k + 2] + work[k + 3]);
    }
  }
}
