package org.yggdrasil.planner.vexec;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.DataContext;
import org.yggdrasil.accel.iforest.TrainingRows;
import org.yggdrasil.accel.kernels.Bitmaps;
import org.yggdrasil.accel.kernels.Layouts;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.schema.InternalValues;
import org.yggdrasil.storage.nativestore.TableVersion;
import org.yggdrasil.storage.nativestore.chunk.ColumnChunk;
import org.yggdrasil.storage.nativestore.chunk.Physical;

/**
 * The rows of a {@link ColumnReadPlan} as training rows, read in place by number: rows are
 * numbered in position order, as the query returns them, so a model trained from here is the one
 * trained from the query's result. Opening reads no values: it counts each chunk's kept rows
 * (from row counts alone when nothing is filtered or deleted; else through the vectorized filter,
 * keeping the selection) and looks for NULLs only in chunks whose statistics say they hold some.
 * Each value asked for is then one read from the stored chunk.
 */
public final class StoredTrainingRows implements TrainingRows {
  /** A NULL the query would return: in feature {@code feature} of training row {@code row} (0-based). */
  public record NullValue(int feature, long row) {}

  private final int[] outputs;
  /** first[c]: number of chunk c's first kept row; first[chunks] is the row count. */
  private final long[] first;
  /** Per chunk, its kept rows as a bitmap, or null when all its rows are kept. */
  private final long[][] kept;
  /** Per chunk with a bitmap: kept rows before each of its words. */
  private final int[][] keptBefore;
  /** columns[f][c]: feature f's stored chunk c; null where the chunk keeps no row. */
  private final ColumnChunk[][] columns;
  /** doubles[f][c]: the values of columns[f][c] when they are stored as doubles, else null. */
  private final MemorySegment[][] doubles;
  /** allDoubles[f]: every chunk of feature f is in {@link #doubles}. */
  private final boolean[] allDoubles;
  /**
   * log2 of the rows per chunk when every chunk keeps all its rows and all but the last are full
   * (row n is row {@code n & (2^shift - 1)} of chunk {@code n >>> shift}), else -1.
   */
  private final int shift;
  private final NullValue firstNull;

  private StoredTrainingRows(int[] outputs, long[] first, long[][] kept, int[][] keptBefore,
      ColumnChunk[][] columns, int chunkRows, NullValue firstNull) {
    this.shift = uniformShift(first, kept, chunkRows);
    this.outputs = outputs;
    this.first = first;
    this.kept = kept;
    this.keptBefore = keptBefore;
    this.columns = columns;
    this.firstNull = firstNull;
    this.doubles = new MemorySegment[columns.length][];
    this.allDoubles = new boolean[columns.length];
    for (int f = 0; f < columns.length; f++) {
      doubles[f] = new MemorySegment[columns[f].length];
      allDoubles[f] = true;
      for (int c = 0; c < columns[f].length; c++) {
        ColumnChunk chunk = columns[f][c];
        if (chunk != null && chunk.encoding().physical() == Physical.DOUBLE) {
          doubles[f][c] = chunk.data();
        } else {
          allDoubles[f] = false;
        }
      }
    }
  }

  /**
   * Counts the plan's rows in the snapshot {@code root} reads and finds its first NULL, if any.
   * Chunks are selected by {@code ygg.threads} workers (the filter is the costly part); the
   * numbering and the NULL search then go through the chunks in order.
   */
  public static StoredTrainingRows open(DataContext root, ColumnReadPlan plan) {
    TableVersion table = plan.table().versionAt(root);
    RowFilter filter = plan.filter() == null ? null : RowFilter.bind(plan.filter(), plan.columns(), root);
    int chunks = table.chunkCount();
    int[] outputs = plan.outputs().stream().mapToInt(Integer::intValue).toArray();
    Selection selection = new Selection(chunks, outputs.length);
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean cancel = DataContext.Variable.CANCEL_FLAG.get(root);
    List<Selector> workers = new ArrayList<>();
    for (int i = 0, n = MorselPool.workers(root, chunks); i < n; i++) {
      workers.add(new Selector(table, plan, filter, outputs, selection, next, cancel));
    }
    MorselPool.runAll(workers);
    long[] first = new long[chunks + 1];
    NullValue firstNull = null;
    for (int c = 0; c < chunks; c++) {
      first[c + 1] = first[c] + selection.counts[c];
      if (firstNull == null && selection.counts[c] > 0) {
        firstNull = firstNullIn(selection.columns, c, selection.kept[c], selection.physical[c], first[c]);
      }
    }
    return new StoredTrainingRows(outputs, first, selection.kept, selection.keptBefore,
        selection.columns, table.chunkRows(), firstNull);
  }

  /** What the workers find per chunk, each writing only the chunks it claims. */
  private static final class Selection {
    final int[] physical;
    final int[] counts;
    final long[][] kept;
    final int[][] keptBefore;
    final ColumnChunk[][] columns;

    Selection(int chunks, int features) {
      physical = new int[chunks];
      counts = new int[chunks];
      kept = new long[chunks][];
      keptBefore = new int[chunks][];
      columns = new ColumnChunk[features][chunks];
    }
  }

  /** Selects the kept rows of the chunks it claims and resolves their feature chunks. */
  private static final class Selector extends MorselWorker {
    private final RowFilter filter;
    private final int[] outputs;
    private final Selection out;
    private final ChunkData chunk;
    private final Scratch scratch;

    Selector(TableVersion table, ColumnReadPlan plan, RowFilter filter, int[] outputs, Selection out,
        AtomicInteger next, AtomicBoolean cancel) {
      super(table, next, cancel);
      this.filter = filter;
      this.outputs = outputs;
      this.out = out;
      this.chunk = new ChunkData(table, plan.columns());
      this.scratch = new Scratch((int) Math.max(1, Math.min(table.chunkRows(), table.physicalRows())));
    }

    @Override
    void process(int c, long[] sel) {
      int physical = chunk.moveTo(c);
      out.physical[c] = physical;
      if (physical == 0 || (filter != null && !filter.mayMatch(chunk))) {
        out.kept[c] = new long[0];
        out.keptBefore[c] = new int[] {0};
        return;
      }
      long[] s = ChunkSelection.select(chunk, filter, sel, scratch);
      if (s == null) {
        out.counts[c] = physical;
      } else {
        long[] bits = java.util.Arrays.copyOf(s, Bitmaps.words(physical));
        bits[bits.length - 1] &= Bitmaps.lastWordMask(physical);
        out.kept[c] = bits;
        out.keptBefore[c] = ranks(bits);
        out.counts[c] = out.keptBefore[c][bits.length];
      }
      if (out.counts[c] > 0) {
        for (int f = 0; f < outputs.length; f++) {
          out.columns[f][c] = chunk.chunk(outputs[f]);
        }
      }
    }
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

  /**
   * The first kept row of chunk {@code c} holding a NULL in some feature (the lowest-numbered
   * feature on that row), or null; only chunks whose statistics count NULLs are looked into.
   */
  private static NullValue firstNullIn(ColumnChunk[][] columns, int c, long[] kept, int physical,
      long firstRow) {
    boolean any = false;
    for (ColumnChunk[] feature : columns) {
      any |= feature[c].stats().nullCount() > 0;
    }
    if (!any) {
      return null;
    }
    long number = firstRow;
    for (int r = 0; r < physical; r++) {
      if (kept != null && (kept[r >>> 6] & (1L << r)) == 0) {
        continue;
      }
      for (int f = 0; f < columns.length; f++) {
        if (columns[f][c].isNull(r)) {
          return new NullValue(f, number);
        }
      }
      number++;
    }
    return null;
  }

  /** The first NULL among the rows, by row then feature, as reading the query's rows meets it; or null. */
  public NullValue firstNull() {
    return firstNull;
  }

  /** Every row, counted past the int range: checked against {@link #rows()}. */
  public long rowCount() {
    return first[first.length - 1];
  }

  @Override
  public int rows() {
    long n = rowCount();
    if (n > Integer.MAX_VALUE) {
      throw new SqlStateException(SqlState.PROGRAM_LIMIT_EXCEEDED, "cannot train on " + n
          + " rows: at most " + Integer.MAX_VALUE + " are supported", null,
          "Train on a part of the table: add a WHERE clause to the AS query.", 0, null);
    }
    return (int) n;
  }

  @Override
  public int features() {
    return outputs.length;
  }

  @Override
  public void gather(int feature, int[] picked, int count, double[] out, int offset) {
    ColumnChunk[] chunks = columns[feature];
    MemorySegment[] values = doubles[feature];
    if (shift >= 0 && allDoubles[feature]) {
      // no search: the chunk and row come from the number, so the loads do not wait on branches
      int mask = (1 << shift) - 1;
      for (int i = 0; i < count; i++) {
        int number = picked[i];
        out[offset + i] = values[number >>> shift].getAtIndex(Layouts.DOUBLE, number & mask);
      }
      return;
    }
    int c = 0;
    long end = first[1];
    for (int i = 0; i < count; i++) {
      long number = picked[i];
      while (end <= number) {
        end = first[++c + 1];
      }
      int k = (int) (number - first[c]);
      int row = kept[c] == null ? k : select(kept[c], keptBefore[c], k);
      MemorySegment v = values[c];
      out[offset + i] = v != null ? v.getAtIndex(Layouts.DOUBLE, row) : value(chunks[c], row);
    }
  }

  /** The position of the {@code k}-th (0-based) set bit of {@code bits}. */
  private static int select(long[] bits, int[] before, int k) {
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

  /** A kept row's value as a double, as reading it through the query and widening it does. */
  private static double value(ColumnChunk column, int row) {
    return ((Number) InternalValues.fromStore(column.get(row))).doubleValue();
  }
}
