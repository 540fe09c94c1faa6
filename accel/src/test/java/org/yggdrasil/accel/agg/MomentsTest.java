package org.yggdrasil.accel.agg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import org.yggdrasil.accel.kernels.Bitmaps;
import org.yggdrasil.accel.kernels.TestData;

class MomentsTest {
  private static final MathContext MC = MathContext.DECIMAL128;

  /** Exact mean and M2 of the selected values, in decimal arithmetic. */
  static double[] exact(double[] v, int rows, long[] sel) {
    BigDecimal sum = BigDecimal.ZERO;
    long n = 0;
    for (int i = 0; i < rows; i++) {
      if (sel == null || Bitmaps.get(sel, i)) {
        sum = sum.add(new BigDecimal(v[i]));
        n++;
      }
    }
    if (n == 0) {
      return new double[] {0, Double.NaN, 0};
    }
    BigDecimal mean = sum.divide(BigDecimal.valueOf(n), MC);
    BigDecimal m2 = BigDecimal.ZERO;
    for (int i = 0; i < rows; i++) {
      if (sel == null || Bitmaps.get(sel, i)) {
        BigDecimal d = new BigDecimal(v[i]).subtract(mean);
        m2 = m2.add(d.multiply(d, MC));
      }
    }
    return new double[] {n, mean.doubleValue(), m2.doubleValue()};
  }

  private static void assertRel(double expected, double actual, double rel, String what) {
    assertEquals(expected, actual, rel * Math.max(1e-300, Math.abs(expected)), what);
  }

  @Test
  void chunkAddMatchesExactMoments() {
    for (int rows : new int[] {1, 2, 63, 65, 4095}) {
      // A large offset makes naive sum-of-squares formulas lose every digit; two passes keep them.
      double[] v = TestData.doubles(rows, rows, false);
      for (int i = 0; i < rows; i++) {
        v[i] += 1e9;
      }
      for (long[] sel : TestData.selections(rows, rows)) {
        Moments m = new Moments();
        m.add(v, rows, sel);
        double[] e = exact(v, rows, sel);
        String what = "rows=" + rows + " " + TestData.describe(sel, rows);
        assertEquals((long) e[0], m.count(), what);
        if (m.count() == 0) {
          assertTrue(Double.isNaN(m.mean()) && Double.isNaN(m.varPop()), what);
          continue;
        }
        assertRel(e[1], m.mean(), 1e-15, what + " mean");
        assertEquals(e[2], m.m2(), 1e-9 * Math.max(1, e[2]), what + " m2");
        if (m.count() < 2) {
          assertTrue(Double.isNaN(m.varSamp()), what);
        } else {
          assertRel(e[2] / (e[0] - 1), m.varSamp(), 1e-9, what + " var_samp");
        }
      }
    }
  }

  @Test
  void mergedChunksEqualOneAccumulatorAndWelford() {
    int rows = 65536;
    double[] v = TestData.doubles(rows, 99, false);
    Moments whole = new Moments();
    whole.add(v, rows, null);
    Moments merged = new Moments();
    Moments welford = new Moments();
    for (int start = 0; start < rows; start += 1000) {
      int n = Math.min(1000, rows - start);
      double[] part = java.util.Arrays.copyOfRange(v, start, start + n);
      Moments m = new Moments();
      m.add(part, n, null);
      merged.merge(m);
      for (double x : part) {
        welford.add(x);
      }
    }
    assertEquals(whole.count(), merged.count());
    assertEquals(whole.count(), welford.count());
    assertRel(whole.mean(), merged.mean(), 1e-12, "mean");
    assertRel(whole.varSamp(), merged.varSamp(), 1e-12, "var_samp");
    assertRel(whole.varPop(), welford.varPop(), 1e-12, "var_pop");
    assertRel(Math.sqrt(whole.varSamp()), merged.stddevSamp(), 1e-12, "stddev_samp");
    assertRel(Math.sqrt(whole.varPop()), welford.stddevPop(), 1e-12, "stddev_pop");
  }

  @Test
  void deviationKernelsMatchScalarTwin() {
    for (int rows : TestData.LENGTHS) {
      double[] x = TestData.doubles(rows, rows + 7, true);
      double[] y = TestData.doubles(rows, rows + 8, true);
      for (long[] sel : TestData.selections(rows, rows)) {
        String what = "rows=" + rows + " " + TestData.describe(sel, rows);
        AggregatesTest.assertClose(ScalarDeviations.squared(x, rows, sel, 1.5), Deviations.squared(x, rows, sel, 1.5), what);
        double s = ScalarDeviations.cross(x, y, rows, sel, 1.5, -2);
        double vv = Deviations.cross(x, y, rows, sel, 1.5, -2);
        if (Double.isFinite(s)) {
          // Cross terms cancel: compare against the sum of magnitudes, not the (possibly tiny) result.
          double scale = ScalarDeviations.squared(x, rows, sel, 1.5) + ScalarDeviations.squared(y, rows, sel, -2) + 1;
          assertEquals(s, vv, 1e-13 * scale, what);
        } else {
          assertEquals(s, vv, what);
        }
      }
    }
  }

  @Test
  void emptyAndSingleValueFollowPostgres() {
    Moments m = new Moments();
    assertEquals(0, m.count());
    assertTrue(Double.isNaN(m.varPop()));
    m.add(4.0);
    assertEquals(0.0, m.varPop());
    assertTrue(Double.isNaN(m.varSamp())); // PostgreSQL: var_samp of one row is NULL
    m.merge(new Moments());
    assertEquals(1, m.count());
  }
}
