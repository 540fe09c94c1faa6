package org.yggdrasil.accel.iforest;

import java.util.Arrays;

/** Draws distinct row numbers (sampling without replacement), returned in ascending order. */
final class RowSampler {
  private RowSampler() {}

  static int[] sample(SplitMix64 rng, int rows, int k) {
    if (k > rows) {
      throw new IllegalArgumentException("cannot draw " + k + " distinct rows from " + rows);
    }
    int[] out = (long) k * 4 >= rows ? partialShuffle(rng, rows, k) : rejection(rng, rows, k);
    Arrays.sort(out);
    return out;
  }

  /** Fisher-Yates over all rows, stopped after k draws: for samples that are a large part of the rows. */
  private static int[] partialShuffle(SplitMix64 rng, int rows, int k) {
    int[] all = new int[rows];
    for (int i = 0; i < rows; i++) {
      all[i] = i;
    }
    for (int i = 0; i < k; i++) {
      int j = i + rng.nextInt(rows - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    return Arrays.copyOf(all, k);
  }

  /** Draw and reject repeats through a small open-addressing set: for samples much smaller than the rows. */
  private static int[] rejection(SplitMix64 rng, int rows, int k) {
    int cap = Integer.highestOneBit(Math.max(4, k * 4 - 1)) << 1;
    int mask = cap - 1;
    int[] set = new int[cap];
    Arrays.fill(set, -1);
    int[] out = new int[k];
    int n = 0;
    while (n < k) {
      int r = rng.nextInt(rows);
      int h = (r * 0x9E3779B1) >>> 7 & mask;
      while (set[h] != -1 && set[h] != r) {
        h = (h + 1) & mask;
      }
      if (set[h] == -1) {
        set[h] = r;
        out[n++] = r;
      }
    }
    return out;
  }
}
