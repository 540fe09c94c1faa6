package org.yggdrasil.planner.vexec;

import java.lang.foreign.MemorySegment;
import java.util.BitSet;
import org.apache.calcite.DataContext;
import org.yggdrasil.accel.kernels.CmpOp;
import org.yggdrasil.accel.kernels.Lane;
import org.yggdrasil.planner.vexec.Kernels.Filters;

/**
 * {@code expr op constant} for floating-point arithmetic over columns: the expression is computed
 * for the whole chunk into a work vector, which the column comparison kernels then read as a
 * (heap) segment, NaN ordered above everything as in PostgreSQL. Rows with a NULL in any column
 * the expression reads are not selected. Zone maps cannot bound an expression: every chunk may
 * match.
 */
final class ExprFilter extends RowFilter.Other {
  private final DataContext root;
  private final VecExpr expr;
  private final CmpOp op;
  private final double value;
  private final int[] slots;

  private ExprFilter(DataContext root, VecExpr expr, CmpOp op, double value) {
    this.root = root;
    this.expr = expr;
    this.op = op;
    this.value = value;
    BitSet read = new BitSet();
    expr.slots(read);
    this.slots = read.stream().toArray();
  }

  static RowFilter bind(VecPredicate.ExprCompare e, DataContext root) {
    Object v = e.value().value(root);
    if (v == null) {
      return new RowFilter.Constant(false);
    }
    return new ExprFilter(root, e.expr(), e.op(), ((Number) v).doubleValue());
  }

  @Override
  void evaluate(ChunkData chunk, long[] out, Scratch scratch) {
    int rows = chunk.rows();
    // a filter is shared by the workers: the evaluator (and its memo) is this call's own
    double[] values = new ExprEvaluator(root, scratch).doubles(expr, chunk);
    Filters.compareDouble(MemorySegment.ofArray(values), Lane.DOUBLE, rows, op, value, out);
    scratch.release(values);
    for (int slot : slots) {
      andValid(chunk, slot, out);
    }
  }
}
