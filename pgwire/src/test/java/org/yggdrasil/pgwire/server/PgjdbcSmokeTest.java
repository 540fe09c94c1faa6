package org.yggdrasil.pgwire.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yggdrasil.pgwire.testing.FakeEngine;

/**
 * pgjdbc against the real server and the fake engine: what the driver sends and how it decodes
 * our text and binary results. {@code prepareThreshold=-1} makes pgjdbc use named statements and
 * binary transfer from the first execution; 5 is its default.
 */
@Timeout(60)
class PgjdbcSmokeTest {
  private FakeEngine engine;
  private PgServer server;

  @BeforeEach
  void start() {
    engine = new FakeEngine();
    server = PgServer.start(engine, "127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Connection connect(int prepareThreshold) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "ygg");
    p.setProperty("prepareThreshold", Integer.toString(prepareThreshold));
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + server.port() + "/ygg", p);
  }

  @Test
  void connectsAndQueries() throws Exception {
    try (Connection c = connect(5); Statement s = c.createStatement()) {
      assertTrue(c.isValid(2)); // an empty query
      assertTrue(engine.last().prepared.stream()
          .anyMatch(sql -> sql.startsWith("SET application_name")), "pgjdbc's first query");
      try (ResultSet rs = s.executeQuery("select 42")) {
        assertTrue(rs.next());
        assertEquals(42, rs.getInt(1));
        assertFalse(rs.next());
      }
      assertEquals(1, s.executeUpdate("insert"));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {5, -1})
  void everyCommonTypeDecodesInTextAndBinary(int prepareThreshold) throws Exception {
    try (Connection c = connect(prepareThreshold);
        PreparedStatement ps = c.prepareStatement("types")) {
      for (int round = 0; round < 6; round++) { // crosses the prepare threshold
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next());
          assertEquals(42, rs.getInt("i4"));
          assertEquals(9_000_000_000L, rs.getLong("i8"));
          assertEquals("héllo", rs.getString("t"));
          assertEquals(new BigDecimal("-12.345"), rs.getBigDecimal("num"));
          assertTrue(rs.getBoolean("b"));
          assertEquals(LocalDate.of(2026, 11, 25), rs.getObject("d", LocalDate.class));
          assertEquals(LocalDateTime.of(2026, 11, 25, 10, 11, 12, 123_456_000),
              rs.getObject("ts", LocalDateTime.class));
          assertEquals(OffsetDateTime.of(2026, 11, 25, 8, 11, 12, 0, ZoneOffset.UTC),
              rs.getObject("tstz", OffsetDateTime.class));
          assertEquals(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
              rs.getObject("u"));
          assertArrayEquals(new byte[] {1, 2, (byte) 0xff}, rs.getBytes("bytes"));
          assertEquals(0.1, rs.getDouble("f8"));
          Array arr = rs.getArray("arr");
          assertArrayEquals(new Integer[] {1, 2, 3}, (Integer[]) arr.getArray());
          assertArrayEquals(new String[] {"a b", null, "c"},
              (String[]) rs.getArray("tarr").getArray());
          assertNull(rs.getString("nothing"));
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {5, -1})
  void parametersRoundTrip(int prepareThreshold) throws Exception {
    try (Connection c = connect(prepareThreshold);
        PreparedStatement ps = c.prepareStatement("echo ? ? ? ? ? ? ? ? ? ?")) {
      UUID u = UUID.randomUUID();
      for (int round = 0; round < 6; round++) {
        ps.setInt(1, 7 + round);
        ps.setLong(2, -5_000_000_000L);
        ps.setString(3, "ünïcode");
        ps.setBigDecimal(4, new BigDecimal("0.50"));
        ps.setBytes(5, new byte[] {0, 1, 2});
        ps.setObject(6, u);
        ps.setDouble(7, 1.5e-7);
        ps.setBoolean(8, true);
        ps.setArray(9, c.createArrayOf("int8", new Long[] {1L, null, 3L}));
        ps.setNull(10, java.sql.Types.INTEGER);
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next());
          assertEquals(7 + round, rs.getInt(1));
          assertEquals(-5_000_000_000L, rs.getLong(2));
          assertEquals("ünïcode", rs.getString(3));
          assertEquals(new BigDecimal("0.50"), rs.getBigDecimal(4));
          assertArrayEquals(new byte[] {0, 1, 2}, rs.getBytes(5));
          assertEquals(u, rs.getObject(6));
          assertEquals(1.5e-7, rs.getDouble(7));
          assertTrue(rs.getBoolean(8));
          assertArrayEquals(new Long[] {1L, null, 3L}, (Long[]) rs.getArray(9).getArray());
          assertNull(rs.getObject(10));
        }
      }
    }
  }

  @Test
  void timestampAndDateParametersWithUnspecifiedType() throws Exception {
    // pgjdbc sends setDate/setTimestamp with OID 0 and a "+00" suffix; our fake resolves
    // unspecified parameters to text, so the value arrives as pgjdbc's text.
    try (Connection c = connect(5); PreparedStatement ps = c.prepareStatement("echo ?")) {
      ps.setTimestamp(1, Timestamp.valueOf("2024-01-02 03:04:05.123"));
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertTrue(rs.getString(1).startsWith("2024-01-02 03:04:05.123"), rs.getString(1));
      }
    }
  }

  @Test
  void fetchSizeUsesPortalSuspension() throws Exception {
    try (Connection c = connect(5)) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.setFetchSize(3);
        int n = 0;
        try (ResultSet rs = s.executeQuery("rows 10")) {
          while (rs.next()) {
            assertEquals(++n, rs.getInt(1));
          }
        }
        assertEquals(10, n);
      }
      c.commit();
    }
  }

  @Test
  void errorsCarrySqlStateAndTheConnectionSurvives() throws Exception {
    try (Connection c = connect(5); Statement s = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("error 42P01"));
      assertEquals("42P01", e.getSQLState());
      assertTrue(e.getMessage().contains("fake error 42P01"), e.getMessage());
      SQLException boom = assertThrows(SQLException.class, () -> s.execute("boom"));
      assertEquals("XX000", boom.getSQLState());
      try (ResultSet rs = s.executeQuery("select 5")) {
        assertTrue(rs.next());
        assertEquals(5, rs.getInt(1));
      }
    }
  }

  @Test
  void queryTimeoutSendsCancelRequest() throws Exception {
    try (Connection c = connect(5); Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      SQLException e = assertThrows(SQLException.class, () -> s.execute("sleep"));
      assertEquals("57014", e.getSQLState());
      assertTrue(engine.cancelRequests.get() >= 1);
      try (ResultSet rs = s.executeQuery("select 6")) {
        assertTrue(rs.next());
      }
    }
  }

  @Test
  void batchWithOneSync() throws Exception {
    try (Connection c = connect(5); PreparedStatement ps = c.prepareStatement("insert")) {
      for (int i = 0; i < 5; i++) {
        ps.addBatch();
      }
      assertArrayEquals(new int[] {1, 1, 1, 1, 1}, ps.executeBatch());
    }
  }

  @Test
  void transactionsAndSettings() throws Exception {
    try (Connection c = connect(5)) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("insert");
        assertThrows(SQLException.class, () -> s.execute("error 23505"));
        SQLException aborted = assertThrows(SQLException.class, () -> s.execute("select 1"));
        assertEquals("25P02", aborted.getSQLState());
      }
      c.rollback();
      c.setAutoCommit(true);
      c.setClientInfo("ApplicationName", "smoke");
      assertEquals("smoke", c.getClientInfo("ApplicationName"));
    }
  }
}
