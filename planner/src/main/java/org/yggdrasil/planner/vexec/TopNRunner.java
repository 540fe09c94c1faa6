package org.yggdrasil.planner.vexec;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.yggdrasil.accel.groupby.TopNPerGroup;
import org.yggdrasil.accel.kernels.Bitmaps;
import org.yggdrasil.storage.nativestore.TableVersion;

/**
 * Runs a {@link TopNPlan} in one pass over the chunks, morsel-driven on up to {@code ygg.threads}
 * workers: partition ids from {@link GroupKeys}, the k best (value, position) pairs per partition
 * in flat arrays ({@link TopNPerGroup}), NULL values ranked apart by position; workers' partitions
 * are matched by key and merged, then only the winning rows are read back whole. Replaces sorting
 * every row by partition and value, as a window operator would.
 */
public final class TopNRunner {
  private TopNRunner() {}

  /** Called by generated code (see {@code AccelTopNRel}). */
  public static Enumerable<Object[]> run(DataContext root, TopNPlan plan) {
    TableVersion table = plan.table().versionAt(root);
    RowFilter filter = plan.filter() == null ? null : RowFilter.bind(plan.filter(), plan.columns(), root);
    Worker first = MorselPool.runMerged(root, table,
        (next, cancel) -> new Worker(plan, table, filter, next, cancel), Worker::merge);
    return Linq4j.asEnumerable(rows(plan, table, first.keys, first.values, first.nulls));
  }

  private static List<Object[]> rows(TopNPlan plan, TableVersion table, GroupKeys keys,
      TopNPerGroup values, TopNPerGroup nulls) {
    int[] columns = plan.outputColumns().stream().mapToInt(Integer::intValue).toArray();
    List<Object[]> out = new ArrayList<>();
    for (int g = 0, n = keys.count(); g < n; g++) {
      TopNPerGroup firstPart = plan.nullsFirst() ? nulls : values;
      TopNPerGroup secondPart = plan.nullsFirst() ? values : nulls;
      long rank = 0;
      for (TopNPerGroup part : new TopNPerGroup[] {firstPart, secondPart}) {
        for (int r = 0; r < part.count(g) && rank < plan.k(); r++) {
          Object[] row = StoredRows.read(table, part.position(g, r), columns, 1);
          row[columns.length] = ++rank;
          out.add(row);
        }
      }
    }
    return out;
  }

  /** One thread's share: claims chunks until none are left, numbering partitions its own way. */
  private static final class Worker extends MorselWorker {
    private final TopNPlan plan;
    private final RowFilter filter;
    private final ChunkData chunk;
    private final Scratch scratch;
    private final ColumnSlot order;
    final GroupKeys keys;
    final TopNPerGroup values;
    /** NULLs tie among themselves (all keyed 0): further keys, then positions rank them. */
    final TopNPerGroup nulls;

    Worker(TopNPlan plan, TableVersion table, RowFilter filter, AtomicInteger next,
        AtomicBoolean cancel) {
      super(table, next, cancel);
      this.plan = plan;
      this.filter = filter;
      this.chunk = new ChunkData(table, plan.columns());
      this.scratch = new Scratch(table.chunkRows());
      this.order = plan.columns().get(plan.orderSlot());
      this.keys = new GroupKeys(plan.partitionSlots(), plan.columns());
      TopNPerGroup.TieBreak tieBreak = RowTieBreak.of(table, plan.columns(), plan.tieKeys());
      this.values = new TopNPerGroup(plan.k(), plan.descending(), tieBreak);
      this.nulls = new TopNPerGroup(plan.k(), false, tieBreak);
    }

    @Override
    void process(int c, long[] sel) {
      int rows = chunk.moveTo(c);
      if (rows == 0 || (filter != null && !filter.mayMatch(chunk))) {
        return;
      }
      long[] kept = ChunkSelection.select(chunk, filter, sel, scratch);
      if (kept != null && Bitmaps.none(kept, rows)) {
        return;
      }
      int[] gids = scratch.gids;
      keys.assign(chunk, kept, gids, scratch);
      long first = (long) c * chunkRows;
      MemorySegment validity = chunk.validity(plan.orderSlot());
      long[] valued = kept;
      if (validity != null) {
        valued = Selections.copyOrAll(kept, rows, scratch);
        Bitmaps.andValidity(valued, validity, rows);
        long[] nullRows = Selections.copyOrAll(kept, rows, scratch);
        Bitmaps.andNot(nullRows, valued, rows);
        for (int w = 0; w < Bitmaps.words(rows); w++) {
          for (long x = nullRows[w]; x != 0; x &= x - 1) {
            int r = (w << 6) + Long.numberOfTrailingZeros(x);
            nulls.offer(gids[r], 0, first + r);
          }
        }
        scratch.releaseBitmap(nullRows);
      }
      MemorySegment data = chunk.data(plan.orderSlot());
      if (order.isFloating()) {
        Kernels.TopN.addDoubles(values, gids, data, rows, valued, first);
      } else {
        values.addLongs(gids, data, order.encoding().physical().width(), rows, valued, first);
      }
      if (valued != kept) {
        scratch.releaseBitmap(valued);
      }
    }

    /** Adds another worker's partitions, matched to this worker's ids by their key values. */
    void merge(Worker o) {
      for (int g = 0, n = o.keys.count(); g < n; g++) {
        int to = keys.idOfRaw(o.keys.raw(g));
        for (int r = 0; r < o.values.count(g); r++) {
          values.offer(to, o.values.key(g, r), o.values.position(g, r));
        }
        for (int r = 0; r < o.nulls.count(g); r++) {
          nulls.offer(to, o.nulls.key(g, r), o.nulls.position(g, r));
        }
      }
    }
  }
}
