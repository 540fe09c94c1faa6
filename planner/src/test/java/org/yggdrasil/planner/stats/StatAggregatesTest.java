package org.yggdrasil.planner.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.SqlDriver;

/**
 * percentile_cont / percentile_disc and corr / covar_pop / covar_samp on the generic
 * (Enumerable) path, over any input: expected values are PostgreSQL 15's for the same data.
 */
class StatAggregatesTest {
  private static SqlDriver db;

  @BeforeAll
  static void load() {
    db = new SqlDriver();
    db.run("SET ygg.vectorize = off");
    db.run("CREATE TABLE p (g int, x int, y double precision, t text)");
    db.run("INSERT INTO p VALUES (1, 1, 1.0, 'b'), (1, 2, 2.0, 'a'), (1, 3, NULL, 'c'),"
        + " (1, 10, 4.0, NULL), (1, NULL, 5.0, 'd'), (2, 7, 1.5, 'z'), (3, NULL, NULL, NULL)");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void percentileContInterpolatesBetweenRows() {
    assertEquals(2.5, db.value("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM p WHERE g = 1"));
    assertEquals(4.75, db.value("SELECT percentile_cont(0.25) WITHIN GROUP (ORDER BY x DESC) FROM p WHERE g = 1"));
    assertEquals(1.0, db.value("SELECT percentile_cont(0) WITHIN GROUP (ORDER BY y) FROM p"));
    assertEquals(5.0, db.value("SELECT percentile_cont(1) WITHIN GROUP (ORDER BY y) FROM p"));
  }

  @Test
  void percentileDiscReturnsAnInputValueOfItsType() {
    assertEquals(2, db.value("SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY x) FROM p WHERE g = 1"));
    assertEquals(3, db.value("SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY x DESC) FROM p WHERE g = 1"));
    assertEquals("b", db.value("SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY t) FROM p WHERE g = 1"));
  }

  @Test
  void groupsWithoutValuesGiveNull() {
    List<List<Object>> rows = db.run("SELECT g, percentile_cont(0.5) WITHIN GROUP (ORDER BY x),"
        + " percentile_disc(0.5) WITHIN GROUP (ORDER BY y), corr(y, x) FROM p GROUP BY g ORDER BY g");
    assertEquals(List.of(
        Arrays.asList(1, 2.5, 2.0, 0.9732227014483794),
        Arrays.asList(2, 7.0, 1.5, null),
        Arrays.asList(3, null, null, null)), rows);
    assertNull(db.value("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM p WHERE g > 5"));
  }

  @Test
  void worksOverJoinsAndSubqueries() {
    assertEquals(3.0, db.value("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY a.x + b.x)"
        + " FROM p a JOIN p b ON a.g = b.g WHERE a.g = 1 AND a.x <= 2 AND b.x <= 2"));
    assertEquals(2.5, db.value("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v)"
        + " FROM (SELECT x AS v FROM p WHERE g = 1) s"));
  }

  @Test
  void fractionOutsideZeroToOneFails() {
    SqlStateException e = assertThrows(SqlStateException.class,
        () -> db.run("SELECT percentile_cont(1.5) WITHIN GROUP (ORDER BY x) FROM p"));
    assertEquals("22003", e.state().code());
    assertEquals("percentile value 1.5 is not between 0 and 1", e.getMessage());
    e = assertThrows(SqlStateException.class,
        () -> db.run("SELECT percentile_disc(g - 1.5) WITHIN GROUP (ORDER BY x) FROM p GROUP BY g"));
    assertEquals("percentile value -0.5 is not between 0 and 1", e.getMessage());
  }

  @Test
  void covarianceAndCorrelationAsPostgresql() {
    List<List<Object>> rows = db.run("SELECT corr(y, x), covar_pop(y, x), covar_samp(y, x),"
        + " corr(x, 1), covar_samp(x, x) FROM p WHERE g = 1");
    assertEquals(Arrays.asList(0.9732227014483794, 4.888888888888888, 7.333333333333333, null, 16.666666666666668),
        rows.get(0));
    // H2O q9's spelling
    assertEquals(Math.pow(0.9732227014483794, 2), db.value("SELECT pow(corr(y, x), 2) FROM p WHERE g = 1"));
  }

  @Test
  void varianceOfDoublesKeepsItsDigitsWhenTheMeanIsLarge() {
    // PostgreSQL 15's float8_accum bits; the sum-of-squares formula leaves nothing of them
    String values = "(VALUES (CAST(1e9 AS double precision) + 0.1), (CAST(1e9 AS double precision) + 0.2),"
        + " (CAST(1e9 AS double precision) + 0.3), (CAST(1e9 AS double precision) + 0.4)) t(v)";
    for (String vectorize : List.of("on", "off")) {
      db.run("SET ygg.vectorize = " + vectorize);
      assertEquals(Arrays.asList(0.016666618982993795, 0.012499964237245345, 0.12909926019537754,
          0.11180323893897415, 0.12909926019537754, 0.016666618982993795),
          db.run("SELECT var_samp(v), var_pop(v), stddev_samp(v), stddev_pop(v), stddev(v), variance(v)"
              + " FROM " + values).get(0));
      assertEquals(Arrays.asList(null, 0.0, null),
          db.run("SELECT stddev(y), var_pop(y), var_samp(y) FROM p WHERE g = 2").get(0));
    }
    db.run("SET ygg.vectorize = off");
  }
}
