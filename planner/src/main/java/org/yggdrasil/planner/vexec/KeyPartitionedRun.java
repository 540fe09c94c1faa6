package org.yggdrasil.planner.vexec;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.DataContext;
import org.yggdrasil.accel.kernels.Bitmaps;
import org.yggdrasil.storage.nativestore.TableVersion;

/**
 * GROUP BY over very many groups on several threads without a merge. With per-thread hash tables
 * over chunks, when nearly every row makes a new group (H2O q10: 10M groups in 10M rows) each
 * thread's table holds a share of all groups and merging them serially costs as much as building
 * them, so two threads ran slower than one. Here every worker reads every chunk but keeps only
 * the rows whose integer key hashes to its partition ({@link KeyPartition}): groups never span
 * workers, and the result is the workers' groups one after another.
 *
 * <p>Chosen when a first chunk shows at least {@link #NEW_GROUP_SHARE} of its rows making
 * distinct groups and some group column is an integer; the probe costs one chunk's key lookups.
 */
final class KeyPartitionedRun {
  /** Share of a chunk's rows that are distinct groups above which partitioning pays. */
  static final double NEW_GROUP_SHARE = 0.85;
  /** Tables this small are cheap to merge; partitioning would only repeat the key reads. */
  static final int MIN_CHUNKS = 4;

  private KeyPartitionedRun() {}

  /**
   * Runs the plan key-partitioned and returns its rows, or null when partitioning does not apply
   * (one thread, few chunks, no integer group column, or a probe chunk with few groups).
   */
  static List<Object[]> runIfManyGroups(DataContext root, AggregatePlan plan, TableVersion table,
      RowFilter filter) {
    int chunks = table.chunkCount();
    int workers = MorselPool.workers(root, chunks);
    if (workers < 2 || chunks < MIN_CHUNKS || plan.groupSlots().isEmpty()) {
      return null;
    }
    int slot = partitionSlot(plan, table);
    if (slot < 0 || !manyGroups(root, plan, table, filter)) {
      return null;
    }
    AtomicBoolean cancel = DataContext.Variable.CANCEL_FLAG.get(root);
    List<AggregateRunner.Worker> all = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      // each worker walks every chunk: its own counter
      AggregateRunner.Worker worker = new AggregateRunner.Worker(root, plan, table, filter,
          new AtomicInteger(), cancel);
      worker.restrictTo(new KeyPartition(slot, plan.columns().get(slot), workers, w,
          table.chunkRows()), (long) chunks * table.chunkRows() / workers);
      all.add(worker);
    }
    MorselPool.runAll(all);
    List<List<Object[]>> parts = new ArrayList<>();
    for (AggregateRunner.Worker w : all) {
      parts.add(w.rows());
    }
    return concat(parts);
  }

  /**
   * The integer group column with the widest value range in the first chunk, or -1. Keys
   * computed from a column do not partition: rows of different values share their groups.
   */
  private static int partitionSlot(AggregatePlan plan, TableVersion table) {
    ChunkData chunk = new ChunkData(table, plan.columns());
    chunk.moveTo(0);
    int best = -1;
    double widest = -1;
    for (int i = 0; i < plan.groupSlots().size(); i++) {
      int s = plan.groupSlots().get(i);
      ColumnSlot c = plan.columns().get(s);
      if (!plan.storedKey(i) || !KeyPartition.canPartitionBy(c)) {
        continue;
      }
      var stats = chunk.chunk(s).stats();
      double range = stats.min() == null || stats.max() == null ? 0
          : (double) c.encoding().toBits(stats.max()) - (double) c.encoding().toBits(stats.min());
      if (range > widest) {
        widest = range;
        best = s;
      }
    }
    return best;
  }

  /** Whether the first chunk's selected rows are nearly all distinct groups. */
  private static boolean manyGroups(DataContext root, AggregatePlan plan, TableVersion table,
      RowFilter filter) {
    ChunkData chunk = new ChunkData(table, plan.columns());
    int rows = chunk.moveTo(0);
    if (rows == 0 || (filter != null && !filter.mayMatch(chunk))) {
      return false;
    }
    Scratch scratch = new Scratch(table.chunkRows());
    long[] sel = ChunkSelection.select(chunk, filter, new long[Bitmaps.words(rows)], scratch);
    int selected = sel == null ? rows : Bitmaps.count(sel, rows);
    if (selected < 1024) {
      return false;
    }
    GroupKeys keys = new GroupKeys(plan.groupSlots(), plan.columns(), plan.keyFunctions(root));
    keys.assign(chunk, sel, scratch.gids, scratch);
    return keys.count() >= NEW_GROUP_SHARE * selected;
  }

  private static List<Object[]> concat(List<List<Object[]>> parts) {
    int[] starts = new int[parts.size() + 1];
    for (int i = 0; i < parts.size(); i++) {
      starts[i + 1] = Math.addExact(starts[i], parts.get(i).size());
    }
    return new AbstractList<>() {
      private int part;

      @Override
      public Object[] get(int index) {
        java.util.Objects.checkIndex(index, size());
        // rows are read in order: remember the part of the last one
        if (index < starts[part] || index >= starts[part + 1]) {
          part = 0;
          while (index >= starts[part + 1]) {
            part++;
          }
        }
        return parts.get(part).get(index - starts[part]);
      }

      @Override
      public int size() {
        return starts[parts.size()];
      }
    };
  }
}
