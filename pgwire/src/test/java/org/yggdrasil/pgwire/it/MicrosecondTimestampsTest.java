package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Timestamps keep PostgreSQL's microseconds through planned queries: stored and read back,
 * compared in WHERE, sorted, aggregated, cast to text, as literals and as parameters, in text
 * and in binary transfer (pgjdbc's prepareThreshold 0 = text, -1 = binary).
 */
class MicrosecondTimestampsTest {

  @RegisterExtension static final TestServer server = new TestServer();

  private static Connection connect(String prepareThreshold) throws SQLException {
    return server.connect(
        "prepareThreshold", prepareThreshold,
        "binaryTransferEnable", "timestamp,timestamptz,int4,int8",
        "options", "-c TimeZone=UTC");
  }

  private static String table(String base, String mode) {
    return base + ("0".equals(mode) ? "_text" : "_binary");
  }

  private static void fill(Connection c, String t) throws SQLException {
    Db.exec(c, "DROP TABLE IF EXISTS " + t,
        "CREATE TABLE " + t + " (id int4 PRIMARY KEY, ts timestamp, tz timestamptz)",
        "INSERT INTO " + t + " VALUES"
            + " (1, '2026-01-02 03:04:05.123456', '2026-01-02 03:04:05.123456+00'),"
            + " (2, '2026-01-02 03:04:05.123455', '2026-01-02 03:04:05.123455+00'),"
            + " (3, '2026-01-02 03:04:05.123457', '2026-01-02 03:04:05.123457+00'),"
            + " (4, '1969-12-31 23:59:59.999999', '1969-12-31 23:59:59.999999+00'),"
            + " (5, NULL, NULL)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1"})
  void selectedColumnsKeepMicroseconds(String mode) throws SQLException {
    String t = table("us_select", mode);
    try (Connection c = connect(mode)) {
      fill(c, t);
      assertEquals(
          Db.list("1|2026-01-02 03:04:05.123456|2026-01-02 03:04:05.123456+00",
              "2|2026-01-02 03:04:05.123455|2026-01-02 03:04:05.123455+00",
              "3|2026-01-02 03:04:05.123457|2026-01-02 03:04:05.123457+00",
              "4|1969-12-31 23:59:59.999999|1969-12-31 23:59:59.999999+00",
              "5|NULL|NULL"),
          Db.lines(c, "SELECT id, ts, tz FROM " + t + " ORDER BY id"));
      try (PreparedStatement ps = c.prepareStatement("SELECT ts, tz FROM " + t + " WHERE id = ?")) {
        ps.setInt(1, 1);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertEquals(LocalDateTime.of(2026, 1, 2, 3, 4, 5, 123_456_000),
              rs.getObject(1, LocalDateTime.class));
          assertEquals(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 123_456_000, ZoneOffset.UTC),
              rs.getObject(2, OffsetDateTime.class));
        }
      }
      // computed on the way out, not only passed through
      assertEquals(Db.list("2026-01-02 03:04:05.123456|2026-01-02 03:04:05.123456+00"),
          Db.lines(c, "SELECT ts::text, tz::text FROM " + t + " WHERE id = 1"));
      assertEquals(Db.list("2026-01-02 03:04:05.123456"),
          Db.lines(c, "SELECT coalesce(ts, TIMESTAMP '2000-01-01') FROM " + t + " WHERE id = 1"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1"})
  void whereOrderAndAggregatesSeeMicroseconds(String mode) throws SQLException {
    String t = table("us_where", mode);
    try (Connection c = connect(mode)) {
      fill(c, t);
      assertEquals(Db.list("1"),
          Db.lines(c, "SELECT id FROM " + t + " WHERE ts = '2026-01-02 03:04:05.123456'"));
      assertEquals(Db.list("1", "3"), Db.lines(c,
          "SELECT id FROM " + t + " WHERE ts > TIMESTAMP '2026-01-02 03:04:05.123455' ORDER BY id"));
      assertEquals(Db.list("3"), Db.lines(c,
          "SELECT id FROM " + t + " WHERE tz > '2026-01-02 03:04:05.123456+00'"));
      assertEquals(Db.list("2", "1", "3"), Db.lines(c,
          "SELECT id FROM " + t + " WHERE ts > '2000-01-01' ORDER BY ts"));
      assertEquals(Db.list("3", "1", "2"), Db.lines(c,
          "SELECT id FROM " + t + " WHERE tz > '2000-01-01' ORDER BY tz DESC"));
      // parameters compare with every digit
      assertEquals(Db.list("1"), Db.lines(c, "SELECT id FROM " + t + " WHERE ts = ?",
          LocalDateTime.of(2026, 1, 2, 3, 4, 5, 123_456_000)));
      assertEquals(Db.list("2"), Db.lines(c, "SELECT id FROM " + t + " WHERE tz = ?",
          OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 123_455_000, ZoneOffset.UTC)));
      // aggregates (the vectorised path takes these) and grouping
      assertEquals(Db.list("2026-01-02 03:04:05.123455|2026-01-02 03:04:05.123457|3"), Db.lines(c,
          "SELECT min(ts), max(ts), count(*) FROM " + t
              + " WHERE ts >= '2026-01-02 03:04:05.123455'"));
      assertEquals(Db.list("1"), Db.lines(c,
          "SELECT count(*) FROM " + t + " WHERE ts < '1970-01-01'"));
      assertEquals(List.of(List.of("4")), Db.rows(c,
          "SELECT count(DISTINCT ts) FROM " + t));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1"})
  void parametersAndCopiesKeepMicroseconds(String mode) throws SQLException {
    String t = table("us_param", mode);
    try (Connection c = connect(mode)) {
      Db.exec(c, "DROP TABLE IF EXISTS " + t,
          "CREATE TABLE " + t + " (id int4, ts timestamp, tz timestamptz)");
      Db.update(c, "INSERT INTO " + t + " VALUES (1, ?, ?)",
          LocalDateTime.of(2026, 1, 2, 3, 4, 5, 654_321_000),
          OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 654_321_000, ZoneOffset.ofHours(2)));
      // INSERT ... SELECT and UPDATE carry values through planned queries
      Db.exec(c, "INSERT INTO " + t + " SELECT 2, ts, tz FROM " + t + " WHERE id = 1",
          "UPDATE " + t + " SET ts = ts, tz = tz WHERE id = 2");
      assertEquals(
          Db.list("1|2026-01-02 03:04:05.654321|2026-01-02 01:04:05.654321+00",
              "2|2026-01-02 03:04:05.654321|2026-01-02 01:04:05.654321+00"),
          Db.lines(c, "SELECT id, ts, tz FROM " + t + " ORDER BY id"));
      assertEquals(Db.list("2"), Db.lines(c, "SELECT id FROM " + t + " WHERE id = 2 AND ts = ?",
          LocalDateTime.of(2026, 1, 2, 3, 4, 5, 654_321_000)));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1"})
  void literalsAndDateArithmetic(String mode) throws SQLException {
    try (Connection c = connect(mode)) {
      assertEquals("2024-01-02 03:04:05.123456",
          Db.one(c, "SELECT TIMESTAMP '2024-01-02 03:04:05.123456'"));
      assertEquals("2024-01-02 03:04:05.123456",
          Db.one(c, "SELECT '2024-01-02 03:04:05.123456'::timestamp"));
      assertEquals("2024-01-02 03:04:05.123456+00",
          Db.one(c, "SELECT '2024-01-02 03:04:05.123456+00'::timestamptz"));
      assertEquals("1969-12-31 23:59:59.999999",
          Db.one(c, "SELECT TIMESTAMP '1969-12-31 23:59:59.999999'"));
      // Calcite's own operators still work (at millisecond precision)
      assertEquals("2024-01-03 03:04:05", Db.one(c,
          "SELECT TIMESTAMP '2024-01-02 03:04:05' + INTERVAL '1' DAY"));
      assertEquals("2024-01-02 00:00:00", Db.one(c,
          "SELECT date_trunc('day', TIMESTAMP '2024-01-02 03:04:05.5')"));
      assertEquals("2024", Db.one(c,
          "SELECT extract(year FROM TIMESTAMP '2024-01-02 03:04:05.123456')"));
      assertEquals("2024-01-02 05:04:05.123456", Db.one(c,
          "SELECT TIMESTAMPTZ '2024-01-02 03:04:05.123456+00' AT TIME ZONE 'Europe/Berlin'"
              .replace("Europe/Berlin", "Etc/GMT-2")));
      assertEquals("t", Db.one(c, "SELECT now() > TIMESTAMP '2020-01-01'"));
      assertEquals("t", Db.one(c, "SELECT CAST(now() AS date) = current_date"));
    }
  }
}
