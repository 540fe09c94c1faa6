package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.function.Executable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** Small JDBC helpers for the end-to-end tests: results as strings, errors as SQLSTATEs. */
final class Db {
  private Db() {}

  /** Runs statements one by one with a plain Statement (simple or extended, as pgjdbc likes). */
  static void exec(Connection c, String... sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    }
  }

  /** Update count of one statement. */
  static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      return ps.executeUpdate();
    }
  }

  /** All rows, every value as {@code getString} gives it (null stays null). */
  static List<List<String>> rows(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        return read(rs);
      }
    }
  }

  static List<List<String>> read(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    List<List<String>> out = new ArrayList<>();
    while (rs.next()) {
      List<String> row = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        row.add(rs.getString(i));
      }
      out.add(row);
    }
    return out;
  }

  /** The single value of a one-row, one-column result. */
  /** Notifications that arrive within {@code millis} (pgjdbc waits on the socket), as channel:payload. */
  static List<String> notifications(Connection c, int millis) throws SQLException {
    List<String> out = new ArrayList<>();
    PGNotification[] got = c.unwrap(PGConnection.class).getNotifications(millis);
    if (got != null) {
      for (PGNotification n : got) {
        out.add(n.getName() + ":" + n.getParameter());
      }
    }
    return out;
  }

  static String one(Connection c, String sql, Object... params) throws SQLException {
    List<List<String>> r = rows(c, sql, params);
    assertEquals(1, r.size(), () -> "rows of " + sql + ": " + r);
    assertEquals(1, r.get(0).size(), () -> "columns of " + sql + ": " + r);
    return r.get(0).get(0);
  }

  /** Rows as lines "a|b|c", for compact expectations. */
  static List<String> lines(Connection c, String sql, Object... params) throws SQLException {
    List<String> out = new ArrayList<>();
    for (List<String> row : rows(c, sql, params)) {
      out.add(String.join("|", row.stream().map(v -> v == null ? "NULL" : v).toList()));
    }
    return out;
  }

  static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i]);
    }
  }

  /** Asserts that the action fails with an SQLException and returns it. */
  static SQLException fails(Executable action) {
    return assertThrows(SQLException.class, action);
  }

  /** Asserts that the action fails with the given SQLSTATE and returns the exception. */
  static SQLException failsWith(String sqlState, Executable action) {
    SQLException e = fails(action);
    assertEquals(sqlState, e.getSQLState(), () -> "SQLSTATE of: " + e);
    return e;
  }

  /** {@code list("a|b", "c|d")}: expected lines for {@link #lines}. */
  static List<String> list(String... lines) {
    return List.of(lines);
  }
}
