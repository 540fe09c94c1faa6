package org.yggdrasil.planner.vexec;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.DataContext;
import org.yggdrasil.planner.vexec.Kernels.Arith;
import org.yggdrasil.planner.vexec.Kernels.ExactArith;
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

  /** Arithmetic computed once per chunk however often it occurs (TPC-H Q1's price * (1 - discount)). */
  private Set<VecExpr> shared = Set.of();
  private final Map<VecExpr, Object> memo = new HashMap<>();

  /**
   * Computes the arithmetic that occurs more than once in {@code aggs}' arguments once per chunk.
   * Only the arguments of aggregates that merely read their work vectors take part; the memo's
   * arrays are pinned in the scratch, so releasing them does nothing until {@link #newChunk}.
   */
  void share(List<AggSpec> aggs) {
    Map<VecExpr, Integer> uses = new HashMap<>();
    Set<VecExpr> excluded = new HashSet<>();
    for (AggSpec a : aggs) {
      boolean readOnly = !a.fn().statistical();
      for (VecExpr e : java.util.Arrays.asList(a.arg(), a.arg2())) {
        if (e != null) {
          countArithmetic(e, readOnly ? uses : null, excluded);
        }
      }
    }
    Set<VecExpr> s = new HashSet<>();
    uses.forEach((e, n) -> {
      if (n > 1 && !excluded.contains(e)) {
        s.add(e);
      }
    });
    shared = s;
  }

  private static void countArithmetic(VecExpr e, Map<VecExpr, Integer> uses, Set<VecExpr> excluded) {
    switch (e) {
      case VecExpr.Arith a -> {
        note(e, uses, excluded);
        countArithmetic(a.left(), uses, excluded);
        countArithmetic(a.right(), uses, excluded);
      }
      case VecExpr.Exact x -> {
        note(e, uses, excluded);
        countArithmetic(x.left(), uses, excluded);
        countArithmetic(x.right(), uses, excluded);
      }
      default -> {}
    }
  }

  private static void note(VecExpr e, Map<VecExpr, Integer> uses, Set<VecExpr> excluded) {
    if (uses == null) {
      excluded.add(e);
    } else {
      uses.merge(e, 1, Integer::sum);
    }
  }

  /** Forgets the previous chunk's shared values (call before each chunk). */
  void newChunk() {
    if (!memo.isEmpty()) {
      memo.clear();
      scratch.releasePinned();
    }
  }

  /** The value as doubles (caller releases the array to the scratch; shared values stay). */
  double[] doubles(VecExpr e, ChunkData chunk) {
    if (e instanceof VecExpr.Arith && shared.contains(e)) {
      double[] v = (double[]) memo.get(e);
      if (v == null) {
        v = computeDoubles(e, chunk);
        memo.put(e, v);
        scratch.pin(v);
      }
      return v;
    }
    return computeDoubles(e, chunk);
  }

  private double[] computeDoubles(VecExpr e, ChunkData chunk) {
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
      case VecExpr.Exact x -> exactAsDoubles(x, chunk, out);
      case VecExpr.MathFn m -> math(m, chunk, out);
    }
    return out;
  }

  private static final double LOG_E = Math.log(Math.E);

  /** No domain check here: the value is computed for every row, kept or not (see {@link VecExpr.MathFn}). */
  private void math(VecExpr.MathFn m, ChunkData chunk, double[] out) {
    int rows = chunk.rows();
    double[] arg = doubles(m.arg(), chunk);
    switch (m.op()) {
      case LN -> { for (int i = 0; i < rows; i++) out[i] = Math.log(arg[i]) / LOG_E; }
      case EXP -> { for (int i = 0; i < rows; i++) out[i] = Math.exp(arg[i]); }
      case SQRT -> { for (int i = 0; i < rows; i++) out[i] = Math.pow(arg[i], 0.5); }
      case ABS -> { for (int i = 0; i < rows; i++) out[i] = Math.abs(arg[i]); }
    }
    scratch.release(arg);
  }

  /** An exact value as doubles: unscaled / 10^scale, each correctly rounded while below 2^53. */
  private void exactAsDoubles(VecExpr.Exact x, ChunkData chunk, double[] out) {
    int rows = chunk.rows();
    long[] v = exact(x, chunk);
    if (v == null) {
      for (int i = 0; i < rows; i++) {
        out[i] = new BigDecimal(ExactRows.value(x, chunk, i), x.scale()).doubleValue();
      }
      return;
    }
    double pow = BigDecimal.ONE.movePointRight(x.scale()).doubleValue();
    for (int i = 0; i < rows; i++) {
      out[i] = v[i] / pow;
    }
    scratch.release(v);
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

  /**
   * The value as exact integers (caller releases the array to the scratch), or null when an
   * {@link VecExpr.Exact} value of some row does not fit a long (then use {@link ExactRows}).
   */
  long[] longs(VecExpr e, ChunkData chunk) {
    if (e instanceof VecExpr.Exact x) {
      return exact(x, chunk);
    }
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
      case VecExpr.MathFn m -> throw new IllegalStateException("a math function is not an integer: " + m);
      case VecExpr.Exact x -> throw new AssertionError(x);
    }
    return out;
  }

  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  /**
   * Overflow-checked kernels; null (nothing to release) as soon as one reports an overflow. A
   * shared value is kept for the chunk (an overflowing one is recomputed, then goes exact).
   */
  private long[] exact(VecExpr.Exact x, ChunkData chunk) {
    if (!shared.contains(x)) {
      return computeExact(x, chunk);
    }
    long[] v = (long[]) memo.get(x);
    if (v == null) {
      v = computeExact(x, chunk);
      if (v != null) {
        memo.put(x, v);
        scratch.pin(v);
      }
    }
    return v;
  }

  private long[] computeExact(VecExpr.Exact x, ChunkData chunk) {
    int rows = chunk.rows();
    if (x.right() instanceof VecExpr.Constant k) {
      long c = exactConstant(k);
      long[] l = scaled(x.left(), x.leftUp(), chunk);
      if (l == null) {
        return null;
      }
      return checked(l, switch (x.op()) {
        case ADD -> ExactArith.addConst(l, c, l, rows);
        // the planner never makes Long.MIN_VALUE a constant, so -c is exact
        case SUB -> ExactArith.addConst(l, -c, l, rows);
        case MUL -> ExactArith.mulConst(l, c, l, rows);
        case DIV -> throw new IllegalStateException("exact division is not vectorized");
      });
    }
    if (x.left() instanceof VecExpr.Constant k) {
      long c = exactConstant(k);
      long[] r = scaled(x.right(), x.rightUp(), chunk);
      if (r == null) {
        return null;
      }
      return checked(r, switch (x.op()) {
        case ADD -> ExactArith.addConst(r, c, r, rows);
        case SUB -> ExactArith.constSub(c, r, r, rows);
        case MUL -> ExactArith.mulConst(r, c, r, rows);
        case DIV -> throw new IllegalStateException("exact division is not vectorized");
      });
    }
    long[] l = scaled(x.left(), x.leftUp(), chunk);
    if (l == null) {
      return null;
    }
    long[] r = scaled(x.right(), x.rightUp(), chunk);
    if (r == null) {
      scratch.release(l);
      return null;
    }
    boolean ok = switch (x.op()) {
      case ADD -> ExactArith.add(l, r, l, rows);
      case SUB -> ExactArith.sub(l, r, l, rows);
      case MUL -> ExactArith.mul(l, r, l, rows);
      case DIV -> throw new IllegalStateException("exact division is not vectorized");
    };
    scratch.release(r);
    return checked(l, ok);
  }

  /**
   * {@code e} multiplied by 10^up (to a common scale), or null on overflow. Never a shared
   * value's own array: the caller computes into it.
   */
  private long[] scaled(VecExpr e, int up, ChunkData chunk) {
    long[] v = longs(e, chunk);
    if (v != null && scratch.isPinned(v)) {
      long[] copy = scratch.longs();
      System.arraycopy(v, 0, copy, 0, chunk.rows());
      v = copy;
    }
    if (v == null || up == 0) {
      return v;
    }
    return checked(v, ExactArith.mulConst(v, POW10[up], v, chunk.rows()));
  }

  private long[] checked(long[] v, boolean fits) {
    if (fits) {
      return v;
    }
    scratch.release(v);
    return null;
  }

  private static long exactConstant(VecExpr.Constant k) {
    return ((Number) k.value().literal()).longValue();
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
