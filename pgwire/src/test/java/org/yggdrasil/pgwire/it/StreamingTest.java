package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
 * Large results read in pieces: pgjdbc with autocommit off and a fetch size executes a portal
 * with a row limit, again and again, until it is done.
 */
@Timeout(120)
class StreamingTest {

  @RegisterExtension static final TestServer server = new TestServer();

  @Test
  void millionRowsWithFetchSize() throws SQLException {
    try (Connection c = server.connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT i, i * 2 AS j, 'row ' || i AS s FROM generate_series(1, 1000000) AS g(i)")) {
        ps.setFetchSize(1000);
        long count = 0;
        long sumI = 0;
        long sumJ = 0;
        long sumLen = 0;
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            int i = rs.getInt(1);
            count++;
            sumI += i;
            sumJ += rs.getLong(2);
            sumLen += rs.getString(3).length();
            min = Math.min(min, i);
            max = Math.max(max, i);
          }
        }
        assertEquals(1_000_000, count);
        assertEquals(500_000_500_000L, sumI);
        assertEquals(1_000_001_000_000L, sumJ);
        // "row " plus the digits: 9*1 + 90*2 + 900*3 + 9000*4 + 90000*5 + 900000*6 + 1*7 digits.
        assertEquals(4_000_000L + 5_888_896L, sumLen);
        assertEquals(1, min);
        assertEquals(1_000_000, max);
      }
      c.commit();
    }
  }

  @Test
  void twoPortalsOpenAtOnce() throws SQLException {
    try (Connection c = server.connect()) {
      c.setAutoCommit(false);
      try (Statement a = c.createStatement();
          Statement b = c.createStatement()) {
        a.setFetchSize(7);
        b.setFetchSize(5);
        try (ResultSet ra = a.executeQuery("SELECT g FROM generate_series(1, 100) AS g ORDER BY g");
            ResultSet rb = b.executeQuery("SELECT g * 10 FROM generate_series(1, 50) AS g ORDER BY 1")) {
          int n = 0;
          while (ra.next()) {
            n++;
            assertEquals(n, ra.getInt(1));
            if (n <= 50) {
              assertTrue(rb.next());
              assertEquals(n * 10, rb.getInt(1));
            }
          }
          assertEquals(100, n);
          assertFalse(rb.next());
        }
      }
      c.commit();
    }
  }

  @Test
  void largeTableReadInBinaryWithFetchSize() throws SQLException {
    try (Connection c = server.connect("prepareThreshold", "-1")) {
      exec(
          c,
          "DROP TABLE IF EXISTS stream_t",
          "CREATE TABLE stream_t (id int8 PRIMARY KEY, v float8, t text)",
          "INSERT INTO stream_t SELECT g, g / 4.0, 'x' || g FROM generate_series(1, 200000) AS g");
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("SELECT id, v, t FROM stream_t WHERE id > ?")) {
        ps.setFetchSize(4096);
        ps.setLong(1, 100);
        long count = 0;
        double sumV = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            count++;
            sumV += rs.getDouble(2);
            assertEquals("x" + rs.getLong(1), rs.getString(3));
          }
        }
        assertEquals(199_900, count);
        assertEquals((200_000L * 200_001L / 2 - 5050) / 4.0, sumV, 1e-6);
      }
      c.commit();
      c.setAutoCommit(true);
      assertEquals("200000", one(c, "SELECT count(*) FROM stream_t"));
      exec(c, "DROP TABLE stream_t");
    }
  }
}
