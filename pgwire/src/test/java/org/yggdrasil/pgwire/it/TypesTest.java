package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every type of the walking skeleton as a parameter and as a result, in text and in binary
 * transfer, through a table and directly; NULLs; result and parameter metadata.
 */
class TypesTest {

  @RegisterExtension static final TestServer server = new TestServer();

  /** How pgjdbc moves values: text (never a named statement) or binary (always). */
  enum Mode {
    TEXT("0"),
    BINARY("-1");

    final String prepareThreshold;

    Mode(String prepareThreshold) {
      this.prepareThreshold = prepareThreshold;
    }
  }

  private static Connection connect(Mode mode) throws SQLException {
    return server.connect(
        "prepareThreshold", mode.prepareThreshold,
        // Ask for binary results of every type of the skeleton that pgjdbc can read in binary.
        "binaryTransferEnable",
            "bool,int2,int4,int8,float4,float8,numeric,bytea,date,timestamp,timestamptz,uuid");
  }

  private static final String COLUMNS =
      "b bool, i2 int2, i4 int4, i8 int8, f4 float4, f8 float8, n numeric(12,3), nu numeric,"
          + " t text, vc varchar(20), c char(5), by bytea, d date, ts timestamp,"
          + " tz timestamptz, u uuid";

  private static final String INSERT =
      "INSERT INTO %s (id, b, i2, i4, i8, f4, f8, n, nu, t, vc, c, by, d, ts, tz, u)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** One row of values for every column, as Java values. */
  record Values(
      boolean b, short i2, int i4, long i8, float f4, double f8, BigDecimal n, BigDecimal nu,
      String t, String vc, String c, String cPadded, byte[] by, LocalDate d, LocalDateTime ts,
      OffsetDateTime tz, UUID u) {}

  private static final Values FIRST =
      new Values(
          true, (short) -32768, Integer.MAX_VALUE, Long.MIN_VALUE, 3.25f, 6.02214076e23,
          new BigDecimal("-123456789.125"),
          new BigDecimal("123456789012345678901234567890.0123456789"),
          "héllo 'wörld' \\ \"✓\" 🌳", "varchar value", "ab", "ab   ",
          new byte[] {0, 1, (byte) 0xff, '\\', '\'', 127, (byte) 0x80},
          LocalDate.of(2024, 2, 29),
          LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_000_000),
          OffsetDateTime.of(2024, 6, 30, 23, 59, 59, 999_000_000, ZoneOffset.ofHours(2)),
          UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));

  private static final Values SECOND =
      new Values(
          false, (short) 32767, Integer.MIN_VALUE, Long.MAX_VALUE, -0.5f, -1.0e-300,
          new BigDecimal("0.000"), new BigDecimal("-0.5"),
          "", "", "abcde", "abcde", new byte[0],
          LocalDate.of(1900, 1, 1),
          LocalDateTime.of(1969, 7, 20, 20, 17, 40),
          OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
          new UUID(0, 0));

  private static void bindAll(PreparedStatement ps, int id, Values v) throws SQLException {
    ps.setInt(1, id);
    ps.setBoolean(2, v.b());
    ps.setShort(3, v.i2());
    ps.setInt(4, v.i4());
    ps.setLong(5, v.i8());
    ps.setFloat(6, v.f4());
    ps.setDouble(7, v.f8());
    ps.setBigDecimal(8, v.n());
    ps.setBigDecimal(9, v.nu());
    ps.setString(10, v.t());
    ps.setString(11, v.vc());
    ps.setString(12, v.c());
    ps.setBytes(13, v.by());
    ps.setObject(14, v.d());
    ps.setObject(15, v.ts());
    ps.setObject(16, v.tz());
    ps.setObject(17, v.u());
  }

  private static void check(ResultSet rs, Values v) throws SQLException {
    assertEquals(v.b(), rs.getBoolean("b"));
    assertEquals(v.i2(), rs.getShort("i2"));
    assertEquals(v.i4(), rs.getInt("i4"));
    assertEquals(v.i8(), rs.getLong("i8"));
    assertEquals(v.f4(), rs.getFloat("f4"));
    assertEquals(v.f8(), rs.getDouble("f8"));
    assertEquals(v.n(), rs.getBigDecimal("n"));
    assertEquals(v.nu(), rs.getBigDecimal("nu"));
    assertEquals(v.t(), rs.getString("t"));
    assertEquals(v.vc(), rs.getString("vc"));
    assertEquals(v.cPadded(), rs.getString("c"));
    assertArrayEquals(v.by(), rs.getBytes("by"));
    assertEquals(v.d(), rs.getObject("d", LocalDate.class));
    assertEquals(v.ts(), rs.getObject("ts", LocalDateTime.class));
    OffsetDateTime tz = rs.getObject("tz", OffsetDateTime.class);
    assertEquals(v.tz().toInstant(), tz.toInstant(), "timestamptz instant");
    assertEquals(v.u(), rs.getObject("u", UUID.class));
    assertFalse(rs.wasNull());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void everyTypeRoundTripsThroughATable(Mode mode) throws SQLException {
    String table = "types_rt_" + mode.name().toLowerCase();
    try (Connection c = connect(mode)) {
      Db.exec(c, "DROP TABLE IF EXISTS " + table, "CREATE TABLE " + table + " (id int4 PRIMARY KEY, " + COLUMNS + ")");
      try (PreparedStatement ps = c.prepareStatement(INSERT.formatted(table))) {
        bindAll(ps, 1, FIRST);
        assertEquals(1, ps.executeUpdate());
        bindAll(ps, 2, SECOND);
        assertEquals(1, ps.executeUpdate());
        // Executed again, so that a server-prepared statement is reused.
        bindAll(ps, 3, FIRST);
        assertEquals(1, ps.executeUpdate());
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE id = ?")) {
        for (int[] idAndRow : new int[][] {{1, 0}, {2, 1}, {3, 0}, {1, 0}}) {
          ps.setInt(1, idAndRow[0]);
          try (ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next(), "row " + idAndRow[0]);
            assertEquals(idAndRow[0], rs.getInt("id"));
            check(rs, idAndRow[1] == 0 ? FIRST : SECOND);
            assertFalse(rs.next());
          }
        }
      }
      // Every value also works as a parameter in a WHERE clause (typed by the column).
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT id FROM " + table + " WHERE b = ? AND i2 = ? AND i4 = ? AND i8 = ? AND f4 = ?"
                  + " AND f8 = ? AND n = ? AND nu = ? AND t = ? AND vc = ? AND c = ? AND by = ?"
                  + " AND d = ? AND ts = ? AND tz = ? AND u = ? AND id <> ? ORDER BY id")) {
        ps.setBoolean(1, SECOND.b());
        ps.setShort(2, SECOND.i2());
        ps.setInt(3, SECOND.i4());
        ps.setLong(4, SECOND.i8());
        ps.setFloat(5, SECOND.f4());
        ps.setDouble(6, SECOND.f8());
        ps.setBigDecimal(7, SECOND.n());
        ps.setBigDecimal(8, SECOND.nu());
        ps.setString(9, SECOND.t());
        ps.setString(10, SECOND.vc());
        ps.setString(11, SECOND.c());
        ps.setBytes(12, SECOND.by());
        ps.setObject(13, SECOND.d());
        ps.setObject(14, SECOND.ts());
        ps.setObject(15, SECOND.tz());
        ps.setObject(16, SECOND.u());
        ps.setInt(17, 0);
        try (ResultSet rs = ps.executeQuery()) {
          assertEquals(List.of(List.of("2")), Db.read(rs));
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void nullsOfEveryType(Mode mode) throws SQLException {
    String table = "types_null_" + mode.name().toLowerCase();
    int[] sqlTypes = {
      Types.BOOLEAN, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.DOUBLE,
      Types.NUMERIC, Types.NUMERIC, Types.VARCHAR, Types.VARCHAR, Types.CHAR, Types.BINARY,
      Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.OTHER
    };
    try (Connection c = connect(mode)) {
      Db.exec(c, "DROP TABLE IF EXISTS " + table, "CREATE TABLE " + table + " (id int4 PRIMARY KEY, " + COLUMNS + ")");
      try (PreparedStatement ps = c.prepareStatement(INSERT.formatted(table))) {
        ps.setInt(1, 1);
        for (int i = 0; i < sqlTypes.length; i++) {
          ps.setNull(i + 2, sqlTypes[i]);
        }
        assertEquals(1, ps.executeUpdate());
        ps.setInt(1, 2);
        for (int i = 0; i < sqlTypes.length; i++) {
          ps.setObject(i + 2, null);
        }
        assertEquals(1, ps.executeUpdate());
      }
      Db.update(c, "INSERT INTO " + table + " (id) VALUES (3)");
      try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " ORDER BY id");
          ResultSet rs = ps.executeQuery()) {
        for (int id = 1; id <= 3; id++) {
          assertTrue(rs.next());
          assertEquals(id, rs.getInt(1));
          for (int col = 2; col <= 17; col++) {
            assertNull(rs.getObject(col), "column " + col + " of row " + id);
            assertTrue(rs.wasNull());
          }
          assertEquals(0, rs.getInt("i4"));
          assertTrue(rs.wasNull());
        }
        assertFalse(rs.next());
      }
      assertEquals(
          "3", Db.one(c, "SELECT count(*) FROM " + table + " WHERE b IS NULL AND u IS NULL AND tz IS NULL"));
      assertEquals("0", Db.one(c, "SELECT count(*) FROM " + table + " WHERE i4 = ?", (Object) null));
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void parametersEchoedAsResults(Mode mode) throws SQLException {
    try (Connection c = connect(mode);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT ?::bool, ?::int2, ?::int4, ?::int8, ?::float4, ?::float8, ?::numeric,"
                    + " ?::text, ?::varchar(20), ?::bpchar(5), ?::bytea, ?::date, ?::timestamp,"
                    + " ?::timestamptz, ?::uuid")) {
      for (Values v : List.of(FIRST, SECOND, FIRST)) {
        ps.setBoolean(1, v.b());
        ps.setShort(2, v.i2());
        ps.setInt(3, v.i4());
        ps.setLong(4, v.i8());
        ps.setFloat(5, v.f4());
        ps.setDouble(6, v.f8());
        ps.setBigDecimal(7, v.nu());
        ps.setString(8, v.t());
        ps.setString(9, v.vc());
        ps.setString(10, v.c());
        ps.setBytes(11, v.by());
        ps.setObject(12, v.d());
        ps.setObject(13, v.ts());
        ps.setObject(14, v.tz());
        ps.setObject(15, v.u());
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next());
          assertEquals(v.b(), rs.getBoolean(1));
          assertEquals(v.i2(), rs.getShort(2));
          assertEquals(v.i4(), rs.getInt(3));
          assertEquals(v.i8(), rs.getLong(4));
          assertEquals(v.f4(), rs.getFloat(5));
          assertEquals(v.f8(), rs.getDouble(6));
          assertEquals(v.nu(), rs.getBigDecimal(7));
          assertEquals(v.t(), rs.getString(8));
          assertEquals(v.vc(), rs.getString(9));
          assertEquals(v.cPadded(), rs.getString(10));
          assertArrayEquals(v.by(), rs.getBytes(11));
          assertEquals(v.d(), rs.getObject(12, LocalDate.class));
          assertEquals(v.ts(), rs.getObject(13, LocalDateTime.class));
          assertEquals(v.tz().toInstant(), rs.getObject(14, OffsetDateTime.class).toInstant());
          assertEquals(v.u(), rs.getObject(15, UUID.class));
          assertFalse(rs.next());
        }
      }
    }
  }

  /** The server's text output of each type, as PostgreSQL 15 writes it. */
  @Test
  void textOutputOfLiterals() throws SQLException {
    try (Connection c = connect(Mode.TEXT)) {
      Db.exec(c, "SET TimeZone = 'UTC'");
      assertEquals(
          List.of(
              "t", "f", "-32768", "2147483647", "-9223372036854775808", "1.5", "0.1",
              "0.3333333333333333", "1e+300", "12.50", "0.33333333333333333333", "abc",
              "ab   ", "\\x00ff5c", "2024-02-29", "2024-01-02 03:04:05.123",
              "2024-06-30 21:59:59.5+00", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
          Db.rows(
                  c,
                  "SELECT true, false, (-32768)::int2, 2147483647, (-9223372036854775808)::int8,"
                      + " 1.5::float4, 0.1::float8, (1.0 / 3)::float8, 1e300::float8,"
                      + " 12.5::numeric(10,2), 1.0 / 3, 'abc'::varchar(10), 'ab'::bpchar(5),"
                      + " '\\x00ff5c'::bytea, DATE '2024-02-29',"
                      + " TIMESTAMP '2024-01-02 03:04:05.123',"
                      + " TIMESTAMPTZ '2024-06-30 23:59:59.5+02',"
                      + " 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::uuid")
              .get(0));
    }
  }

  /**
   * PostgreSQL keeps microseconds, and so do queries planned by Calcite (which itself counts in
   * milliseconds; see MicrosecondTimestampsTest for the columns, comparisons and sorting).
   */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void timestampsKeepMicroseconds(Mode mode) throws SQLException {
    try (Connection c = connect(mode)) {
      assertEquals(List.of("2024-01-02 03:04:05.123456"),
          Db.rows(c, "SELECT TIMESTAMP '2024-01-02 03:04:05.123456'").get(0));
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void resultSetMetaData(Mode mode) throws SQLException {
    String table = "types_md_" + mode.name().toLowerCase();
    try (Connection c = connect(mode)) {
      Db.exec(c, "DROP TABLE IF EXISTS " + table, "CREATE TABLE " + table + " (id int4 PRIMARY KEY, " + COLUMNS + ")");
      try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table);
          ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        assertEquals(17, md.getColumnCount());
        String[] names = {
          "id", "b", "i2", "i4", "i8", "f4", "f8", "n", "nu", "t", "vc", "c", "by", "d", "ts", "tz", "u"
        };
        String[] typeNames = {
          "int4", "bool", "int2", "int4", "int8", "float4", "float8", "numeric", "numeric", "text",
          "varchar", "bpchar", "bytea", "date", "timestamp", "timestamptz", "uuid"
        };
        int[] types = {
          Types.INTEGER, Types.BIT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL,
          Types.DOUBLE, Types.NUMERIC, Types.NUMERIC, Types.VARCHAR, Types.VARCHAR, Types.CHAR,
          Types.BINARY, Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP, Types.OTHER
        };
        for (int i = 0; i < names.length; i++) {
          int col = i + 1;
          assertEquals(names[i], md.getColumnName(col));
          assertEquals(names[i], md.getColumnLabel(col));
          assertEquals(typeNames[i], md.getColumnTypeName(col), names[i]);
          assertEquals(types[i], md.getColumnType(col), names[i]);
        }
        assertEquals(12, md.getPrecision(8), "numeric(12,3) precision");
        assertEquals(3, md.getScale(8), "numeric(12,3) scale");
        assertEquals(20, md.getPrecision(11), "varchar(20) length");
        assertEquals(20, md.getColumnDisplaySize(11), "varchar(20) display size");
        assertEquals(5, md.getPrecision(12), "char(5) length");
        assertEquals(10, md.getPrecision(4), "int4 precision");
        assertEquals(19, md.getPrecision(5), "int8 precision");
        assertEquals("java.lang.Integer", md.getColumnClassName(1));
        assertEquals("java.math.BigDecimal", md.getColumnClassName(8));
      }
      // Expressions: names PostgreSQL gives unnamed columns, and computed types.
      try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT 1, 'x', 2::int8 AS big, count(*), sum(i4), avg(i4), i4 + 1 AS \"Next\","
                      + " now(), CAST(1 AS numeric(5,1)) FROM " + table + " GROUP BY i4");
          ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        assertEquals("?column?", md.getColumnLabel(1));
        assertEquals("int4", md.getColumnTypeName(1));
        assertEquals("text", md.getColumnTypeName(2));
        assertEquals("big", md.getColumnLabel(3));
        assertEquals("int8", md.getColumnTypeName(3));
        assertEquals("count", md.getColumnLabel(4));
        assertEquals("int8", md.getColumnTypeName(4));
        assertEquals("sum", md.getColumnLabel(5));
        assertEquals("int8", md.getColumnTypeName(5));
        assertEquals("avg", md.getColumnLabel(6));
        assertEquals("numeric", md.getColumnTypeName(6));
        assertEquals("Next", md.getColumnLabel(7));
        assertEquals("int4", md.getColumnTypeName(7));
        assertEquals("now", md.getColumnLabel(8));
        assertEquals("timestamptz", md.getColumnTypeName(8));
        assertEquals("numeric", md.getColumnLabel(9));
        assertEquals(5, md.getPrecision(9));
        assertEquals(1, md.getScale(9));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void parameterMetaData(Mode mode) throws SQLException {
    String table = "types_pmd_" + mode.name().toLowerCase();
    try (Connection c = connect(mode)) {
      Db.exec(c, "DROP TABLE IF EXISTS " + table, "CREATE TABLE " + table + " (id int4 PRIMARY KEY, " + COLUMNS + ")");
      try (PreparedStatement ps = c.prepareStatement(INSERT.formatted(table))) {
        ParameterMetaData pmd = ps.getParameterMetaData();
        assertEquals(17, pmd.getParameterCount());
        String[] typeNames = {
          "int4", "bool", "int2", "int4", "int8", "float4", "float8", "numeric", "numeric", "text",
          "varchar", "bpchar", "bytea", "date", "timestamp", "timestamptz", "uuid"
        };
        for (int i = 0; i < typeNames.length; i++) {
          assertEquals(typeNames[i], pmd.getParameterTypeName(i + 1), "parameter " + (i + 1));
        }
        assertEquals(Types.INTEGER, pmd.getParameterType(1));
        assertEquals(Types.BIGINT, pmd.getParameterType(5));
        assertEquals(Types.VARCHAR, pmd.getParameterType(10));
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT id FROM " + table + " WHERE i8 > ? AND t LIKE ? AND d < ? LIMIT ?")) {
        ParameterMetaData pmd = ps.getParameterMetaData();
        assertEquals(4, pmd.getParameterCount());
        assertEquals("int8", pmd.getParameterTypeName(1));
        assertEquals("text", pmd.getParameterTypeName(2));
        assertEquals("date", pmd.getParameterTypeName(3));
        assertEquals("int8", pmd.getParameterTypeName(4));
      }
    }
  }
}
