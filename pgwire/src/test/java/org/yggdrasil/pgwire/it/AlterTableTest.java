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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The ALTER TABLE forms schema migrations use, through pgjdbc. */
class AlterTableTest {
  @RegisterExtension static final TestServer server = new TestServer();

  @Test
  void defaultsAndNotNull() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE at_def (id int, status text, n int)", "INSERT INTO at_def VALUES (1, NULL, NULL)");
      exec(c, "ALTER TABLE at_def ALTER COLUMN status SET DEFAULT 'new'", "INSERT INTO at_def (id) VALUES (2)");
      assertEquals("new", one(c, "SELECT status FROM at_def WHERE id = 2"));
      exec(c, "ALTER TABLE at_def ALTER status DROP DEFAULT", "INSERT INTO at_def (id) VALUES (3)");
      assertEquals(null, one(c, "SELECT status FROM at_def WHERE id = 3"));
      failsWith("23502", () -> exec(c, "ALTER TABLE at_def ALTER COLUMN status SET NOT NULL"));
      exec(c, "UPDATE at_def SET status = 'old' WHERE status IS NULL",
          "ALTER TABLE at_def ALTER COLUMN status SET NOT NULL");
      failsWith("23502", () -> exec(c, "INSERT INTO at_def (id) VALUES (4)"));
      exec(c, "ALTER TABLE at_def ALTER COLUMN status DROP NOT NULL", "INSERT INTO at_def (id) VALUES (4)");
      exec(c, "ALTER TABLE at_def ALTER COLUMN n SET DEFAULT 7, ALTER COLUMN id SET NOT NULL, "
          + "ADD COLUMN IF NOT EXISTS flag boolean DEFAULT true");
      exec(c, "INSERT INTO at_def (id) VALUES (5)");
      assertEquals(list("5|7|t"), lines(c, "SELECT id, n, flag FROM at_def WHERE id = 5"));
      failsWith("23502", () -> exec(c, "INSERT INTO at_def (id) VALUES (NULL)"));
      failsWith("42703", () -> exec(c, "ALTER TABLE at_def ALTER COLUMN nope SET DEFAULT 1"));
      failsWith("42P01", () -> exec(c, "ALTER TABLE at_nope ALTER COLUMN n SET DEFAULT 1"));
    }
  }

  @Test
  void columnTypesWiden() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE at_ty (id int PRIMARY KEY, code varchar(3), amount int, ratio real)",
          "INSERT INTO at_ty VALUES (1, 'abc', 2000000000, 1.5), (2, NULL, NULL, NULL)");
      failsWith("22001", () -> exec(c, "INSERT INTO at_ty VALUES (3, 'abcdef', 1, 1)"));
      exec(c, "ALTER TABLE at_ty ALTER COLUMN code TYPE varchar(10)",
          "ALTER TABLE at_ty ALTER COLUMN amount SET DATA TYPE bigint",
          "ALTER TABLE at_ty ALTER COLUMN ratio TYPE double precision",
          "ALTER TABLE at_ty ALTER COLUMN id TYPE bigint");
      exec(c, "INSERT INTO at_ty VALUES (3, 'abcdef', 5000000000, 2.25)");
      assertEquals(list("1|abc|2000000000|1.5", "2|NULL|NULL|NULL", "3|abcdef|5000000000|2.25"),
          lines(c, "SELECT id, code, amount, ratio FROM at_ty ORDER BY id"));
      failsWith("23505", () -> exec(c, "INSERT INTO at_ty VALUES (3, 'x', 1, 1)"));
      assertEquals("abc", one(c, "SELECT code FROM at_ty WHERE id = 1"));
      failsWith("22001", () -> exec(c, "ALTER TABLE at_ty ALTER COLUMN code TYPE varchar(4)"));
      exec(c, "ALTER TABLE at_ty ALTER COLUMN amount TYPE text");
      assertEquals("5000000000", one(c, "SELECT amount FROM at_ty WHERE id = 3"));
      failsWith("0A000", () -> exec(c, "ALTER TABLE at_ty ALTER COLUMN amount TYPE int USING amount::int"));
    }
  }

  @Test
  void keyConstraints() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE at_keys (id int, email text, n int)",
          "INSERT INTO at_keys VALUES (1, 'a', 1), (2, 'b', 1)");
      exec(c, "ALTER TABLE at_keys ADD PRIMARY KEY (id)");
      failsWith("23505", () -> exec(c, "INSERT INTO at_keys VALUES (1, 'c', 2)"));
      failsWith("23502", () -> exec(c, "INSERT INTO at_keys VALUES (NULL, 'c', 2)"));
      failsWith("42P16", () -> exec(c, "ALTER TABLE at_keys ADD PRIMARY KEY (email)"));
      exec(c, "ALTER TABLE at_keys ADD CONSTRAINT at_keys_email_uq UNIQUE (email)");
      var e = failsWith("23505", () -> exec(c, "INSERT INTO at_keys VALUES (3, 'a', 2)"));
      assertTrue(e.getMessage().contains("at_keys_email_uq"), e.getMessage());
      failsWith("23505", () -> exec(c, "ALTER TABLE at_keys ADD UNIQUE (n)"));
      failsWith("42P07", () -> exec(c, "ALTER TABLE at_keys ADD CONSTRAINT at_keys_pkey UNIQUE (n)"));
      exec(c, "ALTER TABLE at_keys DROP CONSTRAINT at_keys_email_uq", "INSERT INTO at_keys VALUES (3, 'a', 2)");
      exec(c, "ALTER TABLE at_keys DROP CONSTRAINT at_keys_pkey");
      exec(c, "INSERT INTO at_keys VALUES (1, 'z', 3)");
      failsWith("42704", () -> exec(c, "ALTER TABLE at_keys DROP CONSTRAINT at_keys_pkey"));
      exec(c, "ALTER TABLE at_keys DROP CONSTRAINT IF EXISTS at_keys_pkey");
      failsWith("23505", () -> exec(c, "ALTER TABLE at_keys ADD PRIMARY KEY (id)"));
      exec(c, "ALTER TABLE at_keys ADD UNIQUE (email, n)");
      failsWith("23505", () -> exec(c, "INSERT INTO at_keys VALUES (9, 'z', 3)"));
      exec(c, "ALTER TABLE at_keys ADD CONSTRAINT ck CHECK (n > 0)");
      failsWith("23514", () -> exec(c, "INSERT INTO at_keys VALUES (10, 'q', 0)"));
    }
  }

  @Test
  void alteredTablesSurviveRestart(@TempDir Path dir) throws SQLException {
    try (DiskServer s = new DiskServer(dir); Connection c = s.connect()) {
      exec(c, "CREATE TABLE at_disk (id int, code varchar(2))", "INSERT INTO at_disk VALUES (1, 'ab')",
          "ALTER TABLE at_disk ADD PRIMARY KEY (id), ALTER COLUMN code TYPE text, "
              + "ALTER COLUMN code SET DEFAULT 'zz'");
    }
    try (DiskServer s = new DiskServer(dir); Connection c = s.connect()) {
      failsWith("23505", () -> exec(c, "INSERT INTO at_disk VALUES (1, 'x')"));
      exec(c, "INSERT INTO at_disk (id) VALUES (2)", "INSERT INTO at_disk VALUES (3, 'long text')");
      assertEquals(list("1|ab", "2|zz", "3|long text"), lines(c, "SELECT id, code FROM at_disk ORDER BY id"));
    }
  }
}
