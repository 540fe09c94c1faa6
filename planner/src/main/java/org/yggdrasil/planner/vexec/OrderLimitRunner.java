package org.yggdrasil.planner.vexec;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.yggdrasil.accel.groupby.SortColumn;
import org.yggdrasil.accel.groupby.TopKeys;
import org.yggdrasil.accel.groupby.TopRows;
import org.yggdrasil.accel.kernels.Bitmaps;
import org.yggdrasil.storage.nativestore.TableVersion;
import org.yggdrasil.storage.nativestore.chunk.ChunkStats;

/**
 * Runs an {@link OrderLimitPlan}: morsel-driven over the chunks, each worker keeping the best
 * {@code offset + fetch} rows in a {@link TopRows} heap (merged at the end); then only the winning
 * rows are read whole. A chunk whose zone map puts every first key below the heap's bar is skipped
 * unread, and within a chunk most rows stop at a vector comparison with that bar. Replaces sorting
 * every row, as Calcite's Sort under a Limit does.
 */
public final class OrderLimitRunner {
  private OrderLimitRunner() {}

  /** Called by generated code (see {@code AccelOrderLimitRel}). */
  public static Enumerable<Object[]> run(DataContext root, OrderLimitPlan plan) {
    TableVersion table = plan.table().versionAt(root);
    RowFilter filter = plan.filter() == null ? null : RowFilter.bind(plan.filter(), plan.columns(), root);
    TopRows top = MorselPool.runMerged(root, table,
        (next, cancel) -> new Worker(plan, table, filter, next, cancel),
        (into, other) -> into.top.merge(other.top)).top;
    return Linq4j.asEnumerable(rows(plan, table, top.positions()));
  }

  /** As {@link #run} for a one-column result: each row is its single value. */
  public static Enumerable<Object> runScalar(DataContext root, OrderLimitPlan plan) {
    return run(root, plan).select(row -> row[0]);
  }

  private static List<Object[]> rows(OrderLimitPlan plan, TableVersion table, long[] positions) {
    int[] columns = plan.outputColumns().stream().mapToInt(Integer::intValue).toArray();
    List<Object[]> out = new ArrayList<>();
    for (long r = plan.offset(); r < positions.length; r++) {
      out.add(StoredRows.read(table, positions[(int) r], columns, 0));
    }
    return out;
  }

  /** One thread's share: claims chunks until none are left. */
  private static final class Worker extends MorselWorker {
    private final OrderLimitPlan plan;
    private final RowFilter filter;
    private final ChunkData chunk;
    private final Scratch scratch;
    private final SortColumn[] cols;
    final TopRows top;

    Worker(OrderLimitPlan plan, TableVersion table, RowFilter filter, AtomicInteger next,
        AtomicBoolean cancel) {
      super(table, next, cancel);
      this.plan = plan;
      this.filter = filter;
      this.chunk = new ChunkData(table, plan.columns());
      this.scratch = new Scratch(table.chunkRows());
      int m = plan.keys().size();
      boolean[] descending = new boolean[m];
      boolean[] nullsFirst = new boolean[m];
      for (int j = 0; j < m; j++) {
        descending[j] = plan.keys().get(j).descending();
        nullsFirst[j] = plan.keys().get(j).nullsFirst();
      }
      this.cols = new SortColumn[m];
      this.top = new TopRows(plan.kept(), descending, nullsFirst);
    }

    @Override
    void process(int index, long[] sel) {
      int rows = chunk.moveTo(index);
      if (rows == 0 || (filter != null && !filter.mayMatch(chunk))) {
        return;
      }
      int slot0 = plan.keys().get(0).slot();
      ChunkStats stats = chunk.chunk(slot0).stats();
      boolean values = stats.min() != null && top.mayEnter(key(slot0, stats.min()), key(slot0, stats.max()));
      boolean nulls = stats.nullCount() > 0 && top.nullsMayEnter();
      if (!values && !nulls) {
        return;
      }
      long[] kept = ChunkSelection.select(chunk, filter, sel, scratch);
      if (kept != null && Bitmaps.none(kept, rows)) {
        return;
      }
      for (int j = 0; j < cols.length; j++) {
        int slot = plan.keys().get(j).slot();
        cols[j] = new SortColumn(chunk.data(slot), chunk.slot(slot).lane(), chunk.validity(slot));
      }
      long first = (long) index * chunkRows;
      MemorySegment validity = cols[0].validity();
      if (validity == null) {
        if (values) {
          Kernels.OrderLimit.addValued(top, cols, rows, kept, first);
        }
        return;
      }
      if (values) {
        long[] valued = Selections.copyOrAll(kept, rows, scratch);
        Bitmaps.andValidity(valued, validity, rows);
        Kernels.OrderLimit.addValued(top, cols, rows, valued, first);
        scratch.releaseBitmap(valued);
      }
      if (nulls) {
        long[] nullRows = Selections.copyOrAll(kept, rows, scratch);
        Bitmaps.andNullity(nullRows, validity, rows);
        top.addNulls(cols, rows, nullRows, first);
        scratch.releaseBitmap(nullRows);
      }
    }

    /** A zone-map bound as the heap keys values ({@link SortColumn}). */
    private long key(int slot, Object bound) {
      ColumnSlot c = chunk.slot(slot);
      return c.isFloating() ? TopKeys.ofDouble(((Number) bound).doubleValue()) : c.encoding().toBits(bound);
    }
  }
}
