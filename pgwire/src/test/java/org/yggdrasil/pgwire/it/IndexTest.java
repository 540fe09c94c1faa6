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
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** CREATE INDEX and DROP INDEX through pgjdbc: names, uniqueness, persistence and branches. */
class IndexTest {
  @RegisterExtension static final TestServer server = new TestServer();

  @Test
  void plainIndexKeepsResultsAndCanBeDropped() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE ix_plain (x int, y varchar(8))",
          "INSERT INTO ix_plain VALUES (1, 'true'), (0, 'false'), (NULL, 'NULL')",
          "CREATE INDEX ix_plain_i1 ON ix_plain (x)",
          "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_plain_i2 ON public.ix_plain USING btree (y DESC NULLS LAST, x)");
      assertEquals(list("1|true"), lines(c, "SELECT x, y FROM ix_plain WHERE x > 0"));
      exec(c, "INSERT INTO ix_plain VALUES (1, 'again')");
      assertEquals("2", one(c, "SELECT count(*) FROM ix_plain WHERE x = 1"), "a plain index allows duplicates");
      exec(c, "DROP INDEX ix_plain_i1");
      failsWith("42704", () -> exec(c, "DROP INDEX ix_plain_i1"));
      failsWith("42704", () -> exec(c, "DROP INDEX nosuch_index"));
      exec(c, "DROP INDEX IF EXISTS ix_plain_i1, ix_plain_i2");
      assertEquals("4", one(c, "SELECT count(*) FROM ix_plain"));
    }
  }

  @Test
  void namesShareTheRelationNamespace() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE ix_names (a int PRIMARY KEY, b int, c int)",
          "CREATE INDEX ON ix_names (b)",
          "CREATE INDEX ON ix_names (b)",
          "CREATE INDEX ON ix_names (b, c)");
      exec(c, "DROP INDEX ix_names_b_idx, ix_names_b_idx1, ix_names_b_c_idx");
      exec(c, "CREATE INDEX ix_names_dup ON ix_names (b)");
      failsWith("42P07", () -> exec(c, "CREATE INDEX ix_names_dup ON ix_names (c)"));
      exec(c, "CREATE INDEX IF NOT EXISTS ix_names_dup ON ix_names (c)");
      failsWith("42P07", () -> exec(c, "CREATE INDEX ix_names ON ix_names (c)"));
      failsWith("42P07", () -> exec(c, "CREATE TABLE ix_names_dup (x int)"));
      failsWith("42P07", () -> exec(c, "CREATE INDEX ix_names_pkey ON ix_names (c)"));
      failsWith("42703", () -> exec(c, "CREATE INDEX ix_names_bad ON ix_names (nope)"));
      failsWith("42P01", () -> exec(c, "CREATE INDEX ix_names_bad ON nope (a)"));
      failsWith("2BP01", () -> exec(c, "DROP INDEX ix_names_pkey"));
      failsWith("42809", () -> exec(c, "DROP INDEX ix_names"));
      failsWith("42809", () -> exec(c, "DROP TABLE ix_names_dup"));
      exec(c, "DROP TABLE ix_names");
      exec(c, "CREATE TABLE ix_names_dup (x int)");
    }
  }

  @Test
  void uniqueIndexIsEnforced() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE ix_uniq (id int, email text, n int)",
          "INSERT INTO ix_uniq VALUES (1, 'a@x', 1), (2, 'b@x', 1), (3, NULL, 2), (4, NULL, 2)");
      SQLException dup = failsWith("23505", () -> exec(c, "CREATE UNIQUE INDEX ix_uniq_n ON ix_uniq (n)"));
      assertTrue(dup.getMessage().contains("could not create unique index \"ix_uniq_n\""), dup.getMessage());
      exec(c, "CREATE UNIQUE INDEX ix_uniq_email ON ix_uniq (email)");
      SQLException e = failsWith("23505", () -> exec(c, "INSERT INTO ix_uniq VALUES (5, 'a@x', 3)"));
      assertTrue(e.getMessage().contains("ix_uniq_email"), e.getMessage());
      exec(c, "INSERT INTO ix_uniq VALUES (5, NULL, 3)");
      failsWith("23505", () -> exec(c, "UPDATE ix_uniq SET email = 'b@x' WHERE id = 1"));
      exec(c, "UPDATE ix_uniq SET email = 'c@x' WHERE id = 1", "INSERT INTO ix_uniq VALUES (6, 'a@x', 4)");
      exec(c, "CREATE UNIQUE INDEX ix_uniq_pair ON ix_uniq (id, n)");
      failsWith("23505", () -> exec(c, "INSERT INTO ix_uniq VALUES (6, 'z@x', 4)"));
      exec(c, "DROP INDEX ix_uniq_email");
      exec(c, "INSERT INTO ix_uniq VALUES (7, 'a@x', 9)");
      failsWith("23505", () -> exec(c, "INSERT INTO ix_uniq VALUES (7, 'q@x', 9)"));
      exec(c, "ALTER TABLE ix_uniq DROP COLUMN n");
      exec(c, "INSERT INTO ix_uniq VALUES (7, 'q@x')");
      assertEquals("2", one(c, "SELECT count(*) FROM ix_uniq WHERE email = 'a@x'"));
    }
  }

  @Test
  void uniqueIndexSurvivesTruncateAndRename() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE ix_tr (k text, v int)", "CREATE UNIQUE INDEX ix_tr_k ON ix_tr (k)",
          "INSERT INTO ix_tr VALUES ('a', 1)", "TRUNCATE ix_tr", "INSERT INTO ix_tr VALUES ('a', 2)",
          "ALTER TABLE ix_tr RENAME COLUMN k TO key", "ALTER TABLE ix_tr RENAME TO ix_tr2");
      failsWith("23505", () -> exec(c, "INSERT INTO ix_tr2 VALUES ('a', 3)"));
      exec(c, "DROP INDEX ix_tr_k", "INSERT INTO ix_tr2 VALUES ('a', 3)");
    }
  }

  @Test
  void indexesFollowBranches() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE ix_br (k int, v int)", "INSERT INTO ix_br VALUES (1, 1)",
          "SELECT ygg.create_branch('ix_br_b', 'main')");
    }
    try (Connection c = server.connect("ygg:ix_br_b", new Properties())) {
      exec(c, "CREATE UNIQUE INDEX ix_br_k ON ix_br (k)");
      failsWith("23505", () -> exec(c, "INSERT INTO ix_br VALUES (1, 2)"));
    }
    try (Connection c = server.connect()) {
      exec(c, "INSERT INTO ix_br VALUES (1, 2)");
      failsWith("42704", () -> exec(c, "DROP INDEX ix_br_k"));
      exec(c, "CREATE INDEX ix_br_k ON ix_br (v)");
    }
  }

  @Test
  void indexesSurviveRestart(@TempDir Path dir) throws SQLException {
    try (DiskServer s = new DiskServer(dir); Connection c = s.connect()) {
      exec(c, "CREATE TABLE ix_disk (id int PRIMARY KEY, code text, note text)",
          "INSERT INTO ix_disk VALUES (1, 'a', 'x'), (2, 'b', 'y')",
          "CREATE UNIQUE INDEX ix_disk_code ON ix_disk (code)",
          "CREATE INDEX ix_disk_note ON ix_disk (note DESC)");
    }
    try (DiskServer s = new DiskServer(dir); Connection c = s.connect()) {
      failsWith("23505", () -> exec(c, "INSERT INTO ix_disk VALUES (3, 'a', 'z')"));
      failsWith("42P07", () -> exec(c, "CREATE INDEX ix_disk_note ON ix_disk (id)"));
      exec(c, "DROP INDEX ix_disk_note", "INSERT INTO ix_disk VALUES (3, 'c', 'z')");
      assertEquals("3", one(c, "SELECT count(*) FROM ix_disk"));
    }
    try (DiskServer s = new DiskServer(dir); Connection c = s.connect()) {
      exec(c, "CREATE INDEX ix_disk_note ON ix_disk (id)");
      failsWith("23505", () -> exec(c, "INSERT INTO ix_disk VALUES (4, 'c', 'w')"));
    }
  }

  @Test
  void equalityOnUniqueKeysFindsTheRightRows() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE ix_look (id int, code text UNIQUE, a int, b varchar(5))",
          "CREATE UNIQUE INDEX ix_look_ab ON ix_look (a, b)",
          "INSERT INTO ix_look VALUES (1, 'x', 1, 'p'), (2, 'y', 1, 'q'), (3, NULL, NULL, 'r')");
      assertEquals("2", one(c, "SELECT id FROM ix_look WHERE code = 'y'"));
      assertEquals("2", one(c, "SELECT id FROM ix_look WHERE code = ?", "y"));
      assertEquals(list(), lines(c, "SELECT id FROM ix_look WHERE code = 'zz'"));
      assertEquals(list(), lines(c, "SELECT id FROM ix_look WHERE code = NULL"));
      assertEquals("1", one(c, "SELECT id FROM ix_look WHERE b = 'p' AND a = 1"));
      assertEquals(list(), lines(c, "SELECT id FROM ix_look WHERE a = 1 AND b = 'p' AND id = 2"));
      assertEquals(list(), lines(c, "SELECT id FROM ix_look WHERE a = 1 AND b = 'toolong'"));
      exec(c, "UPDATE ix_look SET code = 'w' WHERE code = 'y'");
      assertEquals(list(), lines(c, "SELECT id FROM ix_look WHERE code = 'y'"));
      assertEquals("2", one(c, "SELECT id FROM ix_look WHERE code = 'w'"));
      c.setAutoCommit(false);
      exec(c, "DELETE FROM ix_look WHERE a = 1 AND b = 'q'");
      assertEquals(list(), lines(c, "SELECT id FROM ix_look WHERE code = 'w'"));
      c.rollback();
      c.setAutoCommit(true);
      assertEquals("2", one(c, "SELECT id FROM ix_look WHERE a = 1 AND b = 'q'"));
    }
  }
}
