package org.yggdrasil.planner.vexec;

import org.yggdrasil.accel.agg.DenseGroupSums;
import org.yggdrasil.planner.vexec.Kernels.Grouped;

/**
 * The per-group counts and sums of {@link GroupedAggregates} for one chunk: over a handful of
 * groups through {@link DenseGroupSums} (accumulator copies, exact partial sums per chunk),
 * otherwise through the scatter kernels of {@link Grouped}. Holds one worker's work arrays and
 * the rows' work slots under the chunk's selection, computed once for all aggregates that read
 * that selection (an aggregate whose argument has NULLs gets slots of its own).
 */
final class DenseSums {
  private double[] doubleWork = new double[0];
  private long[] longWork = new long[0];
  private int[] chunkSlots = new int[0];
  private int[] argSlots = new int[0];
  private long[] chunkSel;
  private boolean chunkSlotsValid;

  /** Forgets the previous chunk's slots; {@code sel} is the chunk's selection (null = all rows). */
  void newChunk(long[] sel) {
    chunkSel = sel;
    chunkSlotsValid = false;
  }

  private static boolean dense(int groups) {
    return groups <= DenseGroupSums.MAX_GROUPS;
  }

  private int[] slots(int groups, int[] gids, int rows, long[] sel) {
    if (sel == chunkSel) {
      if (chunkSlots.length < rows) {
        chunkSlots = new int[rows];
      }
      if (!chunkSlotsValid) {
        DenseGroupSums.slots(gids, rows, sel, groups, chunkSlots);
        chunkSlotsValid = true;
      }
      return chunkSlots;
    }
    if (argSlots.length < rows) {
      argSlots = new int[rows];
    }
    DenseGroupSums.slots(gids, rows, sel, groups, argSlots);
    return argSlots;
  }

  private double[] doubleWork(int groups) {
    if (doubleWork.length < DenseGroupSums.workSize(groups)) {
      doubleWork = new double[DenseGroupSums.workSize(groups)];
    }
    return doubleWork;
  }

  private long[] longWork(int groups) {
    if (longWork.length < DenseGroupSums.workSize(groups)) {
      longWork = new long[DenseGroupSums.workSize(groups)];
    }
    return longWork;
  }

  void count(int groups, int[] gids, int rows, long[] sel, long[] counts) {
    if (dense(groups)) {
      DenseGroupSums.count(slots(groups, gids, rows, sel), rows, groups, counts, longWork(groups));
    } else {
      Grouped.count(gids, rows, sel, counts);
    }
  }

  void sumDouble(int groups, int[] gids, double[] v, int rows, long[] sel, double[] sums) {
    if (dense(groups)) {
      DenseGroupSums.sumDouble(slots(groups, gids, rows, sel), v, rows, groups, sums,
          doubleWork(groups));
    } else {
      Grouped.sumDouble(gids, v, rows, sel, sums);
    }
  }

  /** Long sums that throw on overflow (bigint results). */
  void sumLong(int groups, int[] gids, long[] v, int rows, long[] sel, long[] sums) {
    if (dense(groups) && DenseGroupSums.sumLong(slots(groups, gids, rows, sel), v, rows, groups,
        longWork(groups))) {
      DenseGroupSums.foldExact(longWork, groups, sums);
    } else {
      Grouped.sumLong(gids, v, rows, sel, sums);
    }
  }

  /** Sums that never overflow (numeric results): {@code sums + wraps * 2^64}. */
  void sumLongWide(int groups, int[] gids, long[] v, int rows, long[] sel, long[] sums, long[] wraps) {
    if (dense(groups) && DenseGroupSums.sumLong(slots(groups, gids, rows, sel), v, rows, groups,
        longWork(groups))) {
      DenseGroupSums.foldWide(longWork, groups, sums, wraps);
    } else {
      Grouped.sumLongWide(gids, v, rows, sel, sums, wraps);
    }
  }
}
