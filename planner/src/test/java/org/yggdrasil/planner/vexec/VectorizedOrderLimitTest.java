package org.yggdrasil.planner.vexec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yggdrasil.planner.SqlDriver;

/**
 * ORDER BY … LIMIT on the vectorized top-n heap returns exactly the rows, in exactly the order,
 * of Calcite's Sort and Limit: each query runs vectorized (and must be planned as
 * AccelOrderLimit), on one thread, and with {@code ygg.vectorize} off, over a table of several
 * chunks with NULLs, deleted and updated rows. Every ORDER BY is total (ends in a unique column)
 * or the query projects only its keys, so ties cannot pick different rows.
 */
class VectorizedOrderLimitTest {
  private static SqlDriver db;

  @BeforeAll
  static void load() {
    db = new SqlDriver();
    db.run("CREATE TABLE m (id int PRIMARY KEY, i int, b bigint, s smallint, d double precision,"
        + " r real, n numeric(12,2), dt date, ts timestamp, g text)");
    // 150,000 rows: two full chunks and a partial one
    db.run("INSERT INTO m SELECT x,"
        + " CASE WHEN x % 7 = 0 THEN NULL ELSE (x * 37) % 1000 - 300 END,"
        + " CAST(x AS bigint) * 1000003 % 99991,"
        + " CAST(x % 300 AS smallint),"
        + " CASE WHEN x % 11 = 0 THEN NULL ELSE (x % 997) * 0.25 - 17 END,"
        + " CAST(x % 89 AS real) / 4,"
        + " CASE WHEN x % 13 = 0 THEN NULL ELSE CAST(x % 5000 AS numeric(12,2)) / 4 END,"
        + " DATE '2020-01-01' + (x / 500) * INTERVAL '1' DAY,"
        + " TIMESTAMP '2020-01-01 00:00:00' + x * INTERVAL '1' MINUTE,"
        + " 'g' || (x % 6)"
        + " FROM generate_series(1, 150000) s(x)");
    db.run("DELETE FROM m WHERE id % 10 = 3 OR id BETWEEN 70000 AND 70500");
    db.run("UPDATE m SET d = d + 1000, g = 'upd' WHERE id % 1000 = 1");
    db.run("CREATE TABLE f (id int, v double precision)");
    db.run("INSERT INTO f SELECT x, CASE WHEN x % 1000 = 0 THEN CAST('NaN' AS double precision)"
        + " WHEN x % 1000 = 1 THEN CAST('Infinity' AS double precision)"
        + " WHEN x % 1000 = 2 THEN CAST('-Infinity' AS double precision)"
        + " WHEN x % 9 = 0 THEN NULL ELSE (x % 101) - 50.5 END FROM generate_series(1, 70000) s(x)");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT id, d FROM m ORDER BY d DESC, id LIMIT 10",
      "SELECT * FROM m ORDER BY d, id LIMIT 25",
      "SELECT id, i FROM m ORDER BY i DESC NULLS LAST, id LIMIT 7 OFFSET 3",
      // the NULLs rank first: the whole result is NULLs ordered by the second key
      "SELECT id, i FROM m ORDER BY i NULLS FIRST, id DESC LIMIT 50",
      "SELECT id, i FROM m ORDER BY i DESC, id LIMIT 5",
      "SELECT id, b, dt FROM m WHERE g = 'g1' AND i > 0 ORDER BY dt DESC, ts, id LIMIT 12",
      "SELECT ts FROM m ORDER BY ts LIMIT 3",
      "SELECT ts FROM m ORDER BY ts DESC LIMIT 1",
      "SELECT n, id FROM m ORDER BY n DESC, id LIMIT 1000",
      "SELECT r, s, id FROM m ORDER BY r, s DESC, id LIMIT 40",
      "SELECT s, r FROM m ORDER BY s DESC, r LIMIT 333 OFFSET 100",
      "SELECT d FROM m ORDER BY d NULLS FIRST LIMIT 3000",
      "SELECT id FROM m WHERE i > 100000 ORDER BY i LIMIT 10",
      "SELECT id, b FROM m WHERE id < 50 ORDER BY b DESC LIMIT 100",
      "SELECT id, g FROM m WHERE id BETWEEN 1000 AND 9000 ORDER BY dt, b LIMIT 20 OFFSET 5",
      "SELECT b, id FROM m ORDER BY b LIMIT 10 OFFSET 99990",
      "SELECT count(*), sum(x.d) FROM (SELECT d FROM m ORDER BY d DESC, id LIMIT 100) x",
      // NaN ranks above +Infinity, NULLs last ascending and first descending
      "SELECT v, id FROM f ORDER BY v DESC, id LIMIT 200",
      "SELECT v, id FROM f ORDER BY v, id LIMIT 200",
      "SELECT v, id FROM f WHERE id > 60000 ORDER BY v NULLS FIRST, id LIMIT 100",
      "SELECT v, id FROM f ORDER BY v DESC NULLS LAST, id DESC LIMIT 150",
  })
  void vectorizedMatchesEnumerable(String sql) {
    BothWays r = BothWays.run(db, sql, "AccelOrderLimit");
    assertEquals(r.enumerable(), r.vectorized(), sql);
    assertEquals(r.enumerable(), r.oneThread(), sql);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // a computed sort key, a text key, an OFFSET without LIMIT, a parameter: Calcite's Sort
      "SELECT id FROM m ORDER BY d * 2 LIMIT 5",
      "SELECT id FROM m ORDER BY g, id LIMIT 5",
      "SELECT id FROM m ORDER BY id OFFSET 149000",
      "SELECT id FROM m ORDER BY i LIMIT 200000",
  })
  void otherShapesStayOnCalcite(String sql) {
    db.run("SET ygg.vectorize = on");
    assertFalse(db.explain(sql).contains("AccelOrderLimit"), sql);
  }

  @Test
  void explainShowsTheHeap() {
    db.run("SET ygg.vectorize = on");
    String plan = db.explain("SELECT id, d FROM m WHERE i > 5 ORDER BY d DESC, id LIMIT 10 OFFSET 2");
    assertTrue(plan.contains("AccelOrderLimitRel(table=[public.m], vectorized=[filter=Compare["), plan);
    // slot 0 is the filter's column
    assertTrue(plan.contains("order=[1 DESC NULLS FIRST, 2 ASC NULLS LAST], offset=2, fetch=10, top-n heap"), plan);
  }

  /** Calcite's own Sort fails on NaN in a one-column sort (it compares via BigDecimal); this does not. */
  @Test
  void nanRanksAboveInfinityInAOneColumnSort() {
    db.run("SET ygg.vectorize = on");
    List<List<Object>> rows = db.run("SELECT v FROM f ORDER BY v DESC NULLS LAST LIMIT 71");
    assertEquals(71, rows.size());
    for (int i = 0; i < 70; i++) {
      assertTrue(Double.isNaN((Double) rows.get(i).get(0)), rows.get(i)::toString);
    }
    assertEquals(Double.POSITIVE_INFINITY, rows.get(70).get(0));
  }
}
