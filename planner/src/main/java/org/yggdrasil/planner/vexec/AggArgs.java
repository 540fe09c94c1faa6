package org.yggdrasil.planner.vexec;

import java.lang.foreign.MemorySegment;
import java.util.BitSet;
import org.yggdrasil.accel.kernels.Bitmaps;

/**
 * The rows an aggregate's argument is defined on: the filter's selection minus rows where a
 * column the argument reads is NULL (SQL aggregates skip NULL arguments).
 */
final class AggArgs {
  private AggArgs() {}

  /**
   * The selection for {@code arg}: {@code sel} itself (null = all rows) when none of its columns
   * has a NULL in this chunk, else a bitmap from the scratch that the caller releases.
   */
  static long[] selection(VecExpr arg, ChunkData chunk, long[] sel, Scratch scratch) {
    if (arg == null) {
      return sel;
    }
    BitSet slots = new BitSet();
    arg.slots(slots);
    return selection(slots, chunk, sel, scratch);
  }

  /** As {@link #selection(VecExpr, ChunkData, long[], Scratch)} over all of the aggregate's arguments. */
  static long[] selection(AggSpec agg, ChunkData chunk, long[] sel, Scratch scratch) {
    if (agg.arg2() == null) {
      return selection(agg.arg(), chunk, sel, scratch);
    }
    BitSet slots = new BitSet();
    agg.arg().slots(slots);
    agg.arg2().slots(slots);
    return selection(slots, chunk, sel, scratch);
  }

  private static long[] selection(BitSet slots, ChunkData chunk, long[] sel, Scratch scratch) {
    long[] out = sel;
    for (int s = slots.nextSetBit(0); s >= 0; s = slots.nextSetBit(s + 1)) {
      MemorySegment validity = chunk.validity(s);
      if (validity == null) {
        continue;
      }
      if (out == sel) {
        out = Selections.copyOrAll(sel, chunk.rows(), scratch);
      }
      Bitmaps.andValidity(out, validity, chunk.rows());
    }
    return out;
  }

  static void release(long[] argSel, long[] sel, Scratch scratch) {
    if (argSel != sel) {
      scratch.releaseBitmap(argSel);
    }
  }
}
