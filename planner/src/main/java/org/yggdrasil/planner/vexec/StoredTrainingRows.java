package org.yggdrasil.planner.vexec;

import java.lang.foreign.MemorySegment;
import java.util.List;
import org.apache.calcite.DataContext;
import org.yggdrasil.accel.iforest.TrainingRows;
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
 * trained from the query's result. Opening reads no values: it numbers the kept rows ({@link
 * KeptRows}: from row counts alone when nothing is filtered or deleted, else through the
 * vectorized filter) and looks for NULLs only in chunks whose statistics say they hold some.
 * Each value asked for is then one read from the stored chunk.
 */
public final class StoredTrainingRows implements TrainingRows {
  /** A NULL the query would return: in feature {@code feature} of training row {@code row} (0-based). */
  public record NullValue(int feature, long row) {}

  private final KeptRows rows;
  /** columns[f][c]: feature f's stored chunk c; null where the chunk keeps no row. */
  private final ColumnChunk[][] columns;
  /** doubles[f][c]: the values of columns[f][c] when they are stored as doubles, else null. */
  private final MemorySegment[][] doubles;
  /** allDoubles[f]: every chunk of feature f is in {@link #doubles}. */
  private final boolean[] allDoubles;
  private final NullValue firstNull;

  private StoredTrainingRows(KeptRows rows, ColumnChunk[][] columns) {
    this.rows = rows;
    this.columns = columns;
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
    this.firstNull = findFirstNull();
  }

  /** Counts the plan's rows in the snapshot {@code root} reads and finds its first NULL, if any. */
  public static StoredTrainingRows open(DataContext root, ColumnReadPlan plan) {
    TableVersion table = plan.table().versionAt(root);
    RowFilter filter = plan.filter() == null ? null : RowFilter.bind(plan.filter(), plan.columns(), root);
    KeptRows rows = KeptRows.select(root, table, plan.columns(), filter);
    List<Integer> outputs = plan.outputs();
    ColumnChunk[][] columns = new ColumnChunk[outputs.size()][rows.chunks()];
    for (int c = 0; c < rows.chunks(); c++) {
      if (rows.keptIn(c) > 0) {
        for (int f = 0; f < outputs.size(); f++) {
          columns[f][c] = table.chunk(plan.columns().get(outputs.get(f)).tableColumn(), c);
        }
      }
    }
    return new StoredTrainingRows(rows, columns);
  }

  /**
   * The first kept row holding a NULL in some feature (the lowest-numbered feature on that row),
   * or null; only chunks whose statistics count NULLs are looked into.
   */
  private NullValue findFirstNull() {
    for (int c = 0; c < rows.chunks(); c++) {
      if (rows.keptIn(c) == 0) {
        continue;
      }
      boolean any = false;
      for (ColumnChunk[] feature : columns) {
        any |= feature[c].stats().nullCount() > 0;
      }
      if (!any) {
        continue;
      }
      long number = rows.first[c];
      for (int r = 0; r < rows.physical[c]; r++) {
        if (!rows.isKept(c, r)) {
          continue;
        }
        for (int f = 0; f < columns.length; f++) {
          if (columns[f][c].isNull(r)) {
            return new NullValue(f, number);
          }
        }
        number++;
      }
    }
    return null;
  }

  /** The first NULL among the rows, by row then feature, as reading the query's rows meets it; or null. */
  public NullValue firstNull() {
    return firstNull;
  }

  @Override
  public int rows() {
    long n = rows.count();
    if (n > Integer.MAX_VALUE) {
      throw new SqlStateException(SqlState.PROGRAM_LIMIT_EXCEEDED, "cannot train on " + n
          + " rows: at most " + Integer.MAX_VALUE + " are supported", null,
          "Train on a part of the table: add a WHERE clause to the AS query.", 0, null);
    }
    return (int) n;
  }

  @Override
  public int features() {
    return columns.length;
  }

  @Override
  public void gather(int feature, int[] picked, int count, double[] out, int offset) {
    ColumnChunk[] chunks = columns[feature];
    MemorySegment[] values = doubles[feature];
    int shift = rows.shift;
    if (shift >= 0 && allDoubles[feature]) {
      // no search: the chunk and row come from the number. The rows ascend, so they come in
      // runs within one chunk; over a run the segment is fixed and its checks leave the loop,
      // which then issues independent loads only.
      int mask = (1 << shift) - 1;
      for (int i = 0; i < count; ) {
        int chunk = picked[i] >>> shift;
        int end = runEnd(picked, i, count, (long) (chunk + 1) << shift);
        MemorySegment v = values[chunk];
        for (; i < end; i++) {
          out[offset + i] = v.getAtIndex(Layouts.DOUBLE, picked[i] & mask);
        }
      }
      return;
    }
    long[] first = rows.first;
    int c = 0;
    long end = first[1];
    for (int i = 0; i < count; i++) {
      long number = picked[i];
      while (end <= number) {
        end = first[++c + 1];
      }
      int row = rows.row(c, (int) (number - first[c]));
      MemorySegment v = values[c];
      out[offset + i] = v != null ? v.getAtIndex(Layouts.DOUBLE, row) : value(chunks[c], row);
    }
  }

  /** The end of the run of {@code picked[from..count)} (ascending) below {@code limit}. */
  private static int runEnd(int[] picked, int from, int count, long limit) {
    int end = from + 1;
    while (end < count && picked[end] < limit) {
      end++;
    }
    return end;
  }

  /** A kept row's value as a double, as reading it through the query and widening it does. */
  private static double value(ColumnChunk column, int row) {
    return ((Number) InternalValues.fromStore(column.get(row))).doubleValue();
  }
}
