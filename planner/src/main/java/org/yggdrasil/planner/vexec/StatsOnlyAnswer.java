package org.yggdrasil.planner.vexec;

import org.yggdrasil.storage.nativestore.TableVersion;

/**
 * Answers an unfiltered, ungrouped aggregate from chunk statistics alone, on the calling
 * thread: when every chunk's stats answer it, no row is read, so handing chunks to pool
 * workers (and allocating their work vectors) would cost more than the answer itself.
 */
final class StatsOnlyAnswer {
  private StatsOnlyAnswer() {}

  /** The result row, or null when some chunk must be read (deletes, or stats that can't answer). */
  static Object[] tryAnswer(AggregatePlan plan, TableVersion table) {
    if (plan.filter() != null || !plan.groupSlots().isEmpty()) {
      return null;
    }
    ChunkData chunk = new ChunkData(table, plan.columns());
    FlatAggregates flat = new FlatAggregates(plan.aggs(), plan.columns());
    for (int c = 0, n = table.chunkCount(); c < n; c++) {
      if (chunk.moveTo(c) == 0) {
        continue;
      }
      if (ChunkSelection.hasDeletes(chunk) || !flat.statsAnswer(chunk)) {
        return null;
      }
      flat.addStats(chunk);
    }
    return flat.result();
  }
}
