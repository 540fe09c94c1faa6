package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.failsWith;
import static org.yggdrasil.pgwire.it.Db.lines;
import static org.yggdrasil.pgwire.it.Db.list;
import static org.yggdrasil.pgwire.it.Db.rows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * percentile_cont / percentile_disc (WITHIN GROUP, ascending and descending) and corr /
 * covar_pop / covar_samp over pgjdbc: results, types, labels, NULL handling, empty input and
 * errors as PostgreSQL 15 gives them (expectations checked against it with
 * {@code -Dygg.it.external}). The 200,000-row table is large enough to run on the vectorized
 * executor, in several chunks and threads.
 */
class StatisticalAggregatesTest {

  @RegisterExtension static final TestServer server = new TestServer();

  @BeforeAll
  static void load() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "DROP TABLE IF EXISTS obs", "DROP TABLE IF EXISTS big",
          "CREATE TABLE obs (g int, x int, y float8, t text)",
          "INSERT INTO obs VALUES (1, 1, 1.0, 'b'), (1, 2, 2.0, 'a'), (1, 3, NULL, 'c'),"
              + " (1, 10, 4.0, NULL), (1, NULL, 5.0, 'd'), (2, 7, 1.5, 'z'), (3, NULL, NULL, NULL)",
          "CREATE TABLE big (id int, k int, v float8, w float8)",
          "INSERT INTO big SELECT i, i % 7,"
              + " CASE WHEN i % 13 = 0 THEN NULL ELSE CAST(i * 7919 % 10007 AS float8) / 100 END,"
              + " CASE WHEN i % 17 = 0 THEN NULL ELSE CAST(i * 7919 % 10007 AS float8) / 200 + i % 101 END"
              + " FROM generate_series(1, 200000) i");
    }
  }

  @AfterAll
  static void drop() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "DROP TABLE obs", "DROP TABLE big");
    }
  }

  @Test
  void percentilesPerGroupSkipNullsAndFollowTheOrder() throws SQLException {
    try (Connection c = server.connect()) {
      assertEquals(list("1|2.5|3|4.25|b", "2|7|7|1.5|z", "3|NULL|NULL|NULL|NULL"), lines(c,
          "SELECT g, percentile_cont(0.5) WITHIN GROUP (ORDER BY x),"
              + " percentile_disc(0.5) WITHIN GROUP (ORDER BY x DESC),"
              + " percentile_cont(0.25) WITHIN GROUP (ORDER BY y DESC),"
              + " percentile_disc(0.5) WITHIN GROUP (ORDER BY t) FROM obs GROUP BY g ORDER BY g"));
    }
  }

  @Test
  void typesAndLabelsAreTheFunctionsOwn() throws SQLException {
    try (Connection c = server.connect();
        PreparedStatement ps = c.prepareStatement("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x),"
            + " percentile_disc(0.5) WITHIN GROUP (ORDER BY x), percentile_disc(0.5) WITHIN GROUP (ORDER BY t),"
            + " corr(y, x), covar_samp(y, x) FROM obs");
        ResultSet rs = ps.executeQuery()) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals(List.of("percentile_cont", "percentile_disc", "percentile_disc", "corr", "covar_samp"),
          List.of(md.getColumnLabel(1), md.getColumnLabel(2), md.getColumnLabel(3), md.getColumnLabel(4),
              md.getColumnLabel(5)));
      assertEquals(List.of("float8", "int4", "text", "float8", "float8"),
          List.of(md.getColumnTypeName(1), md.getColumnTypeName(2), md.getColumnTypeName(3),
              md.getColumnTypeName(4), md.getColumnTypeName(5)));
    }
  }

  @Test
  void correlationAndCovarianceUseCompletePairs() throws SQLException {
    try (Connection c = server.connect()) {
      assertEquals(list("0.7767252392435828|3.25|4.333333333333333"),
          lines(c, "SELECT corr(y, x), covar_pop(y, x), covar_samp(y, x) FROM obs"));
      // one pair: no sample covariance; a constant variable: no correlation
      assertEquals(list("NULL|0|NULL", "NULL|NULL|NULL"), lines(c,
          "SELECT corr(y, x), covar_pop(y, x), covar_samp(y, x) FROM obs WHERE g > 1 GROUP BY g ORDER BY g"));
      assertEquals(list("NULL"), lines(c, "SELECT corr(y, 2) FROM obs"));
    }
  }

  @Test
  void worksOverJoinsAndSubqueries() throws SQLException {
    try (Connection c = server.connect()) {
      assertEquals(list("4"), lines(c, "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY a.x + b.x)"
          + " FROM obs a JOIN obs b ON a.g = b.g WHERE a.x < 5 AND b.x < 5"));
      assertEquals(list("2"), lines(c, "SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY s.x)"
          + " FROM (SELECT x FROM obs WHERE g = 1) s"));
    }
  }

  @Test
  void largeTablePerGroup() throws SQLException {
    try (Connection c = server.connect()) {
      List<List<String>> got = rows(c, "SELECT k, percentile_cont(0.5) WITHIN GROUP (ORDER BY v),"
          + " percentile_disc(0.9) WITHIN GROUP (ORDER BY v DESC), corr(v, w), covar_pop(w, v),"
          + " covar_samp(v, w) FROM big GROUP BY k ORDER BY k");
      String[][] expected = {
          {"0", "50.095", "10.02", "0.4441364952441387", "417.4919449299804", "417.5087643621345"},
          {"1", "50.01", "10.02", "0.44451959446003003", "417.7588306528561", "417.7756601589856"},
          {"2", "49.98", "9.99", "0.44454846760463046", "418.16759049822855", "418.18443782873493"},
          {"3", "50.07", "9.99", "0.44467148646109533", "418.3260035805545", "418.3428572932809"},
          {"4", "50.05", "10.02", "0.4441382106973941", "417.25691926745134", "417.2737292311637"},
          {"5", "49.97", "9.99", "0.4446812993537627", "418.0309076710366", "418.04775017336016"},
          {"6", "50.03", "9.99", "0.4436561605232388", "417.18312347302526", "417.19993181804836"}};
      assertEquals(expected.length, got.size());
      for (int r = 0; r < expected.length; r++) {
        for (int col = 0; col < 3; col++) {
          assertEquals(expected[r][col], got.get(r).get(col), "row " + r);
        }
        // summation order differs between executors and threads: agree to PostgreSQL's digits but the last few
        for (int col = 3; col < 6; col++) {
          assertClose(expected[r][col], got.get(r).get(col));
        }
      }
      List<List<String>> all = rows(c, "SELECT percentile_cont(0.37) WITHIN GROUP (ORDER BY v),"
          + " percentile_disc(0.37) WITHIN GROUP (ORDER BY k), corr(w, v) FROM big");
      assertEquals(List.of("37.01", "2"), all.get(0).subList(0, 2));
      assertClose("0.4443360876728923", all.get(0).get(2));
    }
  }

  @Test
  void largeTableRunsOnTheVectorizedExecutor() throws SQLException {
    Assumptions.assumeFalse(TestServer.isReferencePostgres(), "Yggdrasil's own plan");
    try (Connection c = server.connect()) {
      String plan = String.join("\n", lines(c, "EXPLAIN SELECT k, percentile_cont(0.5) WITHIN GROUP"
          + " (ORDER BY v DESC), percentile_disc(0.9) WITHIN GROUP (ORDER BY v), corr(v, w) FROM big GROUP BY k"));
      assertTrue(plan.contains("AccelAggregate") && plan.contains("percentile_cont(0.5, ") && plan.contains("corr("),
          plan);
    }
  }

  @Test
  void emptyInputGivesNullWithoutGroupsAndNoRowsWithGroups() throws SQLException {
    try (Connection c = server.connect()) {
      assertEquals(list("NULL|NULL|NULL"), lines(c, "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v),"
          + " percentile_disc(0.5) WITHIN GROUP (ORDER BY k), corr(v, w) FROM big WHERE id < 0"));
      assertEquals(list(), lines(c, "SELECT k, percentile_cont(0.5) WITHIN GROUP (ORDER BY v)"
          + " FROM big WHERE id < 0 GROUP BY k"));
    }
  }

  @Test
  void fractionsOutsideZeroToOneAreRefused() throws SQLException {
    try (Connection c = server.connect()) {
      SQLException e = failsWith("22003", () -> lines(c,
          "SELECT percentile_cont(1.5) WITHIN GROUP (ORDER BY v) FROM big"));
      assertTrue(e.getMessage().contains("percentile value 1.5 is not between 0 and 1"), e.getMessage());
      e = failsWith("22003", () -> lines(c,
          "SELECT percentile_disc(g - 1.5) WITHIN GROUP (ORDER BY x) FROM obs GROUP BY g"));
      assertTrue(e.getMessage().contains("percentile value -0.5 is not between 0 and 1"), e.getMessage());
      // the fraction is checked even when the aggregate has no input (PostgreSQL: one group, no rows)
      failsWith("22003", () -> lines(c,
          "SELECT percentile_cont(-0.1) WITHIN GROUP (ORDER BY v) FROM big WHERE id < 0"));
    }
  }

  private static void assertClose(String expected, String actual) {
    double e = Double.parseDouble(expected);
    double a = Double.parseDouble(actual);
    assertEquals(e, a, Math.abs(e) * 1e-12, () -> "expected " + expected + " but was " + actual);
  }
}
