package org.yggdrasil.planner.vexec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.DataContext;
import org.yggdrasil.accel.kernels.Bitmaps;
import org.yggdrasil.storage.nativestore.TableVersion;

/**
 * The rows of a table version a filter keeps (all live rows without one), numbered 0, 1, … in
 * position order, as a scan returns them; {@link #row} finds a number's row in its chunk. Chunks
 * where nothing is filtered or deleted keep no bitmap: their rows number consecutively.
 */
final class KeptRows {
  /** first[c]: number of chunk c's first kept row; first[chunks] is the count. */
  final long[] first;
  /** Per chunk, its kept rows as a bitmap, or null when all its rows are kept. */
  final long[][] kept;
  /** Per chunk with a bitmap: kept rows before each of its words (the total last). */
  final int[][] keptBefore;
  /** Physical rows per chunk. */
  final int[] physical;
  /**
   * log2 of the rows per chunk when every chunk keeps all its rows and all but the last are full
   * (number n is row {@code n & (2^shift - 1)} of chunk {@code n >>> shift}), else -1.
   */
  final int shift;

  private KeptRows(long[] first, long[][] kept, int[][] keptBefore, int[] physical, int chunkRows) {
    this.first = first;
    this.kept = kept;
    this.keptBefore = keptBefore;
    this.physical = physical;
    this.shift = uniformShift(first, kept, chunkRows);
  }

  /**
   * Selects the kept rows of every chunk, on {@code ygg.threads} workers (the filter is the costly
   * part), then numbers them in chunk order. {@code filter} reads {@code slots}; null keeps every
   * live row.
   */
  static KeptRows select(DataContext root, TableVersion table, List<ColumnSlot> slots, RowFilter filter) {
    int chunks = table.chunkCount();
    long[][] kept = new long[chunks][];
    int[][] keptBefore = new int[chunks][];
    int[] physical = new int[chunks];
    int[] counts = new int[chunks];
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean cancel = DataContext.Variable.CANCEL_FLAG.get(root);
    List<MorselWorker> workers = new ArrayList<>();
    for (int i = 0, n = MorselPool.workers(root, chunks); i < n; i++) {
      ChunkData chunk = new ChunkData(table, slots);
      Scratch scratch = new Scratch((int) Math.max(1, Math.min(table.chunkRows(), table.physicalRows())));
      workers.add(new MorselWorker(table, next, cancel) {
        @Override
        void process(int c, long[] sel) {
          physical[c] = chunk.moveTo(c);
          if (physical[c] == 0 || (filter != null && !filter.mayMatch(chunk))) {
            kept[c] = new long[0];
            keptBefore[c] = new int[] {0};
            return;
          }
          long[] s = ChunkSelection.select(chunk, filter, sel, scratch);
          if (s == null) {
            counts[c] = physical[c];
            return;
          }
          long[] bits = java.util.Arrays.copyOf(s, Bitmaps.words(physical[c]));
          bits[bits.length - 1] &= Bitmaps.lastWordMask(physical[c]);
          kept[c] = bits;
          keptBefore[c] = ranks(bits);
          counts[c] = keptBefore[c][bits.length];
        }
      });
    }
    MorselPool.runAll(workers);
    long[] first = new long[chunks + 1];
    for (int c = 0; c < chunks; c++) {
      first[c + 1] = first[c] + counts[c];
    }
    return new KeptRows(first, kept, keptBefore, physical, table.chunkRows());
  }

  private static int uniformShift(long[] first, long[][] kept, int chunkRows) {
    if (Integer.bitCount(chunkRows) != 1) {
      return -1;
    }
    for (int c = 0; c < kept.length; c++) {
      if (kept[c] != null || (c < kept.length - 1 && first[c + 1] - first[c] != chunkRows)) {
        return -1;
      }
    }
    return Integer.numberOfTrailingZeros(chunkRows);
  }

  /** keptBefore[w]: set bits in words 0..w-1 (one entry more than words, the total last). */
  private static int[] ranks(long[] bits) {
    int[] out = new int[bits.length + 1];
    for (int w = 0; w < bits.length; w++) {
      out[w + 1] = out[w] + Long.bitCount(bits[w]);
    }
    return out;
  }

  int chunks() {
    return physical.length;
  }

  long count() {
    return first[first.length - 1];
  }

  /** Kept rows in chunk {@code c}. */
  int keptIn(int c) {
    return (int) (first[c + 1] - first[c]);
  }

  boolean isKept(int c, int row) {
    long[] bits = kept[c];
    return bits == null || (bits[row >>> 6] & (1L << row)) != 0;
  }

  /** The row in chunk {@code c} of its {@code k}-th (0-based) kept row. */
  int row(int c, int k) {
    long[] bits = kept[c];
    if (bits == null) {
      return k;
    }
    int[] before = keptBefore[c];
    int lo = 0;
    int hi = bits.length - 1;
    while (lo < hi) { // the last word w with before[w] <= k
      int mid = (lo + hi + 1) >>> 1;
      if (before[mid] <= k) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    // expand deposits bit (k - before) at the position of that set bit of the word (PDEP)
    return (lo << 6) + Long.numberOfTrailingZeros(Long.expand(1L << (k - before[lo]), bits[lo]));
  }
}
