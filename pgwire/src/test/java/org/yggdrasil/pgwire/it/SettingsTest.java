package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.failsWith;
import static org.yggdrasil.pgwire.it.Db.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;

/**
 * SET / SHOW / RESET / RESET ALL of the usual session settings, as PostgreSQL shows them. Values
 * a client sent in its startup packet (pgjdbc sends DateStyle and TimeZone) are that session's
 * defaults: RESET returns to them. pgjdbc 42.7 sets application_name with SET after startup
 * unless {@code assumeMinServerVersion} is 9.0 or more, so RESET returns it to the server's
 * default, the empty string; it leaves extra_float_digits at the server's default, 1.
 */
class SettingsTest {

  @RegisterExtension static final TestServer server = new TestServer();

  private Connection c;

  @BeforeEach
  void open() throws SQLException {
    c = server.connect();
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private String show(String name) throws SQLException {
    return one(c, "SHOW " + name);
  }

  private String reported(String name) throws SQLException {
    return c.unwrap(PGConnection.class).getParameterStatus(name);
  }

  @Test
  void searchPath() throws SQLException {
    assertEquals("\"$user\", public", show("search_path"));
    exec(c, "SET search_path TO myschema, public");
    assertEquals("myschema, public", show("search_path"));
    exec(c, "SET search_path = public");
    assertEquals("public", show("search_path"));
    exec(c, "RESET search_path");
    assertEquals("\"$user\", public", show("search_path"));
    exec(c, "SET search_path TO DEFAULT");
    assertEquals("\"$user\", public", show("search_path"));
    assertEquals("\"$user\", public", one(c, "SELECT current_setting('search_path')"));
  }

  @Test
  void applicationName() throws SQLException {
    assertEquals("PostgreSQL JDBC Driver", show("application_name"));
    exec(c, "SET application_name = 'ygg-test'");
    assertEquals("ygg-test", show("application_name"));
    // The server reports the change with ParameterStatus, and pgjdbc tracks it.
    assertEquals("ygg-test", reported("application_name"));
    exec(c, "SET application_name TO 'second'");
    assertEquals("second", show("APPLICATION_NAME"));
    exec(c, "RESET application_name");
    assertEquals("", show("application_name"));
    assertEquals("", reported("application_name"));
  }

  @Test
  void applicationNameFromStartup() throws SQLException {
    try (Connection named = server.connect("ApplicationName", "from-startup", "assumeMinServerVersion", "9.4")) {
      assertEquals("from-startup", one(named, "SHOW application_name"));
      exec(named, "SET application_name = 'changed'", "RESET application_name");
      assertEquals("from-startup", one(named, "SHOW application_name"));
      exec(named, "SET application_name = 'changed'", "RESET ALL");
      assertEquals("from-startup", one(named, "SHOW application_name"));
    }
  }

  @Test
  void dateStyle() throws SQLException {
    assertEquals("ISO, MDY", show("DateStyle"));
    exec(c, "SET DateStyle = 'ISO, DMY'");
    assertEquals("ISO, DMY", show("datestyle"));
    assertEquals("ISO, DMY", reported("DateStyle"));
    exec(c, "RESET DateStyle");
    assertEquals("ISO, MDY", show("DateStyle"));
  }

  /** DateStyle's field order decides how ambiguous input dates are read. */
  @Test
  void dateStyleOrdersAmbiguousInput() throws SQLException {
    exec(c, "SET DateStyle = 'ISO, DMY'");
    assertEquals("2024-02-01", one(c, "SELECT '01/02/2024'::date::text"));
    assertEquals("1999-01-08", one(c, "SELECT '8 January 99'::date::text"));
    exec(c, "RESET DateStyle");
    assertEquals("2024-01-02", one(c, "SELECT '01/02/2024'::date::text"));
    assertEquals("1999-01-08", one(c, "SELECT 'Jan-08-99'::date::text"));
    exec(c, "SET DateStyle = 'ISO, YMD'");
    assertEquals("2024-01-02", one(c, "SELECT '24-01-02'::date::text"));
    exec(c, "RESET DateStyle");
  }

  /** Stored values are read in the DateStyle of the session that wrote them. */
  @Test
  void dateStyleAppliesToInsertedText() throws SQLException {
    exec(c, "DROP TABLE IF EXISTS settings_dates",
        "CREATE TABLE settings_dates (id int PRIMARY KEY, d date, ts timestamp)",
        "SET DateStyle = 'ISO, DMY'",
        "INSERT INTO settings_dates VALUES (1, '03/04/2024', '03/04/2024 1:30 pm')",
        "RESET DateStyle");
    assertEquals("2024-04-03 2024-04-03 13:30:00",
        one(c, "SELECT d::text || ' ' || ts::text FROM settings_dates WHERE id = 1"));
    assertEquals(1L, Long.parseLong(one(c,
        "SELECT count(*) FROM settings_dates WHERE d = 'April 3, 2024'")));
  }

  @Test
  void dateInputErrorsAsPostgres() throws SQLException {
    var e = assertThrows(org.postgresql.util.PSQLException.class,
        () -> one(c, "SELECT '13/13/2024'::date"));
    assertEquals("22008", e.getSQLState());
    assertEquals("date/time field value out of range: \"13/13/2024\"",
        e.getServerErrorMessage().getMessage());
    assertEquals("Perhaps you need a different \"datestyle\" setting.",
        e.getServerErrorMessage().getHint());
    e = assertThrows(org.postgresql.util.PSQLException.class,
        () -> one(c, "SELECT 'garbage'::date"));
    assertEquals("22007", e.getSQLState());
    assertEquals(8, e.getServerErrorMessage().getPosition());
    e = assertThrows(org.postgresql.util.PSQLException.class,
        () -> exec(c, "SET TimeZone = 'garbage'"));
    assertEquals("22023", e.getSQLState());
  }

  @Test
  void specialDateTimeInput() throws SQLException {
    assertEquals("2024-01-02 00:00:00", one(c, "SELECT '2024-01-01 24:00'::timestamp::text"));
    assertEquals("2024-01-01 13:00:00", one(c, "SELECT '2024-01-01 1:00 pm'::timestamp::text"));
    assertEquals("1970-01-01 00:00:00", one(c, "SELECT 'epoch'::timestamp::text"));
    assertEquals("t", one(c, "SELECT date 'today' = current_date"));
    assertEquals("2024-01-01 10:00:00",
        one(c, "SELECT '2024-01-01 10:00:00+02'::timestamp::text"));
  }

  /** A timestamp without zone is read in the session's TimeZone; AT TIME ZONE converts. */
  @Test
  void atTimeZone() throws SQLException {
    exec(c, "SET TimeZone = 'Europe/Berlin'");
    assertEquals(
        "2023-12-31 23:00:00+00",
        one(c, "SELECT (TIMESTAMP '2024-01-01 00:00:00'::timestamptz AT TIME ZONE 'UTC')::text || '+00'"));
    exec(c, "SET TimeZone = 'UTC'");
    // A bare offset is a POSIX zone here: '+02' is two hours west of Greenwich.
    assertEquals("2023-12-31 22:00:00",
        one(c, "SELECT (timestamptz '2024-01-01 00:00+00' AT TIME ZONE '+02')::text"));
    assertEquals("2024-01-01 00:00:00+00",
        one(c, "SELECT (timestamp '2024-01-01 00:00' AT TIME ZONE 'UTC')::text"));
    assertEquals("2024-01-01 00:00:00", one(c, "SELECT ('2024-01-01 00:00' AT TIME ZONE 'UTC')::text"));
    assertEquals("2024-01-01 00:00:00+00",
        one(c, "SELECT timezone('UTC', timestamp '2024-01-01 00:00')::text"));
    assertEquals("2024-07-01 12:00:00",
        one(c, "SELECT (timestamptz '2024-07-01 10:00+00' AT TIME ZONE 'Europe/Berlin')::text"));
    assertEquals("2024-07-01 08:00:00",
        one(c, "SELECT (timestamptz '2024-07-01 10:00 CEST' AT TIME ZONE 'UTC')::text"));
    try (var ps = c.prepareStatement("SELECT (?::timestamptz AT TIME ZONE ?)::text")) {
      ps.setString(1, "2024-01-01 12:00:00+00");
      ps.setString(2, "America/New_York");
      try (var rs = ps.executeQuery()) {
        rs.next();
        assertEquals("2024-01-01 07:00:00", rs.getString(1));
      }
    }
    var e = assertThrows(org.postgresql.util.PSQLException.class,
        () -> one(c, "SELECT now() AT TIME ZONE 'Mars/Olympus'"));
    assertEquals("22023", e.getSQLState());
  }

  /** Zoneless timestamptz input is read in the session's TimeZone. */
  @Test
  void zonelessTimestamptzInputUsesSessionZone() throws SQLException {
    exec(c, "SET TimeZone = 'Europe/Berlin'");
    assertEquals("2024-01-01 00:00:00+01", one(c, "SELECT '2024-01-01 00:00'::timestamptz::text"));
    exec(c, "SET TimeZone = '+02'");
    assertEquals("2024-01-01 00:00:00+02", one(c, "SELECT '2024-01-01 00:00'::timestamptz::text"));
    exec(c, "RESET TimeZone");
  }

  @Test
  void timeZone() throws SQLException {
    String startup = show("TimeZone");
    assertEquals(TimeZone.getDefault().getID(), startup);
    exec(c, "SET TimeZone = 'Europe/Berlin'");
    assertEquals("Europe/Berlin", show("TimeZone"));
    assertEquals("Europe/Berlin", reported("TimeZone"));
    assertEquals("2024-01-01 01:00:00+01", one(c, "SELECT (TIMESTAMPTZ '2024-01-01 00:00:00+00')::text"));
    assertEquals("2024-07-01 02:00:00+02", one(c, "SELECT (TIMESTAMPTZ '2024-07-01 00:00:00+00')::text"));
    exec(c, "SET TIME ZONE 'UTC'");
    assertEquals("UTC", show("timezone"));
    assertEquals("2024-01-01 00:00:00+00", one(c, "SELECT (TIMESTAMPTZ '2024-01-01 00:00:00+00')::text"));
    exec(c, "RESET TimeZone");
    assertEquals(startup, show("TimeZone"));
  }

  @Test
  void extraFloatDigits() throws SQLException {
    assertEquals("1", show("extra_float_digits"));
    assertEquals("0.30000000000000004", one(c, "SELECT (0.1::float8 + 0.2::float8)::text"));
    exec(c, "SET extra_float_digits = 0");
    assertEquals("0", show("extra_float_digits"));
    assertEquals("0.3", one(c, "SELECT (0.1::float8 + 0.2::float8)::text"));
    exec(c, "RESET extra_float_digits");
    assertEquals("1", show("extra_float_digits"));
  }

  @Test
  void statementTimeout() throws SQLException {
    assertEquals("0", show("statement_timeout"));
    exec(c, "SET statement_timeout = '5s'");
    assertEquals("5s", show("statement_timeout"));
    exec(c, "SET statement_timeout = 1500");
    assertEquals("1500ms", show("statement_timeout"));
    exec(c, "SET statement_timeout TO '2min'");
    assertEquals("2min", show("statement_timeout"));
    failsWith("22023", () -> exec(c, "SET statement_timeout = 'abc'"));
    exec(c, "RESET statement_timeout");
    assertEquals("0", show("statement_timeout"));
  }

  @Test
  void resetAll() throws SQLException {
    String tz = show("TimeZone");
    exec(
        c,
        "SET search_path TO a, b",
        "SET application_name = 'x'",
        "SET DateStyle = 'ISO, DMY'",
        "SET TimeZone = 'Asia/Tokyo'",
        "SET extra_float_digits = 2",
        "SET statement_timeout = '10s'");
    exec(c, "RESET ALL");
    assertEquals("\"$user\", public", show("search_path"));
    assertEquals("", show("application_name"));
    assertEquals("ISO, MDY", show("DateStyle"));
    assertEquals(tz, show("TimeZone"));
    assertEquals("1", show("extra_float_digits"));
    assertEquals("0", show("statement_timeout"));
  }

  @Test
  void settingsAreTransactional() throws SQLException {
    exec(c, "BEGIN", "SET application_name = 'in-tx'");
    assertEquals("in-tx", show("application_name"));
    exec(c, "ROLLBACK");
    assertEquals("PostgreSQL JDBC Driver", show("application_name"));
    exec(c, "BEGIN", "SET LOCAL statement_timeout = '7s'");
    assertEquals("7s", show("statement_timeout"));
    exec(c, "COMMIT");
    assertEquals("0", show("statement_timeout"));
    exec(c, "BEGIN", "SET statement_timeout = '8s'", "COMMIT");
    assertEquals("8s", show("statement_timeout"));
  }

  @Test
  void unknownSettings() throws SQLException {
    failsWith("42704", () -> show("no_such_setting"));
    failsWith("42704", () -> exec(c, "SET no_such_setting = 1"));
    // Other common settings clients read or set.
    assertEquals("UTF8", show("client_encoding"));
    assertEquals("UTF8", show("server_encoding"));
    assertEquals("on", show("standard_conforming_strings"));
    assertEquals("on", show("integer_datetimes"));
    assertEquals("postgres", show("IntervalStyle"));
    assertEquals("read committed", show("default_transaction_isolation"));
    assertEquals("read committed", show("transaction_isolation"));
    exec(c, "SET client_encoding = 'UTF8'", "SET default_transaction_isolation = 'repeatable read'");
    assertEquals("repeatable read", show("default_transaction_isolation"));
  }
}
