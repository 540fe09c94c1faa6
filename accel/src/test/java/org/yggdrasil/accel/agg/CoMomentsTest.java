package org.yggdrasil.accel.agg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.yggdrasil.accel.kernels.Bitmaps;
import org.yggdrasil.accel.kernels.TestData;

class CoMomentsTest {
  @Test
  void perfectLineHasCorrelationOneAndItsSlope() {
    int rows = 1000;
    double[] x = new double[rows];
    double[] y = new double[rows];
    for (int i = 0; i < rows; i++) {
      x[i] = i * 0.5 + 1e6;
      y[i] = 3 * x[i] - 7;
    }
    CoMoments c = new CoMoments();
    c.add(x, y, rows, null);
    assertEquals(1.0, c.corr(), 1e-12);
    assertEquals(3.0, c.regrSlope(), 1e-9);
    assertEquals(-7.0, c.regrIntercept(), 1e-3);
    assertEquals(1.0, c.regrR2(), 1e-12);
    assertEquals(rows, c.count());
  }

  @Test
  void chunkAddMergeAndPairwiseAddAgreeWithTwoPassReference() {
    int rows = 4095;
    double[] x = TestData.doubles(rows, 1, false);
    double[] y = TestData.doubles(rows, 2, false);
    for (int i = 0; i < rows; i++) {
      y[i] += 0.3 * x[i];
    }
    for (long[] sel : TestData.selections(rows, 3)) {
      String what = TestData.describe(sel, rows);
      // Reference: plain two-pass formulas.
      long n = 0;
      double sx = 0;
      double sy = 0;
      for (int i = 0; i < rows; i++) {
        if (sel == null || Bitmaps.get(sel, i)) {
          n++;
          sx += x[i];
          sy += y[i];
        }
      }
      CoMoments whole = new CoMoments();
      whole.add(x, y, rows, sel);
      CoMoments pairs = new CoMoments();
      CoMoments merged = new CoMoments();
      CoMoments part = new CoMoments();
      for (int i = 0; i < rows; i++) {
        if (sel == null || Bitmaps.get(sel, i)) {
          pairs.add(x[i], y[i]);
          part.add(x[i], y[i]);
        }
        if (i % 700 == 699) {
          merged.merge(part);
          part = new CoMoments();
        }
      }
      merged.merge(part);
      assertEquals(n, whole.count(), what);
      assertEquals(n, merged.count(), what);
      if (n < 2) {
        assertTrue(Double.isNaN(whole.covarSamp()), what);
        continue;
      }
      double mx = sx / n;
      double my = sy / n;
      double cxy = 0;
      double cxx = 0;
      double cyy = 0;
      for (int i = 0; i < rows; i++) {
        if (sel == null || Bitmaps.get(sel, i)) {
          cxy += (x[i] - mx) * (y[i] - my);
          cxx += (x[i] - mx) * (x[i] - mx);
          cyy += (y[i] - my) * (y[i] - my);
        }
      }
      double corr = cxy / Math.sqrt(cxx * cyy);
      for (CoMoments c : new CoMoments[] {whole, pairs, merged}) {
        assertEquals(cxy / (n - 1), c.covarSamp(), 1e-9 * Math.abs(cxy / (n - 1)), what);
        assertEquals(cxy / n, c.covarPop(), 1e-9 * Math.abs(cxy / n), what);
        assertEquals(corr, c.corr(), 1e-12, what);
        assertEquals(cxy / cxx, c.regrSlope(), 1e-9 * Math.abs(cxy / cxx), what);
        assertEquals(mx, c.regrAvgX(), 1e-9, what);
      }
    }
  }

  @Test
  void constantVariableGivesNoCorrelation() {
    CoMoments c = new CoMoments();
    c.add(1, 5);
    c.add(2, 5);
    assertTrue(Double.isNaN(c.corr())); // PostgreSQL: NULL
    assertEquals(1.0, c.regrR2());
    assertEquals(0.0, c.regrSlope());
  }
}
