package org.yggdrasil.planner.vexec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.DataContext;
import org.yggdrasil.accel.kernels.Bitmaps;

/**
 * The aggregates' own filters ({@code FILTER (WHERE ...)} and the conditions of
 * {@code CASE WHEN c THEN x ...} arguments) bound for one worker, each evaluated at most once per
 * chunk into a bitmap that every aggregate with the same condition reads (avg(x) FILTER (WHERE c)
 * is a sum and a count under one condition).
 */
final class AggFilters {
  /** For a plan whose aggregates read all of the query's rows. */
  static final AggFilters NONE = new AggFilters(new int[0], new RowFilter[0]);

  /** filterOf[i]: the index of aggregate i's filter in {@link #filters}, or -1. */
  private final int[] filterOf;
  private final RowFilter[] filters;
  /** Each filter's rows of the current chunk within its selection, or null until asked for. */
  private final long[][] rows;

  private AggFilters(int[] filterOf, RowFilter[] filters) {
    this.filterOf = filterOf;
    this.filters = filters;
    this.rows = new long[filters.length][];
  }

  static AggFilters bind(List<AggSpec> aggs, List<ColumnSlot> slots, DataContext root) {
    List<VecPredicate> distinct = new ArrayList<>();
    int[] filterOf = new int[aggs.size()];
    for (int i = 0; i < filterOf.length; i++) {
      VecPredicate p = aggs.get(i).filter();
      if (p == null) {
        filterOf[i] = -1;
        continue;
      }
      int j = distinct.indexOf(p);
      if (j < 0) {
        distinct.add(p);
        j = distinct.size() - 1;
      }
      filterOf[i] = j;
    }
    if (distinct.isEmpty()) {
      return NONE;
    }
    RowFilter[] bound = distinct.stream().map(p -> RowFilter.bind(p, slots, root))
        .toArray(RowFilter[]::new);
    return new AggFilters(filterOf, bound);
  }

  /**
   * The rows of the chunk's selection {@code sel} (null = all) that aggregate {@code i} reads:
   * {@code sel} itself when it has no filter, else a bitmap valid until {@link #endChunk} that
   * the caller must not release.
   */
  long[] rows(int i, ChunkData chunk, long[] sel, Scratch scratch) {
    int j = i < filterOf.length ? filterOf[i] : -1;
    if (j < 0) {
      return sel;
    }
    if (rows[j] == null) {
      long[] out = scratch.bitmap();
      RowFilter f = filters[j];
      if (f.mayMatch(chunk)) {
        f.evaluate(chunk, out, scratch);
        if (sel != null) {
          Bitmaps.and(out, sel, chunk.rows());
        }
      } else {
        Arrays.fill(out, 0, Bitmaps.words(chunk.rows()), 0L);
      }
      rows[j] = out;
    }
    return rows[j];
  }

  /** Returns this chunk's bitmaps to the scratch (call once the chunk's aggregates are added). */
  void endChunk(Scratch scratch) {
    for (int j = 0; j < rows.length; j++) {
      if (rows[j] != null) {
        scratch.releaseBitmap(rows[j]);
        rows[j] = null;
      }
    }
  }
}
