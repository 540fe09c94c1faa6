package org.yggdrasil.planner.vexec;

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
 * GROUP BY keys computed from a column (what BI tools send: date_trunc, extract / date_part,
 * modulo and integer division buckets, floor) run on the vectorized executor and answer exactly
 * what Calcite's row-at-a-time plan answers, over several chunks with NULL keys, deleted and
 * updated rows, and timestamps before 1970.
 */
class ComputedGroupKeyTest {
  private static SqlDriver db;

  @BeforeAll
  static void load() {
    db = new SqlDriver();
    db.run("CREATE TABLE e (id int, b bigint, s smallint, n numeric(12,2), d double precision,"
        + " dt date, ts timestamp, tz timestamptz, g text)");
    // 150,000 rows: two full chunks and a partial one; timestamps from 1969 on, a minute apart
    // with a few seconds and milliseconds, dates a day per 40 rows; NULLs in every key column
    db.run("INSERT INTO e SELECT x,"
        + " CASE WHEN x % 9 = 0 THEN NULL ELSE CAST(x AS bigint) * 7919 - 500000000 END,"
        + " CASE WHEN x % 10 = 0 THEN NULL ELSE CAST(x % 3000 - 1500 AS smallint) END,"
        + " CASE WHEN x % 13 = 0 THEN NULL ELSE CAST(x % 5000 AS numeric(12,2)) / 8 - 300 END,"
        + " CASE WHEN x % 11 = 0 THEN NULL ELSE (x % 997) * 0.25 - 17 END,"
        + " CASE WHEN x % 7 = 0 THEN NULL ELSE DATE '1969-06-01' + (x / 40) * INTERVAL '1' DAY END,"
        + " CASE WHEN x % 17 = 0 THEN NULL ELSE TIMESTAMP '1969-12-20 00:00:00'"
        + "   + x * INTERVAL '47' MINUTE + (x % 61) * INTERVAL '1.25' SECOND END,"
        + " CASE WHEN x % 19 = 0 THEN NULL ELSE TIMESTAMP '2020-01-01 00:00:00' + x * INTERVAL '1' MINUTE"
        + "   + (x % 7) * INTERVAL '1.5' SECOND END,"
        + " 'g' || (x % 4)"
        + " FROM generate_series(1, 150000) s(x)");
    db.run("INSERT INTO e (id) VALUES (-5), (-12345)");
    db.run("DELETE FROM e WHERE id % 10 = 3 OR id BETWEEN 70000 AND 70500");
    db.run("UPDATE e SET ts = ts + INTERVAL '400' DAY, dt = dt - 3, id = -id WHERE id % 1000 = 1");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT date_trunc('month', ts) AS m, count(*), sum(d) FROM e GROUP BY 1",
      "SELECT date_trunc('year', ts), date_trunc('quarter', ts), count(*) FROM e GROUP BY 1, 2",
      "SELECT date_trunc('week', ts), count(*), min(id) FROM e GROUP BY 1",
      "SELECT date_trunc('day', ts), count(*), max(d) FROM e GROUP BY 1",
      "SELECT date_trunc('hour', ts), count(*) FROM e GROUP BY 1",
      "SELECT date_trunc('MINUTE', ts), date_trunc('second', ts), count(*) FROM e GROUP BY 1, 2",
      "SELECT date_trunc('milliseconds', ts), count(*) FROM e WHERE id < 3000 GROUP BY 1",
      "SELECT date_trunc('decade', ts), date_trunc('century', ts), count(*) FROM e GROUP BY 1, 2",
      "SELECT date_trunc('month', dt), count(*), avg(d) FROM e GROUP BY 1",
      "SELECT date_trunc('week', dt), date_trunc('hour', dt), count(*) FROM e GROUP BY 1, 2",
      "SELECT extract(year FROM dt), avg(d) FROM e GROUP BY 1",
      "SELECT extract(year FROM ts), extract(month FROM ts), count(*), sum(n) FROM e GROUP BY 1, 2",
      "SELECT extract(quarter FROM dt), extract(dow FROM dt), extract(isodow FROM ts), count(*)"
          + " FROM e GROUP BY 1, 2, 3",
      "SELECT extract(doy FROM ts), extract(week FROM dt), extract(day FROM ts), count(*)"
          + " FROM e GROUP BY 1, 2, 3",
      "SELECT extract(hour FROM ts), extract(minute FROM ts), count(*) FROM e GROUP BY 1, 2",
      "SELECT extract(decade FROM ts), extract(century FROM dt), extract(millennium FROM ts),"
          + " extract(isoyear FROM dt), count(*) FROM e GROUP BY 1, 2, 3, 4",
      "SELECT date_part('year', ts), avg(d) FROM e GROUP BY 1",
      "SELECT date_part('dow', dt), date_part('month', ts), date_part('hour', ts), count(*)"
          + " FROM e GROUP BY 1, 2, 3",
      "SELECT id % 10, count(*) FROM e GROUP BY 1",
      "SELECT mod(id, 7), b % 1000, count(*), sum(d) FROM e GROUP BY 1, 2",
      "SELECT s % 4, s % -3, count(*) FROM e GROUP BY 1, 2",
      "SELECT id / 100, count(*), sum(n) FROM e GROUP BY 1",
      "SELECT b / 1000000, s / 10, count(*) FROM e GROUP BY 1, 2",
      "SELECT id / -7, count(*) FROM e WHERE id < 5000 GROUP BY 1",
      "SELECT floor(n), count(*), sum(d) FROM e GROUP BY 1",
      "SELECT floor(d), count(*) FROM e GROUP BY 1",
      // computed keys beside stored ones, under a filter, a HAVING and an ORDER BY
      "SELECT g, date_trunc('month', ts), id % 3, count(*), sum(d) FROM e GROUP BY 1, 2, 3",
      "SELECT date_trunc('month', ts) AS m, count(*) FROM e WHERE d > 10 AND g <> 'g1' GROUP BY 1"
          + " HAVING count(*) > 100 ORDER BY 1",
      "SELECT extract(year FROM dt) AS y, g, count(*), avg(n) FROM e WHERE id > 20000 GROUP BY 1, 2"
          + " ORDER BY y DESC, g",
  })
  void computedKeysMatchTheRowPath(String sql) {
    BothWays r = BothWays.run(db, sql, "AccelAggregate");
    VectorizedAggregateTest.assertSameRows(r.enumerable(), r.vectorized(), sql);
    VectorizedAggregateTest.assertSameRows(r.enumerable(), r.oneThread(), sql);
  }

  /**
   * timestamptz keys are the session's wall-clock time, as the row path's cast to timestamp makes
   * them: in UTC, across a daylight-saving change in New York and Lord Howe (a half-hour one),
   * and at a fixed half-hour offset. The values run from January to April 2020.
   */
  @ParameterizedTest
  @ValueSource(strings = {"UTC", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata"})
  void timestamptzKeysFollowTheSessionTimeZone(String zone) {
    db.run("SET TIME ZONE '" + zone + "'");
    try {
      for (String sql : List.of(
          "SELECT date_trunc('month', tz), count(*), sum(d) FROM e GROUP BY 1",
          "SELECT date_trunc('day', tz), date_trunc('hour', tz), count(*) FROM e GROUP BY 1, 2",
          "SELECT date_trunc('week', tz), date_trunc('milliseconds', tz), count(*) FROM e"
              + " WHERE id < 5000 GROUP BY 1, 2",
          "SELECT extract(doy FROM tz), extract(dow FROM tz), count(*) FROM e GROUP BY 1, 2",
          "SELECT date_part('day', tz), extract(month FROM tz), g, count(*) FROM e GROUP BY 1, 2, 3")) {
        BothWays r = BothWays.run(db, sql, "AccelAggregate");
        VectorizedAggregateTest.assertSameRows(r.enumerable(), r.vectorized(), zone + ": " + sql);
        VectorizedAggregateTest.assertSameRows(r.enumerable(), r.oneThread(), zone + ": " + sql);
      }
    } finally {
      db.run("RESET TIME ZONE");
    }
  }

  /** EXPLAIN names the computed key, so a plan shows which expression runs vectorized. */
  @Test
  void explainShowsTheComputedKey() {
    db.run("SET ygg.vectorize = on");
    String plan = db.explain("SELECT date_trunc('month', ts), id % 10, count(*) FROM e GROUP BY 1, 2");
    assertTrue(plan.contains("AccelAggregate"), plan);
    assertTrue(plan.contains("date_trunc('month', $"), plan);
    assertTrue(plan.contains(" % 10"), plan);
  }

  /**
   * Keys the executor does not compute keep Calcite's plan (and its answers and errors): beside
   * each, the nearest shape it does compute.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      // Calcite hands date_trunc milliseconds, so microseconds are the row path's to truncate
      "date_trunc('microseconds', ts) | date_trunc('milliseconds', ts)",
      "date_trunc('microseconds', tz) | date_trunc('milliseconds', tz)",
      // the row path reads a timestamptz's hour on the UTC clock but its day in the session's zone
      "extract(hour FROM tz) | extract(day FROM tz)",
      "extract(minute FROM tz) | extract(minute FROM ts)",
      // division by zero is the row path's error
      "id % 0 | id % 1",
      "id / 0 | id / 1",
      "id + b | b / 2",
  })
  void otherKeysStayOnTheRowPath(String pair) {
    String[] keys = pair.split(" \\| ");
    db.run("SET ygg.vectorize = on");
    String computed = db.explain("SELECT " + keys[1] + ", count(*) FROM e GROUP BY 1");
    assertTrue(computed.contains("AccelAggregate"), computed);
    String other = db.explain("SELECT " + keys[0] + ", count(*) FROM e GROUP BY 1");
    assertFalse(other.contains("Accel"), other);
  }

  @Test
  void nullKeysMakeOneGroup() {
    db.run("SET ygg.vectorize = on");
    String sql = "SELECT date_trunc('month', ts), count(*) FROM e WHERE ts IS NULL GROUP BY 1";
    assertTrue(db.explain(sql).contains("AccelAggregate"));
    List<List<Object>> rows = db.run(sql);
    assertTrue(rows.size() == 1 && rows.get(0).get(0) == null, rows::toString);
  }
}
