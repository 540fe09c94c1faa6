package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.lines;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Dashboard aggregates over some of the rows, {@code FILTER (WHERE ...)} and
 * {@code sum(CASE WHEN ... THEN x ELSE 0 END)}, over pgjdbc: planned onto the vectorized executor
 * (EXPLAIN shows AccelAggregate) and answering what {@code SET ygg.vectorize = off} answers,
 * with literal and bound conditions, NULLs, deleted rows and a group where no row passes.
 */
class VectorizedAggregateFilterTest {

  @RegisterExtension static final TestServer server = new TestServer();

  private static final List<String> QUERIES = List.of(
      "SELECT count(*) FILTER (WHERE status = 'open'), sum(amount) FILTER (WHERE amount > 100),"
          + " avg(qty) FILTER (WHERE paid), count(*) FROM orders",
      "SELECT region, count(*) FILTER (WHERE status = 'open'), sum(amount) FILTER (WHERE amount > 100),"
          + " max(qty) FILTER (WHERE status = 'rare'), avg(amount) FILTER (WHERE NOT paid)"
          + " FROM orders GROUP BY region ORDER BY region",
      "SELECT region, sum(CASE WHEN status = 'open' THEN amount ELSE 0 END),"
          + " sum(CASE WHEN paid THEN 1 ELSE 0 END), count(CASE WHEN status = 'rare' THEN 1 END),"
          + " avg(CASE WHEN status = 'open' THEN qty END) FROM orders GROUP BY region ORDER BY region",
      "SELECT sum(CASE WHEN status = 'rare' THEN amount ELSE 0 END),"
          + " sum(CASE WHEN paid THEN qty ELSE 0 END) FROM orders WHERE qty > 10");

  @BeforeAll
  static void load() throws SQLException {
    Assumptions.assumeFalse(TestServer.isReferencePostgres(), "Yggdrasil's own executor");
    try (Connection c = server.connect()) {
      exec(c, "DROP TABLE IF EXISTS orders",
          "CREATE TABLE orders (id bigint, region text, status text, amount numeric(10,2), qty int,"
              + " paid boolean)",
          // 'rare' only in region-1; three 65,536-row chunks
          "INSERT INTO orders SELECT g, 'region-' || (g % 5),"
              + " CASE WHEN g % 13 = 0 THEN NULL WHEN g % 1000 = 1 THEN 'rare'"
              + "   WHEN g % 3 = 0 THEN 'open' ELSE 'closed' END,"
              + " CASE WHEN g % 11 = 0 THEN NULL ELSE CAST(g % 4000 AS numeric(10,2)) / 8 END,"
              + " CASE WHEN g % 17 = 0 THEN NULL ELSE g % 40 END,"
              + " CASE WHEN g % 19 = 0 THEN NULL ELSE g % 2 = 0 END"
              + " FROM generate_series(1, 150000) g",
          "DELETE FROM orders WHERE id % 10 = 7");
    }
  }

  @AfterAll
  static void drop() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "DROP TABLE IF EXISTS orders");
    }
  }

  @Test
  void filteredAggregatesRunVectorizedAndAgreeWithCalcitesExecution() throws SQLException {
    try (Connection c = server.connect()) {
      for (String q : QUERIES) {
        exec(c, "SET ygg.vectorize = on");
        String plan = String.join("\n", lines(c, "EXPLAIN " + q));
        assertTrue(plan.contains("AccelAggregate"), () -> "not vectorized: " + q + "\n" + plan);
        List<String> vectorized = lines(c, q);
        exec(c, "SET ygg.vectorize = off");
        assertEquals(lines(c, q), vectorized, q);
      }
      exec(c, "RESET ygg.vectorize");
    }
  }

  @Test
  void boundConditionsAndGroupsWhereNoRowPasses() throws SQLException {
    String q = "SELECT region, count(*) FILTER (WHERE status = ?),"
        + " sum(amount) FILTER (WHERE status = ?), sum(CASE WHEN status = ? THEN amount ELSE 0 END)"
        + " FROM orders GROUP BY region ORDER BY region";
    try (Connection c = server.connect()) {
      String plan = String.join("\n", lines(c, "EXPLAIN " + q, "rare", "rare", "rare"));
      assertTrue(plan.contains("AccelAggregate"), plan);
      List<String> vectorized = lines(c, q, "rare", "rare", "rare");
      exec(c, "SET ygg.vectorize = off");
      List<String> enumerable = lines(c, q, "rare", "rare", "rare");
      exec(c, "RESET ygg.vectorize");
      assertEquals(enumerable, vectorized);
      // 'rare' rows: id % 1000 = 1 (all in region-1), 150 of them less the 12 whose status is NULL
      assertEquals("region-0|0|NULL|0.00", vectorized.get(0));
      assertTrue(vectorized.get(1).startsWith("region-1|138|"), vectorized.get(1));
      BigDecimal rareSum = new BigDecimal(vectorized.get(1).split("\\|")[2]);
      assertEquals(2, rareSum.scale());
      assertEquals("region-2|0|NULL|0.00", vectorized.get(2));
    }
  }
}
