package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.one;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A statement that ran quickly a few times but is not bounded by the planner (see the session
 * package's CostHistory: only bounded statements such as primary-key lookups may run on the
 * event loop) must, when it suddenly returns many rows or runs long, still deliver every row in
 * order and still be stopped by statement_timeout. These tests guard that quick-but-unbounded
 * shapes keep streaming from the worker; they do not observe which thread ran them.
 */
@Timeout(120)
class InlineExecutionTest {

  @RegisterExtension static final TestServer server = new TestServer();

  private static final int MANY = 200_000;

  @Test
  void simpleQueryOfAQuickShapeStillStreamsALargeResult() throws SQLException {
    try (Connection c = server.connect("preferQueryMode", "simple");
        Statement s = c.createStatement()) {
      for (int i = 0; i < 6; i++) {
        assertEquals(List3.SUM, sum(s.executeQuery(
            "SELECT i FROM generate_series(1, 3) AS g(i)"), 3));
      }
      long expected = (long) MANY * (MANY + 1) / 2;
      assertEquals(expected, sum(s.executeQuery(
          "SELECT i FROM generate_series(1, " + MANY + ") AS g(i)"), MANY));
      assertEquals("2", one(c, "SELECT 1 + 1"));
    }
  }

  @Test
  void preparedStatementOfAQuickShapeStillStreamsALargeResult() throws SQLException {
    try (Connection c = server.connect("prepareThreshold", "1");
        PreparedStatement ps = c.prepareStatement(
            "SELECT i FROM generate_series(1, " + MANY + ") AS g(i) LIMIT ?")) {
      ps.setLong(1, 3);
      for (int i = 0; i < 6; i++) {
        assertEquals(List3.SUM, sum(ps.executeQuery(), 3));
      }
      ps.setLong(1, MANY);
      assertEquals((long) MANY * (MANY + 1) / 2, sum(ps.executeQuery(), MANY));
      // and a fetch size (Execute with a row limit) in a transaction
      c.setAutoCommit(false);
      ps.setFetchSize(1000);
      assertEquals((long) MANY * (MANY + 1) / 2, sum(ps.executeQuery(), MANY));
      c.commit();
      c.setAutoCommit(true);
      ps.setLong(1, 3);
      assertEquals(List3.SUM, sum(ps.executeQuery(), 3));
    }
  }

  @Test
  void statementTimeoutStopsAQuickShapeThatRunsLong() throws SQLException {
    try (Connection c = server.connect("preferQueryMode", "simple");
        Statement s = c.createStatement()) {
      exec(c, "SET statement_timeout = 500");
      String shape = "SELECT count(*) FROM generate_series(1, %d) AS a(x),"
          + " generate_series(1, %d) AS b(y) WHERE (x + y) %% 7 = 8";
      for (int i = 0; i < 6; i++) {
        assertEquals("0", one(c, String.format(shape, 3, 3)));
      }
      SQLException e = assertThrows(SQLException.class,
          () -> s.executeQuery(String.format(shape, 1_000_000, 1_000_000)));
      assertEquals("57014", e.getSQLState(), e::toString);
      assertEquals("2", one(c, "SELECT 1 + 1"));
    }
  }

  private static long sum(ResultSet rs, int expectedRows) throws SQLException {
    try (rs) {
      long sum = 0;
      int rows = 0;
      int previous = 0;
      while (rs.next()) {
        int v = rs.getInt(1);
        assertEquals(previous + 1, v, "rows in order");
        previous = v;
        sum += v;
        rows++;
      }
      assertEquals(expectedRows, rows);
      return sum;
    }
  }

  private static final class List3 {
    static final long SUM = 6;
  }
}
