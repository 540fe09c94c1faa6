package org.yggdrasil.accel.agg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's corr / covar_pop / covar_samp states: values PostgreSQL 15 prints for the same
 * pairs, NULL cases, and merged partial states against one sequential pass.
 */
class YoungsCramerTest {
  @Test
  void matchesPostgresql() {
    // SELECT corr(y, x), covar_pop(y, x), covar_samp(y, x) FROM (VALUES (1,1),(2,2),(4,10)) t(y, x)
    YoungsCramer s = new YoungsCramer(1);
    s.add(0, 1, 1);
    s.add(0, 2, 2);
    s.add(0, 4, 10);
    assertEquals(0.9732227014483794, s.corr(0));
    assertEquals(4.888888888888888, s.covarPop(0));
    assertEquals(7.333333333333333, s.covarSamp(0));
  }

  @Test
  void nullWhereTooFewPairsOrALineIsFlat() {
    YoungsCramer s = new YoungsCramer(3);
    assertNull(s.corr(0));
    assertNull(s.covarPop(0));
    s.add(1, 5, 3);
    assertNull(s.corr(1));
    assertEquals(0.0, s.covarPop(1));
    assertNull(s.covarSamp(1));
    s.add(2, 1, 0.1);
    s.add(2, 2, 0.1);
    s.add(2, 3, 0.1);
    assertNull(s.corr(2));
    assertNull(s.corr(7));
    s.add(0, Double.NaN, 1);
    s.add(0, 1, 2);
    assertEquals(Double.NaN, s.corr(0));
  }

  @Test
  void mergedPartialStatesAgreeWithOnePass() {
    SplittableRandom r = new SplittableRandom(3);
    int rows = 5000;
    int groups = 7;
    double[] x = new double[rows];
    double[] y = new double[rows];
    int[] gid = new int[rows];
    long[] sel = new long[(rows + 63) / 64];
    for (int i = 0; i < rows; i++) {
      x[i] = 100 + r.nextDouble() * 10;
      y[i] = 3 * x[i] + r.nextGaussian();
      gid[i] = r.nextInt(groups);
      if (r.nextInt(10) != 0) {
        sel[i >>> 6] |= 1L << i;
      }
    }
    YoungsCramer one = new YoungsCramer(groups);
    one.add(gid, y, x, rows, sel);
    YoungsCramer a = new YoungsCramer(1);
    YoungsCramer b = new YoungsCramer(1);
    a.ensure(groups);
    b.ensure(groups);
    long[] first = new long[sel.length];
    long[] second = new long[sel.length];
    for (int w = 0; w < sel.length; w++) {
      (w < sel.length / 2 ? first : second)[w] = sel[w];
    }
    a.add(gid, y, x, rows, first);
    b.add(gid, y, x, rows, second);
    for (int g = 0; g < groups; g++) {
      a.merge(b, g, g);
      assertEquals(one.count(g), a.count(g));
      assertEquals(one.corr(g), a.corr(g), 1e-12 * Math.abs(one.corr(g)));
      assertEquals(one.covarSamp(g), a.covarSamp(g), 1e-9 * Math.abs(one.covarSamp(g)));
    }
  }
}
