package org.yggdrasil.accel.agg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.yggdrasil.accel.kernels.TestData;

/** Both classes visit rows in increasing order, so per-group results are equal bit for bit. */
class GroupedTest {
  private static int[] groups(int rows, int groupCount, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int[] gid = new int[rows];
    for (int i = 0; i < rows; i++) {
      gid[i] = r.nextInt(groupCount);
    }
    return gid;
  }

  @Test
  void everyAccumulatorMatchesScalarTwin() {
    for (int rows : TestData.LENGTHS) {
      for (int groupCount : new int[] {1, 4, 8, 9, 1000}) { // up to 8 on vectors, 9 and more scattered
        int[] gid = groups(rows, groupCount, rows + groupCount);
        double[] v = TestData.doubles(rows, rows * 3L + groupCount, true);
        long[] lv = new long[rows];
        for (int i = 0; i < rows; i++) {
          lv[i] = Math.abs(v[i]) < 1e6 ? (long) (v[i] * 1000) : i; // no overflow; NaN and huge values become row numbers
        }
        for (long[] sel : TestData.selections(rows, rows + groupCount)) {
          String what = "rows=" + rows + " groups=" + groupCount + " " + TestData.describe(sel, rows);
          long[] c1 = new long[groupCount];
          long[] c2 = new long[groupCount];
          Grouped.count(gid, rows, sel, c1);
          GroupedScalar.count(gid, rows, sel, c2);
          assertArrayEquals(c2, c1, what + " count");

          double[] s1 = new double[groupCount];
          double[] s2 = new double[groupCount];
          Grouped.sumDouble(gid, v, rows, sel, s1);
          GroupedScalar.sumDouble(gid, v, rows, sel, s2);
          assertSums(s2, s1, gid, v, rows, sel, what + " sum");

          double[] k1 = new double[groupCount];
          double[] k2 = new double[groupCount];
          Arrays.fill(s1, 0);
          Arrays.fill(s2, 0);
          Grouped.sumDouble(gid, v, rows, sel, s1, k1);
          GroupedScalar.sumDouble(gid, v, rows, sel, s2, k2);
          assertArrayEquals(s2, s1, what + " compensated sum");
          assertArrayEquals(k2, k1, what + " compensation");

          long[] l1 = new long[groupCount];
          long[] l2 = new long[groupCount];
          Grouped.sumLong(gid, lv, rows, sel, l1);
          GroupedScalar.sumLong(gid, lv, rows, sel, l2);
          assertArrayEquals(l2, l1, what + " sumLong");

          double[] m1 = new double[groupCount];
          double[] m2 = new double[groupCount];
          Grouped.initMin(m1);
          Grouped.initMin(m2);
          Grouped.minDouble(gid, v, rows, sel, m1);
          GroupedScalar.minDouble(gid, v, rows, sel, m2);
          assertArrayEquals(m2, m1, what + " min");
          Grouped.initMax(m1);
          Grouped.initMax(m2);
          Grouped.maxDouble(gid, v, rows, sel, m1);
          GroupedScalar.maxDouble(gid, v, rows, sel, m2);
          assertArrayEquals(m2, m1, what + " max");

          Arrays.fill(l1, Long.MAX_VALUE);
          Arrays.fill(l2, Long.MAX_VALUE);
          Grouped.minLong(gid, lv, rows, sel, l1);
          GroupedScalar.minLong(gid, lv, rows, sel, l2);
          assertArrayEquals(l2, l1, what + " minLong");
          Arrays.fill(l1, Long.MIN_VALUE);
          Arrays.fill(l2, Long.MIN_VALUE);
          Grouped.maxLong(gid, lv, rows, sel, l1);
          GroupedScalar.maxLong(gid, lv, rows, sel, l2);
          assertArrayEquals(l2, l1, what + " maxLong");

          long[] n1 = new long[groupCount];
          long[] n2 = new long[groupCount];
          double[] mean1 = new double[groupCount];
          double[] mean2 = new double[groupCount];
          double[] q1 = new double[groupCount];
          double[] q2 = new double[groupCount];
          Grouped.moments(gid, v, rows, sel, n1, mean1, q1);
          GroupedScalar.moments(gid, v, rows, sel, n2, mean2, q2);
          assertArrayEquals(n2, n1, what + " moments n");
          assertArrayEquals(mean2, mean1, what + " moments mean");
          assertArrayEquals(q2, q1, what + " moments m2");
          assertArrayEquals(c1, n1, what + " moments n = count");
        }
      }
    }
  }

  /** Exactly equal when both sum sequentially (many groups); otherwise within 1e-14 of each group's sum of magnitudes. */
  private static void assertSums(double[] expected, double[] actual, int[] gid, double[] v, int rows, long[] sel, String what) {
    if (expected.length > 8) {
      assertArrayEquals(expected, actual, what);
      return;
    }
    double[] magnitude = new double[expected.length];
    for (int i = 0; i < rows; i++) {
      if ((sel == null || org.yggdrasil.accel.kernels.Bitmaps.get(sel, i)) && Double.isFinite(v[i])) {
        magnitude[gid[i]] += Math.abs(v[i]);
      }
    }
    for (int g = 0; g < expected.length; g++) {
      AggregatesTest.assertClose(expected[g], actual[g], magnitude[g], what + " group " + g);
    }
  }

  @Test
  void wideLongSumsMatchScalarTwinAndStayExact() {
    for (int rows : new int[] {0, 1, 63, 64, 65, 129, 4095}) {
      for (int groupCount : new int[] {1, 7}) {
        int[] gid = groups(rows, groupCount, rows + groupCount);
        SplittableRandom r = new SplittableRandom(rows * 31L + groupCount);
        long[] v = new long[rows];
        for (int i = 0; i < rows; i++) {
          // huge values of both signs: sums wrap around many times, both ways
          v[i] = r.nextInt(4) == 0 ? r.nextLong(-1000, 1000) : r.nextLong();
        }
        for (long[] sel : TestData.selections(rows, rows + groupCount)) {
          String what = "rows=" + rows + " groups=" + groupCount + " " + TestData.describe(sel, rows);
          long[] s1 = new long[groupCount];
          long[] w1 = new long[groupCount];
          long[] s2 = new long[groupCount];
          long[] w2 = new long[groupCount];
          Grouped.sumLongWide(gid, v, rows, sel, s1, w1);
          GroupedScalar.sumLongWide(gid, v, rows, sel, s2, w2);
          assertArrayEquals(s2, s1, what + " sums");
          assertArrayEquals(w2, w1, what + " wraps");
          java.math.BigInteger[] exact = new java.math.BigInteger[groupCount];
          Arrays.fill(exact, java.math.BigInteger.ZERO);
          for (int i = 0; i < rows; i++) {
            if (sel == null || (sel[i >>> 6] >>> i & 1) != 0) {
              exact[gid[i]] = exact[gid[i]].add(java.math.BigInteger.valueOf(v[i]));
            }
          }
          for (int g = 0; g < groupCount; g++) {
            assertEquals(exact[g], java.math.BigInteger.valueOf(w1[g]).shiftLeft(64)
                .add(java.math.BigInteger.valueOf(s1[g])), what + " group " + g);
          }
        }
      }
    }
  }

  @Test
  void groupResultsAreRight() {
    int[] gid = {0, 1, 0, 1, 2};
    double[] v = {1, Double.NaN, 3, 5, Double.NaN};
    double[] min = new double[3];
    double[] max = new double[3];
    Grouped.initMin(min);
    Grouped.initMax(max);
    Grouped.minDouble(gid, v, 5, null, min);
    Grouped.maxDouble(gid, v, 5, null, max);
    assertArrayEquals(new double[] {1, 5, Double.NaN}, min); // a group of only NaN has min NaN
    assertArrayEquals(new double[] {3, Double.NaN, Double.NaN}, max);
    long[] n = new long[3];
    double[] mean = new double[3];
    double[] m2 = new double[3];
    Grouped.moments(gid, new double[] {1, 2, 3, 4, 5}, 5, new long[] {0b01111}, n, mean, m2);
    assertArrayEquals(new long[] {2, 2, 0}, n);
    assertArrayEquals(new double[] {2, 3, 0}, mean);
    assertArrayEquals(new double[] {2, 2, 0}, m2);
  }

  @Test
  void compensatedGroupSumsStayExact() {
    int rows = 3;
    int[] gid = {0, 0, 0};
    double[] v = {1e16, 1, -1e16};
    double[] sums = new double[1];
    double[] comp = new double[1];
    Grouped.sumDouble(gid, v, rows, null, sums, comp);
    assertEquals(1.0, Grouped.compensated(sums[0], comp[0]));
    assertTrue(Double.isNaN(Grouped.compensated(Double.NaN, 0)));
  }

  @Test
  void longGroupSumOverflowThrows() {
    assertThrows(ArithmeticException.class,
        () -> Grouped.sumLong(new int[] {0, 0}, new long[] {Long.MAX_VALUE, 1}, 2, null, new long[1]));
  }
}
