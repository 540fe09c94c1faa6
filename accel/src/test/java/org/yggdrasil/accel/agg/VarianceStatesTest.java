package org.yggdrasil.accel.agg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** PostgreSQL's float8 variance states: its bits, its NULLs, and merged partial states. */
class VarianceStatesTest {
  @Test
  void matchesPostgresqlWhereSumsOfSquaresCancel() {
    // SELECT var_samp(v), var_pop(v) FROM (VALUES (1e9 + 0.1::float8), … (1e9 + 0.4::float8)) t(v)
    VarianceStates s = new VarianceStates(1);
    for (double d : new double[] {0.1, 0.2, 0.3, 0.4}) {
      s.add(0, 1e9 + d);
    }
    assertEquals(0.016666618982993795, s.varSamp(0));
    assertEquals(0.012499964237245345, s.varPop(0));
    assertEquals(0.12909926019537754, s.stddevSamp(0));
  }

  @Test
  void nullBelowEnoughValues() {
    VarianceStates s = new VarianceStates(2);
    assertNull(s.varPop(0));
    assertNull(s.stddevSamp(0));
    s.add(1, 1.5);
    assertEquals(0.0, s.varPop(1));
    assertNull(s.varSamp(1));
    assertNull(s.varPop(5));
    s.add(0, Double.POSITIVE_INFINITY);
    s.add(0, 1);
    assertEquals(Double.NaN, s.varSamp(0));
  }

  @Test
  void mergedPartialStatesAgreeWithOnePass() {
    SplittableRandom r = new SplittableRandom(11);
    int rows = 3000;
    double[] x = new double[rows];
    int[] gid = new int[rows];
    for (int i = 0; i < rows; i++) {
      x[i] = 50 + r.nextDouble() * 10;
      gid[i] = r.nextInt(5);
    }
    long[] all = new long[(rows + 63) / 64];
    long[] first = new long[all.length];
    long[] second = new long[all.length];
    for (int w = 0; w < all.length; w++) {
      all[w] = -1L;
      (w % 3 == 0 ? first : second)[w] = -1L;
    }
    VarianceStates one = new VarianceStates(5);
    VarianceStates a = new VarianceStates(5);
    VarianceStates b = new VarianceStates(5);
    one.add(gid, x, rows, all);
    a.add(gid, x, rows, first);
    b.add(gid, x, rows, second);
    for (int g = 0; g < 5; g++) {
      a.merge(b, g, g);
      assertEquals(one.count(g), a.count(g));
      assertEquals(one.varSamp(g), a.varSamp(g), 1e-12 * one.varSamp(g));
    }
  }
}
