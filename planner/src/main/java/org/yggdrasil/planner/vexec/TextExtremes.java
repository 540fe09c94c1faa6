package org.yggdrasil.planner.vexec;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.yggdrasil.accel.strings.Utf16Order;

/**
 * MIN or MAX of a text column per group (one group without GROUP BY), compared over the UTF-8
 * bytes in place in the order Calcite's row path compares Strings ({@link Utf16Order}). A group's
 * extreme so far is kept as bytes, copied only when a row beats it.
 */
final class TextExtremes {
  private final int slot;
  private final boolean min;
  private byte[][] best = new byte[1][];

  TextExtremes(int slot, boolean min) {
    this.slot = slot;
    this.min = min;
  }

  /** Makes room for group ids below {@code groups}. */
  void ensure(int groups) {
    if (groups > best.length) {
      best = Arrays.copyOf(best, Math.max(groups, best.length * 2));
    }
  }

  /** Adds the selected rows (null = all; NULLs already left out) of group {@code gids[r]} (null = group 0). */
  void add(ChunkData chunk, long[] sel, int[] gids) {
    int rows = chunk.rows();
    MemorySegment offsets = chunk.chunk(slot).offsets();
    MemorySegment data = chunk.data(slot);
    for (int w = 0, words = (rows + 63) >>> 6; w < words; w++) {
      long word = sel == null ? (w == words - 1 && (rows & 63) != 0 ? (1L << (rows & 63)) - 1 : -1L) : sel[w];
      while (word != 0) {
        int r = (w << 6) + Long.numberOfTrailingZeros(word);
        word &= word - 1;
        int g = gids == null ? 0 : gids[r];
        int start = offsets.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, r);
        int end = offsets.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, r + 1);
        byte[] b = best[g];
        if (b == null || beats(Utf16Order.compare(data, start, end, MemorySegment.ofArray(b), 0, b.length))) {
          best[g] = data.asSlice(start, end - start).toArray(ValueLayout.JAVA_BYTE);
        }
      }
    }
  }

  private boolean beats(int comparison) {
    return min ? comparison < 0 : comparison > 0;
  }

  /** Adds group {@code from} of {@code o} into group {@code to}. */
  void merge(TextExtremes o, int from, int to) {
    byte[] b = o.best[from];
    byte[] mine = best[to];
    if (b != null && (mine == null || beats(Utf16Order.compare(MemorySegment.ofArray(b), 0, b.length,
        MemorySegment.ofArray(mine), 0, mine.length)))) {
      best[to] = b;
    }
  }

  /** The extreme of group {@code g}, or null when it had no non-NULL value. */
  String value(int g) {
    return best[g] == null ? null : new String(best[g], StandardCharsets.UTF_8);
  }
}
