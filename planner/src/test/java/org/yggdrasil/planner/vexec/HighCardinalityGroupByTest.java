package org.yggdrasil.planner.vexec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yggdrasil.planner.SqlDriver;

/**
 * GROUP BY with hundreds of thousands of groups over several chunks: the hash tables grow (or are
 * reserved ahead) many times, keys hold NULLs, and several workers merge their tables. Every
 * query must answer as the Enumerable fallback does, with one worker and with several.
 */
class HighCardinalityGroupByTest {
  private static SqlDriver db;

  @BeforeAll
  static void load() {
    db = new SqlDriver();
    // 270,000 rows: four full chunks and a partial one. (a, c) is unique per row, so every row
    // of the later chunks makes a new group, as in H2O q10; k has 120,000 values, more than a
    // chunk's dense key range.
    db.run("CREATE TABLE h (id int, a int, b text, c int, k bigint, s text, v double precision)");
    db.run("INSERT INTO h SELECT x, x / 7,"
        + " CASE WHEN x % 19 = 0 THEN NULL ELSE 'b' || (x % 100) END,"
        + " x % 7,"
        + " CASE WHEN x % 23 = 0 THEN NULL ELSE (x * 7919) % 120000 - 60000 END,"
        + " 's' || ((x * 31) % 100003),"
        + " CASE WHEN x % 29 = 0 THEN NULL ELSE (x % 1000) * 0.5 END"
        + " FROM generate_series(1, 270000) s(x)");
    db.run("DELETE FROM h WHERE id % 1000 = 5");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // one group per row, keys packed into one long
      "SELECT a, c, sum(v), count(*) FROM h GROUP BY a, c",
      // H2O q10's shape: text and integer keys, NULLs in two of them
      "SELECT b, s, a, c, k, sum(v) AS v, count(*) AS n FROM h GROUP BY b, s, a, c, k",
      // ~120,000 groups on one wide integer key with a NULL group
      "SELECT k, sum(v), min(v), max(id), count(v) FROM h GROUP BY k",
      // ~100,000 text groups (H2O q3 / q7)
      "SELECT s, sum(id), avg(v), max(v) - min(v) FROM h GROUP BY s",
      // keys whose ids need more than 64 bits together: pairwise folds
      "SELECT id, s, k, a, count(*) FROM h GROUP BY id, s, k, a",
      "SELECT k, s, count(*) FROM h WHERE v > 100 GROUP BY k, s",
  })
  void matchesEnumerableOnOneAndManyWorkers(String sql) {
    db.run("SET ygg.vectorize = on");
    assertTrue(db.explain(sql).contains("AccelAggregate"), () -> "not vectorized: " + sql);
    db.run("SET ygg.threads = 1");
    List<List<Object>> one = db.run(sql);
    db.run("SET ygg.threads = 4");
    List<List<Object>> four = db.run(sql);
    db.run("RESET ygg.threads");
    db.run("SET ygg.vectorize = off");
    List<List<Object>> enumerable = db.run(sql);
    db.run("SET ygg.vectorize = on");
    assertTrue(enumerable.size() > 1000, () -> "few groups: " + enumerable.size());
    assertSameGroups(enumerable, one, sql);
    assertSameGroups(enumerable, four, sql);
  }

  /**
   * Rows compared group by group: the first {@code keys} columns name the group (its key, written
   * once per row, so sorting 300,000 rows stays cheap), the rest are compared as
   * {@link VectorizedAggregateTest#assertSameRows} compares values.
   */
  private static void assertSameGroups(List<List<Object>> expected, List<List<Object>> actual,
      String sql) {
    assertEquals(expected.size(), actual.size(), () -> "row count of " + sql);
    Map<String, List<Object>> byKey = new HashMap<>();
    int keys = groupColumns(sql);
    for (List<Object> row : expected) {
      assertNull(byKey.put(String.valueOf(row.subList(0, keys)), row), "duplicate group");
    }
    for (List<Object> row : actual) {
      List<Object> e = byKey.remove(String.valueOf(row.subList(0, keys)));
      assertNotNull(e, () -> sql + ": unexpected group " + row);
      VectorizedAggregateTest.assertSameRows(List.of(e), List.of(row), sql);
    }
    assertTrue(byKey.isEmpty(), () -> sql + ": missing groups, e.g. " + byKey.values().iterator().next());
  }

  /** How many result columns are group keys: the GROUP BY list's length. */
  private static int groupColumns(String sql) {
    return sql.substring(sql.indexOf("GROUP BY ") + 9).split(",").length;
  }
}
