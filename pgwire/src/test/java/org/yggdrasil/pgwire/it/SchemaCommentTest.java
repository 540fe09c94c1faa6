package org.yggdrasil.pgwire.it;

import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.failsWith;

import java.sql.Connection;
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
