package org.yggdrasil.accel.agg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.MemorySegment;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.yggdrasil.accel.kernels.Lane;
import org.yggdrasil.accel.kernels.Layouts;
import org.yggdrasil.accel.kernels.TestData;

/** The fused product sum equals the scalar twin and the exact sum, or throws; never wraps. */
class ExactProductSumTest {
  @Test
  void matchesScalarTwinAndExactSum() {
    for (int rows : TestData.LENGTHS) {
      // numeric(15,2)-sized operands: products and sums fit
      MemorySegment a = TestData.integers(Lane.LONG, rows, rows * 5L, -10_000_000_000L, 10_000_000_000L);
      MemorySegment b = TestData.integers(Lane.LONG, rows, rows * 5L + 1, -1000, 1000);
      // extreme operands: products often overflow
      MemorySegment wild = TestData.integers(Lane.LONG, rows, rows * 5L + 2);
      for (long[] sel : TestData.selections(rows, rows + 9)) {
        String what = "rows=" + rows + " " + TestData.describe(sel, rows);
        assertEquals(ScalarExactProductSum.sum(a, b, rows, sel), ExactProductSum.sum(a, b, rows, sel), what);
        assertEquals(exact(a, b, rows, sel).longValueExact(), ExactProductSum.sum(a, b, rows, sel), what);
        checkExactOrThrows(wild, b, rows, sel, what + " wild*b");
        checkExactOrThrows(wild, wild, rows, sel, what + " wild*wild");
      }
    }
  }

  @Test
  void overflowThrowsInsteadOfWrapping() {
    long[] x = new long[130];
    long[] y = new long[130];
    x[3] = 1L << 40;
    y[3] = 1L << 30; // 2^70: the product overflows (in a vector body)
    assertThrows(ArithmeticException.class, () -> ExactProductSum.sum(seg(x), seg(y), 130, null));
    y[3] = 1L << 22; // 2^62, fits; twice that overflows the sum
    x[100] = 1L << 40;
    y[100] = 1L << 22;
    assertThrows(ArithmeticException.class, () -> ExactProductSum.sum(seg(x), seg(y), 130, null));
    long[] one = {-1L, 0, 0};
    assertEquals(1L << 62, ExactProductSum.sum(seg(x), seg(y), 130, one));
    x[129] = Long.MIN_VALUE; // in the scalar tail
    y[129] = -1;
    long[] tailOnly = {0, 0, 1L << 1};
    assertThrows(ArithmeticException.class, () -> ExactProductSum.sum(seg(x), seg(y), 130, tailOnly));
    assertEquals(0, ExactProductSum.sum(seg(x), seg(y), 130, new long[] {0, 0, 0}));
  }

  private static MemorySegment seg(long[] v) {
    MemorySegment s = MemorySegment.ofArray(new byte[v.length * 8]);
    for (int i = 0; i < v.length; i++) {
      s.setAtIndex(Layouts.LONG, i, v[i]);
    }
    return s;
  }

  private static BigInteger exact(MemorySegment a, MemorySegment b, int rows, long[] sel) {
    BigInteger exact = BigInteger.ZERO;
    for (int i = 0; i < rows; i++) {
      if (sel == null || (sel[i >>> 6] & (1L << i)) != 0) {
        exact = exact.add(BigInteger.valueOf(a.getAtIndex(Layouts.LONG, i))
            .multiply(BigInteger.valueOf(b.getAtIndex(Layouts.LONG, i))));
      }
    }
    return exact;
  }

  private static void checkExactOrThrows(MemorySegment a, MemorySegment b, int rows, long[] sel, String what) {
    BigInteger exact = BigInteger.ZERO;
    boolean productFits = true;
    for (int i = 0; i < rows; i++) {
      if (sel == null || (sel[i >>> 6] & (1L << i)) != 0) {
        BigInteger p = BigInteger.valueOf(a.getAtIndex(Layouts.LONG, i)).multiply(BigInteger.valueOf(b.getAtIndex(Layouts.LONG, i)));
        productFits &= p.bitLength() < 64;
        exact = exact.add(p);
      }
    }
    boolean fits = productFits && exact.bitLength() < 64;
    for (boolean vector : new boolean[] {true, false}) {
      try {
        long got = vector ? ExactProductSum.sum(a, b, rows, sel) : ScalarExactProductSum.sum(a, b, rows, sel);
        assertEquals(exact, BigInteger.valueOf(got), what + (vector ? " vector" : " scalar"));
      } catch (ArithmeticException e) {
        if (!vector && fits) {
          throw new AssertionError(what + ": the scalar twin threw on a fitting sum", e);
        }
      }
    }
  }
}
