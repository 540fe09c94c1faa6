package org.yggdrasil.planner.vexec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yggdrasil.planner.SqlDriver;

/**
 * min and max of text columns on the vectorized executor agree with Calcite's row path (which
 * compares Java Strings, by UTF-16 code units): over three chunks with NULLs, deleted and updated
 * rows and accented letters, with and without GROUP BY, WHERE and FILTER. (Characters beyond
 * U+FFFF, which bytes and code units order differently, are Utf16OrderTest's: a literal holding
 * one does not reach the table through Calcite's ISO-8859-1 literals.)
 */
class TextMinMaxTest {
  private static SqlDriver db;

  @BeforeAll
  static void load() {
    db = new SqlDriver();
    db.run("CREATE TABLE w (id int, k int, t text, v varchar(20))");
    db.run("INSERT INTO w SELECT s, s % 5,"
        + " CASE WHEN s % 9 = 0 THEN NULL WHEN s % 1000 = 7 THEN 'zz' || s"
        + "   WHEN s % 3 = 0 THEN 'é' || (s % 4001) ELSE 'w' || (s % 7919) END,"
        + " CASE WHEN s % 4 = 0 THEN NULL ELSE 'v' || (s % 611) END"
        + " FROM generate_series(1, 150000) g(s)");
    db.run("DELETE FROM w WHERE id % 10 = 3 OR id = 149008");
    db.run("UPDATE w SET t = 'a-updated' || id WHERE id % 10000 = 1");
    // a group of NULLs only
    db.run("INSERT INTO w VALUES (200000, 9, NULL, NULL)");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT min(t), max(t), min(v), max(v), count(*) FROM w",
      "SELECT k, min(t), max(t), min(v), max(v) FROM w GROUP BY k",
      "SELECT min(t), max(t) FROM w WHERE id > 70000 AND id < 140000",
      "SELECT k, min(t) FILTER (WHERE id > 50000), max(t) FILTER (WHERE v LIKE 'v1%'),"
          + " max(CASE WHEN id > 1000 THEN v END) FROM w GROUP BY k",
      "SELECT min(t), max(v) FROM w WHERE id < 0",
      "SELECT id, min(t), max(v) FROM w GROUP BY id",
  })
  void vectorizedMatchesEnumerable(String sql) {
    BothWays r = BothWays.run(db, sql, "AccelAggregate");
    VectorizedAggregateTest.assertSameRows(r.enumerable(), r.vectorized(), sql);
    VectorizedAggregateTest.assertSameRows(r.enumerable(), r.oneThread(), sql);
  }

  @Test
  void accentedLettersSortAboveAsciiAndNullsAreSkipped() {
    String sql = "SELECT min(t), max(t) FROM w WHERE id IN (7, 8, 9, 11, 12, 1007)";
    assertTrue(db.explain(sql).contains("AccelAggregate"), db.explain(sql));
    // w7, w8, NULL, w11, é12, zz1007: é (U+00E9) sorts above z
    assertEquals(List.of(Arrays.<Object>asList("w11", "é12")), db.run(sql));
  }
}
