package org.yggdrasil.planner.vexec;

import java.math.BigDecimal;
import org.apache.calcite.DataContext;
import org.yggdrasil.accel.kernels.Arith;
import org.yggdrasil.accel.strings.Utf8Length;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * Computes {@link VecExpr} values for every row of the current chunk into work vectors. Constants
 * are read once per execution; arithmetic runs as whole-vector kernels.
 */
final class ExprEvaluator {
  private final DataContext root;
  private final Scratch scratch;

  ExprEvaluator(DataContext root, Scratch scratch) {
    this.root = root;
    this.scratch = scratch;
  }

  /** The value as doubles (caller releases the array to the scratch). */
  double[] doubles(VecExpr e, ChunkData chunk) {
    int rows = chunk.rows();
    double[] out = scratch.doubles();
    switch (e) {
      case VecExpr.Column c -> {
        ColumnSlot slot = chunk.slot(c.slot());
        Arith.loadDouble(chunk.data(c.slot()), slot.lane(), rows, out);
        if (slot.scale() > 0) {
          Arith.divConst(out, BigDecimal.ONE.movePointRight(slot.scale()).doubleValue(), out, rows);
        }
      }
      case VecExpr.Constant k -> java.util.Arrays.fill(out, 0, rows, constant(k));
      case VecExpr.CharLength l -> {
        long[] lens = longs(l, chunk);
        for (int i = 0; i < rows; i++) {
          out[i] = lens[i];
        }
        scratch.release(lens);
      }
      case VecExpr.Arith a -> arith(a, chunk, out);
    }
    return out;
  }

  private void arith(VecExpr.Arith a, ChunkData chunk, double[] out) {
    int rows = chunk.rows();
    if (a.right() instanceof VecExpr.Constant k) {
      double c = constant(k);
      double[] left = doubles(a.left(), chunk);
      switch (a.op()) {
        case ADD -> Arith.addConst(left, c, out, rows);
        case SUB -> Arith.addConst(left, -c, out, rows);
        case MUL -> Arith.mulConst(left, c, out, rows);
        case DIV -> {
          if (c == 0) {
            throw new SqlStateException(SqlState.DIVISION_BY_ZERO, "division by zero");
          }
          Arith.divConst(left, c, out, rows);
        }
      }
      scratch.release(left);
      return;
    }
    if (a.left() instanceof VecExpr.Constant k && a.op() != VecExpr.ArithOp.DIV) {
      double c = constant(k);
      double[] right = doubles(a.right(), chunk);
      switch (a.op()) {
        case ADD -> Arith.addConst(right, c, out, rows);
        case SUB -> Arith.constSub(c, right, out, rows);
        case MUL -> Arith.mulConst(right, c, out, rows);
        case DIV -> throw new IllegalStateException("division by a column is not vectorized");
      }
      scratch.release(right);
      return;
    }
    double[] left = doubles(a.left(), chunk);
    double[] right = doubles(a.right(), chunk);
    switch (a.op()) {
      case ADD -> Arith.add(left, right, out, rows);
      case SUB -> Arith.sub(left, right, out, rows);
      case MUL -> Arith.mul(left, right, out, rows);
      case DIV -> throw new IllegalStateException("division by a column is not vectorized");
    }
    scratch.release(left);
    scratch.release(right);
  }

  /** The value as exact integers (caller releases the array to the scratch). */
  long[] longs(VecExpr e, ChunkData chunk) {
    int rows = chunk.rows();
    long[] out = scratch.longs();
    switch (e) {
      case VecExpr.Column c -> Arith.loadLong(chunk.data(c.slot()), chunk.slot(c.slot()).lane(), rows, out);
      case VecExpr.CharLength l -> {
        int[] chars = scratch.ints;
        Utf8Length.chars(chunk.chunk(l.slot()).offsets(), chunk.data(l.slot()), rows, chars);
        for (int i = 0; i < rows; i++) {
          out[i] = chars[i];
        }
      }
      case VecExpr.Constant k -> java.util.Arrays.fill(out, 0, rows, ((Number) k.value().value(root)).longValue());
      case VecExpr.Arith a -> throw new IllegalStateException("integer arithmetic is not vectorized: " + a);
    }
    return out;
  }

  private double constant(VecExpr.Constant k) {
    Object v = k.value().value(root);
    if (v == null) {
      // the planner only vectorizes non-null literals; a NULL parameter makes every value NULL
      return Double.NaN;
    }
    return ((Number) v).doubleValue();
  }
}
