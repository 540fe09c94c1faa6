package org.yggdrasil.accel.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The overflow-checked kernels give the scalar twin's verdict and, when everything fits, its
 * results; the verdict is also checked against BigInteger arithmetic.
 */
class ExactArithTest {
  /** Magnitudes from small (never overflow) to the whole long range (often overflow). */
  private static final long[] MAGNITUDES = {1000, 1L << 31, 1L << 40, 3_037_000_499L, Long.MAX_VALUE};

  private static long[] values(int rows, long seed, long magnitude, int extremeAt) {
    SplittableRandom r = new SplittableRandom(seed);
    long[] v = new long[rows];
    for (int i = 0; i < rows; i++) {
      v[i] = magnitude == Long.MAX_VALUE ? r.nextLong() : r.nextLong(-magnitude, magnitude + 1);
    }
    if (extremeAt >= 0 && extremeAt < rows) {
      v[extremeAt] = Long.MIN_VALUE;
    }
    return v;
  }

  @Test
  void matchesScalarTwinAndBigIntegers() {
    // every awkward length but the full chunk, which the BigInteger reference makes slow
    for (int rows : new int[] {0, 1, 7, 63, 64, 65, 127, 129, 4095}) {
      for (long ma : MAGNITUDES) {
        for (long mb : MAGNITUDES) {
          // a single extreme value placed in a vector body, in the tail, or nowhere
          for (int extreme : new int[] {-1, 0, rows - 1}) {
            long[] a = values(rows, rows + ma, ma, extreme);
            long[] b = values(rows, rows * 7L + mb, mb, -1);
            String what = "rows=" + rows + " |a|<=" + ma + " |b|<=" + mb + " extreme=" + extreme;
            check(what + " add", rows, o -> ExactArith.add(a, b, o, rows), o -> ScalarExactArith.add(a, b, o, rows),
                i -> BigInteger.valueOf(a[i]).add(BigInteger.valueOf(b[i])));
            check(what + " sub", rows, o -> ExactArith.sub(a, b, o, rows), o -> ScalarExactArith.sub(a, b, o, rows),
                i -> BigInteger.valueOf(a[i]).subtract(BigInteger.valueOf(b[i])));
            check(what + " mul", rows, o -> ExactArith.mul(a, b, o, rows), o -> ScalarExactArith.mul(a, b, o, rows),
                i -> BigInteger.valueOf(a[i]).multiply(BigInteger.valueOf(b[i])));
            for (long c : new long[] {0, -1, 100, 1_000_000_000_000L, Long.MIN_VALUE}) {
              check(what + " addConst " + c, rows, o -> ExactArith.addConst(a, c, o, rows),
                  o -> ScalarExactArith.addConst(a, c, o, rows), i -> BigInteger.valueOf(a[i]).add(BigInteger.valueOf(c)));
              check(what + " constSub " + c, rows, o -> ExactArith.constSub(c, a, o, rows),
                  o -> ScalarExactArith.constSub(c, a, o, rows), i -> BigInteger.valueOf(c).subtract(BigInteger.valueOf(a[i])));
              check(what + " mulConst " + c, rows, o -> ExactArith.mulConst(a, c, o, rows),
                  o -> ScalarExactArith.mulConst(a, c, o, rows), i -> BigInteger.valueOf(a[i]).multiply(BigInteger.valueOf(c)));
            }
          }
        }
      }
    }
  }

  @Test
  void edgeProductsAreDecidedExactly() {
    long[] a = {3_037_000_499L, 3_037_000_500L, Long.MIN_VALUE, -1, 1L << 62};
    long[] b = {3_037_000_499L, 3_037_000_500L, 1, Long.MIN_VALUE, 2};
    long[] out = new long[1];
    for (int i = 0; i < a.length; i++) {
      boolean fits = BigInteger.valueOf(a[i]).multiply(BigInteger.valueOf(b[i])).bitLength() < 64;
      assertEquals(fits, ExactArith.mul(new long[] {a[i]}, new long[] {b[i]}, out, 1), a[i] + " * " + b[i]);
    }
    assertTrue(ExactArith.mul(a, a, new long[5], 0));
    assertFalse(ExactArith.addConst(new long[] {Long.MAX_VALUE}, 1, out, 1));
    assertFalse(ExactArith.constSub(0, new long[] {Long.MIN_VALUE}, out, 1));
    assertTrue(ExactArith.constSub(-1, new long[] {Long.MIN_VALUE}, out, 1));
    assertEquals(Long.MAX_VALUE, out[0]);
  }

  @Test
  void mayWriteInPlace() {
    long[] a = values(1000, 3, 1L << 20, -1);
    long[] expected = new long[1000];
    assertTrue(ScalarExactArith.mul(a, a, expected, 1000));
    assertTrue(ExactArith.mul(a, a, a, 1000));
    assertArrayEquals(expected, a);
  }

  private static void check(String what, int rows, Function<long[], Boolean> vector,
      Function<long[], Boolean> scalar, java.util.function.IntFunction<BigInteger> exact) {
    long[] v = new long[rows + 1];
    long[] s = new long[rows + 1];
    boolean vf = vector.apply(v);
    boolean sf = scalar.apply(s);
    assertEquals(sf, vf, what + " verdict");
    boolean fits = true;
    for (int i = 0; i < rows && fits; i++) {
      fits = exact.apply(i).bitLength() < 64;
    }
    assertEquals(fits, sf, what + " verdict against BigInteger");
    if (fits) {
      assertArrayEquals(s, v, what);
      for (int i = 0; i < rows; i++) {
        assertEquals(exact.apply(i).longValueExact(), v[i], what + " row " + i);
      }
    }
  }
}
