package org.yggdrasil.planner.vexec;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.yggdrasil.accel.kernels.Bitmaps;
import org.yggdrasil.storage.nativestore.TableVersion;

/**
 * Runs an {@link AggregatePlan}: morsel-driven over the table's chunks on up to
 * {@code ygg.threads} workers, each with its own accumulators and work vectors, merged at the end.
 * Per chunk: skip it when its zone maps exclude the filter, answer from chunk statistics when
 * nothing is filtered or deleted, else filter into a selection bitmap and aggregate the selected
 * rows with the accel kernels.
 */
public final class AggregateRunner {
  /** The DataContext variable carrying the session's {@code ygg.threads}. */
  public static final String THREADS_VARIABLE = MorselPool.THREADS_VARIABLE;

  private AggregateRunner() {}

  /** Called by generated code (see {@code AccelAggregateRel}). */
  public static Enumerable<Object[]> run(DataContext root, AggregatePlan plan) {
    TableVersion table = plan.table().versionAt(root);
    Object[] fromStats = StatsOnlyAnswer.tryAnswer(plan, table);
    if (fromStats != null) {
      return Linq4j.asEnumerable(List.<Object[]>of(fromStats));
    }
    RowFilter filter = plan.filter() == null ? null : RowFilter.bind(plan.filter(), plan.columns(), root);
    List<Object[]> partitioned = KeyPartitionedRun.runIfManyGroups(root, plan, table, filter);
    if (partitioned != null) {
      return Linq4j.asEnumerable(partitioned);
    }
    Worker first = MorselPool.runMerged(root, table,
        (next, cancel) -> new Worker(root, plan, table, filter, next, cancel), Worker::merge);
    return Linq4j.asEnumerable(first.rows());
  }

  /** As {@link #run} for a one-column result: each row is its single value. */
  public static Enumerable<Object> runScalar(DataContext root, AggregatePlan plan) {
    return run(root, plan).select(row -> row[0]);
  }

  /** One thread's share: claims chunks until none are left. */
  static final class Worker extends MorselWorker {
    private final AggregatePlan plan;
    private final RowFilter filter;
    private final ChunkData chunk;
    private final Scratch scratch;
    private final ExprEvaluator eval;
    private final GroupKeys keys;
    private final GroupedAggregates grouped;
    private final FlatAggregates flat;
    /** The rows this worker keeps when workers split groups by key (see KeyPartitionedRun), or null. */
    private KeyPartition partition;

    Worker(DataContext root, AggregatePlan plan, TableVersion table, RowFilter filter,
        AtomicInteger next, AtomicBoolean cancel) {
      super(table, next, cancel);
      this.plan = plan;
      this.filter = filter;
      this.chunk = new ChunkData(table, plan.columns());
      this.scratch = new Scratch(table.chunkRows());
      this.eval = new ExprEvaluator(root, scratch);
      eval.share(plan.aggs());
      boolean grouping = !plan.groupSlots().isEmpty();
      this.keys = grouping
          ? new GroupKeys(plan.groupSlots(), plan.columns(), plan.keyFunctions(root)) : null;
      if (grouping) {
        keys.expectRows((long) table.chunkCount() * table.chunkRows()
            / MorselPool.workers(root, table.chunkCount()));
      }
      AggFilters aggFilters = AggFilters.bind(plan.aggs(), plan.columns(), root);
      this.grouped = grouping ? new GroupedAggregates(plan.aggs(), plan.columns(), aggFilters) : null;
      this.flat = grouping ? null : new FlatAggregates(plan.aggs(), plan.columns(), aggFilters);
    }

    /** Keeps only the rows of {@code p}, of which there are at most {@code rows}. */
    void restrictTo(KeyPartition p, long rows) {
      partition = p;
      keys.expectRows(rows);
    }

    @Override
    void process(int index, long[] sel) {
      int rows = chunk.moveTo(index);
      if (rows == 0 || (filter != null && !filter.mayMatch(chunk))) {
        return;
      }
      if (flat != null && filter == null && !ChunkSelection.hasDeletes(chunk)
          && flat.statsAnswer(chunk)) {
        flat.addStats(chunk);
        return;
      }
      eval.newChunk();
      long[] selected = ChunkSelection.select(chunk, filter, sel, scratch);
      if (flat != null) {
        flat.add(chunk, selected, eval, scratch);
        return;
      }
      if (partition != null) {
        selected = partition.restrict(chunk, selected, scratch);
      }
      if (selected != null && Bitmaps.none(selected, rows)) {
        return;
      }
      keys.assign(chunk, selected, scratch.gids, scratch);
      grouped.ensure(keys.groupsAhead());
      grouped.add(chunk, selected, scratch.gids, eval, scratch);
    }

    void merge(Worker o) {
      if (flat != null) {
        flat.merge(o.flat);
        return;
      }
      int[] map = keys.absorb(o.keys);
      grouped.ensure(keys.count());
      for (int g = 0; g < map.length; g++) {
        grouped.mergeGroup(o.grouped, g, map[g]);
      }
      grouped.mergeStats(o.grouped, map);
    }

    /**
     * The result rows, each built when it is read: with millions of groups, rows that die young
     * cost the collector far less than a list of them all.
     */
    List<Object[]> rows() {
      if (flat != null) {
        return List.<Object[]>of(flat.result());
      }
      int keyCount = plan.groupSlots().size();
      int n = keys.count();
      return new java.util.AbstractList<>() {
        @Override
        public Object[] get(int g) {
          Object[] row = new Object[keyCount + plan.aggs().size()];
          keys.values(g, row, 0);
          grouped.values(g, row, keyCount);
          return row;
        }

        @Override
        public int size() {
          return n;
        }
      };
    }
  }
}
