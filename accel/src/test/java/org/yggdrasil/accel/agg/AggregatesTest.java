package org.yggdrasil.accel.agg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.yggdrasil.accel.kernels.Bitmaps;
import org.yggdrasil.accel.kernels.Lane;
import org.yggdrasil.accel.kernels.Layouts;
import org.yggdrasil.accel.kernels.TestData;

class AggregatesTest {

  /** Same value, or both NaN, or equal to 1e-14 relative (the twins sum in different orders). */
  static void assertClose(double expected, double actual, String what) {
    assertClose(expected, actual, Math.abs(expected), what);
  }

  /**
   * As above with the tolerance relative to {@code magnitude}, the sum of the absolute values of the
   * terms: where terms cancel, the error of any summation order is bounded by that, not by the result.
   */
  static void assertClose(double expected, double actual, double magnitude, String what) {
    if (Double.isNaN(expected) || Double.isInfinite(expected) || Double.isNaN(actual) || Double.isInfinite(actual)) {
      assertEquals(expected, actual, what);
      return;
    }
    double tol = 1e-14 * Math.max(1, magnitude);
    assertEquals(expected, actual, tol, what);
  }

  static double magnitude(double[] v, int rows, long[] sel) {
    double m = 0;
    for (int i = 0; i < rows; i++) {
      if ((sel == null || Bitmaps.get(sel, i)) && Double.isFinite(v[i])) {
        m += Math.abs(v[i]);
      }
    }
    return m;
  }

  static double magnitude(MemorySegment data, Lane lane, int rows, long[] sel) {
    double m = 0;
    for (int i = 0; i < rows; i++) {
      double x = Layouts.getDouble(data, lane, i);
      if ((sel == null || Bitmaps.get(sel, i)) && Double.isFinite(x)) {
        m += Math.abs(x);
      }
    }
    return m;
  }

  @Test
  void sumDoubleMatchesScalarTwin() {
    for (int rows : TestData.LENGTHS) {
      for (boolean specials : new boolean[] {false, true}) {
        double[] v = TestData.doubles(rows, rows * 3L + (specials ? 1 : 0), specials);
        for (long[] sel : TestData.selections(rows, rows)) {
          String what = "rows=" + rows + " specials=" + specials + " " + TestData.describe(sel, rows);
          assertClose(ScalarAggregates.sumDouble(v, rows, sel), Aggregates.sumDouble(v, rows, sel), magnitude(v, rows, sel), what);
        }
      }
    }
  }

  @Test
  void sumDoubleFromSegmentsMatchesScalarTwin() {
    for (Lane lane : TestData.FLOATING_LANES) {
      for (int rows : TestData.LENGTHS) {
        for (boolean specials : new boolean[] {false, true}) {
          MemorySegment data = TestData.floats(lane, rows, rows * 5L + lane.ordinal() + (specials ? 2 : 0), specials);
          for (long[] sel : TestData.selections(rows, rows + 1)) {
            String what = lane + " rows=" + rows + " specials=" + specials + " " + TestData.describe(sel, rows);
            assertClose(ScalarAggregates.sumDouble(data, lane, rows, sel), Aggregates.sumDouble(data, lane, rows, sel),
                magnitude(data, lane, rows, sel), what);
          }
        }
      }
    }
  }

  @Test
  void infinitiesAndNaNSumAsPlainAdditionDoes() {
    double[] v = new double[200];
    v[3] = Double.POSITIVE_INFINITY;
    v[150] = 1;
    assertEquals(Double.POSITIVE_INFINITY, Aggregates.sumDouble(v, 200, null));
    v[70] = Double.NEGATIVE_INFINITY;
    assertTrue(Double.isNaN(Aggregates.sumDouble(v, 200, null)));
    long[] sel = new long[4];
    Bitmaps.set(sel, 150);
    Bitmaps.set(sel, 3);
    assertEquals(Double.POSITIVE_INFINITY, Aggregates.sumDouble(v, 200, sel));
    v[199] = Double.NaN; // in the scalar tail
    assertTrue(Double.isNaN(Aggregates.sumDouble(v, 200, null)));
    assertEquals(Double.POSITIVE_INFINITY, Aggregates.sumDouble(v, 200, sel)); // the NaN is not selected
  }

  /** The accuracy bar: 10M uniform values in 65536-row chunks match the exact sum to ~1e-15 relative. */
  @Test
  void sumDoubleIsNumericallyCareful() {
    int total = 10_000_000;
    int chunk = 65536;
    SplittableRandom r = new SplittableRandom(42);
    double[] v = new double[chunk];
    BigDecimal exact = BigDecimal.ZERO;
    CompensatedSum ours = new CompensatedSum(); // across chunks, as the planner combines partial sums
    double naive = 0;
    for (int done = 0; done < total; done += chunk) {
      int rows = Math.min(chunk, total - done);
      long scaledSum = 0;
      for (int i = 0; i < rows; i++) {
        // Multiples of 2^-40 in [0, 100): the exact sum is an integer count of 2^-40 units.
        long units = r.nextLong(100L << 40);
        v[i] = units / (double) (1L << 40);
        scaledSum += units;
        naive += v[i];
      }
      exact = exact.add(new BigDecimal(scaledSum));
      ours.add(Aggregates.sumDouble(v, rows, null));
    }
    BigDecimal exactSum = exact.divide(new BigDecimal(BigInteger.ONE.shiftLeft(40)), MathContext.DECIMAL128);
    double rel = Math.abs(new BigDecimal(ours.result()).subtract(exactSum).doubleValue()) / exactSum.doubleValue();
    double naiveRel = Math.abs(new BigDecimal(naive).subtract(exactSum).doubleValue()) / exactSum.doubleValue();
    assertTrue(rel <= 2e-16, "relative error " + rel + " (naive summation: " + naiveRel + ")");
  }

  @Test
  void sumProductMatchesScalarTwin() {
    for (int rows : TestData.LENGTHS) {
      MemorySegment a = TestData.floats(Lane.DOUBLE, rows, rows * 7L, true);
      MemorySegment b = TestData.floats(Lane.DOUBLE, rows, rows * 7L + 2, false);
      MemorySegment f = TestData.floats(Lane.FLOAT, rows, rows * 7L + 4, false);
      MemorySegment i = TestData.integers(Lane.INT, rows, rows * 7L + 6);
      for (long[] sel : TestData.selections(rows, rows + 2)) {
        String what = "rows=" + rows + " " + TestData.describe(sel, rows);
        double scale = magnitude(a, Lane.DOUBLE, rows, sel) * 1000; // |b| < 1000
        assertClose(ScalarAggregates.sumProduct(a, Lane.DOUBLE, b, Lane.DOUBLE, rows, sel),
            Aggregates.sumProduct(a, Lane.DOUBLE, b, Lane.DOUBLE, rows, sel), scale, what);
        assertClose(ScalarAggregates.sumProduct(f, Lane.FLOAT, i, Lane.INT, rows, sel),
            Aggregates.sumProduct(f, Lane.FLOAT, i, Lane.INT, rows, sel), what);
      }
    }
  }

  @Test
  void sumProductIsTheSumOfProducts() {
    MemorySegment a = MemorySegment.ofArray(new double[] {1.5, 2, 3, 4});
    MemorySegment b = MemorySegment.ofArray(new double[] {2, 0.5, 10, 100});
    long[] sel = {0b0111L};
    assertEquals(3 + 1 + 30, Aggregates.sumProduct(a, Lane.DOUBLE, b, Lane.DOUBLE, 4, sel));
  }

  @Test
  void sumLongMatchesScalarTwinAndExactSum() {
    for (Lane lane : TestData.INTEGER_LANES) {
      for (int rows : TestData.LENGTHS) {
        long bound = lane == Lane.LONG ? 1L << 40 : lane.maxValue();
        MemorySegment data = TestData.integers(lane, rows, rows * 11L + lane.ordinal(), -bound, bound);
        MemorySegment wild = TestData.integers(lane, rows, rows * 13L + lane.ordinal());
        for (long[] sel : TestData.selections(rows, rows + 3)) {
          String what = lane + " rows=" + rows + " " + TestData.describe(sel, rows);
          assertEquals(ScalarAggregates.sumLong(data, lane, rows, sel), Aggregates.sumLong(data, lane, rows, sel), what);
          assertEquals(exactSum(data, lane, rows, sel).longValueExact(), Aggregates.sumLong(data, lane, rows, sel), what);
          // Extreme longs: whenever a result comes back it is the exact sum; an overflowing exact sum always throws.
          BigInteger exact = exactSum(wild, lane, rows, sel);
          checkExactOrThrows(exact, () -> Aggregates.sumLong(wild, lane, rows, sel), what + " vector");
          checkExactOrThrows(exact, () -> ScalarAggregates.sumLong(wild, lane, rows, sel), what + " scalar");
          if (lane == Lane.LONG) {
            long[] arr = new long[rows];
            for (int k = 0; k < rows; k++) {
              arr[k] = wild.getAtIndex(Layouts.LONG, k);
            }
            checkExactOrThrows(exact, () -> Aggregates.sumLong(arr, rows, sel), what + " array vector");
            checkExactOrThrows(exact, () -> ScalarAggregates.sumLong(arr, rows, sel), what + " array scalar");
          }
        }
      }
    }
  }

  @Test
  void sumProductLongMatchesScalarTwinAndExactSum() {
    for (int rows : TestData.LENGTHS) {
      MemorySegment price = TestData.integers(Lane.LONG, rows, rows * 23L, -10_000_000, 10_000_000);
      MemorySegment disc = TestData.integers(Lane.LONG, rows, rows * 23L + 2, 0, 11);
      MemorySegment wild = TestData.integers(Lane.LONG, rows, rows * 23L + 4); // extremes: overflow or big factors
      MemorySegment ints = TestData.integers(Lane.INT, rows, rows * 23L + 6);
      for (long[] sel : TestData.selections(rows, rows + 6)) {
        String what = "rows=" + rows + " " + TestData.describe(sel, rows);
        long expected = exactProduct(price, Lane.LONG, disc, Lane.LONG, rows, sel).longValueExact();
        assertEquals(expected, Aggregates.sumProductLong(price, Lane.LONG, disc, Lane.LONG, rows, sel), what);
        assertEquals(expected, ScalarAggregates.sumProductLong(price, Lane.LONG, disc, Lane.LONG, rows, sel), what);
        BigInteger exact = exactProduct(wild, Lane.LONG, disc, Lane.LONG, rows, sel);
        checkExactOrThrows(exact, () -> Aggregates.sumProductLong(wild, Lane.LONG, disc, Lane.LONG, rows, sel), what);
        BigInteger exactInts = exactProduct(ints, Lane.INT, disc, Lane.LONG, rows, sel);
        checkExactOrThrows(exactInts, () -> Aggregates.sumProductLong(ints, Lane.INT, disc, Lane.LONG, rows, sel), what);
      }
    }
  }

  @Test
  void sumProductLongFallsBackExactlyForBigFactors() {
    MemorySegment a = MemorySegment.ofArray(new long[] {1L << 40, -(1L << 40), 3});
    MemorySegment b = MemorySegment.ofArray(new long[] {1L << 20, 1L << 20, 5});
    assertEquals(15, Aggregates.sumProductLong(a, Lane.LONG, b, Lane.LONG, 3, null));
    long[] big = new long[128];
    big[0] = Long.MAX_VALUE;
    long[] two = new long[128];
    java.util.Arrays.fill(two, 2);
    assertThrows(ArithmeticException.class, () -> Aggregates.sumProductLong(MemorySegment.ofArray(big), Lane.LONG,
        MemorySegment.ofArray(two), Lane.LONG, 128, null));
  }

  private static BigInteger exactProduct(MemorySegment a, Lane la, MemorySegment b, Lane lb, int rows, long[] sel) {
    BigInteger s = BigInteger.ZERO;
    for (int i = 0; i < rows; i++) {
      if (sel == null || Bitmaps.get(sel, i)) {
        s = s.add(BigInteger.valueOf(Layouts.getLong(a, la, i)).multiply(BigInteger.valueOf(Layouts.getLong(b, lb, i))));
      }
    }
    return s;
  }

  @Test
  void sumLongOverflowThrows() {
    long[] v = new long[130];
    v[0] = Long.MAX_VALUE;
    v[80] = 1; // same vector lane as row 0 on every species width that divides 80
    assertThrows(ArithmeticException.class, () -> Aggregates.sumLong(v, 130, null));
    v[80] = 0;
    v[129] = 1; // in the scalar tail
    assertThrows(ArithmeticException.class, () -> Aggregates.sumLong(v, 130, null));
    v[1] = -1;
    assertEquals(Long.MAX_VALUE, Aggregates.sumLong(v, 130, null));
  }

  private interface LongCall {
    long get();
  }

  private static void checkExactOrThrows(BigInteger exact, LongCall call, String what) {
    boolean fits = exact.bitLength() < 64;
    try {
      long got = call.get();
      assertTrue(fits, what + ": overflowing sum returned " + got);
      assertEquals(exact.longValueExact(), got, what);
    } catch (ArithmeticException e) {
      // allowed: an intermediate sum overflowed (caller falls back to exact arithmetic)
    }
  }

  private static BigInteger exactSum(MemorySegment data, Lane lane, int rows, long[] sel) {
    BigInteger s = BigInteger.ZERO;
    for (int i = 0; i < rows; i++) {
      if (sel == null || Bitmaps.get(sel, i)) {
        s = s.add(BigInteger.valueOf(Layouts.getLong(data, lane, i)));
      }
    }
    return s;
  }

  @Test
  void minMaxLongMatchScalarTwin() {
    for (Lane lane : TestData.INTEGER_LANES) {
      for (int rows : TestData.LENGTHS) {
        MemorySegment data = TestData.integers(lane, rows, rows * 17L + lane.ordinal());
        for (long[] sel : TestData.selections(rows, rows + 4)) {
          String what = lane + " rows=" + rows + " " + TestData.describe(sel, rows);
          long[] v = {12345};
          long[] s = {12345};
          boolean any = rows > 0 && (sel == null || !Bitmaps.none(sel, rows));
          assertEquals(any, Aggregates.minLong(data, lane, rows, sel, v), what);
          assertEquals(any, ScalarAggregates.minLong(data, lane, rows, sel, s), what);
          assertEquals(s[0], v[0], what + " min");
          assertEquals(any, Aggregates.maxLong(data, lane, rows, sel, v), what);
          assertEquals(any, ScalarAggregates.maxLong(data, lane, rows, sel, s), what);
          assertEquals(s[0], v[0], what + " max");
        }
      }
    }
  }

  @Test
  void minMaxDoubleMatchScalarTwin() {
    for (Lane lane : TestData.FLOATING_LANES) {
      for (int rows : TestData.LENGTHS) {
        for (boolean specials : new boolean[] {false, true}) {
          MemorySegment data = TestData.floats(lane, rows, rows * 19L + lane.ordinal(), specials);
          for (long[] sel : TestData.selections(rows, rows + 5)) {
            String what = lane + " rows=" + rows + " " + TestData.describe(sel, rows);
            double[] v = {12345};
            double[] s = {12345};
            boolean any = rows > 0 && (sel == null || !Bitmaps.none(sel, rows));
            assertEquals(any, Aggregates.minDouble(data, lane, rows, sel, v), what);
            assertEquals(any, ScalarAggregates.minDouble(data, lane, rows, sel, s), what);
            assertEquals(s[0], v[0], what + " min");
            assertEquals(any, Aggregates.maxDouble(data, lane, rows, sel, v), what);
            assertEquals(any, ScalarAggregates.maxDouble(data, lane, rows, sel, s), what);
            assertEquals(s[0], v[0], what + " max");
          }
        }
      }
    }
  }

  @Test
  void nanIsTheGreatestValue() {
    for (int rows : new int[] {3, 130}) {
      double[] vals = new double[rows];
      java.util.Arrays.fill(vals, Double.NaN);
      vals[1] = Double.POSITIVE_INFINITY;
      vals[2] = -4;
      MemorySegment data = MemorySegment.ofArray(vals);
      double[] out = new double[1];
      assertTrue(Aggregates.maxDouble(data, Lane.DOUBLE, rows, null, out));
      assertTrue(Double.isNaN(out[0]));
      assertTrue(Aggregates.minDouble(data, Lane.DOUBLE, rows, null, out));
      assertEquals(-4, out[0]);
      long[] onlyNaN = new long[Bitmaps.words(rows)];
      Bitmaps.set(onlyNaN, 0);
      Bitmaps.set(onlyNaN, rows > 3 ? rows - 1 : 0); // the last row is NaN too when there is a scalar tail
      assertTrue(Aggregates.minDouble(data, Lane.DOUBLE, rows, onlyNaN, out));
      assertTrue(Double.isNaN(out[0]));
      assertFalse(Aggregates.minDouble(data, Lane.DOUBLE, rows, new long[Bitmaps.words(rows)], out));
    }
  }
}
