package org.yggdrasil.planner.vexec;

import java.util.Arrays;
import org.yggdrasil.accel.groupby.LongGroupTable;
import org.yggdrasil.accel.kernels.Bitmaps;

/**
 * Group ids of packed multi-column keys through a direct array indexed by the key, when the
 * layout packs them into few bits (TPC-H Q1's two one-letter flags take two): one hash lookup per
 * distinct key for as long as the layout stays, instead of one per row, and once every selected
 * row's key is known a branch-free pass over all rows ({@link KnownIds}). The array remembers the
 * table and layout it was filled for and starts over when the caller widens or re-keys them.
 */
final class DensePackedIds {
  /** Widest packed key looked up directly (the array has 2^bits entries). */
  static final int MAX_BITS = 12;

  private int[] ids = new int[0];
  private LongGroupTable table;
  private PackedLayout layout;

  /**
   * Writes the id of every selected row's key ({@code -1} for the others); false, touching
   * nothing, when the layout is too wide for a direct array.
   */
  boolean groupIds(LongGroupTable packed, PackedLayout packing, long[] keys, int rows, long[] sel,
      int[] out) {
    int bits = packing.totalBits();
    if (bits > MAX_BITS) {
      return false;
    }
    if (packed != table || packing != layout) {
      table = packed;
      layout = packing;
      ids = new int[1 << bits];
      Arrays.fill(ids, -1);
    }
    int[] map = ids;
    if (KnownIds.map(keys, map, rows, sel, out)) {
      return true;
    }
    int mask = map.length - 1;
    Arrays.fill(out, 0, rows, -1);
    for (int w = 0, words = Bitmaps.words(rows); w < words; w++) {
      long word = sel == null ? -1L : sel[w];
      if (rows - (w << 6) < 64) {
        word &= Bitmaps.lastWordMask(rows);
      }
      for (; word != 0; word &= word - 1) {
        int r = (w << 6) + Long.numberOfTrailingZeros(word);
        int k = (int) keys[r] & mask;
        int g = map[k];
        out[r] = g >= 0 ? g : (map[k] = packed.idOf(keys[r]));
      }
    }
    return true;
  }
}
