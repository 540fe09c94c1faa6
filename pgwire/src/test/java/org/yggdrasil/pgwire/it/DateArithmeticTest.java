package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PostgreSQL's date arithmetic: {@code date ± integer} is a date, {@code date - date} the
 * integer number of days, on columns, literals and parameters, in text and binary transfer.
 */
class DateArithmeticTest {

  @RegisterExtension static final TestServer server = new TestServer();

  private static Connection connect(String prepareThreshold) throws SQLException {
    return server.connect("prepareThreshold", prepareThreshold,
        "binaryTransferEnable", "date,int4");
  }

  private static void fill(Connection c, String t) throws SQLException {
    Db.exec(c, "DROP TABLE IF EXISTS " + t,
        "CREATE TABLE " + t + " (id int4, a date, b date, n int4, s int2)",
        "INSERT INTO " + t + " VALUES (1, '2024-01-31', '2024-03-01', 3, 1),"
            + " (2, '2024-12-31', '2024-01-01', -2, 2), (3, NULL, '2024-01-01', NULL, NULL)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1"})
  void datePlusAndMinusIntegers(String mode) throws SQLException {
    String t = "date_arith_" + ("0".equals(mode) ? "text" : "binary");
    try (Connection c = connect(mode)) {
      fill(c, t);
      assertEquals(Db.list(
              "2024-02-03|2024-01-28|2024-02-03|2024-02-01|2024-01-30|2024-02-01",
              "2024-12-29|2025-01-02|2024-12-29|2025-01-01|2024-12-30|2025-01-02",
              "NULL|NULL|NULL|NULL|NULL|NULL"),
          Db.lines(c, "SELECT a + n, a - n, n + a, a + 1, a - 1, a + s FROM " + t
              + " ORDER BY id"));
      assertEquals("2024-03-01", Db.one(c, "SELECT DATE '2024-02-28' + 2"));
      assertEquals("2023-12-31", Db.one(c, "SELECT 1 + DATE '2023-12-30'"));
      // the result is a date: it compares with dates and has the date type
      assertEquals(Db.list("1"), Db.lines(c,
          "SELECT id FROM " + t + " WHERE a + n = DATE '2024-02-03'"));
      try (PreparedStatement ps = c.prepareStatement("SELECT a + n, b - a FROM " + t)) {
        ResultSetMetaData md = ps.getMetaData();
        assertEquals("date", md.getColumnTypeName(1));
        assertEquals("int4", md.getColumnTypeName(2));
        assertEquals("?column?", md.getColumnLabel(2));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1"})
  void dateMinusDateIsDays(String mode) throws SQLException {
    String t = "date_diff_" + ("0".equals(mode) ? "text" : "binary");
    try (Connection c = connect(mode)) {
      fill(c, t);
      assertEquals(Db.list("1|30", "2|-365", "3|NULL"),
          Db.lines(c, "SELECT id, b - a FROM " + t + " ORDER BY id"));
      assertEquals(Db.list("1"), Db.lines(c, "SELECT id FROM " + t + " WHERE b - a > 10"));
      assertEquals(Db.list("-365|1", "30|1", "NULL|1"), Db.lines(c,
          "SELECT b - a, count(*) FROM " + t + " GROUP BY b - a ORDER BY 1"));
      assertEquals("30", Db.one(c, "SELECT DATE '2024-03-01' - DATE '2024-01-31'"));
      assertEquals("0", Db.one(c, "SELECT current_date - current_date"));
      try (ResultSet rs = c.createStatement().executeQuery(
          "SELECT DATE '2024-03-01' - DATE '2024-01-31'")) {
        rs.next();
        assertEquals(30, rs.getInt(1));
        assertEquals("int4", rs.getMetaData().getColumnTypeName(1));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1"})
  void parametersNextToDatesAreDays(String mode) throws SQLException {
    try (Connection c = connect(mode)) {
      try (PreparedStatement ps = c.prepareStatement("SELECT ?::date + ?, ?::date - ?")) {
        ps.setObject(1, LocalDate.of(2024, 2, 28));
        ps.setInt(2, 2);
        ps.setObject(3, LocalDate.of(2024, 3, 1));
        ps.setInt(4, 1);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertEquals(LocalDate.of(2024, 3, 1), rs.getObject(1, LocalDate.class));
          assertEquals(LocalDate.of(2024, 2, 29), rs.getObject(2, LocalDate.class));
        }
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT DATE '2024-03-01' - ?::date")) {
        ps.setObject(1, LocalDate.of(2024, 1, 1));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertEquals(60, rs.getInt(1));
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0"})
  void bigintDaysAreNoOperator(String mode) throws SQLException {
    try (Connection c = connect(mode)) {
      // PostgreSQL has date + integer only
      Db.failsWith("42883", () -> Db.one(c, "SELECT DATE '2024-01-01' + 1::int8"));
    }
  }
}
