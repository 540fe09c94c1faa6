package org.yggdrasil.planner.vexec;

import java.math.BigInteger;
import org.yggdrasil.accel.kernels.Layouts;

/**
 * The slow, always-exact path of exact arithmetic: values and sums as BigIntegers, row by row,
 * for the rare chunk where a value or a partial sum leaves the long range (the fast kernels
 * report that instead of wrapping). Only selected rows are computed, so NULL, deleted and
 * filtered rows never matter.
 */
final class ExactRows {
  private static final BigInteger[] POW10 = new BigInteger[19];

  static {
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = BigInteger.TEN.pow(i);
    }
  }

  private ExactRows() {}

  /** The exact value of {@code e} (Column, LONG Constant or Exact) at {@code row}, unscaled. */
  static BigInteger value(VecExpr e, ChunkData chunk, int row) {
    return switch (e) {
      case VecExpr.Column c -> BigInteger.valueOf(
          Layouts.getLong(chunk.data(c.slot()), chunk.slot(c.slot()).lane(), row));
      case VecExpr.Constant k -> BigInteger.valueOf(((Number) k.value().literal()).longValue());
      case VecExpr.Exact x -> {
        BigInteger l = value(x.left(), chunk, row).multiply(POW10[x.leftUp()]);
        BigInteger r = value(x.right(), chunk, row).multiply(POW10[x.rightUp()]);
        yield switch (x.op()) {
          case ADD -> l.add(r);
          case SUB -> l.subtract(r);
          case MUL -> l.multiply(r);
          case DIV -> throw new IllegalStateException("exact division is not vectorized");
        };
      }
      default -> throw new IllegalStateException("not an exact value: " + e);
    };
  }

  /** Sum of {@code e} over the selected rows (null = all). */
  static BigInteger sum(VecExpr e, ChunkData chunk, long[] sel) {
    BigInteger total = BigInteger.ZERO;
    for (int i = 0, rows = chunk.rows(); i < rows; i++) {
      if (selected(sel, i)) {
        total = total.add(value(e, chunk, i));
      }
    }
    return total;
  }

  /** Sum of already computed values over the selected rows, where a long sum overflowed. */
  static BigInteger sum(long[] v, int rows, long[] sel) {
    BigInteger total = BigInteger.ZERO;
    for (int i = 0; i < rows; i++) {
      if (selected(sel, i)) {
        total = total.add(BigInteger.valueOf(v[i]));
      }
    }
    return total;
  }

  /** Adds {@code e} of each selected row to {@code sums[gids[row]]} (null entries are zero). */
  static void sumGroups(VecExpr e, ChunkData chunk, long[] sel, int[] gids, BigInteger[] sums) {
    for (int i = 0, rows = chunk.rows(); i < rows; i++) {
      if (selected(sel, i)) {
        BigInteger s = sums[gids[i]];
        BigInteger v = value(e, chunk, i);
        sums[gids[i]] = s == null ? v : s.add(v);
      }
    }
  }

  static BigInteger add(BigInteger a, BigInteger b) {
    return a == null ? b : b == null ? a : a.add(b);
  }

  private static boolean selected(long[] sel, int i) {
    return sel == null || (sel[i >>> 6] & (1L << i)) != 0;
  }
}
