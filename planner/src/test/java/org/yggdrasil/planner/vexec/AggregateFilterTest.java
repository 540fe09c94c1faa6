package org.yggdrasil.planner.vexec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yggdrasil.planner.SqlDriver;

/**
 * Aggregates over some of the rows, {@code FILTER (WHERE c)} and {@code CASE WHEN c THEN x
 * [ELSE 0] END}, run on the vectorized executor (EXPLAIN must show AccelAggregate) and answer
 * what Calcite's own operators answer with {@code ygg.vectorize = off}: over three chunks with
 * deleted and updated rows, NULLs in the aggregated values and in the conditions (a NULL
 * condition is not true), groups where no row passes, numeric values and bigint sums beyond a
 * long.
 */
class AggregateFilterTest {
  private static SqlDriver db;

  @BeforeAll
  static void load() {
    db = new SqlDriver();
    db.run("CREATE TABLE a (id int, k int, status text, amount numeric(12,2), x int,"
        + " d double precision, flag boolean, big bigint, price numeric(10,2))");
    // 150,000 rows: two full chunks and a partial one. Group 10 (ids ending in 999) is all
    // 'open' with x and amount NULL; status 'rare' appears in groups 1 and 2 only.
    db.run("INSERT INTO a SELECT s,"
        + " CASE WHEN s % 1000 = 999 THEN 10 ELSE s % 7 END,"
        + " CASE WHEN s % 1000 = 999 THEN 'open' WHEN s % 11 = 0 THEN NULL"
        + "   WHEN s % 500 = 1 THEN 'rare' WHEN s % 3 = 0 THEN 'open' WHEN s % 3 = 1 THEN 'closed'"
        + "   ELSE 'hold' END,"
        + " CASE WHEN s % 1000 = 999 OR s % 13 = 0 THEN NULL"
        + "   ELSE CAST(s % 2000 AS numeric(12,2)) / 8 END,"
        + " CASE WHEN s % 1000 = 999 OR s % 17 = 0 THEN NULL ELSE (s * 37) % 1000 - 300 END,"
        + " CASE WHEN s % 19 = 0 THEN NULL ELSE (s % 997) * 0.25 - 17 END,"
        + " CASE WHEN s % 23 = 0 THEN NULL ELSE s % 2 = 0 END,"
        + " CAST(s AS bigint) * 100000000,"
        + " CASE WHEN s % 29 = 0 THEN NULL ELSE CAST(s % 3000 AS numeric(10,2)) / 4 END"
        + " FROM generate_series(1, 150000) g(s)");
    db.run("DELETE FROM a WHERE id % 10 = 3 OR id BETWEEN 70000 AND 70500");
    db.run("UPDATE a SET status = 'open', amount = amount + 1 WHERE id % 1000 = 1");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // FILTER: every aggregate, conditions on text, numeric, boolean and NULL-able columns
      "SELECT count(*) FILTER (WHERE status = 'open'), sum(amount) FILTER (WHERE amount > 100),"
          + " avg(d) FILTER (WHERE flag), min(x) FILTER (WHERE NOT flag),"
          + " max(amount) FILTER (WHERE status <> 'closed'), count(x) FILTER (WHERE d < 0),"
          + " sum(big) FILTER (WHERE flag), avg(amount) FILTER (WHERE x > 0), count(*) FROM a",
      "SELECT k, count(*) FILTER (WHERE status = 'open'), sum(amount) FILTER (WHERE amount > 100),"
          + " avg(d) FILTER (WHERE flag), min(x) FILTER (WHERE NOT flag),"
          + " max(amount) FILTER (WHERE status <> 'closed'), count(x) FILTER (WHERE d < 0),"
          + " sum(big) FILTER (WHERE flag), avg(amount) FILTER (WHERE x > 0), count(*)"
          + " FROM a GROUP BY k",
      // groups (and a whole query) where no row passes: counts 0, sums and extremes NULL
      "SELECT k, count(*) FILTER (WHERE status = 'rare'), sum(x) FILTER (WHERE status = 'rare'),"
          + " max(d) FILTER (WHERE status = 'rare'), sum(amount) FILTER (WHERE status = 'rare')"
          + " FROM a GROUP BY k",
      "SELECT count(*) FILTER (WHERE x > 100000), sum(amount) FILTER (WHERE x > 100000),"
          + " min(d) FILTER (WHERE x > 100000) FROM a",
      "SELECT count(*) FILTER (WHERE status IN ('open', 'hold') OR x IS NULL),"
          + " sum(d) FILTER (WHERE status LIKE 'r%' AND d * 2 > 10), count(*) FROM a WHERE d > 0",
      "SELECT k, count(*) FILTER (WHERE amount > 50), sum(x) FILTER (WHERE status LIKE 'o%')"
          + " FROM a WHERE d > 0 GROUP BY k",
      // CASE with ELSE 0: the group of condition-true NULL values sums to NULL, the rest to 0 or more
      "SELECT k, sum(CASE WHEN status = 'open' THEN amount ELSE 0 END),"
          + " sum(CASE WHEN flag THEN 1 ELSE 0 END), count(CASE WHEN flag THEN 1 END),"
          + " count(CASE WHEN status = 'open' THEN x END), avg(CASE WHEN status = 'open' THEN d END),"
          + " sum(CASE WHEN x > 10 THEN x ELSE 0 END), sum(CASE WHEN status = 'open' THEN x ELSE 0 END)"
          + " FROM a GROUP BY k",
      "SELECT sum(CASE WHEN status = 'open' THEN amount ELSE 0 END),"
          + " sum(CASE WHEN flag THEN 1 ELSE 0 END), count(CASE WHEN flag THEN 1 END),"
          + " count(CASE WHEN status = 'open' THEN x END), avg(CASE WHEN status = 'open' THEN d END),"
          + " sum(CASE WHEN x > 10 THEN x ELSE 0 END) FROM a",
      "SELECT sum(CASE WHEN status = 'open' THEN x ELSE 0 END),"
          + " count(CASE WHEN status = 'open' THEN amount ELSE 0 END) FROM a WHERE k = 10",
      // avg and count of CASE ... ELSE 0 count the zeros; constants of every type
      "SELECT k, avg(CASE WHEN status = 'open' THEN amount ELSE 0 END),"
          + " avg(CASE WHEN flag THEN x ELSE 0 END), sum(CASE WHEN status = 'hold' THEN 2.5 ELSE 0 END),"
          + " sum(CASE WHEN status = 'hold' THEN d ELSE 0 END), sum(CASE WHEN flag THEN big ELSE 0 END),"
          + " max(CASE WHEN status = 'closed' THEN amount END), min(CASE WHEN flag THEN d END)"
          + " FROM a GROUP BY k",
      "SELECT avg(CASE WHEN status = 'open' THEN amount ELSE 0 END),"
          + " sum(CASE WHEN status = 'hold' THEN 2.5 ELSE 0 END), sum(CASE WHEN flag THEN big ELSE 0 END),"
          + " sum(CASE WHEN status = 'hold' THEN 1.5E0 ELSE 0 END) FROM a",
      // no row at all: counts 0, sums NULL even with ELSE 0
      "SELECT count(*) FILTER (WHERE flag), sum(CASE WHEN flag THEN x ELSE 0 END),"
          + " count(CASE WHEN flag THEN 1 ELSE 0 END), sum(amount) FILTER (WHERE flag) FROM a WHERE id < 0",
      // numeric(10,2) widened to numeric(12,2) to meet an integer (in a CASE, a FILTER and WHERE)
      "SELECT k, sum(price) FILTER (WHERE price > 100), sum(CASE WHEN flag THEN price ELSE 0 END),"
          + " count(*) FILTER (WHERE price <= 2.5), avg(CASE WHEN price > 700 THEN price ELSE 0 END)"
          + " FROM a GROUP BY k",
      "SELECT count(*), sum(price), sum(CASE WHEN status = 'open' THEN price ELSE 0 END) FROM a"
          + " WHERE price > 700",
      // one group per row: groups split between workers by key
      "SELECT id, count(*) FILTER (WHERE flag), sum(CASE WHEN flag THEN x ELSE 0 END),"
          + " sum(amount) FILTER (WHERE status = 'open') FROM a GROUP BY id",
  })
  void vectorizedMatchesEnumerable(String sql) {
    BothWays r = BothWays.run(db, sql, "AccelAggregate");
    VectorizedAggregateTest.assertSameRows(r.enumerable(), r.vectorized(), sql);
    VectorizedAggregateTest.assertSameRows(r.enumerable(), r.oneThread(), sql);
  }

  @Test
  void explainShowsEachAggregatesCondition() {
    String filtered = db.explain("SELECT k, count(*) FILTER (WHERE status = 'open') FROM a GROUP BY k");
    assertTrue(filtered.contains("AccelAggregate") && filtered.contains("count(*) filter "), filtered);
    String elseZero = db.explain("SELECT sum(CASE WHEN flag THEN x ELSE 0 END) FROM a");
    assertTrue(elseZero.contains("AccelAggregate") && elseZero.contains(" zero unless "), elseZero);
    String elseNull = db.explain("SELECT max(CASE WHEN flag THEN d END) FROM a");
    assertTrue(elseNull.contains("AccelAggregate") && elseNull.contains("max(") && elseNull.contains(" filter "),
        elseNull);
  }

  /** The small cases spelled out, so that a wrong answer on both paths would show too. */
  @Test
  void sumsOfElseZeroAreNullOnlyWithoutAValue() {
    db.run("CREATE TABLE z (k int, c boolean, v numeric(8,2))");
    db.run("INSERT INTO z VALUES (1, true, NULL), (1, true, NULL), (2, false, 5), (2, NULL, 7),"
        + " (3, true, 1.25), (3, false, NULL), (4, NULL, NULL)");
    String sql = "SELECT k, sum(CASE WHEN c THEN v ELSE 0 END), count(*) FILTER (WHERE c),"
        + " sum(v) FILTER (WHERE c), count(CASE WHEN c THEN v ELSE 0 END) FROM z GROUP BY k ORDER BY k";
    assertTrue(db.explain(sql).contains("AccelAggregate"), db.explain(sql));
    List<List<Object>> rows = db.run(sql);
    assertEquals(List.of(
        java.util.Arrays.asList(1, null, 2L, null, 0L),
        java.util.Arrays.asList(2, new BigDecimal("0.00"), 0L, null, 2L),
        java.util.Arrays.asList(3, new BigDecimal("1.25"), 1L, new BigDecimal("1.25"), 2L),
        java.util.Arrays.asList(4, new BigDecimal("0.00"), 0L, null, 1L)), rows);
  }
}
