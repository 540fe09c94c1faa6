package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.failsWith;
import static org.yggdrasil.pgwire.it.Db.lines;
import static org.yggdrasil.pgwire.it.Db.list;
import static org.yggdrasil.pgwire.it.Db.one;
import static org.yggdrasil.pgwire.it.Db.update;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/** Transactions as PostgreSQL runs them: commit, rollback, savepoints, failed blocks. */
class TransactionTest {

  @RegisterExtension static final TestServer server = new TestServer();

  @BeforeEach
  void table() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "DROP TABLE IF EXISTS tx", "CREATE TABLE tx (id int4 PRIMARY KEY, v text)");
    }
  }

  private static TransactionState state(Connection c) throws SQLException {
    return c.unwrap(BaseConnection.class).getTransactionState();
  }

  @Test
  void autocommitOffCommitAndRollback() throws SQLException {
    try (Connection c = server.connect();
        Connection other = server.connect()) {
      c.setAutoCommit(false);
      assertEquals(1, update(c, "INSERT INTO tx VALUES (1, 'a')"));
      assertEquals(TransactionState.OPEN, state(c));
      assertEquals("1", one(c, "SELECT count(*) FROM tx"));
      // Not visible to another session before commit.
      assertEquals("0", one(other, "SELECT count(*) FROM tx"));
      c.rollback();
      assertEquals(TransactionState.IDLE, state(c));
      assertEquals("0", one(c, "SELECT count(*) FROM tx"));

      assertEquals(2, update(c, "INSERT INTO tx VALUES (1, 'a'), (2, 'b')"));
      assertEquals(1, update(c, "UPDATE tx SET v = 'bb' WHERE id = 2"));
      c.commit();
      assertEquals(list("1|a", "2|bb"), lines(other, "SELECT * FROM tx ORDER BY id"));

      assertEquals(1, update(c, "DELETE FROM tx WHERE id = 1"));
      c.rollback();
      c.setAutoCommit(true);
      assertEquals(list("1|a", "2|bb"), lines(c, "SELECT * FROM tx ORDER BY id"));
    }
  }

  @Test
  void beginRollbackCommitInSql() throws SQLException {
    try (Connection c = server.connect();
        Statement s = c.createStatement()) {
      assertEquals(TransactionState.IDLE, state(c));
      s.execute("BEGIN");
      assertEquals(TransactionState.OPEN, state(c));
      s.execute("INSERT INTO tx VALUES (1, 'a')");
      s.execute("ROLLBACK");
      assertEquals(TransactionState.IDLE, state(c));
      assertEquals("0", one(c, "SELECT count(*) FROM tx"));

      s.execute("START TRANSACTION");
      s.execute("INSERT INTO tx VALUES (1, 'a')");
      s.execute("COMMIT");
      s.execute("BEGIN TRANSACTION ISOLATION LEVEL READ COMMITTED");
      s.execute("INSERT INTO tx VALUES (2, 'b')");
      s.execute("END");
      assertEquals("2", one(c, "SELECT count(*) FROM tx"));

      // COMMIT and ROLLBACK outside a block only warn.
      s.execute("COMMIT");
      s.execute("ROLLBACK");
      assertEquals(TransactionState.IDLE, state(c));

      // A whole block in one simple query.
      s.execute("BEGIN; INSERT INTO tx VALUES (3, 'c'); ROLLBACK");
      assertEquals("2", one(c, "SELECT count(*) FROM tx"));
    }
  }

  @Test
  void readOnlyTransaction() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "BEGIN READ ONLY");
      assertEquals("0", one(c, "SELECT count(*) FROM tx"));
      failsWith("25006", () -> update(c, "INSERT INTO tx VALUES (1, 'a')"));
      exec(c, "ROLLBACK");
      assertEquals(1, update(c, "INSERT INTO tx VALUES (1, 'a')"));
    }
  }

  @Test
  void repeatableReadSeesItsSnapshot() throws SQLException {
    try (Connection a = server.connect();
        Connection b = server.connect()) {
      exec(a, "BEGIN ISOLATION LEVEL REPEATABLE READ");
      assertEquals("0", one(a, "SELECT count(*) FROM tx"));
      assertEquals(1, update(b, "INSERT INTO tx VALUES (1, 'from b')"));
      assertEquals("0", one(a, "SELECT count(*) FROM tx"));
      exec(a, "COMMIT");
      assertEquals("1", one(a, "SELECT count(*) FROM tx"));
    }
  }

  @Test
  void savepoints() throws SQLException {
    try (Connection c = server.connect()) {
      c.setAutoCommit(false);
      update(c, "INSERT INTO tx VALUES (1, 'kept')");
      Savepoint sp = c.setSavepoint("sp1");
      update(c, "INSERT INTO tx VALUES (2, 'undone')");
      c.rollback(sp);
      update(c, "INSERT INTO tx VALUES (3, 'kept too')");
      Savepoint sp2 = c.setSavepoint();
      update(c, "INSERT INTO tx VALUES (4, 'released')");
      c.releaseSavepoint(sp2);
      c.commit();
      assertEquals(list("1", "3", "4"), lines(c, "SELECT id FROM tx ORDER BY id"));
      c.commit();

      // The same in SQL, nested, and recovering from an error.
      exec(c, "SAVEPOINT a", "INSERT INTO tx VALUES (10, 'x')", "SAVEPOINT b", "INSERT INTO tx VALUES (11, 'y')");
      exec(c, "ROLLBACK TO SAVEPOINT a");
      assertEquals("3", one(c, "SELECT count(*) FROM tx"));
      exec(c, "SAVEPOINT c");
      failsWith("23505", () -> update(c, "INSERT INTO tx VALUES (1, 'dup')"));
      assertEquals(TransactionState.FAILED, state(c));
      exec(c, "ROLLBACK TO c");
      assertEquals(TransactionState.OPEN, state(c));
      update(c, "INSERT INTO tx VALUES (12, 'after error')");
      exec(c, "RELEASE SAVEPOINT c");
      exec(c, "RELEASE a");
      c.commit();
      assertEquals(list("1", "3", "4", "12"), lines(c, "SELECT id FROM tx ORDER BY id"));
      c.commit();
      failsWith("3B001", () -> exec(c, "ROLLBACK TO SAVEPOINT nosuch"));
      c.rollback();
    }
  }

  @Test
  void failedTransactionRejectsStatementsUntilRollback() throws SQLException {
    try (Connection c = server.connect()) {
      c.setAutoCommit(false);
      update(c, "INSERT INTO tx VALUES (1, 'a')");
      failsWith("22012", () -> one(c, "SELECT 1 / 0"));
      assertEquals(TransactionState.FAILED, state(c));
      failsWith("25P02", () -> one(c, "SELECT 1"));
      failsWith("25P02", () -> update(c, "INSERT INTO tx VALUES (2, 'b')"));
      c.rollback();
      assertEquals(TransactionState.IDLE, state(c));
      assertEquals("0", one(c, "SELECT count(*) FROM tx"));
      c.commit();

      // In SQL: COMMIT of a failed block rolls it back.
      c.setAutoCommit(true);
      exec(c, "BEGIN", "INSERT INTO tx VALUES (5, 'e')");
      failsWith("42P01", () -> exec(c, "SELECT * FROM no_such_table"));
      failsWith("25P02", () -> exec(c, "INSERT INTO tx VALUES (6, 'f')"));
      exec(c, "COMMIT");
      assertEquals(TransactionState.IDLE, state(c));
      assertEquals("0", one(c, "SELECT count(*) FROM tx"));
    }
  }

  @Test
  void implicitTransactionOfAMultiStatementQuery() throws SQLException {
    try (Connection c = server.connect();
        Statement s = c.createStatement()) {
      // Statements sent together before one Sync commit or fail together.
      failsWith("22012", () -> s.execute("INSERT INTO tx VALUES (50, 'x'); SELECT 1 / 0"));
      assertEquals("0", one(c, "SELECT count(*) FROM tx"));
      s.execute("INSERT INTO tx VALUES (51, 'y'); INSERT INTO tx VALUES (52, 'z')");
      assertEquals("2", one(c, "SELECT count(*) FROM tx"));
    }
  }

  @Test
  void autosaveAlwaysRecoversFromErrors() throws SQLException {
    try (Connection c = server.connect("autosave", "always")) {
      c.setAutoCommit(false);
      update(c, "INSERT INTO tx VALUES (1, 'a')");
      failsWith("23505", () -> update(c, "INSERT INTO tx VALUES (1, 'again')"));
      failsWith("42703", () -> one(c, "SELECT nosuchcolumn FROM tx"));
      // pgjdbc rolled back to its savepoint: the transaction goes on.
      update(c, "INSERT INTO tx VALUES (2, 'b')");
      assertEquals("2", one(c, "SELECT count(*) FROM tx"));
      c.commit();
      c.setAutoCommit(true);
      assertEquals(list("1|a", "2|b"), lines(c, "SELECT * FROM tx ORDER BY id"));
    }
  }
}
