package org.yggdrasil.planner.vexec;

import java.util.Arrays;
import org.yggdrasil.accel.groupby.BytesGroupTable;
import org.yggdrasil.accel.groupby.ChunkDictionary;
import org.yggdrasil.accel.kernels.Bitmaps;

/**
 * Group ids of a dictionary-encoded text chunk: each distinct value is looked up once, rows map
 * through their codes. Once every value a chunk's selected rows hold has a group (after the
 * first chunks, for a low-cardinality column), the rows map in one branch-free pass whatever the
 * filter dropped; otherwise the selected rows are visited in order, creating groups in first-seen
 * order. Values no selected row holds create no group.
 */
final class DictionaryIds {
  private DictionaryIds() {}

  /** Writes the group id of every selected row ({@code -1} for the others) into {@code out}. */
  static void groupIds(BytesGroupTable table, ChunkDictionary dict, int rows, long[] sel, int[] out) {
    int[] codes = dict.codes();
    byte[][] values = dict.values();
    int[] map = new int[values.length];
    for (int c = 0; c < map.length; c++) {
      map[c] = table.find(values[c]);
    }
    if (KnownIds.map(codes, map, rows, sel, out)) {
      return;
    }
    Arrays.fill(out, 0, rows, -1);
    for (int w = 0, words = Bitmaps.words(rows); w < words; w++) {
      long word = sel == null ? -1L : sel[w];
      if (rows - (w << 6) < 64) {
        word &= Bitmaps.lastWordMask(rows);
      }
      for (; word != 0; word &= word - 1) {
        int r = (w << 6) + Long.numberOfTrailingZeros(word);
        int c = codes[r];
        int g = map[c];
        out[r] = g >= 0 ? g : (map[c] = table.idOf(values[c]));
      }
    }
  }
}
