package org.yggdrasil.planner.vexec;

import org.yggdrasil.accel.kernels.Bitmaps;

/**
 * Maps small codes to group ids that already exist, for every row in one branch-free pass: the
 * fast path of {@link DictionaryIds} and {@link DensePackedIds}, which fall back to visiting the
 * selected rows when a selected row's code has no group yet.
 */
final class KnownIds {
  private KnownIds() {}

  /**
   * {@code out[r] = map[codes[r]]} for selected rows and -1 for the others; false (with
   * {@code out} meaningless) when a selected row's code maps to -1.
   */
  static boolean map(int[] codes, int[] map, int rows, long[] sel, int[] out) {
    // every row has a code: map them all in a plain gather, then mark the dropped rows
    int missing = 0;
    for (int r = 0; r < rows; r++) {
      int g = map[codes[r]];
      out[r] = g;
      missing |= g;
    }
    if (sel != null) {
      for (int w = 0, words = Bitmaps.words(rows); w < words; w++) {
        int base = w << 6;
        long dropped = ~sel[w];
        if (rows - base < 64) {
          dropped &= Bitmaps.lastWordMask(rows);
        }
        for (; dropped != 0; dropped &= dropped - 1) {
          out[base + Long.numberOfTrailingZeros(dropped)] = -1;
        }
      }
    }
    // a code without a group may belong to dropped rows only (a filter on the column itself)
    return missing >= 0 || allSelectedKnown(out, rows, sel);
  }

  /** Whether every selected row has an id (dropped rows are -1 already). */
  private static boolean allSelectedKnown(int[] out, int rows, long[] sel) {
    if (sel == null) {
      return false;
    }
    for (int w = 0, words = Bitmaps.words(rows); w < words; w++) {
      long word = sel[w];
      if (rows - (w << 6) < 64) {
        word &= Bitmaps.lastWordMask(rows);
      }
      for (; word != 0; word &= word - 1) {
        if (out[(w << 6) + Long.numberOfTrailingZeros(word)] < 0) {
          return false;
        }
      }
    }
    return true;
  }

  /** As {@link #map(int[], int[], int, long[], int[])} with packed keys below {@code map.length} (a power of two). */
  static boolean map(long[] keys, int[] map, int rows, long[] sel, int[] out) {
    int mask = map.length - 1;
    int missing = 0;
    for (int w = 0, words = Bitmaps.words(rows); w < words; w++) {
      int base = w << 6;
      long word = sel == null ? -1L : sel[w];
      int end = Math.min(base + 64, rows);
      if (word == -1L) {
        for (int r = base; r < end; r++) {
          int g = map[(int) keys[r] & mask];
          out[r] = g;
          missing |= g;
        }
        continue;
      }
      for (int r = base; r < end; r++) {
        // an unselected row's key may be anything: the mask keeps it inside the array
        int g = map[(int) keys[r] & mask];
        int drop = (int) ((word >>> r) & 1) - 1;
        out[r] = g | drop;
        missing |= g & ~drop;
      }
    }
    return missing >= 0;
  }
}
