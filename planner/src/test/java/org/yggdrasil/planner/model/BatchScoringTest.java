package org.yggdrasil.planner.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.SqlDriver;

/**
 * Anomaly functions over a native table are scored in batches inside the vectorized executor
 * (AccelScore in the plan) with the other filters applied first, and answer exactly what the
 * row-at-a-time path answers ({@code ygg.vectorize = off}): same rows, bit-identical values, on
 * one thread and on several, over a table of several chunks with deleted rows.
 */
class BatchScoringTest {
  private static SqlDriver db;

  @BeforeAll
  static void load() {
    db = new SqlDriver();
    db.run("CREATE TABLE bs (id int PRIMARY KEY, a double precision, b int, c numeric(10,2), g text)");
    // 80,000 rows: a full chunk and a partial one; 1% far away
    db.run("INSERT INTO bs SELECT x,"
        + " CASE WHEN x % 100 = 0 THEN 50 + x % 7 ELSE (x * 7919 % 1000) / 100.0 END,"
        + " (x::bigint * 104729) % 50,"
        + " CAST((x * 31) % 4000 AS numeric(10,2)) / 40,"
        + " 'g' || (x % 5)"
        + " FROM generate_series(1, 80000) s(x)");
    db.run("DELETE FROM bs WHERE id % 10 = 3");
    db.run("CREATE MODEL bs_m TYPE ISOLATION_FOREST OPTIONS (n_trees = 50, contamination = 0.02,"
        + " seed = 3) AS SELECT a, b, c FROM bs");
    db.run("CREATE TABLE bn (id int, a double precision, b int, c numeric(10,2))");
    db.run("INSERT INTO bn SELECT x, CASE WHEN x > 900 THEN NULL ELSE x END, x % 7, x / 3"
        + " FROM generate_series(1, 1000) s(x)");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT id, ANOMALY_SCORE('bs_m') FROM bs",
      "SELECT count(*) FROM bs WHERE ANOMALY_SCORE('bs_m') > 0.6",
      "SELECT id, a FROM bs WHERE id > 5000 AND ANOMALY_PREDICT('bs_m') = 1",
      "SELECT id, ANOMALY_PROBA('bs_m'), ANOMALY_CONFIDENCE('bs_m'), ANOMALY_SCORE('bs_m') FROM bs WHERE g = 'g1'",
      "SELECT g, sum(ANOMALY_PREDICT('bs_m')), max(ANOMALY_SCORE('bs_m')) FROM bs WHERE b < 20 GROUP BY g",
      "SELECT count(*), count(DISTINCT b) FROM bs WHERE ANOMALY_SCORE('bs_m') > 0.55",
      "SELECT id, ANOMALY_SCORE('bs_m', c, b, a) FROM bs WHERE ANOMALY_SCORE('bs_m') > 0.55 OR id < 100",
      "SELECT id FROM bs WHERE b BETWEEN 10 AND 20 ORDER BY ANOMALY_SCORE('bs_m') DESC, id LIMIT 25",
      // long form with expressions as features: arithmetic, numeric arithmetic, math functions
      "SELECT id, ANOMALY_SCORE('bs_m', a * 100, ln(a + 1), c * 2) FROM bs",
      "SELECT id, ANOMALY_PREDICT('bs_m', a * 100 - 3, ln(b), (c - 1.5) * 3) FROM bs WHERE b > 0",
      "SELECT id, ANOMALY_PROBA('bs_m', sqrt(a), exp(a / 10), abs(a - 5)) FROM bs WHERE g <> 'g2'",
      "SELECT count(*) FROM bs WHERE ANOMALY_CONFIDENCE('bs_m', a, ln(a) * 2 + b, c) > 0.5 AND id > 100",
      "SELECT id, ANOMALY_SCORE('bs_m', ln(a - 5), b, c) FROM bs WHERE a > 5",
  })
  void batchScoringMatchesTheRowPath(String sql) {
    List<List<Object>> rowAtATime = rows(sql, false, 1);
    assertFalse(explain(sql, false).contains("AccelScore"), explain(sql, false));
    assertTrue(explain(sql, true).contains("AccelScore"), explain(sql, true));
    for (int threads : new int[] {1, 2}) {
      assertEquals(sorted(rowAtATime), sorted(rows(sql, true, threads)), sql + " on " + threads + " threads");
    }
  }

  @Test
  void otherFiltersRunFirstAndShowInExplain() {
    String sql = "SELECT id FROM bs WHERE b < 3 AND ANOMALY_SCORE('bs_m') > 0.6";
    String plan = explain(sql, true);
    assertTrue(plan.contains("filter=") && plan.contains("first") && plan.contains("anomaly_score('bs_m'"), plan);
  }

  @Test
  void onlyColumnsReadAboveAreHandedOut() {
    // count(*) reads no column: the features are scored in the scan and nothing is handed out
    assertFalse(explain("SELECT count(*) FROM bs WHERE ANOMALY_SCORE('bs_m') > 0.6", true)
        .contains("columns out="));
    assertFalse(explain("SELECT count(*) FROM bs WHERE b < 40 AND ANOMALY_SCORE('bs_m') > 0.6", true)
        .contains("columns out="));
    String grouped = explain("SELECT g, max(ANOMALY_SCORE('bs_m')) FROM bs WHERE id > 10 GROUP BY g", true);
    assertTrue(grouped.contains("AccelScore") && grouped.contains("columns out=[$"), grouped);
    assertFalse(grouped.contains("columns out=[$0, $1"), grouped);
  }

  @Test
  void nullFeaturesFailOnlyForRowsThatAreScored() {
    // rows 901..1000 have a NULL feature: a filter that removes them runs before scoring
    for (boolean vectorize : new boolean[] {true, false}) {
      assertEquals(900, rows("SELECT id, ANOMALY_SCORE('bs_m') FROM bn WHERE id <= 900", vectorize, 2).size());
      SqlStateException e = assertThrows(SqlStateException.class,
          () -> rows("SELECT id, ANOMALY_SCORE('bs_m') FROM bn", vectorize, 2));
      assertEquals(SqlState.NULL_VALUE_NOT_ALLOWED, e.state());
      assertEquals(List.of(List.of(0L)), rows("SELECT count(*) FROM bn WHERE a IS NULL AND id < 900"
          + " AND ANOMALY_SCORE('bs_m') > 0", vectorize, 1));
    }
  }

  @Test
  void expressionFeaturesShowInExplain() {
    String plan = explain("SELECT id, ANOMALY_SCORE('bs_m', a * 100, ln(b), c) FROM bs WHERE b > 0", true);
    assertTrue(plan.contains("AccelScore") && plan.contains("ln(") && plan.contains("* 100"), plan);
  }

  @Test
  void aBadLogarithmFailsAlikeOnBothPathsAndOnlyForScoredRows() {
    String sql = "SELECT id, ANOMALY_SCORE('bs_m', ln(a - 5), b, c) FROM bs";
    assertTrue(explain(sql, true).contains("AccelScore"), explain(sql, true));
    SqlStateException rowPath = assertThrows(SqlStateException.class, () -> rows(sql, false, 1));
    for (int threads : new int[] {1, 2}) {
      SqlStateException batch = assertThrows(SqlStateException.class, () -> rows(sql, true, threads));
      assertEquals(rowPath.state(), batch.state());
      assertEquals(rowPath.getMessage(), batch.getMessage());
    }
    // the rows that would fail are filtered out before scoring, on both paths
    String kept = sql + " WHERE a > 5";
    assertEquals(sorted(rows(kept, false, 1)), sorted(rows(kept, true, 2)));
  }

  @Test
  void nullsInExpressionFeaturesFailLikeTheRowPath() {
    for (boolean vectorize : new boolean[] {true, false}) {
      assertEquals(900, rows("SELECT id, ANOMALY_SCORE('bs_m', a * 2, ln(b + 1.0), c) FROM bn WHERE id <= 900",
          vectorize, 2).size());
      SqlStateException e = assertThrows(SqlStateException.class,
          () -> rows("SELECT id, ANOMALY_SCORE('bs_m', a * 2, b, c) FROM bn", vectorize, 2));
      assertEquals(SqlState.NULL_VALUE_NOT_ALLOWED, e.state());
    }
    String sql = "SELECT id, ANOMALY_SCORE('bs_m', a * 2, ln(b + 1.0), c) FROM bn WHERE id <= 900";
    assertTrue(explain(sql, true).contains("AccelScore"), explain(sql, true));
    assertEquals(sorted(rows(sql, false, 1)), sorted(rows(sql, true, 2)));
  }

  private static List<List<Object>> rows(String sql, boolean vectorize, int threads) {
    db.run("SET ygg.vectorize = " + (vectorize ? "on" : "off"));
    db.run("SET ygg.threads = " + threads);
    try {
      return db.run(sql);
    } finally {
      db.run("RESET ygg.vectorize");
      db.run("RESET ygg.threads");
    }
  }

  private static String explain(String sql, boolean vectorize) {
    StringBuilder b = new StringBuilder();
    for (List<Object> row : rows("EXPLAIN " + sql, vectorize, 1)) {
      b.append(row.get(0)).append('\n');
    }
    return b.toString();
  }

  private static List<String> sorted(List<List<Object>> rows) {
    List<String> out = new ArrayList<>();
    for (List<Object> r : rows) {
      out.add(r.toString());
    }
    out.sort(null);
    return out;
  }
}
