package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.failsWith;
import static org.yggdrasil.pgwire.it.Db.lines;
import static org.yggdrasil.pgwire.it.Db.list;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PSQLException;

/** FOREIGN KEY constraints through pgjdbc, with PostgreSQL 15's SQLSTATEs and messages. */
class ForeignKeyTest {
  @RegisterExtension static final TestServer server = new TestServer();

  @Test
  void childRowsNeedAParentAndReferencedParentsStay() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE fk_p (id int PRIMARY KEY, name text)",
          "CREATE TABLE fk_c (id int PRIMARY KEY, p int REFERENCES fk_p)",
          "INSERT INTO fk_p VALUES (1, 'a'), (2, 'b')", "INSERT INTO fk_c VALUES (10, 1), (11, NULL)");
      PSQLException e = (PSQLException) failsWith("23503", () -> exec(c, "INSERT INTO fk_c VALUES (12, 5)"));
      assertEquals("insert or update on table \"fk_c\" violates foreign key constraint \"fk_c_p_fkey\"",
          e.getServerErrorMessage().getMessage());
      assertEquals("Key (p)=(5) is not present in table \"fk_p\".", e.getServerErrorMessage().getDetail());
      failsWith("23503", () -> exec(c, "UPDATE fk_c SET p = 7 WHERE id = 10"));
      e = (PSQLException) failsWith("23503", () -> exec(c, "DELETE FROM fk_p WHERE id = 1"));
      assertEquals("update or delete on table \"fk_p\" violates foreign key constraint \"fk_c_p_fkey\" on table \"fk_c\"",
          e.getServerErrorMessage().getMessage());
      assertEquals("Key (id)=(1) is still referenced from table \"fk_c\".", e.getServerErrorMessage().getDetail());
      failsWith("23503", () -> exec(c, "UPDATE fk_p SET id = 3 WHERE id = 1"));
      exec(c, "UPDATE fk_p SET name = 'z' WHERE id = 1", "DELETE FROM fk_p WHERE id = 2",
          "UPDATE fk_c SET p = NULL WHERE id = 10", "DELETE FROM fk_p");
      assertEquals(list(), lines(c, "SELECT id FROM fk_p"));
    }
  }

  @Test
  void failedStatementInATransactionLeavesNothingBehind() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE fk_tp (id int PRIMARY KEY)", "CREATE TABLE fk_tc (p int REFERENCES fk_tp (id))",
          "INSERT INTO fk_tp VALUES (1)", "INSERT INTO fk_tc VALUES (1)");
      c.setAutoCommit(false);
      exec(c, "SAVEPOINT s");
      failsWith("23503", () -> exec(c, "DELETE FROM fk_tp"));
      exec(c, "ROLLBACK TO SAVEPOINT s");
      assertEquals(list("1"), lines(c, "SELECT id FROM fk_tp"));
      c.commit();
    }
  }

  @Test
  void cascadeAndSetNull() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE fk_author (id bigint PRIMARY KEY)",
          "CREATE TABLE fk_book (id int PRIMARY KEY, author_id bigint, "
              + "CONSTRAINT fk_book_author FOREIGN KEY (author_id) REFERENCES fk_author (id) ON DELETE CASCADE)",
          "CREATE TABLE fk_note (book int REFERENCES fk_book ON DELETE SET NULL ON UPDATE CASCADE)",
          "INSERT INTO fk_author VALUES (1), (2)", "INSERT INTO fk_book VALUES (10, 1), (11, 2), (12, 1)",
          "INSERT INTO fk_note VALUES (10), (11)");
      exec(c, "DELETE FROM fk_author WHERE id = 1");
      assertEquals(list("11|2"), lines(c, "SELECT id, author_id FROM fk_book ORDER BY id"));
      assertEquals(list("11", "NULL"), lines(c, "SELECT book FROM fk_note ORDER BY book"));
      exec(c, "UPDATE fk_book SET id = 21 WHERE id = 11");
      assertEquals(list("21", "NULL"), lines(c, "SELECT book FROM fk_note ORDER BY book"));
    }
  }

  @Test
  void selfReference() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE fk_tree (id int PRIMARY KEY, parent int REFERENCES fk_tree (id))",
          "INSERT INTO fk_tree VALUES (1, NULL), (2, 1), (3, 2)");
      failsWith("23503", () -> exec(c, "INSERT INTO fk_tree VALUES (4, 9)"));
      failsWith("23503", () -> exec(c, "DELETE FROM fk_tree WHERE id = 2"));
      exec(c, "DELETE FROM fk_tree");
    }
  }

  @Test
  void hibernateAlterTableForms() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "create table fk_h_author (id bigint not null, primary key (id))",
          "create table fk_h_book (id bigint not null, author_id bigint, primary key (id))",
          "insert into fk_h_book values (1, 5)");
      failsWith("23503", () -> exec(c, "alter table if exists fk_h_book add constraint FKklnrv3weler2ftkweewlky958 "
          + "foreign key (author_id) references fk_h_author"));
      exec(c, "insert into fk_h_author values (5)",
          "alter table if exists fk_h_book add constraint FKklnrv3weler2ftkweewlky958 "
              + "foreign key (author_id) references fk_h_author");
      failsWith("23503", () -> exec(c, "insert into fk_h_book values (2, 6)"));
      exec(c, "alter table if exists fk_h_book drop constraint if exists FKklnrv3weler2ftkweewlky958",
          "alter table if exists fk_h_book drop constraint if exists FKklnrv3weler2ftkweewlky958",
          "insert into fk_h_book values (2, 6)");
    }
  }

  @Test
  void referencedColumnsMustBeAKeyAndDropTableRespectsReferences() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE fk_nokey (id int, v int UNIQUE)");
      failsWith("42704", () -> exec(c, "CREATE TABLE fk_bad (p int REFERENCES fk_nokey)"));
      failsWith("42830", () -> exec(c, "CREATE TABLE fk_bad (p int REFERENCES fk_nokey (id))"));
      failsWith("42P01", () -> exec(c, "CREATE TABLE fk_bad (p int REFERENCES fk_missing)"));
      exec(c, "CREATE TABLE fk_byuniq (p int REFERENCES fk_nokey (v))");
      failsWith("2BP01", () -> exec(c, "DROP TABLE fk_nokey"));
      exec(c, "DROP TABLE fk_nokey CASCADE", "INSERT INTO fk_byuniq VALUES (42)");
      exec(c, "CREATE TABLE fk_p2 (id int PRIMARY KEY)", "CREATE TABLE fk_c2 (p int REFERENCES fk_p2)");
      failsWith("0A000", () -> exec(c, "TRUNCATE fk_p2"));
      failsWith("2BP01", () -> exec(c, "ALTER TABLE fk_p2 DROP CONSTRAINT fk_p2_pkey"));
      exec(c, "TRUNCATE fk_p2, fk_c2", "DROP TABLE fk_p2, fk_c2");
    }
  }

  @Test
  void definitionsSurviveRestart(@TempDir Path dir) throws SQLException {
    try (DiskServer s = new DiskServer(dir); Connection c = s.connect()) {
      exec(c, "CREATE TABLE fk_dp (id int PRIMARY KEY)",
          "CREATE TABLE fk_dc (p int REFERENCES fk_dp ON DELETE CASCADE)",
          "INSERT INTO fk_dp VALUES (1), (2)", "INSERT INTO fk_dc VALUES (1), (2)");
    }
    try (DiskServer s = new DiskServer(dir); Connection c = s.connect()) {
      failsWith("23503", () -> exec(c, "INSERT INTO fk_dc VALUES (3)"));
      exec(c, "DELETE FROM fk_dp WHERE id = 1");
      assertEquals(list("2"), lines(c, "SELECT p FROM fk_dc"));
    }
  }

  @Test
  void definitionsFollowBranches() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE fk_bp (id int PRIMARY KEY)", "CREATE TABLE fk_bc (p int REFERENCES fk_bp)",
          "SELECT ygg.create_branch('fk_branch', 'main')", "SET ygg.branch = 'fk_branch'");
      failsWith("23503", () -> exec(c, "INSERT INTO fk_bc VALUES (1)"));
      exec(c, "SET ygg.branch = 'main'");
    }
  }
}
