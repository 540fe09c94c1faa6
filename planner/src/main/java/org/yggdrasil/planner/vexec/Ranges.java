package org.yggdrasil.planner.vexec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yggdrasil.accel.kernels.CmpOp;
import org.yggdrasil.planner.vexec.Kernels.Filters;
import org.yggdrasil.accel.kernels.Lane;

/**
 * Fuses a lower and an upper bound on one column in a conjunction ({@code d >= a AND d < b}, what
 * BETWEEN and range conditions become) into one range filter, so the column is read once.
 */
final class Ranges {
  private Ranges() {}

  static RowFilter fuse(RowFilter.Junction and) {
    Map<Integer, long[]> exact = new LinkedHashMap<>();
    Map<Integer, double[]> floating = new LinkedHashMap<>();
    Map<Integer, Lane> lanes = new LinkedHashMap<>();
    List<RowFilter> rest = new ArrayList<>();
    for (RowFilter f : and.parts) {
      if (f instanceof RowFilter.LongCompare c && c.op != CmpOp.EQ && c.op != CmpOp.NE
          && !floating.containsKey(c.slot)) {
        long[] b = exact.computeIfAbsent(c.slot, s -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE});
        lanes.put(c.slot, c.lane);
        switch (c.op) {
          case GE -> b[0] = Math.max(b[0], c.value);
          case GT -> b[0] = c.value == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(b[0], c.value + 1);
          case LE -> b[1] = Math.min(b[1], c.value);
          case LT -> b[1] = c.value == Long.MIN_VALUE ? Long.MIN_VALUE : Math.min(b[1], c.value - 1);
          default -> throw new IllegalStateException();
        }
        if (c.op == CmpOp.GT && c.value == Long.MAX_VALUE || c.op == CmpOp.LT && c.value == Long.MIN_VALUE) {
          return new RowFilter.Constant(false);
        }
      } else if (f instanceof RowFilter.DoubleCompare c && c.op != CmpOp.EQ && c.op != CmpOp.NE
          && !Double.isNaN(c.value) && !exact.containsKey(c.slot)) {
        double[] b = floating.computeIfAbsent(c.slot,
            s -> new double[] {Double.NEGATIVE_INFINITY, Double.NaN});
        lanes.put(c.slot, c.lane);
        switch (c.op) {
          case GE -> b[0] = Math.max(b[0], c.value);
          case GT -> b[0] = Math.max(b[0], Math.nextUp(c.value));
          // NaN as the upper bound stands for "no upper bound" (NaN sorts above everything)
          case LE -> b[1] = Double.isNaN(b[1]) ? c.value : Math.min(b[1], c.value);
          case LT -> b[1] = Double.isNaN(b[1]) ? Math.nextDown(c.value) : Math.min(b[1], Math.nextDown(c.value));
          default -> throw new IllegalStateException();
        }
      } else {
        rest.add(f);
      }
    }
    if (exact.isEmpty() && floating.isEmpty()) {
      return and;
    }
    List<RowFilter> parts = new ArrayList<>();
    exact.forEach((slot, b) -> parts.add(new LongRange(slot, lanes.get(slot), b[0], b[1])));
    floating.forEach((slot, b) -> parts.add(new DoubleRange(slot, lanes.get(slot), b[0], b[1])));
    parts.addAll(rest);
    return parts.size() == 1 ? parts.get(0) : new RowFilter.Junction(parts, true);
  }

  /** {@code lo <= column <= hi} on an exact column. */
  static final class LongRange extends RowFilter.Other {
    private final int slot;
    private final Lane lane;
    private final long lo;
    private final long hi;

    LongRange(int slot, Lane lane, long lo, long hi) {
      this.slot = slot;
      this.lane = lane;
      this.lo = lo;
      this.hi = hi;
    }

    @Override
    void evaluate(ChunkData chunk, long[] out, Scratch scratch) {
      Filters.betweenLong(chunk.data(slot), lane, chunk.rows(), lo, hi, out);
      andValid(chunk, slot, out);
    }

    @Override
    boolean mayMatch(ChunkData chunk) {
      return RowFilter.exactOverlaps(chunk, slot, lo, hi);
    }
  }

  /** {@code lo <= column <= hi} on a floating column in PostgreSQL order; hi NaN = unbounded. */
  static final class DoubleRange extends RowFilter.Other {
    private final int slot;
    private final Lane lane;
    private final double lo;
    private final double hi;

    DoubleRange(int slot, Lane lane, double lo, double hi) {
      this.slot = slot;
      this.lane = lane;
      this.lo = lo;
      this.hi = hi;
    }

    @Override
    void evaluate(ChunkData chunk, long[] out, Scratch scratch) {
      Filters.betweenDouble(chunk.data(slot), lane, chunk.rows(), lo, hi, out);
      andValid(chunk, slot, out);
    }

    @Override
    boolean mayMatch(ChunkData chunk) {
      return RowFilter.floatingOverlaps(chunk, slot, lo, hi);
    }
  }
}
