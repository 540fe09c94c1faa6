package org.yggdrasil.planner.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
 * CREATE MODEL over plain columns of one table reads only the rows it samples, in place; the
 * model is the one training on the query's rows gives ({@code ygg.vectorize = off} runs the AS
 * query and collects every row): same scores on every row, same threshold, same row count, on
 * any thread count; and the same error for a NULL feature.
 */
class InPlaceTrainingTest {
  private static SqlDriver db;

  @BeforeAll
  static void load() {
    db = new SqlDriver();
    db.run("CREATE TABLE it (id int PRIMARY KEY, day date, a double precision, b numeric(10,2),"
        + " c int, n double precision)");
    // 100,000 rows over two chunks, 1% far away; deletes and updates leave holes and moved rows
    db.run("INSERT INTO it SELECT x, DATE '2026-01-01' + x / 1000,"
        + " CASE WHEN x % 100 = 0 THEN 60 + x % 9 ELSE (x * 7919 % 1000) / 100.0 END,"
        + " CAST((x * 31) % 4000 AS numeric(10,2)) / 40, (x::bigint * 104729) % 50,"
        + " CASE WHEN x = 90001 THEN NULL ELSE x END"
        + " FROM generate_series(1, 100000) s(x)");
    db.run("DELETE FROM it WHERE id % 10 = 3");
    db.run("UPDATE it SET a = a + 1 WHERE id % 1000 = 7");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static void train(String model, String vectorize, int threads, String asQuery) {
    db.run("SET ygg.vectorize = " + vectorize);
    db.run("SET ygg.threads = " + threads);
    try {
      db.run("CREATE OR REPLACE MODEL " + model + " TYPE ISOLATION_FOREST OPTIONS (n_trees = 60,"
          + " sample_size = 200, contamination = 0.03, seed = 5) AS " + asQuery);
    } finally {
      db.run("RESET ygg.vectorize");
      db.run("RESET ygg.threads");
    }
  }

  private static List<Object> described(String model) {
    return db.run("DESCRIBE MODEL " + model).stream()
        .filter(r -> r.get(0).equals("threshold") || r.get(0).equals("training_rows"))
        .map(r -> r.get(1)).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT a, b, c FROM it",
      "SELECT a, c FROM it WHERE day < DATE '2026-03-20' AND c <> 7",
      "SELECT c::double precision, b FROM it WHERE id > 50000",
      "SELECT a FROM it WHERE a > 5"})
  void inPlaceGivesTheModelOfTheQuerysRows(String asQuery) {
    train("ip_rows", "off", 1, asQuery);
    train("ip_place", "on", 1, asQuery);
    train("ip_place2", "on", 2, asQuery);
    String features = asQuery.substring("SELECT ".length(), asQuery.indexOf(" FROM"));
    for (String other : List.of("ip_place", "ip_place2")) {
      assertEquals(described("ip_rows"), described(other), asQuery);
      assertEquals(0L, db.value("SELECT count(*) FROM it WHERE ANOMALY_SCORE('ip_rows', " + features
          + ") IS DISTINCT FROM ANOMALY_SCORE('" + other + "', " + features + ")"), asQuery);
    }
    // and it finds the planted rows: most of the 1% scores above the rest
    if (asQuery.equals("SELECT a, b, c FROM it")) {
      long flagged = (Long) db.value("SELECT count(*) FROM it WHERE id % 100 = 0"
          + " AND ANOMALY_PREDICT('ip_place') = 1");
      long planted = (Long) db.value("SELECT count(*) FROM it WHERE id % 100 = 0");
      assertEquals(true, flagged > planted * 0.8, flagged + " of " + planted);
    }
  }

  @Test
  void aNullFeatureFailsTheSameWayOnBothPaths() {
    String asQuery = "SELECT a, n FROM it WHERE id > 20000";
    SqlStateException inPlace = assertThrows(SqlStateException.class, () -> train("ip_null", "on", 1, asQuery));
    SqlStateException rows = assertThrows(SqlStateException.class, () -> train("ip_null", "off", 1, asQuery));
    assertEquals(SqlState.NULL_VALUE_NOT_ALLOWED, inPlace.state());
    assertEquals(rows.getMessage(), inPlace.getMessage());
    train("ip_null", "on", 1, "SELECT a, n FROM it WHERE n IS NOT NULL");
  }

  @Test
  void noRowsIsAnError() {
    SqlStateException e = assertThrows(SqlStateException.class,
        () -> train("ip_none", "on", 1, "SELECT a FROM it WHERE day > DATE '2099-01-01'"));
    assertEquals(SqlState.DATA_EXCEPTION, e.state());
  }
}
