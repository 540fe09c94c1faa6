package org.yggdrasil.accel.kernels;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Element-wise long arithmetic that detects overflow, for exact (numeric) values stored as scaled
 * integers; {@link ScalarExactArith} is the plain-loop twin. Each method returns true when every
 * result in {@code 0..rows-1} fits a long, and then {@code out} holds them all; false means some
 * element overflowed and {@code out} is unspecified (callers recompute those rows exactly). The
 * verdict covers every element, selected or not, so a false may come from a row a filter drops.
 * {@code out} may be one of the inputs.
 */
public final class ExactArith {
  private static final int LL = Species.LONG.length();

  private ExactArith() {}

  public static boolean add(long[] a, long[] b, long[] out, int rows) {
    int bound = Species.LONG.loopBound(rows);
    LongVector ovf = LongVector.zero(Species.LONG);
    int i = 0;
    for (; i < bound; i += LL) {
      LongVector x = LongVector.fromArray(Species.LONG, a, i);
      LongVector y = LongVector.fromArray(Species.LONG, b, i);
      LongVector t = x.add(y);
      // signed overflow iff both operands' signs differ from the result's
      ovf = ovf.or(x.lanewise(VectorOperators.XOR, t).and(y.lanewise(VectorOperators.XOR, t)));
      t.intoArray(out, i);
    }
    return ovf.reduceLanes(VectorOperators.OR) >= 0 && ScalarExactArith.add(a, b, out, i, rows);
  }

  public static boolean sub(long[] a, long[] b, long[] out, int rows) {
    int bound = Species.LONG.loopBound(rows);
    LongVector ovf = LongVector.zero(Species.LONG);
    int i = 0;
    for (; i < bound; i += LL) {
      LongVector x = LongVector.fromArray(Species.LONG, a, i);
      LongVector y = LongVector.fromArray(Species.LONG, b, i);
      LongVector t = x.sub(y);
      // overflow iff the operands' signs differ and the result's sign differs from a's
      ovf = ovf.or(x.lanewise(VectorOperators.XOR, y).and(x.lanewise(VectorOperators.XOR, t)));
      t.intoArray(out, i);
    }
    return ovf.reduceLanes(VectorOperators.OR) >= 0 && ScalarExactArith.sub(a, b, out, i, rows);
  }

  public static boolean addConst(long[] a, long c, long[] out, int rows) {
    int bound = Species.LONG.loopBound(rows);
    LongVector ovf = LongVector.zero(Species.LONG);
    int i = 0;
    for (; i < bound; i += LL) {
      LongVector x = LongVector.fromArray(Species.LONG, a, i);
      LongVector t = x.add(c);
      ovf = ovf.or(x.lanewise(VectorOperators.XOR, t).and(t.lanewise(VectorOperators.XOR, c)));
      t.intoArray(out, i);
    }
    return ovf.reduceLanes(VectorOperators.OR) >= 0 && ScalarExactArith.addConst(a, c, out, i, rows);
  }

  /** {@code out = c - a}. */
  public static boolean constSub(long c, long[] a, long[] out, int rows) {
    int bound = Species.LONG.loopBound(rows);
    LongVector ovf = LongVector.zero(Species.LONG);
    LongVector k = LongVector.broadcast(Species.LONG, c);
    int i = 0;
    for (; i < bound; i += LL) {
      LongVector x = LongVector.fromArray(Species.LONG, a, i);
      LongVector t = k.sub(x);
      ovf = ovf.or(k.lanewise(VectorOperators.XOR, x).and(k.lanewise(VectorOperators.XOR, t)));
      t.intoArray(out, i);
    }
    return ovf.reduceLanes(VectorOperators.OR) >= 0 && ScalarExactArith.constSub(c, a, out, i, rows);
  }

  /**
   * Multiplies lane-wise while OR-ing the operands' magnitudes: when every |a| < 2^p and every
   * |b| < 2^q with p + q <= 63 no product can overflow. Otherwise (rare: values beyond ~2^31 on
   * both sides) the rows are redone with exact scalar multiplication, which decides for certain.
   */
  public static boolean mul(long[] a, long[] b, long[] out, int rows) {
    int bound = Species.LONG.loopBound(rows);
    LongVector ma = LongVector.zero(Species.LONG);
    LongVector mb = ma;
    int i = 0;
    for (; i < bound; i += LL) {
      LongVector x = LongVector.fromArray(Species.LONG, a, i);
      LongVector y = LongVector.fromArray(Species.LONG, b, i);
      ma = ma.or(x.abs());
      mb = mb.or(y.abs());
      x.mul(y).intoArray(out, i);
    }
    if (fits(ma.reduceLanes(VectorOperators.OR), mb.reduceLanes(VectorOperators.OR))) {
      return ScalarExactArith.mul(a, b, out, i, rows);
    }
    return ScalarExactArith.mul(a, b, out, 0, rows);
  }

  public static boolean mulConst(long[] a, long c, long[] out, int rows) {
    int bound = Species.LONG.loopBound(rows);
    LongVector ma = LongVector.zero(Species.LONG);
    int i = 0;
    for (; i < bound; i += LL) {
      LongVector x = LongVector.fromArray(Species.LONG, a, i);
      ma = ma.or(x.abs());
      x.mul(c).intoArray(out, i);
    }
    if (fits(ma.reduceLanes(VectorOperators.OR), Math.abs(c))) {
      return ScalarExactArith.mulConst(a, c, out, i, rows);
    }
    return ScalarExactArith.mulConst(a, c, out, 0, rows);
  }

  /**
   * True when x * y cannot overflow for any |x| <= magA, |y| <= magB (OR-ed magnitudes; a negative
   * magnitude means Long.MIN_VALUE was seen).
   */
  private static boolean fits(long magA, long magB) {
    if (magA < 0 || magB < 0) {
      return false;
    }
    int bitsA = 64 - Long.numberOfLeadingZeros(magA);
    int bitsB = 64 - Long.numberOfLeadingZeros(magB);
    return bitsA + bitsB <= 63;
  }
}
