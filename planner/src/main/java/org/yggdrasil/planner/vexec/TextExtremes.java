package org.yggdrasil.planner.vexec;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.yggdrasil.accel.strings.Utf16Order;

/**
 * MIN or MAX of a text column per group (one group without GROUP BY), compared over the UTF-8
 * bytes in place in the order Calcite's row path compares Strings ({@link Utf16Order}). Within a
 * chunk each group's best row is found by comparing rows in the chunk's own memory; only then is
 * it compared with the group's extreme so far, kept as bytes and copied only when beaten.
 */
final class TextExtremes {
  private final int slot;
  private final boolean min;
  private byte[][] best = new byte[1][];
  private MemorySegment[] bestSegments = new MemorySegment[1];
  /** Each group's best row in the current chunk, or -1 (reset after every chunk). */
  private int[] chunkBest = {-1};
  /** The groups with a best row in the current chunk. */
  private int[] touched = new int[0];

  TextExtremes(int slot, boolean min) {
    this.slot = slot;
    this.min = min;
  }

  /** Makes room for group ids below {@code groups}. */
  void ensure(int groups) {
    if (groups > best.length) {
      int cap = Math.max(groups, best.length * 2);
      int old = best.length;
      best = Arrays.copyOf(best, cap);
      bestSegments = Arrays.copyOf(bestSegments, cap);
      chunkBest = Arrays.copyOf(chunkBest, cap);
      Arrays.fill(chunkBest, old, cap, -1);
    }
  }

  /** Adds the selected rows (null = all; NULLs already left out) of group {@code gids[r]} (null = group 0). */
  void add(ChunkData chunk, long[] sel, int[] gids) {
    int rows = chunk.rows();
    if (touched.length < rows) {
      touched = new int[rows];
    }
    MemorySegment offsets = chunk.chunk(slot).offsets();
    MemorySegment data = chunk.data(slot);
    int groups = 0;
    for (int w = 0, words = (rows + 63) >>> 6; w < words; w++) {
      long word = sel == null ? (w == words - 1 && (rows & 63) != 0 ? (1L << (rows & 63)) - 1 : -1L) : sel[w];
      while (word != 0) {
        int r = (w << 6) + Long.numberOfTrailingZeros(word);
        word &= word - 1;
        int g = gids == null ? 0 : gids[r];
        int held = chunkBest[g];
        if (held < 0) {
          chunkBest[g] = r;
          touched[groups++] = g;
        } else if (beats(Utf16Order.compare(data, start(offsets, r), start(offsets, r + 1),
            data, start(offsets, held), start(offsets, held + 1)))) {
          chunkBest[g] = r;
        }
      }
    }
    for (int i = 0; i < groups; i++) {
      int g = touched[i];
      int r = chunkBest[g];
      chunkBest[g] = -1;
      long from = start(offsets, r);
      long to = start(offsets, r + 1);
      if (best[g] == null || beats(Utf16Order.compare(data, from, to, bestSegments[g], 0, best[g].length))) {
        keep(g, data.asSlice(from, to - from).toArray(ValueLayout.JAVA_BYTE));
      }
    }
  }

  private static long start(MemorySegment offsets, int row) {
    return offsets.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, row);
  }

  private void keep(int g, byte[] bytes) {
    best[g] = bytes;
    bestSegments[g] = MemorySegment.ofArray(bytes);
  }

  private boolean beats(int comparison) {
    return min ? comparison < 0 : comparison > 0;
  }

  /** Adds group {@code from} of {@code o} into group {@code to}. */
  void merge(TextExtremes o, int from, int to) {
    byte[] b = o.best[from];
    if (b != null && (best[to] == null
        || beats(Utf16Order.compare(o.bestSegments[from], 0, b.length, bestSegments[to], 0, best[to].length)))) {
      keep(to, b);
    }
  }

  /** The extreme of group {@code g}, or null when it had no non-NULL value. */
  String value(int g) {
    return best[g] == null ? null : new String(best[g], StandardCharsets.UTF_8);
  }
}
