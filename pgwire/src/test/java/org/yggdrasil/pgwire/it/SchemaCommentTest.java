package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.failsWith;
import static org.yggdrasil.pgwire.it.Db.lines;
import static org.yggdrasil.pgwire.it.Db.list;
import static org.yggdrasil.pgwire.it.Db.one;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * COMMENT ON and CREATE/DROP SCHEMA through pgjdbc: the forms migration tools send, and
 * PostgreSQL's errors for missing or mismatched objects.
 */
class SchemaCommentTest {
  @RegisterExtension static final TestServer server = new TestServer();

  @Test
  void commentsOnEveryKindOfObject() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE sc_t (id serial PRIMARY KEY, name text)",
          "CREATE INDEX sc_t_name ON sc_t (name)", "CREATE VIEW sc_v AS SELECT name FROM sc_t",
          "COMMENT ON TABLE sc_t IS 'the table'", "COMMENT ON COLUMN sc_t.name IS E'its\\nname'",
          "COMMENT ON COLUMN public.sc_t.id IS 'key'", "COMMENT ON VIEW sc_v IS 'names'",
          "COMMENT ON INDEX sc_t_name IS 'lookup'", "COMMENT ON INDEX sc_t_pkey IS 'pk'",
          "COMMENT ON SEQUENCE sc_t_id_seq IS 'ids'", "COMMENT ON SCHEMA public IS 'standard'",
          "COMMENT ON TABLE sc_t IS NULL", "COMMENT ON COLUMN sc_v.name IS 'view column'");
      failsWith("42P01", () -> exec(c, "COMMENT ON TABLE sc_nope IS 'x'"));
      failsWith("42809", () -> exec(c, "COMMENT ON TABLE sc_v IS 'x'"));
      failsWith("42809", () -> exec(c, "COMMENT ON VIEW sc_t IS 'x'"));
      failsWith("42703", () -> exec(c, "COMMENT ON COLUMN sc_t.nope IS 'x'"));
      failsWith("3F000", () -> exec(c, "COMMENT ON SCHEMA sc_nope IS 'x'"));
      failsWith("42601", () -> exec(c, "COMMENT ON TABLE sc_t IS 42"));
      exec(c, "ALTER TABLE sc_t RENAME COLUMN name TO label", "ALTER TABLE sc_t RENAME TO sc_t2");
      exec(c, "DROP VIEW sc_v", "DROP TABLE sc_t2");
    }
  }

  /**
   * Comments show in pg_description, obj_description and col_description and in pgjdbc's
   * REMARKS, follow a column's rename and go with IS NULL, as in PostgreSQL 15.
   */
  @Test
  void commentsAreDescriptions() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE sd_t (id serial PRIMARY KEY, name text)",
          "CREATE INDEX sd_t_name ON sd_t (name)", "COMMENT ON TABLE sd_t IS 'the table'",
          "COMMENT ON COLUMN sd_t.name IS 'its name'", "COMMENT ON INDEX sd_t_name IS 'lookup'",
          "COMMENT ON SEQUENCE sd_t_id_seq IS 'ids'");
      assertEquals(list("the table|lookup|ids|its name|NULL|the table"), lines(c,
          "SELECT obj_description('sd_t'::regclass, 'pg_class'),"
              + " obj_description('sd_t_name'::regclass, 'pg_class'),"
              + " obj_description('sd_t_id_seq'::regclass, 'pg_class'),"
              + " col_description('sd_t'::regclass, 2), col_description('sd_t'::regclass, 1),"
              + " obj_description('sd_t'::regclass)"));
      assertEquals(list("0|the table", "2|its name"), lines(c, "SELECT objsubid, description"
          + " FROM pg_description WHERE objoid = 'sd_t'::regclass AND classoid = 1259"
          + " ORDER BY objsubid"));
      DatabaseMetaData md = c.getMetaData();
      try (ResultSet rs = md.getTables(null, "public", "sd_t", new String[] {"TABLE"})) {
        assertTrue(rs.next());
        assertEquals("the table", rs.getString("REMARKS"));
      }
      try (ResultSet rs = md.getColumns(null, "public", "sd_t", "name")) {
        assertTrue(rs.next());
        assertEquals("its name", rs.getString("REMARKS"));
      }
      exec(c, "ALTER TABLE sd_t RENAME COLUMN name TO label", "COMMENT ON TABLE sd_t IS NULL");
      assertEquals(list("NULL|its name"), lines(c, "SELECT obj_description('sd_t'::regclass,"
          + " 'pg_class'), col_description('sd_t'::regclass, 2)"));
      exec(c, "DROP TABLE sd_t");
      assertEquals("0", one(c, "SELECT count(*) FROM pg_description d JOIN pg_class c"
          + " ON c.oid = d.objoid WHERE c.relname LIKE 'sd_t%'"));
    }
  }

  @Test
  void schemas() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE SCHEMA IF NOT EXISTS public", "CREATE SCHEMA sc_extra",
          "CREATE SCHEMA IF NOT EXISTS sc_extra AUTHORIZATION ygg");
      failsWith("42P06", () -> exec(c, "CREATE SCHEMA sc_extra"));
      failsWith("42P06", () -> exec(c, "CREATE SCHEMA public"));
      exec(c, "COMMENT ON SCHEMA sc_extra IS 'more'", "DROP SCHEMA sc_extra");
      failsWith("3F000", () -> exec(c, "DROP SCHEMA sc_extra"));
      exec(c, "DROP SCHEMA IF EXISTS sc_extra CASCADE");
      failsWith("0A000", () -> exec(c, "DROP SCHEMA public"));
      failsWith("3F000", () -> exec(c, "CREATE TABLE sc_nope.t (x int)"));
    }
  }
}
