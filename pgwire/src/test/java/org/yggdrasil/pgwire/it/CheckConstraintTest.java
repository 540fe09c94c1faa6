package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.failsWith;
import static org.yggdrasil.pgwire.it.Db.lines;
import static org.yggdrasil.pgwire.it.Db.list;

import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;

/** CHECK constraints through pgjdbc, with PostgreSQL 15's SQLSTATEs and messages. */
class CheckConstraintTest {
  @RegisterExtension static final TestServer server = new TestServer();

  @Test
  void insertAndUpdateAreChecked() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE ck_t (id int PRIMARY KEY, v int CHECK (v > 0), "
          + "lo numeric(5,2), hi numeric(5,2), name text, CONSTRAINT ck_range CHECK (lo <= hi))");
      exec(c, "INSERT INTO ck_t VALUES (1, 5, 1.5, 2.5, 'a'), (2, NULL, NULL, 1, 'b')");
      PSQLException e = (PSQLException) failsWith("23514", () -> exec(c, "INSERT INTO ck_t VALUES (3, -1, 1, 2, 'c')"));
      assertEquals("new row for relation \"ck_t\" violates check constraint \"ck_t_v_check\"",
          e.getServerErrorMessage().getMessage());
      e = (PSQLException) failsWith("23514", () -> exec(c, "INSERT INTO ck_t VALUES (3, 1, 3, 2, 'c')"));
      assertEquals("new row for relation \"ck_t\" violates check constraint \"ck_range\"",
          e.getServerErrorMessage().getMessage());
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO ck_t VALUES (?, ?, 1, 2, 'p')")) {
        ps.setInt(1, 4);
        ps.setInt(2, 0);
        failsWith("23514", ps::executeUpdate);
      }
      failsWith("23514", () -> exec(c, "UPDATE ck_t SET v = v - 10 WHERE id = 1"));
      exec(c, "UPDATE ck_t SET v = v + 10 WHERE id = 1");
      assertEquals(list("1|15", "2|NULL"), lines(c, "SELECT id, v FROM ck_t ORDER BY id"));
    }
  }

  @Test
  void defaultNamesAndOrderFollowPostgres() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE ck_n (a int CHECK (a > 0 AND a < 100), b int CHECK (b > a), CHECK (a > 1), "
          + "CHECK (b > 1))");
      PSQLException e = (PSQLException) failsWith("23514", () -> exec(c, "INSERT INTO ck_n VALUES (5, 1)"));
      assertEquals("new row for relation \"ck_n\" violates check constraint \"ck_n_b_check\"",
          e.getServerErrorMessage().getMessage());
      e = (PSQLException) failsWith("23514", () -> exec(c, "INSERT INTO ck_n VALUES (1, 5)"));
      assertEquals("new row for relation \"ck_n\" violates check constraint \"ck_n_a_check1\"",
          e.getServerErrorMessage().getMessage());
      e = (PSQLException) failsWith("23514", () -> exec(c, "INSERT INTO ck_n VALUES (5, 3)"));
      assertEquals("new row for relation \"ck_n\" violates check constraint \"ck_n_check\"",
          e.getServerErrorMessage().getMessage());
    }
  }

  @Test
  void alterTableAddAndDropCheck() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE ck_a (id int, name text)", "INSERT INTO ck_a VALUES (1, 'x'), (-1, 'y')");
      failsWith("23514", () -> exec(c, "ALTER TABLE ck_a ADD CONSTRAINT ck_a_pos CHECK (id > 0)"));
      exec(c, "DELETE FROM ck_a WHERE id < 0", "ALTER TABLE ck_a ADD CONSTRAINT ck_a_pos CHECK (id > 0)",
          "ALTER TABLE ck_a ADD CHECK (length(name) < 3)");
      failsWith("23514", () -> exec(c, "INSERT INTO ck_a VALUES (0, 'z')"));
      PSQLException e = (PSQLException) failsWith("23514", () -> exec(c, "INSERT INTO ck_a VALUES (5, 'long')"));
      assertEquals("new row for relation \"ck_a\" violates check constraint \"ck_a_name_check\"",
          e.getServerErrorMessage().getMessage());
      exec(c, "ALTER TABLE ck_a DROP CONSTRAINT ck_a_pos", "INSERT INTO ck_a VALUES (0, 'z')");
    }
  }

  @Test
  void copyIsChecked() throws Exception {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE ck_copy (id int, v int CHECK (v <> 13))");
      var copy = c.unwrap(PGConnection.class).getCopyAPI();
      copy.copyIn("COPY ck_copy FROM STDIN", new StringReader("1\t1\n2\t2\n"));
      failsWith("23514", () -> copy.copyIn("COPY ck_copy FROM STDIN", new StringReader("3\t3\n4\t13\n")));
      assertEquals(list("1", "2"), lines(c, "SELECT id FROM ck_copy ORDER BY id"));
    }
  }

  @Test
  void checksSurviveRestart(@TempDir Path dir) throws SQLException {
    try (DiskServer s = new DiskServer(dir); Connection c = s.connect()) {
      exec(c, "CREATE TABLE ck_d (id int CHECK (id BETWEEN 1 AND 10))");
    }
    try (DiskServer s = new DiskServer(dir); Connection c = s.connect()) {
      failsWith("23514", () -> exec(c, "INSERT INTO ck_d VALUES (11)"));
      exec(c, "INSERT INTO ck_d VALUES (10)");
    }
  }
}
