package org.yggdrasil.planner.vexec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yggdrasil.planner.SqlDriver;

/**
 * The vectorized executor answers exactly what Calcite's Enumerable operators answer: each query
 * runs with {@code ygg.vectorize} on (and must then be planned as AccelAggregate) and off, over a
 * table of several chunks with NULLs, deleted and updated rows, and the results are compared
 * (floating-point values to a relative 1e-9, since summation order differs).
 */
class VectorizedAggregateTest {
  private static SqlDriver db;

  @BeforeAll
  static void load() {
    db = new SqlDriver();
    db.run("CREATE TABLE m (id int PRIMARY KEY, i int, b bigint, s smallint, d double precision,"
        + " r real, n numeric(12,2), dt date, ts timestamp, t text, g text, f boolean)");
    // 150,000 rows: two full chunks and a partial one; ordered dates and timestamps give the
    // zone maps something to skip
    db.run("INSERT INTO m SELECT x,"
        + " CASE WHEN x % 7 = 0 THEN NULL ELSE (x * 37) % 1000 - 300 END,"
        + " CAST(x AS bigint) * 1000003,"
        + " CAST(x % 300 AS smallint),"
        + " CASE WHEN x % 11 = 0 THEN NULL ELSE (x % 997) * 0.25 - 17 END,"
        + " CAST(x % 89 AS real) / 4,"
        + " CASE WHEN x % 13 = 0 THEN NULL ELSE CAST(x % 5000 AS numeric(12,2)) / 4 END,"
        + " DATE '2020-01-01' + (x / 500) * INTERVAL '1' DAY,"
        + " TIMESTAMP '2020-01-01 00:00:00' + x * INTERVAL '1' MINUTE,"
        + " CASE WHEN x % 17 = 0 THEN NULL ELSE 'x' || (x % 3001) || CASE WHEN x % 5 = 0 THEN 'é' ELSE '' END END,"
        + " 'g' || (x % 6),"
        + " x % 2 = 0"
        + " FROM generate_series(1, 150000) s(x)");
    db.run("DELETE FROM m WHERE id % 10 = 3 OR id BETWEEN 70000 AND 70500");
    db.run("UPDATE m SET d = d + 1000, g = 'upd' WHERE id % 1000 = 1");
    // TPC-H lineitem's numeric(15,2) columns, with NULLs and deleted rows
    db.run("CREATE TABLE li (l_quantity numeric(15,2), l_extendedprice numeric(15,2),"
        + " l_discount numeric(15,2), l_tax numeric(15,2), l_returnflag text, l_linestatus text,"
        + " l_shipdate date)");
    db.run("INSERT INTO li SELECT 1 + x % 50,"
        + " CASE WHEN x % 101 = 0 THEN NULL ELSE CAST((1 + x % 50) * (90000 + x % 20001) AS numeric(15,2)) / 100 END,"
        + " CAST(x % 11 AS numeric(15,2)) / 100, CAST(x % 9 AS numeric(15,2)) / 100,"
        + " CASE WHEN x % 3 = 0 THEN 'R' WHEN x % 3 = 1 THEN 'A' ELSE 'N' END,"
        + " CASE WHEN x % 2 = 0 THEN 'O' ELSE 'F' END,"
        + " DATE '1992-01-01' + (x % 2500) * INTERVAL '1' DAY"
        + " FROM generate_series(1, 140000) s(x)");
    db.run("DELETE FROM li WHERE l_quantity = 7");
    // numeric(18,0) values near 10^18: sums, and some products, leave the long range
    db.run("CREATE TABLE big (id int, k int, v numeric(18,0), w numeric(18,0))");
    db.run("INSERT INTO big SELECT x, x % 3,"
        + " CASE WHEN x % 1000 = 0 THEN 999999999999999999 - x WHEN x % 1000 = 1 THEN x - 999999999999999999 ELSE x END,"
        + " CASE WHEN x = 99999 THEN 999999999999999990 WHEN x % 7 = 0 THEN NULL ELSE -x END"
        + " FROM generate_series(1, 140000) s(x)");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT count(*), count(i), sum(i), sum(b), sum(s), sum(d), sum(r), sum(n), min(i), max(b),"
          + " min(d), max(d), min(n), max(n), min(dt), max(ts), avg(d), avg(i), min(s), max(r) FROM m",
      "SELECT count(*), sum(d), sum(n), max(i) FROM m WHERE i > 100 AND d < 100.5",
      "SELECT count(*) FROM m",
      "SELECT count(*), sum(i) FROM m WHERE dt BETWEEN DATE '2020-02-01' AND DATE '2020-03-01'",
      "SELECT count(*), min(ts) FROM m WHERE ts >= TIMESTAMP '2020-03-05 10:00:00'",
      "SELECT count(*), sum(d) FROM m WHERE g IN ('g1', 'g3') OR t LIKE '%77%'",
      "SELECT count(*) FROM m WHERE t NOT LIKE 'x1%' AND i IS NOT NULL",
      "SELECT count(*) FROM m WHERE t ILIKE 'X2_é' OR t IS NULL",
      "SELECT count(*), sum(n) FROM m WHERE n >= 10.5 AND n < 400",
      "SELECT count(*) FROM m WHERE NOT f AND b > 5.5",
      "SELECT count(*) FROM m WHERE i < 2.5 AND i <> -300",
      "SELECT count(*) FROM m WHERE NOT (s > 150) AND g <> 'g2'",
      "SELECT count(*), sum(b) FROM m WHERE r > 10 AND r <= 20.25",
      "SELECT sum(d * (1 - r)), sum(d * 2 + 1), sum(char_length(t)), avg(length(g)) FROM m",
      "SELECT count(*), sum(i) FROM m WHERE i > 100000",
      // floating-point arithmetic compared with a constant, NULL in any operand selecting nothing
      "SELECT count(*), sum(i) FROM m WHERE d * r > 100",
      "SELECT g, count(*), sum(d) FROM m WHERE d / 4 + r <= 20 OR i < 0 GROUP BY g",
      "SELECT count(*) FROM m WHERE 50 > d * 2 AND r - d <> 3",
      // exact arithmetic and text lengths compared exactly: integers, numerics at their scale,
      // bounds between representable values, and products beyond the long range
      "SELECT count(*), sum(n) FROM m WHERE i * 3 + s > 700",
      "SELECT count(*) FROM m WHERE n * 2 >= 1000.25 OR i - s = 17",
      "SELECT count(*) FROM m WHERE n * n * n * n > 100000000000",
      "SELECT count(*) FROM m WHERE i * s < 100000000000000000000 AND i * s <> 12",
      "SELECT count(*), min(id) FROM m WHERE char_length(t) > 5 AND n * i < 2.5",
      "SELECT count(*) FROM m WHERE f",
      "SELECT g, count(*), sum(d), min(i), max(n), avg(d) FROM m GROUP BY g",
      "SELECT s, g, count(*), sum(i), max(ts) FROM m WHERE s < 20 GROUP BY s, g",
      "SELECT dt, count(d), min(d), max(d) FROM m WHERE dt < DATE '2020-01-20' GROUP BY dt",
      "SELECT t, count(*), sum(i) FROM m GROUP BY t",
      "SELECT i, count(*) FROM m GROUP BY i",
      "SELECT n, g, f, count(*) FROM m WHERE id < 20000 GROUP BY n, g, f",
      // several keys packed into one long, widened as ids grow across chunks, with a NULL group
      "SELECT g, s, f, i, count(*), sum(d) FROM m GROUP BY g, s, f, i",
      // 18 + 18 + 13 + 18 bits of ids: packed at first, moved to pairwise folds past 64 bits
      "SELECT id, b, t, ts, count(*), sum(i), min(d) FROM m GROUP BY id, b, t, ts",
      "SELECT t, g, count(*) FROM m WHERE i > 0 GROUP BY t, g",
      "SELECT g, stddev_samp(d), var_pop(d) FROM m GROUP BY g",
      // shared double arithmetic, and COUNT / SUM / AVG sharing counts and sums
      "SELECT g, sum(d * (1 - r)), sum(d * (1 - r) * (1 + r)), avg(d * (1 - r)), avg(d), sum(d),"
          + " count(d), count(*), count(i), sum(i) FROM m GROUP BY g",
      "SELECT g, sum(d * (1 - r)), stddev(d * (1 - r)), max(d) FROM m WHERE i > 0 GROUP BY g",
      "SELECT sum(d * (1 - r)), sum(d * (1 - r) * (1 + r)), avg(d * (1 - r)), count(d) FROM m",
      // a one-column aggregate under a sort and a join (its rows must be scalars, as Calcite's are)
      "SELECT id, t FROM m WHERE n = (SELECT max(n) FROM m)",
      "SELECT g FROM m WHERE d = (SELECT min(d) FROM m WHERE i > 500)",
      "SELECT stddev(d), variance(r), stddev_pop(d * 2 + 1), var_samp(d) FROM m",
      "SELECT s, stddev(d), var_samp(r), count(*) FROM m WHERE s < 3 GROUP BY s",
      "SELECT g, count(*), sum(d) FROM m WHERE i > 100000 GROUP BY g",
      // COUNT(DISTINCT) beside other aggregates: plain aggregates (two levels, or joined), no grouping sets
      "SELECT g, count(DISTINCT s), sum(d), count(*) FROM m GROUP BY g",
      "SELECT count(DISTINCT g), min(ts), max(i) FROM m",
      "SELECT f, count(DISTINCT s), count(DISTINCT g), avg(d) FROM m WHERE i > 0 GROUP BY f",
      // a handful of groups: dictionary codes and packed keys through direct arrays, sums into
      // accumulator copies; filters that drop rows here and there, and whole groups
      "SELECT f, g, count(*), sum(d), sum(n), sum(i), avg(s), count(d) FROM m WHERE i > 600 GROUP BY f, g",
      "SELECT g, count(*), sum(d), sum(n), sum(b), avg(d) FROM m WHERE g <> 'g3' AND i <> 17 GROUP BY g",
      "SELECT g, f, sum(r), count(*) FROM m WHERE i <> 100 AND s < 290 GROUP BY g, f",
      // ROW_NUMBER() top-n per partition (ties project only partition and order values)
      "SELECT g, d, rn FROM (SELECT g, d, row_number() OVER (PARTITION BY g ORDER BY d DESC) AS rn"
          + " FROM m) x WHERE rn <= 2",
      "SELECT t, i FROM (SELECT t, i, row_number() OVER (PARTITION BY t ORDER BY i) AS rn"
          + " FROM m) x WHERE rn = 1",
      "SELECT s, g, n, rn FROM (SELECT s, g, n, row_number() OVER (PARTITION BY s, g ORDER BY n DESC)"
          + " AS rn FROM m WHERE d IS NOT NULL AND s < 40) x WHERE rn < 4",
      "SELECT dt, ts FROM (SELECT dt, ts, row_number() OVER (PARTITION BY dt ORDER BY ts DESC NULLS LAST)"
          + " AS rn FROM m) x WHERE rn <= 3",
      // further ORDER BY keys break the first key's ties (and order its NULLs), as the window does
      "SELECT g, s, id, rn FROM (SELECT g, s, id, row_number() OVER (PARTITION BY g ORDER BY s DESC, id)"
          + " AS rn FROM m) x WHERE rn <= 3",
      "SELECT s, id FROM (SELECT s, id, row_number() OVER (PARTITION BY s ORDER BY d, t DESC NULLS LAST, id DESC)"
          + " AS rn FROM m WHERE i > 0) x WHERE rn <= 2",
      "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d), percentile_cont(0.1) WITHIN GROUP (ORDER BY i DESC),"
          + " percentile_disc(0.75) WITHIN GROUP (ORDER BY s), percentile_disc(0.3) WITHIN GROUP (ORDER BY r DESC),"
          + " percentile_cont(0.5) WITHIN GROUP (ORDER BY n), percentile_disc(0.5) WITHIN GROUP (ORDER BY dt) FROM m",
      "SELECT g, percentile_cont(0.25) WITHIN GROUP (ORDER BY d), percentile_disc(0.9) WITHIN GROUP (ORDER BY i DESC),"
          + " count(*) FROM m GROUP BY g",
      "SELECT g, f, percentile_cont(1) WITHIN GROUP (ORDER BY d * 2), percentile_cont(0) WITHIN GROUP (ORDER BY i)"
          + " FROM m WHERE i > 100 GROUP BY g, f",
      "SELECT i, percentile_cont(0.5) WITHIN GROUP (ORDER BY i), percentile_disc(0.5) WITHIN GROUP (ORDER BY d)"
          + " FROM m WHERE id < 3000 GROUP BY i",
      "SELECT corr(d, i), covar_pop(d, r), covar_samp(i, s), corr(n, d), corr(s, s) FROM m",
      "SELECT g, corr(d, i), covar_samp(d, r), covar_pop(d, i), corr(s, i) FROM m GROUP BY g",
      // pow is PostgreSQL's other name for power (H2O q9 squares corr with it)
      "SELECT g, pow(corr(d, i), 2) FROM m GROUP BY g",
      "SELECT dt, percentile_cont(0.5) WITHIN GROUP (ORDER BY d), corr(i, d) FROM m WHERE dt < DATE '2020-01-20' GROUP BY dt",
      "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d), percentile_disc(0.5) WITHIN GROUP (ORDER BY i), corr(d, i)"
          + " FROM m WHERE i > 100000",
      "SELECT g, percentile_cont(0.5) WITHIN GROUP (ORDER BY d), corr(d, i) FROM m WHERE i > 100000 GROUP BY g",
      // a one-column aggregate under a join and a sort: its rows travel as bare values
      "SELECT id, n FROM m WHERE n = (SELECT max(n) FROM m)",
  })
  void vectorizedMatchesEnumerable(String sql) {
    BothWays r = BothWays.run(db, sql, "AccelAggregate", "AccelTopN");
    assertSameRows(r.enumerable(), r.vectorized(), sql);
    assertSameRows(r.enumerable(), r.oneThread(), sql);
  }

  /** Compensated sums must not turn an infinite sum into NaN (inf - inf in the compensation). */
  @Test
  void infiniteSumsStayInfinite() {
    db.run("CREATE TABLE inf (id int, v double precision)");
    try {
      db.run("INSERT INTO inf SELECT x, CASE WHEN x = 70000 THEN CAST('Infinity' AS double precision)"
          + " ELSE x * 0.5 END FROM generate_series(1, 140000) s(x)");
      db.run("SET ygg.vectorize = on");
      for (String sql : new String[] {"SELECT sum(v), avg(v) FROM inf", "SELECT sum(v) FROM inf WHERE id > 5"}) {
        assertTrue(db.explain(sql).contains("AccelAggregate"), sql);
        assertEquals(List.of(Double.POSITIVE_INFINITY), db.run(sql).get(0).subList(0, 1), sql);
      }
    } finally {
      db.run("DROP TABLE inf");
    }
  }

  @Test
  void parametersAreReadWhenTheCachedPlanRuns() {
    db.run("SET ygg.vectorize = on");
    String sql = "SELECT count(*), sum(d) FROM m WHERE i > $1 AND g = $2";
    List<List<Object>> a = db.run(sql, 100, "g1");
    List<List<Object>> b = db.run(sql, 500, "g4");
    db.run("SET ygg.vectorize = off");
    assertSameRows(db.run(sql, 100, "g1"), a, sql);
    assertSameRows(db.run(sql, 500, "g4"), b, sql);
    db.run("SET ygg.vectorize = on");
  }

  @Test
  void patternEndingInItsEscapeIsInvalidEscapeSequence() {
    db.run("SET ygg.vectorize = on");
    var e = org.junit.jupiter.api.Assertions.assertThrows(
        org.yggdrasil.catalog.error.SqlStateException.class,
        () -> db.run("SELECT count(*) FROM m WHERE t LIKE 'x1\\'"));
    assertEquals("22025", e.state().code(), e::getMessage);
  }

  @Test
  void followsTheTransactionsOwnWrites() {
    db.run("SET ygg.vectorize = on");
    db.run("BEGIN");
    try {
      long before = ((Number) db.value("SELECT count(*) FROM m WHERE g = 'g5'")).longValue();
      db.run("DELETE FROM m WHERE g = 'g5' AND id < 1000");
      long after = ((Number) db.value("SELECT count(*) FROM m WHERE g = 'g5'")).longValue();
      assertTrue(after < before, before + " -> " + after);
      db.run("SET ygg.vectorize = off");
      assertEquals(after, ((Number) db.value("SELECT count(*) FROM m WHERE g = 'g5'")).longValue());
    } finally {
      db.run("ROLLBACK");
      db.run("SET ygg.vectorize = on");
    }
  }

  private static final String Q1 = "SELECT l_returnflag, l_linestatus, sum(l_quantity) AS sum_qty,"
      + " sum(l_extendedprice) AS sum_base_price, sum(l_extendedprice * (1 - l_discount)) AS sum_disc_price,"
      + " sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) AS sum_charge, avg(l_quantity) AS avg_qty,"
      + " avg(l_extendedprice) AS avg_price, avg(l_discount) AS avg_disc, count(*) AS count_order"
      + " FROM li WHERE l_shipdate <= DATE '1998-09-02' GROUP BY l_returnflag, l_linestatus"
      + " ORDER BY l_returnflag, l_linestatus";
  private static final String Q6 = "SELECT sum(l_extendedprice * l_discount) AS revenue FROM li"
      + " WHERE l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE '1995-01-01'"
      + " AND l_discount BETWEEN 0.05 AND 0.07 AND l_quantity < 24";

  /** Exact (numeric) arithmetic runs on scaled integers and gives Calcite's values and scales. */
  @ParameterizedTest
  @ValueSource(strings = {
      Q1,
      Q6,
      "SELECT sum(n * (1 - n)), sum(n + 1), sum(n * 2.5 - i), sum(i * n), sum(n - 0.125), sum(2 - n) FROM m",
      "SELECT sum(n * n), sum(n + n * 3) FROM m WHERE i > 100 AND n < 900",
      "SELECT g, sum(n * (1 + n)), sum(b * n), avg(n * 2), count(n * 2) FROM m GROUP BY g",
      "SELECT f, sum(s * n - 1.5) FROM m WHERE dt < DATE '2020-02-01' GROUP BY f",
      "SELECT g, sum(CAST(n AS numeric)), sum(CAST(i AS numeric)), sum(CAST(n * n AS numeric)) FROM m GROUP BY g",
      // partial sums beyond the long range, flat and grouped; stats and kernels both
      "SELECT sum(v), sum(w), count(*) FROM big",
      "SELECT sum(v), sum(v + 1), sum(v - w), sum(w - v) FROM big WHERE id > 5",
      "SELECT k, sum(v), sum(v + w), sum(v - 1) FROM big GROUP BY k",
      // single rows whose value leaves the long range: computed exactly, never wrapped
      "SELECT sum(v * 10), sum(v * w), sum(v + v), sum(-1 - v), sum(v - w) FROM big WHERE id BETWEEN 990 AND 2010 OR id = 99999",
      "SELECT k, sum(v), sum(v * 2) FROM big WHERE v > 0 GROUP BY k",
      "SELECT sum(v), sum(v + 0.5) FROM big WHERE v > 100000",
      "SELECT k, sum(v * 10), sum(v * v), sum(w * 100000) FROM big GROUP BY k",
      "SELECT sum(v * 3) FROM big WHERE id = 1000",
      // shared subexpressions computed once per chunk, also where they overflow a long
      "SELECT sum(n * (1 - n)), sum(n * (1 - n) * (1 + n)), avg(n * (1 - n)), sum(n), avg(n), count(n) FROM m",
      "SELECT g, sum(n * (1 - n)), sum(n * (1 - n) * (1 + n)), avg(n * (1 - n)), count(*) FROM m GROUP BY g",
      "SELECT k, sum(v * 10), sum(v * 10 + 1), sum(v * 10) - 1, count(*) FROM big GROUP BY k",
      "SELECT sum(v * w), sum(v * w - 1), max(v) FROM big WHERE id > 900",
      // TPC-H Q1's shape where the filter keeps only some of the flag pairs
      "SELECT l_returnflag, l_linestatus, count(*), sum(l_extendedprice * (1 - l_discount)),"
          + " avg(l_quantity), sum(l_tax) FROM li WHERE l_shipdate > DATE '1996-01-01'"
          + " AND l_returnflag <> 'R' GROUP BY l_returnflag, l_linestatus",
  })
  void exactArithmeticMatchesEnumerable(String sql) {
    vectorizedMatchesEnumerable(sql);
  }

  static void assertSameRows(List<List<Object>> expected, List<List<Object>> actual, String sql) {
    assertEquals(expected.size(), actual.size(), () -> "row count of " + sql);
    List<List<Object>> e = sorted(expected);
    List<List<Object>> a = sorted(actual);
    for (int r = 0; r < e.size(); r++) {
      List<Object> er = e.get(r);
      List<Object> ar = a.get(r);
      assertEquals(er.size(), ar.size());
      for (int c = 0; c < er.size(); c++) {
        Object x = er.get(c);
        Object y = ar.get(c);
        int row = r;
        int col = c;
        assertTrue(same(x, y), () -> sql + "\nrow " + row + " col " + col + ": expected " + x
            + " got " + y + "\nexpected " + e + "\nactual " + a);
      }
    }
  }

  private static boolean same(Object x, Object y) {
    if (x == null || y == null) {
      return x == y;
    }
    if (x instanceof Double || x instanceof Float) {
      double p = ((Number) x).doubleValue();
      double q = ((Number) y).doubleValue();
      return p == q || Math.abs(p - q) <= 1e-9 * Math.max(Math.abs(p), Math.abs(q));
    }
    if (x instanceof BigDecimal p && y instanceof BigDecimal q) {
      // numeric results keep their scale (PostgreSQL prints it)
      return p.equals(q);
    }
    return x.equals(y);
  }

  private static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> out = new ArrayList<>(rows);
    out.sort(Comparator.comparing(Object::toString));
    return out;
  }
}
