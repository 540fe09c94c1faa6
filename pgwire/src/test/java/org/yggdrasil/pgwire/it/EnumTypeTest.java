package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.failsWith;
import static org.yggdrasil.pgwire.it.Db.lines;
import static org.yggdrasil.pgwire.it.Db.list;
import static org.yggdrasil.pgwire.it.Db.one;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enum types through pgjdbc: CREATE / ALTER / DROP TYPE, columns of an enum type (input checked,
 * ordered and compared by the type's sort order), the catalog rows and driver metadata behind
 * them, and enums as versioned catalog objects (branches, restart). Expected values are what
 * PostgreSQL 15 answers for the same statements.
 */
class EnumTypeTest {
  @RegisterExtension static final TestServer server = new TestServer();

  @TempDir Path dir;

  @Test
  void enumColumnsCheckTheirInputAndSortBySortOrder() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TYPE et_mood AS ENUM ('sad', 'ok', 'happy')",
          "CREATE TABLE et_p (id int PRIMARY KEY, m et_mood NOT NULL DEFAULT 'ok', m2 et_mood)",
          "INSERT INTO et_p (id, m) VALUES (1, 'happy'), (2, 'sad'), (3, 'ok')");
      SQLException bad = failsWith("22P02", () -> exec(c, "INSERT INTO et_p VALUES (4, 'angry')"));
      assertTrue(bad.getMessage().contains("invalid input value for enum et_mood: \"angry\""),
          bad.getMessage());
      failsWith("22P02", () -> exec(c, "UPDATE et_p SET m2 = 'nope' WHERE id = 1"));
      exec(c, "INSERT INTO et_p (id) VALUES (5)");
      assertEquals("ok", one(c, "SELECT m FROM et_p WHERE id = 5"), "the DEFAULT");
      exec(c, "DELETE FROM et_p WHERE id = 5");
      // Sort order, not alphabetical: sad < ok < happy.
      assertEquals(list("2|sad", "3|ok", "1|happy"), lines(c, "SELECT id, m FROM et_p ORDER BY m"));
      assertEquals(list("1|happy", "3|ok"),
          lines(c, "SELECT id, m FROM et_p WHERE m > 'sad' ORDER BY m DESC"));
      assertEquals(list("2|sad", "3|ok"),
          lines(c, "SELECT id, m FROM et_p WHERE m BETWEEN 'sad' AND 'ok' ORDER BY m"));
      failsWith("22P02", () -> lines(c, "SELECT id FROM et_p WHERE m < 'nope'"));
      assertEquals(list("happy"), lines(c, "SELECT m FROM et_p ORDER BY m DESC LIMIT 1"));
      // A label added BEFORE another sorts between its neighbours.
      exec(c, "ALTER TYPE et_mood ADD VALUE 'meh' BEFORE 'ok'",
          "ALTER TYPE et_mood ADD VALUE IF NOT EXISTS 'meh'",
          "ALTER TYPE et_mood ADD VALUE 'ecstatic'",
          "INSERT INTO et_p (id, m) VALUES (6, 'meh'), (7, 'ecstatic')");
      assertEquals(list("sad", "meh", "ok", "happy", "ecstatic"),
          lines(c, "SELECT m FROM et_p ORDER BY m"));
      failsWith("42710", () -> exec(c, "ALTER TYPE et_mood ADD VALUE 'meh'"));
      failsWith("22023", () -> exec(c, "ALTER TYPE et_mood ADD VALUE 'x' AFTER 'nope'"));
      // RENAME VALUE renames the stored values too.
      exec(c, "ALTER TYPE et_mood RENAME VALUE 'meh' TO 'so-so'");
      assertEquals(list("sad", "so-so", "ok", "happy", "ecstatic"),
          lines(c, "SELECT m FROM et_p ORDER BY m"));
      failsWith("42710", () -> exec(c, "ALTER TYPE et_mood RENAME VALUE 'ok' TO 'happy'"));
      failsWith("22023", () -> exec(c, "ALTER TYPE et_mood RENAME VALUE 'nope' TO 'x'"));
      assertEquals(list("1|sad", "1.5|so-so", "2|ok", "3|happy", "4|ecstatic"), lines(c,
          "SELECT e.enumsortorder, e.enumlabel FROM pg_enum e JOIN pg_type t"
              + " ON t.oid = e.enumtypid WHERE t.typname = 'et_mood' ORDER BY e.enumsortorder"));
      failsWith("42710", () -> exec(c, "CREATE TYPE et_mood AS ENUM ('x')"));
      failsWith("42710", () -> exec(c, "CREATE TYPE et_p AS ENUM ('x')"));
      failsWith("23505", () -> exec(c, "CREATE TYPE et_dup AS ENUM ('a', 'a')"));
      failsWith("42704", () -> exec(c, "CREATE TABLE et_bad (x et_nope)"));
      failsWith("0A000", () -> exec(c, "CREATE TYPE et_pair AS (a int, b text)"));
    }
  }

  /** Casts to an enum check the label; cast values compare and sort by sort order. */
  @Test
  void castsToEnumTypes() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TYPE et_level AS ENUM ('low', 'mid', 'high')");
      assertEquals(list("low|high"), lines(c, "SELECT 'low'::et_level, CAST('high' AS et_level)"));
      failsWith("22P02", () -> lines(c, "SELECT 'nope'::et_level"));
      assertEquals("t", one(c, "SELECT 'high'::et_level > 'mid'"));
      assertEquals("f", one(c, "SELECT 'high'::public.et_level < 'low'::et_level"));
      failsWith("22P02", () -> lines(c, "SELECT 'high'::et_level > 'nope'"));
      assertEquals(list("low", "mid", "high"), lines(c,
          "SELECT x FROM (VALUES ('high'), ('low'), ('mid')) AS v(x) ORDER BY x::et_level"));
      assertEquals(list("{low,mid,high}|low|high"), lines(c, "SELECT enum_range(NULL::et_level),"
          + " enum_first(NULL::et_level), enum_last(NULL::et_level)"));
      assertEquals("et_level", one(c, "SELECT 'et_level'::regtype::text"));
    }
  }

  @Test
  void dropTypeRefusesWhileColumnsUseItUnlessCascade() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TYPE et_d AS ENUM ('a', 'b')", "CREATE TYPE et_free AS ENUM ()",
          "CREATE TABLE et_dt (id int PRIMARY KEY, k et_d)", "INSERT INTO et_dt VALUES (1, 'b')");
      SQLException e = failsWith("2BP01", () -> exec(c, "DROP TYPE et_d"));
      assertTrue(e.getMessage().contains("cannot drop type et_d because other objects depend on it"),
          e.getMessage());
      exec(c, "DROP TYPE et_free", "DROP TYPE IF EXISTS et_never");
      failsWith("42704", () -> exec(c, "DROP TYPE et_never"));
      exec(c, "DROP TYPE et_d CASCADE");
      assertEquals(list("id"), lines(c, "SELECT column_name FROM information_schema.columns"
          + " WHERE table_name = 'et_dt'"));
      assertEquals("0", one(c, "SELECT count(*) FROM pg_type WHERE typname IN ('et_d', '_et_d')"));
    }
  }

  /** pg_type and pg_attribute rows and pgjdbc's view of enum columns match PostgreSQL 15. */
  @Test
  void catalogAndDriverMetadata() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TYPE et_size AS ENUM ('small', 'large')",
          "CREATE TABLE et_w (id int PRIMARY KEY, s et_size)", "INSERT INTO et_w VALUES (1, 'large')");
      String oid = one(c, "SELECT oid FROM pg_type WHERE typname = 'et_size'");
      assertEquals(list("et_size|e|E|4|t|0|enum_in|enum_out|0", "_et_size|b|A|-1|f|" + oid
          + "|array_in|array_out|0"), lines(c, "SELECT typname, typtype, typcategory, typlen,"
              + " typbyval, typelem, typinput, typoutput, typcollation FROM pg_type"
              + " WHERE typname IN ('et_size', '_et_size') ORDER BY typtype DESC"));
      assertEquals(oid, one(c, "SELECT typelem FROM pg_type WHERE oid ="
          + " (SELECT typarray FROM pg_type WHERE typname = 'et_size')"));
      assertEquals(list(oid + "|et_size|4|0"), lines(c, "SELECT a.atttypid,"
          + " format_type(a.atttypid, a.atttypmod), a.attlen, a.attcollation FROM pg_attribute a"
          + " WHERE a.attrelid = 'et_w'::regclass AND a.attname = 's'"));
      assertEquals(list("USER-DEFINED|public|et_size"), lines(c, "SELECT data_type, udt_schema,"
          + " udt_name FROM information_schema.columns WHERE table_name = 'et_w'"
          + " AND column_name = 's'"));
      assertEquals(oid, one(c, "SELECT 'et_size'::regtype::oid"));

      try (ResultSet rs = c.createStatement().executeQuery("SELECT s FROM et_w")) {
        ResultSetMetaData md = rs.getMetaData();
        assertEquals("et_size", md.getColumnTypeName(1));
        assertEquals(Types.VARCHAR, md.getColumnType(1));
        assertTrue(rs.next());
        assertEquals("large", rs.getString(1));
        assertEquals("large", rs.getObject(1).toString());
      }
      DatabaseMetaData meta = c.getMetaData();
      try (ResultSet rs = meta.getColumns(null, "public", "et_w", "s")) {
        assertTrue(rs.next());
        assertEquals("et_size", rs.getString("TYPE_NAME"));
        assertEquals(Types.VARCHAR, rs.getInt("DATA_TYPE"));
      }
      // Hibernate's hbm2ddl declares I/O casts between varchar and its enum types.
      exec(c, "CREATE CAST (varchar AS et_size) WITH INOUT AS IMPLICIT",
          "CREATE CAST (et_size AS varchar) WITH INOUT AS IMPLICIT");
      failsWith("0A000", () -> exec(c, "CREATE CAST (int4 AS text) WITH INOUT"));
      failsWith("42704", () -> exec(c, "CREATE CAST (varchar AS et_nope) WITH INOUT"));
      // What Hibernate's NAMED_ENUM binding and SQLAlchemy send: a string, cast or untyped.
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO et_w VALUES (?, ?::et_size)")) {
        ps.setInt(1, 2);
        ps.setString(2, "small");
        ps.executeUpdate();
        ps.setInt(1, 3);
        ps.setObject(2, "huge", Types.OTHER);
        assertEquals("22P02", Db.fails(ps::executeUpdate).getSQLState());
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO et_w VALUES (?, ?)")) {
        ps.setInt(1, 4);
        ps.setObject(2, "small", Types.OTHER);
        ps.executeUpdate();
      }
      exec(c, "INSERT INTO et_w (id, s) SELECT p0::INTEGER, p1::et_size FROM (VALUES (5, 'large'))"
          + " AS imp(p0, p1)");
      assertEquals(list("2|small", "4|small", "1|large", "5|large"),
          lines(c, "SELECT id, s FROM et_w ORDER BY s, id"));
    }
  }

  /** An enum made on a branch exists only there until merged, and survives a restart. */
  @Test
  void enumsAreVersionedAndDurable() throws Exception {
    Path data = dir.resolve("data");
    try (DiskServer disk = new DiskServer(data); Connection c = disk.connect()) {
      exec(c, "CREATE TYPE ev_color AS ENUM ('red', 'green')",
          "CREATE TABLE ev_t (id int PRIMARY KEY, col ev_color)", "INSERT INTO ev_t VALUES (1, 'green')",
          "SELECT ygg.create_branch('ev_b', 'main')", "SET ygg.branch = 'ev_b'",
          "ALTER TYPE ev_color ADD VALUE 'blue' BEFORE 'red'", "INSERT INTO ev_t VALUES (2, 'blue')");
      assertEquals(list("blue", "green"), lines(c, "SELECT col FROM ev_t ORDER BY col"));
      exec(c, "SET ygg.branch = 'main'");
      failsWith("22P02", () -> exec(c, "INSERT INTO ev_t VALUES (3, 'blue')"));
      assertEquals(list("red", "green"), lines(c, "SELECT e.enumlabel FROM pg_enum e JOIN pg_type t"
          + " ON t.oid = e.enumtypid WHERE t.typname = 'ev_color' ORDER BY e.enumsortorder"));
      exec(c, "SELECT ygg.merge('ev_b', 'main')");
      assertEquals(list("2|blue", "1|green"), lines(c, "SELECT id, col FROM ev_t ORDER BY col"));
    }
    try (DiskServer disk = new DiskServer(data); Connection c = disk.connect()) {
      assertEquals(list("2|blue", "1|green"), lines(c, "SELECT id, col FROM ev_t ORDER BY col"));
      assertEquals("ev_color", one(c,
          "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid ="
              + " 'ev_t'::regclass AND attname = 'col'"));
      failsWith("22P02", () -> exec(c, "INSERT INTO ev_t VALUES (3, 'purple')"));
    }
  }
}
