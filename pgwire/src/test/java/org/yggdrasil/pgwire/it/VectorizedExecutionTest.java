package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.lines;
import static org.yggdrasil.pgwire.it.Db.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The vectorized executor as a client meets it, over pgjdbc: each analytical shape the planner
 * moves onto accel (ORDER BY … LIMIT, grouped and filtered aggregates, arithmetic in filters,
 * aggregates answered from chunk statistics, ROW_NUMBER top-n per group with tie-breaking keys,
 * percentiles, COUNT(DISTINCT), LIKE and LENGTH, GROUP BY date_trunc / extract / modulo keys)
 * returns what {@code SET ygg.vectorize = off} (Calcite's own execution) returns, on main and on
 * a branch whose rows were deleted and updated, with one thread and with several. The table spans three 65,536-row chunks.
 */
class VectorizedExecutionTest {

  @RegisterExtension static final TestServer server = new TestServer();

  private static final List<String> QUERIES = List.of(
      "SELECT id, price FROM sales ORDER BY price DESC, id LIMIT 10",
      "SELECT id, shipped FROM sales WHERE qty > 45 ORDER BY shipped, id DESC LIMIT 7",
      "SELECT region, count(*), sum(qty), avg(price), min(shipped), max(amount) FROM sales"
          + " WHERE qty < 20 GROUP BY region ORDER BY region",
      "SELECT count(*) FROM sales WHERE price <> 50.0",
      "SELECT count(*), sum(qty) FROM sales WHERE price * qty > 1000",
      "SELECT count(*), sum(amount) FROM sales WHERE amount * 2 > 300.5 AND qty * 3 <> 12",
      "SELECT region, count(DISTINCT qty), sum(price), count(*) FROM sales GROUP BY region ORDER BY region",
      "SELECT sum(qty), count(*), count(price), avg(price), min(id), max(id), sum(amount) FROM sales",
      "SELECT region, id, price FROM (SELECT region, id, price, row_number() OVER"
          + " (PARTITION BY region ORDER BY price DESC, id) AS rn FROM sales WHERE price IS NOT NULL) t"
          + " WHERE rn <= 2 ORDER BY region, rn",
      "SELECT region, id FROM (SELECT region, id, row_number() OVER (PARTITION BY region"
          + " ORDER BY price DESC, qty, id DESC) AS rn FROM sales) t WHERE rn <= 3 ORDER BY region, rn",
      "SELECT qty, id FROM (SELECT qty, id, row_number() OVER (PARTITION BY qty ORDER BY id) AS rn"
          + " FROM sales WHERE region <> 'region-2') t WHERE rn = 1 ORDER BY qty",
      "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY price) FROM sales",
      "SELECT count(DISTINCT qty) FROM sales",
      "SELECT count(*), avg(length(region)) FROM sales WHERE region LIKE '%3%'",
      // GROUP BY keys computed from a column, as BI tools send them
      "SELECT date_trunc('month', sold_at) AS m, count(*), sum(amount) FROM sales GROUP BY 1 ORDER BY 1",
      "SELECT date_trunc('week', shipped), count(*) FROM sales GROUP BY 1 ORDER BY 1",
      "SELECT extract(year FROM sold_at), date_part('month', shipped), avg(price) FROM sales"
          + " GROUP BY 1, 2 ORDER BY 1, 2",
      "SELECT id % 10, count(*), sum(qty) FROM sales GROUP BY 1 ORDER BY 1",
      "SELECT qty / 10, floor(amount), count(*) FROM sales WHERE qty > 40 GROUP BY 1, 2 ORDER BY 1, 2");

  @BeforeAll
  static void load() throws SQLException {
    Assumptions.assumeFalse(TestServer.isReferencePostgres(), "Yggdrasil's own executor");
    try (Connection c = server.connect()) {
      exec(c, "DROP TABLE IF EXISTS sales",
          "CREATE TABLE sales (id bigint, region text, qty int, price float8, amount numeric(12,2),"
              + " shipped date, sold_at timestamp, sold_tz timestamptz)",
          "INSERT INTO sales SELECT g, 'region-' || (g % 7), g % 50,"
              + " CASE WHEN g % 97 = 0 THEN NULL ELSE CAST(g * 37 % 1000 AS float8) / 10 END,"
              + " CAST(g % 1000 AS numeric(12,2)) / 4, DATE '2026-01-01' + (g % 365),"
              + " CASE WHEN g % 89 = 0 THEN NULL ELSE TIMESTAMP '2025-06-01 00:00:00' + g * INTERVAL '7' MINUTE END,"
              + " TIMESTAMP '2025-06-01 00:00:00' + g * INTERVAL '7' MINUTE"
              + " FROM generate_series(1, 150000) g");
    }
  }

  @AfterAll
  static void drop() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "DROP TABLE IF EXISTS sales");
    }
  }

  @Test
  void everyShapeRunsVectorizedAndAgreesWithCalcitesExecution() throws SQLException {
    try (Connection c = server.connect()) {
      for (String threads : List.of("1", "4")) {
        exec(c, "SET ygg.threads = " + threads);
        assertSameBothWays(c);
      }
    }
  }

  @Test
  void onABranchWithDeletesAndUpdatesTheResultsFollowTheBranch() throws SQLException {
    try (Connection c = server.connect()) {
      String mainTotals = one(c, "SELECT sum(qty) || '/' || count(*) FROM sales");
      exec(c, "SELECT ygg.create_branch('vec_edit', 'main')", "SET ygg.branch = 'vec_edit'",
          "DELETE FROM sales WHERE id % 10 = 3",
          "UPDATE sales SET price = price + 1000, qty = qty + 1 WHERE id % 1000 = 7");
      assertSameBothWays(c);
      String branchTotals = one(c, "SELECT sum(qty) || '/' || count(*) FROM sales");
      assertNotEquals(mainTotals, branchTotals);
      assertEquals("1025.9", one(c, "SELECT price FROM sales ORDER BY price DESC NULLS LAST LIMIT 1"));
      assertEquals(null, one(c, "SELECT price FROM sales ORDER BY price DESC LIMIT 1"));
      exec(c, "SET ygg.branch = 'main'");
      assertEquals(mainTotals, one(c, "SELECT sum(qty) || '/' || count(*) FROM sales"));
    }
  }

  /**
   * timestamptz keys are the session's wall-clock time (here across New York's daylight-saving
   * changes), both ways.
   */
  @Test
  void timestamptzKeysFollowTheSessionTimeZone() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "SET TIME ZONE 'America/New_York'");
      assertSameBothWays(c, List.of(
          "SELECT date_trunc('day', sold_tz), count(*), sum(qty) FROM sales GROUP BY 1 ORDER BY 1",
          "SELECT extract(year FROM sold_tz), date_part('month', sold_tz), count(*) FROM sales"
              + " GROUP BY 1, 2 ORDER BY 1, 2"));
    }
  }

  private static void assertSameBothWays(Connection c) throws SQLException {
    assertSameBothWays(c, QUERIES);
  }

  /** Each query's rows with the vectorized executor equal Calcite's, and EXPLAIN shows accel. */
  private static void assertSameBothWays(Connection c, List<String> queries) throws SQLException {
    for (String q : queries) {
      exec(c, "SET ygg.vectorize = on");
      String plan = String.join("\n", lines(c, "EXPLAIN " + q));
      assertTrue(plan.contains("Accel"), () -> "not vectorized: " + q + "\n" + plan);
      List<String> vectorized = lines(c, q);
      exec(c, "SET ygg.vectorize = off");
      String fallbackPlan = String.join("\n", lines(c, "EXPLAIN " + q));
      assertTrue(!fallbackPlan.contains("Accel"), () -> "still vectorized: " + fallbackPlan);
      assertSameRows(lines(c, q), vectorized, q);
      assertTrue(!vectorized.isEmpty(), q);
    }
    exec(c, "RESET ygg.vectorize");
  }

  /**
   * Equal rows, where float8 values may differ in their last bits: the vectorized sums are
   * compensated, Calcite's are not, so an average over 150,000 rows can differ after 14 digits.
   */
  private static void assertSameRows(List<String> expected, List<String> actual, String q) {
    assertEquals(expected.size(), actual.size(), q);
    for (int r = 0; r < expected.size(); r++) {
      String[] e = expected.get(r).split("\\|", -1);
      String[] a = actual.get(r).split("\\|", -1);
      assertEquals(e.length, a.length, q);
      for (int i = 0; i < e.length; i++) {
        if (e[i].equals(a[i])) {
          continue;
        }
        double x = Double.parseDouble(e[i]);
        double y = Double.parseDouble(a[i]);
        assertTrue(Math.abs(x - y) <= 1e-12 * Math.abs(x),
            q + ": row " + r + " column " + i + ": " + e[i] + " vs " + a[i]);
      }
    }
  }
}
