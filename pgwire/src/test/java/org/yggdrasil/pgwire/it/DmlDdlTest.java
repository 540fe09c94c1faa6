package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.failsWith;
import static org.yggdrasil.pgwire.it.Db.lines;
import static org.yggdrasil.pgwire.it.Db.list;
import static org.yggdrasil.pgwire.it.Db.one;
import static org.yggdrasil.pgwire.it.Db.update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CREATE / DROP / TRUNCATE and INSERT / UPDATE / DELETE with their exact PostgreSQL results. */
class DmlDdlTest {

  @RegisterExtension static final TestServer server = new TestServer();

  @Test
  void createTableWithConstraintsAndDefaults() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "DROP TABLE IF EXISTS ddl_items");
      try (Statement s = c.createStatement()) {
        assertFalse(
            s.execute(
                "CREATE TABLE ddl_items ("
                    + " id int8 PRIMARY KEY,"
                    + " sku varchar(16) NOT NULL UNIQUE,"
                    + " qty int4 NOT NULL DEFAULT 1,"
                    + " price numeric(10,2) DEFAULT 9.99,"
                    + " note text)"));
        assertEquals(0, s.getUpdateCount());
      }
      // IF NOT EXISTS on an existing table is a no-op (PostgreSQL sends a NOTICE).
      exec(c, "CREATE TABLE IF NOT EXISTS ddl_items (other int4)");
      failsWith("42P07", () -> exec(c, "CREATE TABLE ddl_items (other int4)"));

      assertEquals(1, update(c, "INSERT INTO ddl_items (id, sku) VALUES (1, 'A-1')"));
      assertEquals(1, update(c, "INSERT INTO ddl_items VALUES (2, 'B-2', DEFAULT, DEFAULT, 'x')"));
      assertEquals(1, update(c, "INSERT INTO ddl_items (id, sku, qty, price) VALUES (3, 'C-3', 7, NULL)"));
      assertEquals(
          list("1|A-1|1|9.99|NULL", "2|B-2|1|9.99|x", "3|C-3|7|NULL|NULL"),
          lines(c, "SELECT id, sku, qty, price, note FROM ddl_items ORDER BY id"));

      failsWith("23505", () -> update(c, "INSERT INTO ddl_items (id, sku) VALUES (1, 'Z-9')"));
      failsWith("23505", () -> update(c, "INSERT INTO ddl_items (id, sku) VALUES (9, 'A-1')"));
      failsWith("23502", () -> update(c, "INSERT INTO ddl_items (id) VALUES (10)"));
      failsWith("23502", () -> update(c, "INSERT INTO ddl_items (id, sku, qty) VALUES (11, 'K', NULL)"));
      failsWith("23502", () -> update(c, "INSERT INTO ddl_items (sku) VALUES ('no-id')"));
      failsWith("23502", () -> update(c, "UPDATE ddl_items SET qty = NULL WHERE id = 1"));
      failsWith("23505", () -> update(c, "UPDATE ddl_items SET sku = 'A-1' WHERE id = 2"));
      // Nothing of the failed statements is left behind.
      assertEquals(list("1|A-1|1", "2|B-2|1", "3|C-3|7"), lines(c, "SELECT id, sku, qty FROM ddl_items ORDER BY id"));
      // UNIQUE allows several NULLs; here sku is NOT NULL, so use a nullable unique column.
      exec(c, "DROP TABLE IF EXISTS ddl_uniq", "CREATE TABLE ddl_uniq (a int4 UNIQUE, b text)");
      assertEquals(3, update(c, "INSERT INTO ddl_uniq VALUES (NULL, 'x'), (NULL, 'y'), (1, 'z')"));
      failsWith("23505", () -> update(c, "INSERT INTO ddl_uniq VALUES (1, 'w')"));
      exec(c, "DROP TABLE ddl_uniq", "DROP TABLE ddl_items");
    }
  }

  @Test
  void dropTable() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "DROP TABLE IF EXISTS ddl_gone");
      exec(c, "DROP TABLE IF EXISTS ddl_gone");
      failsWith("42P01", () -> exec(c, "DROP TABLE ddl_gone"));
      exec(c, "CREATE TABLE ddl_gone (a int4)", "INSERT INTO ddl_gone VALUES (1)");
      exec(c, "DROP TABLE ddl_gone");
      failsWith("42P01", () -> one(c, "SELECT count(*) FROM ddl_gone"));
      // The name is free again, with a new shape.
      exec(c, "CREATE TABLE ddl_gone (b text)");
      assertEquals("0", one(c, "SELECT count(*) FROM ddl_gone"));
      failsWith("42703", () -> one(c, "SELECT a FROM ddl_gone"));
      exec(c, "DROP TABLE ddl_gone");
    }
  }

  @Test
  void truncate() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "DROP TABLE IF EXISTS ddl_trunc", "CREATE TABLE ddl_trunc (id int4 PRIMARY KEY)");
      assertEquals(3, update(c, "INSERT INTO ddl_trunc VALUES (1), (2), (3)"));
      exec(c, "TRUNCATE ddl_trunc");
      assertEquals("0", one(c, "SELECT count(*) FROM ddl_trunc"));
      assertEquals(1, update(c, "INSERT INTO ddl_trunc VALUES (1)"));
      exec(c, "TRUNCATE TABLE ddl_trunc");
      assertEquals("0", one(c, "SELECT count(*) FROM ddl_trunc"));
      exec(c, "DROP TABLE ddl_trunc");
    }
  }

  @Test
  void insertForms() throws SQLException {
    try (Connection c = server.connect()) {
      exec(
          c,
          "DROP TABLE IF EXISTS ins_src",
          "DROP TABLE IF EXISTS ins_dst",
          "CREATE TABLE ins_src (id int4 PRIMARY KEY, name text, score float8)",
          "CREATE TABLE ins_dst (id int4 PRIMARY KEY, name text NOT NULL DEFAULT 'anon', score float8)");
      assertEquals(4, update(c, "INSERT INTO ins_src VALUES (1, 'a', 1.5), (2, 'b', 2.5), (3, NULL, 3.5), (4, 'd', NULL)"));
      assertEquals(2, update(c, "INSERT INTO ins_dst (id, name, score) SELECT id, name, score * 2 FROM ins_src WHERE name IS NOT NULL AND score IS NOT NULL"));
      assertEquals(1, update(c, "INSERT INTO ins_dst (id, score) SELECT id + 100, score FROM ins_src WHERE id = 3"));
      assertEquals(1, update(c, "INSERT INTO ins_dst (id) VALUES (200)"));
      assertEquals(
          list("1|a|3", "2|b|5", "103|anon|3.5", "200|anon|NULL"),
          lines(c, "SELECT id, name, score FROM ins_dst ORDER BY id"));

      // RETURNING gives the stored rows, defaults filled in.
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery("INSERT INTO ins_dst (id) VALUES (300), (301) RETURNING id, name, id * 10 AS ten")) {
        assertEquals(list("300|anon|3000", "301|anon|3010"), linesOf(rs));
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO ins_dst (id, name) VALUES (?, ?) RETURNING *")) {
        ps.setInt(1, 400);
        ps.setString(2, "p");
        try (ResultSet rs = ps.executeQuery()) {
          assertEquals(list("400|p|NULL"), linesOf(rs));
        }
      }
      // INSERT ... SELECT with RETURNING
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("INSERT INTO ins_dst SELECT id + 500, 'copy', score FROM ins_src WHERE id <= 2 RETURNING id")) {
        assertEquals(list("501", "502"), linesOf(rs).stream().sorted().toList());
      }
      assertEquals("9", one(c, "SELECT count(*) FROM ins_dst"));
      // An INSERT that inserts nothing.
      assertEquals(0, update(c, "INSERT INTO ins_dst SELECT * FROM ins_src WHERE false"));
      // DEFAULT VALUES and DEFAULT in a multi-row VALUES list.
      exec(c, "DROP TABLE IF EXISTS ins_defaults", "CREATE TABLE ins_defaults (a int4 DEFAULT 5, b text DEFAULT 'd')");
      assertEquals(1, update(c, "INSERT INTO ins_defaults DEFAULT VALUES"));
      assertEquals(2, update(c, "INSERT INTO ins_defaults VALUES (DEFAULT, 'x'), (1, DEFAULT)"));
      assertEquals(list("1|d", "5|d", "5|x"), lines(c, "SELECT a, b FROM ins_defaults ORDER BY a, b"));
      exec(c, "DROP TABLE ins_src", "DROP TABLE ins_dst", "DROP TABLE ins_defaults");
    }
  }

  @Test
  void updateAndDelete() throws SQLException {
    try (Connection c = server.connect()) {
      exec(
          c,
          "DROP TABLE IF EXISTS upd",
          "CREATE TABLE upd (id int4 PRIMARY KEY, grp text, v int4)",
          "INSERT INTO upd SELECT g, CASE WHEN g % 2 = 0 THEN 'even' ELSE 'odd' END, g * 10"
              + " FROM generate_series(1, 10) AS s(g)");
      assertEquals(5, update(c, "UPDATE upd SET v = v + 1 WHERE grp = 'even'"));
      assertEquals(0, update(c, "UPDATE upd SET v = 0 WHERE id > 100"));
      assertEquals(10, update(c, "UPDATE upd SET grp = upper(grp)"));
      assertEquals(1, update(c, "UPDATE upd SET v = ? WHERE id = ?", 999, 3));
      assertEquals(
          list("1|ODD|10", "2|EVEN|21", "3|ODD|999", "4|EVEN|41"),
          lines(c, "SELECT * FROM upd WHERE id <= 4 ORDER BY id"));
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("UPDATE upd SET v = v * 2 WHERE id IN (1, 2) RETURNING id, v")) {
        assertEquals(list("1|20", "2|42"), linesOf(rs).stream().sorted().toList());
      }
      // Updating the primary key itself.
      assertEquals(1, update(c, "UPDATE upd SET id = 11 WHERE id = 10"));
      failsWith("23505", () -> update(c, "UPDATE upd SET id = 1 WHERE id = 2"));

      assertEquals(3, update(c, "DELETE FROM upd WHERE id BETWEEN 2 AND 4"));
      assertEquals(0, update(c, "DELETE FROM upd WHERE id = 3"));
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("DELETE FROM upd WHERE grp = 'ODD' AND id > 6 RETURNING *")) {
        assertEquals(list("7|ODD|70", "9|ODD|90"), linesOf(rs).stream().sorted().toList());
      }
      assertEquals(list("1", "11", "5", "6", "8"), lines(c, "SELECT id FROM upd ORDER BY id::text"));
      assertEquals(5, update(c, "DELETE FROM upd"));
      assertEquals("0", one(c, "SELECT count(*) FROM upd"));
      exec(c, "DROP TABLE upd");
    }
  }

  @Test
  void updateCountsOfPlainStatements() throws SQLException {
    try (Connection c = server.connect();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS cnt");
      s.execute("CREATE TABLE cnt (a int4)");
      assertEquals(3, s.executeUpdate("INSERT INTO cnt VALUES (1), (2), (3)"));
      assertEquals(2, s.executeUpdate("UPDATE cnt SET a = a + 10 WHERE a < 3"));
      assertEquals(1, s.executeUpdate("DELETE FROM cnt WHERE a = 3"));
      // A SELECT reports no update count.
      assertTrue(s.execute("SELECT * FROM cnt"));
      assertEquals(-1, s.getUpdateCount());
      // Several statements in one simple query: each result in turn.
      assertFalse(s.execute("INSERT INTO cnt VALUES (7); UPDATE cnt SET a = 0; SELECT count(*) FROM cnt"));
      assertEquals(1, s.getUpdateCount());
      assertFalse(s.getMoreResults());
      assertEquals(3, s.getUpdateCount());
      assertTrue(s.getMoreResults());
      try (ResultSet rs = s.getResultSet()) {
        assertTrue(rs.next());
        assertEquals(3, rs.getInt(1));
      }
      s.execute("DROP TABLE cnt");
    }
  }

  @Test
  void batchInserts() throws SQLException {
    for (boolean rewrite : new boolean[] {false, true}) {
      try (Connection c = server.connect("reWriteBatchedInserts", Boolean.toString(rewrite))) {
        exec(c, "DROP TABLE IF EXISTS batch", "CREATE TABLE batch (id int4 PRIMARY KEY, name text, amount numeric(10,2))");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO batch (id, name, amount) VALUES (?, ?, ?)")) {
          for (int i = 1; i <= 1000; i++) {
            ps.setInt(1, i);
            ps.setString(2, "name-" + i);
            ps.setBigDecimal(3, java.math.BigDecimal.valueOf(i, 2));
            ps.addBatch();
          }
          int[] counts = ps.executeBatch();
          assertEquals(1000, counts.length);
          int[] expected = new int[1000];
          java.util.Arrays.fill(expected, rewrite ? Statement.SUCCESS_NO_INFO : 1);
          assertArrayEquals(expected, counts, "rewrite=" + rewrite);
        }
        assertEquals(list("1000|500500|5005.00"), lines(c, "SELECT count(*), sum(id), sum(amount) FROM batch"));
        // A batch of mixed statements.
        try (Statement s = c.createStatement()) {
          s.addBatch("INSERT INTO batch VALUES (2001, 'x', 1)");
          s.addBatch("UPDATE batch SET amount = 0 WHERE id <= 10");
          s.addBatch("DELETE FROM batch WHERE id > 990 AND id <= 1000");
          assertArrayEquals(new int[] {1, 10, 10}, s.executeBatch());
        }
        assertEquals("991", one(c, "SELECT count(*) FROM batch"));
        exec(c, "DROP TABLE batch");
      }
    }
  }

  @Test
  void failingBatchReportsTheError() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "DROP TABLE IF EXISTS batch_fail", "CREATE TABLE batch_fail (id int4 PRIMARY KEY)");
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO batch_fail VALUES (?)")) {
        for (int id : new int[] {1, 2, 2, 3}) {
          ps.setInt(1, id);
          ps.addBatch();
        }
        java.sql.BatchUpdateException e =
            org.junit.jupiter.api.Assertions.assertThrows(java.sql.BatchUpdateException.class, ps::executeBatch);
        assertEquals("23505", e.getSQLState() != null ? e.getSQLState() : e.getNextException().getSQLState());
      }
      c.rollback();
      c.setAutoCommit(true);
      assertEquals("0", one(c, "SELECT count(*) FROM batch_fail"));
      exec(c, "DROP TABLE batch_fail");
    }
  }

  private static java.util.List<String> linesOf(ResultSet rs) throws SQLException {
    return Db.read(rs).stream()
        .map(r -> String.join("|", r.stream().map(v -> v == null ? "NULL" : v).toList()))
        .toList();
  }
}
