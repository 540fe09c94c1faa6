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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** CREATE VIEW and DROP VIEW through pgjdbc: expansion, names, errors, persistence, branches. */
class ViewTest {
  @RegisterExtension static final TestServer server = new TestServer();

  /**
   * A view in the catalog: its columns and their types in pg_attribute (so psql's \\d and
   * pgjdbc's getColumns show them), its query from pg_get_viewdef and information_schema.views.
   */
  @Test
  void viewInTheCatalog() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE vc_t (id int PRIMARY KEY, name varchar(20), price numeric(10,2))",
          "CREATE VIEW vc_v (ident, label, doubled) AS SELECT id, name, id * 2 FROM vc_t");
      assertEquals(list("ident|integer", "label|character varying(20)", "doubled|integer"),
          lines(c, "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute"
              + " WHERE attrelid = 'vc_v'::regclass AND attnum > 0 ORDER BY attnum"));
      assertEquals(list("vc_v|v"), lines(c,
          "SELECT relname, relkind FROM pg_class WHERE relname = 'vc_v'"));
      try (ResultSet rs = c.getMetaData().getColumns(null, "public", "vc_v", "%")) {
        assertTrue(rs.next());
        assertEquals("ident", rs.getString("COLUMN_NAME"));
        assertEquals("int4", rs.getString("TYPE_NAME"));
      }
      assertTrue(one(c, "SELECT pg_get_viewdef('vc_v'::regclass)").contains("FROM vc_t"));
      assertTrue(one(c, "SELECT view_definition FROM information_schema.views"
          + " WHERE table_name = 'vc_v'").contains("FROM vc_t"));
      exec(c, "DROP VIEW vc_v", "DROP TABLE vc_t");
    }
  }

  @Test
  void viewShowsItsQueryOverCurrentData() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE vw_t (x int, y varchar(8))",
          "INSERT INTO vw_t VALUES (1, 'true'), (0, 'false'), (NULL, 'NULL')",
          "CREATE VIEW vw_pos AS SELECT x, y FROM vw_t WHERE x > 0");
      assertEquals(list("1|true"), lines(c, "SELECT * FROM vw_pos"));
      exec(c, "INSERT INTO vw_t VALUES (5, 'five')");
      assertEquals(list("1|true", "5|five"), lines(c, "SELECT x, y FROM vw_pos ORDER BY x"));
      assertEquals(list("5"), lines(c, "SELECT v.x FROM vw_pos v JOIN vw_t t ON t.x = v.x WHERE t.y = 'five'"));
      assertEquals("2", one(c, "SELECT count(*) FROM vw_pos WHERE x = ?", 5).equals("1") ? "2" : "x");
      exec(c, "CREATE VIEW vw_on_view AS SELECT x * 10 AS big FROM vw_pos");
      assertEquals(list("10", "50"), lines(c, "SELECT big FROM vw_on_view ORDER BY 1"));
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM vw_pos")) {
        assertEquals("x", rs.getMetaData().getColumnName(1));
        assertEquals("varchar", rs.getMetaData().getColumnTypeName(2));
      }
    }
  }

  @Test
  void columnListsAndReplace() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE vw_cols (a int, b text)", "INSERT INTO vw_cols VALUES (1, 'one')",
          "CREATE VIEW vw_renamed (n, label) AS SELECT a, b FROM vw_cols",
          "CREATE VIEW vw_star AS SELECT * FROM vw_cols");
      assertEquals(list("1|one"), lines(c, "SELECT n, label FROM vw_renamed"));
      exec(c, "ALTER TABLE vw_cols ADD COLUMN c int DEFAULT 7");
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM vw_star")) {
        assertEquals(2, rs.getMetaData().getColumnCount(), "a view keeps the columns it was made with");
      }
      failsWith("42P07", () -> exec(c, "CREATE VIEW vw_renamed AS SELECT a FROM vw_cols"));
      exec(c, "CREATE OR REPLACE VIEW vw_renamed (n, label, extra) AS SELECT a, b, c FROM vw_cols");
      assertEquals(list("1|one|7"), lines(c, "SELECT * FROM vw_renamed"));
      failsWith("42P16", () -> exec(c, "CREATE OR REPLACE VIEW vw_renamed AS SELECT a FROM vw_cols"));
      failsWith("42P16", () -> exec(c, "CREATE OR REPLACE VIEW vw_renamed AS SELECT b, a, c FROM vw_cols"));
      failsWith("42601", () -> exec(c, "CREATE VIEW vw_bad (p, q, r) AS SELECT a, b FROM vw_cols"));
      failsWith("42701", () -> exec(c, "CREATE VIEW vw_bad (p, p) AS SELECT a, b FROM vw_cols"));
      failsWith("42P01", () -> exec(c, "CREATE VIEW vw_bad AS SELECT * FROM no_such_table"));
      failsWith("42703", () -> exec(c, "CREATE VIEW vw_bad AS SELECT nope FROM vw_cols"));
      failsWith("42P01", () -> exec(c, "SELECT * FROM vw_bad"));
    }
  }

  @Test
  void dropAndWrongKinds() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE vw_k (x int)", "CREATE INDEX vw_k_i ON vw_k (x)",
          "CREATE VIEW vw_kv AS SELECT x FROM vw_k");
      failsWith("42P07", () -> exec(c, "CREATE TABLE vw_kv (y int)"));
      failsWith("42P07", () -> exec(c, "CREATE VIEW vw_k AS SELECT 1"));
      failsWith("42P07", () -> exec(c, "CREATE VIEW vw_k_i AS SELECT 1"));
      failsWith("42809", () -> exec(c, "CREATE OR REPLACE VIEW vw_k AS SELECT 1"));
      SQLException notTable = failsWith("42809", () -> exec(c, "DROP TABLE vw_kv"));
      assertTrue(notTable.getMessage().contains("DROP VIEW"), notTable.getMessage());
      failsWith("42809", () -> exec(c, "DROP VIEW vw_k"));
      failsWith("42809", () -> exec(c, "CREATE INDEX vw_kv_i ON vw_kv (x)"));
      failsWith("0A000", () -> exec(c, "INSERT INTO vw_kv VALUES (1)"));
      failsWith("0A000", () -> exec(c, "DELETE FROM vw_kv"));
      exec(c, "DROP VIEW vw_kv");
      failsWith("42P01", () -> exec(c, "DROP VIEW vw_kv"));
      failsWith("42P01", () -> exec(c, "SELECT * FROM vw_kv"));
      exec(c, "DROP VIEW IF EXISTS vw_kv, vw_never CASCADE");
      exec(c, "CREATE TABLE vw_kv (y int)");
    }
  }

  @Test
  void viewsAreTransactional() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE vw_tx (x int)", "INSERT INTO vw_tx VALUES (1)");
      c.setAutoCommit(false);
      exec(c, "CREATE VIEW vw_tx_v AS SELECT x FROM vw_tx");
      assertEquals("1", one(c, "SELECT x FROM vw_tx_v"));
      c.rollback();
      failsWith("42P01", () -> exec(c, "SELECT x FROM vw_tx_v"));
      c.rollback();
      c.setAutoCommit(true);
    }
  }

  @Test
  void viewsFollowBranches() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE vw_br (x int)", "INSERT INTO vw_br VALUES (1), (2)",
          "CREATE VIEW vw_br_v AS SELECT x FROM vw_br WHERE x > 1",
          "SELECT ygg.create_branch('vw_br_b', 'main')");
    }
    try (Connection c = server.connect("ygg:vw_br_b", new Properties())) {
      exec(c, "CREATE OR REPLACE VIEW vw_br_v AS SELECT x FROM vw_br WHERE x > 0",
          "CREATE VIEW vw_br_only AS SELECT count(*) AS n FROM vw_br");
      assertEquals("2", one(c, "SELECT count(*) FROM vw_br_v"));
      assertEquals("2", one(c, "SELECT n FROM vw_br_only"));
    }
    try (Connection c = server.connect()) {
      assertEquals("1", one(c, "SELECT count(*) FROM vw_br_v"));
      failsWith("42P01", () -> exec(c, "SELECT * FROM vw_br_only"));
    }
  }

  @Test
  void viewsSurviveRestart(@TempDir Path dir) throws SQLException {
    try (DiskServer s = new DiskServer(dir); Connection c = s.connect()) {
      exec(c, "CREATE TABLE vw_disk (id int PRIMARY KEY, price int)",
          "INSERT INTO vw_disk VALUES (1, 10), (2, 20)",
          "CREATE VIEW vw_disk_total (total) AS SELECT sum(price) FROM vw_disk");
    }
    try (DiskServer s = new DiskServer(dir); Connection c = s.connect()) {
      assertEquals("30", one(c, "SELECT total FROM vw_disk_total"));
      exec(c, "DROP VIEW vw_disk_total");
    }
    try (DiskServer s = new DiskServer(dir); Connection c = s.connect()) {
      failsWith("42P01", () -> exec(c, "SELECT total FROM vw_disk_total"));
    }
  }

  @Test
  void dependentViewsProtectWhatTheyRead() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE vw_dep (x int)", "CREATE TABLE vw_dep_other (x int)",
          "CREATE VIEW vw_dep_a AS SELECT x FROM vw_dep", "CREATE VIEW vw_dep_b AS SELECT x FROM vw_dep_a");
      SQLException e = failsWith("2BP01", () -> exec(c, "DROP TABLE vw_dep"));
      assertTrue(e.getMessage().contains("other objects depend on it"), e.getMessage());
      failsWith("2BP01", () -> exec(c, "DROP VIEW vw_dep_a"));
      exec(c, "DROP TABLE vw_dep_other");
      exec(c, "DROP VIEW vw_dep_a, vw_dep_b");
      exec(c, "CREATE VIEW vw_dep_a AS SELECT x FROM vw_dep", "CREATE VIEW vw_dep_b AS SELECT x FROM vw_dep_a");
      exec(c, "DROP TABLE vw_dep CASCADE");
      failsWith("42P01", () -> exec(c, "SELECT * FROM vw_dep_b"));
      exec(c, "CREATE VIEW vw_dep_a AS SELECT 1 AS one");
    }
  }
}
