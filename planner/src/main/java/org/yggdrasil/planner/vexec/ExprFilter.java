package org.yggdrasil.planner.vexec;

import java.lang.foreign.MemorySegment;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.BitSet;
import org.apache.calcite.DataContext;
import org.yggdrasil.accel.kernels.Bitmaps;
import org.yggdrasil.accel.kernels.CmpOp;
import org.yggdrasil.accel.kernels.Lane;
import org.yggdrasil.planner.vexec.Kernels.Filters;

/**
 * {@code expr op constant} for arithmetic over columns: the expression is computed for the
 * whole chunk into a work vector, which the column comparison kernels then read as a (heap)
 * segment. Floating-point values order NaN above everything, as in PostgreSQL; exact values
 * (integers, scaled numerics) compare with the constant restated over their unscaled integers
 * (rounded to the neighbouring integer where it falls between two), in longs, or row by row in
 * BigIntegers for a chunk where some value leaves the long range. Rows with a NULL in any column
 * the expression reads are not selected. Zone maps cannot bound an expression: every chunk may
 * match.
 */
final class ExprFilter extends RowFilter.Other {
  private final DataContext root;
  private final VecExpr expr;
  private final CmpOp op;
  private final double doubleValue;
  /** For an exact expression: the bound over its unscaled integers, or null to select all. */
  private final BigInteger bound;
  private final int[] slots;

  private ExprFilter(DataContext root, VecExpr expr, CmpOp op, double doubleValue,
      BigInteger bound) {
    this.root = root;
    this.expr = expr;
    this.op = op;
    this.doubleValue = doubleValue;
    this.bound = bound;
    BitSet read = new BitSet();
    expr.slots(read);
    this.slots = read.stream().toArray();
  }

  static RowFilter bind(VecPredicate.ExprCompare e, DataContext root) {
    Object v = e.value().value(root);
    if (v == null) {
      return new RowFilter.Constant(false);
    }
    Number n = (Number) v;
    if (e.expr().kind() == VecExpr.Kind.DOUBLE) {
      return new ExprFilter(root, e.expr(), e.op(), n.doubleValue(), null);
    }
    if (!(n instanceof BigDecimal) && !isFinite(n)) {
      // NaN or an infinity: every value is below it (NaN, +inf) or above it (-inf)
      ExactBound b = ExactBound.of(e.scale(), e.op(), n);
      return b.kind() == ExactBound.Kind.NONE ? new RowFilter.Constant(false)
          : new ExprFilter(root, e.expr(), e.op(), 0, null);
    }
    BigDecimal c = (n instanceof BigDecimal d ? d : new BigDecimal(n.toString()))
        .movePointRight(e.scale());
    BigDecimal floor = c.setScale(0, RoundingMode.FLOOR);
    if (floor.compareTo(c) == 0) {
      return new ExprFilter(root, e.expr(), e.op(), 0, floor.toBigIntegerExact());
    }
    // between two integers: = matches none, <> all, < and <= the floor, > and >= the ceiling
    return switch (e.op()) {
      case EQ -> new RowFilter.Constant(false);
      case NE -> new ExprFilter(root, e.expr(), e.op(), 0, null);
      case LT, LE -> new ExprFilter(root, e.expr(), CmpOp.LE, 0, floor.toBigIntegerExact());
      case GT, GE -> new ExprFilter(root, e.expr(), CmpOp.GE, 0,
          c.setScale(0, RoundingMode.CEILING).toBigIntegerExact());
    };
  }

  private static boolean isFinite(Number n) {
    return !(n instanceof Double || n instanceof Float) || Double.isFinite(n.doubleValue());
  }

  @Override
  void evaluate(ChunkData chunk, long[] out, Scratch scratch) {
    int rows = chunk.rows();
    // a filter is shared by the workers: the evaluator (and its memo) is this call's own
    ExprEvaluator eval = new ExprEvaluator(root, scratch);
    if (expr.kind() == VecExpr.Kind.DOUBLE) {
      double[] values = eval.doubles(expr, chunk);
      Filters.compareDouble(MemorySegment.ofArray(values), Lane.DOUBLE, rows, op, doubleValue, out);
      scratch.release(values);
    } else if (bound == null) {
      Bitmaps.setAll(out, rows);
    } else {
      long[] values = eval.longs(expr, chunk);
      if (values == null) {
        compareExactly(chunk, out);
      } else if (bound.bitLength() < 64) {
        Filters.compareLong(MemorySegment.ofArray(values), Lane.LONG, rows, op, bound.longValue(), out);
        scratch.release(values);
      } else {
        // every value fits a long and the bound does not: all are on one side of it
        scratch.release(values);
        if (op.holds(bound.signum() > 0 ? -1 : 1)) {
          Bitmaps.setAll(out, rows);
        } else {
          java.util.Arrays.fill(out, 0, Bitmaps.words(rows), 0L);
        }
      }
    }
    for (int slot : slots) {
      andValid(chunk, slot, out);
    }
  }

  /** Row by row in BigIntegers: some value of this chunk does not fit a long. */
  private void compareExactly(ChunkData chunk, long[] out) {
    int rows = chunk.rows();
    java.util.Arrays.fill(out, 0, Bitmaps.words(rows), 0L);
    BigInteger c = bound;
    for (int r = 0; r < rows; r++) {
      if (op.holds(ExactRows.value(expr, chunk, r).compareTo(c))) {
        out[r >>> 6] |= 1L << r;
      }
    }
  }
}
