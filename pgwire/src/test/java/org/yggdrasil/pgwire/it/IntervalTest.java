package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yggdrasil.pgwire.it.Db.failsWith;
import static org.yggdrasil.pgwire.it.Db.lines;
import static org.yggdrasil.pgwire.it.Db.list;
import static org.yggdrasil.pgwire.it.Db.one;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.util.PSQLException;

/**
 * PostgreSQL's interval input as clients write it ({@code interval '1 day 02:00:00'}, {@code
 * '90 minutes'::interval}, ISO 8601 {@code 'P1D'}), interval arithmetic with timestamps, and
 * operator errors in PostgreSQL's words. Expected values are PostgreSQL 15's for the same
 * statements.
 */
class IntervalTest {
  @RegisterExtension static final TestServer server = new TestServer();

  @Test
  void intervalLiteralsInPostgresSpelling() throws SQLException {
    try (Connection c = server.connect()) {
      assertEquals(list("3 days|1 day 02:00:00|3 mons|1 day|01:30:00|1 year 2 mons"), lines(c,
          "SELECT interval '1 day' * 3, interval '1 day 02:00:00', interval '3 months',"
              + " interval 'P1D', '90 minutes'::interval, interval '1 year 2 months'"));
      assertEquals(list("1 day 12:00:00|01:30:00|14 days|1 day 03:00:00|00:30:00|00:02:00"),
          lines(c, "SELECT interval '1.5 days', interval 'PT1H30M', interval '2 weeks',"
              + " interval '1 day' + interval '3 hours', interval '1 hour' / 2,"
              + " 2 * interval '1 minute'"));
      assertEquals(list("-1 days|-1 mons|-1 years|-2 days -03:00:00"), lines(c,
          "SELECT interval '-1 day', interval '-1 month', interval '-1 year',"
              + " interval '-2 days -03:00:00'"));
      try (ResultSet rs = c.createStatement().executeQuery("SELECT interval '1 day'")) {
        assertEquals("interval", rs.getMetaData().getColumnTypeName(1));
      }
      failsWith("22007", () -> lines(c, "SELECT interval 'xyz'"));
      failsWith("0A000", () -> lines(c, "SELECT interval '1 month 2 days'"));
    }
  }

  @Test
  void timestampAndIntervalArithmetic() throws SQLException {
    try (Connection c = server.connect()) {
      assertEquals(list("2024-01-02 12:00:00|2024-02-29 00:00:00"), lines(c,
          "SELECT timestamp '2024-01-01 10:00' + interval '1 day 2 hours',"
              + " timestamp '2024-03-31 00:00' - interval '1 month'"));
      assertEquals("t", one(c, "SELECT now() - interval '2 hours' < now()"));
      // date ± interval is a timestamp, as in PostgreSQL.
      assertEquals(list("2024-02-01 00:00:00|2024-01-29 12:00:00|2024-01-02 00:00:00"), lines(c,
          "SELECT date '2024-01-31' + interval '1 day', date '2024-01-31' - interval '36 hours',"
              + " interval '1 day' + date '2024-01-01'"));
      try (ResultSet rs = c.createStatement().executeQuery(
          "SELECT date '2024-01-31' + interval '1 day'")) {
        assertEquals("timestamp", rs.getMetaData().getColumnTypeName(1));
      }
      assertEquals("t", one(c, "SELECT now() - '2 hours'::interval > now() - interval '3 hours'"));
    }
  }

  /** Operator errors name PostgreSQL's types and point at the operator, as PostgreSQL does. */
  @Test
  void operatorErrorsInPostgresWords() throws SQLException {
    try (Connection c = server.connect()) {
      PSQLException e = (PSQLException) failsWith("42883",
          () -> lines(c, "SELECT date '2024-01-01' + 1::bigint"));
      assertEquals("operator does not exist: date + bigint",
          e.getServerErrorMessage().getMessage());
      assertEquals("No operator matches the given name and argument types. You might need to add"
          + " explicit type casts.", e.getServerErrorMessage().getHint());
      assertEquals(26, e.getServerErrorMessage().getPosition());
      assertTrue(!e.getMessage().contains("<"), e.getMessage());
    }
  }
}
