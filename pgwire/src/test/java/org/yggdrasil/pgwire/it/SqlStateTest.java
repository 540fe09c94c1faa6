package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.failsWith;
import static org.yggdrasil.pgwire.it.Db.one;
import static org.yggdrasil.pgwire.it.Db.update;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Every SQLSTATE of the walking skeleton, with PostgreSQL's severity, message and position, and
 * the connection still usable afterwards.
 */
class SqlStateTest {

  @RegisterExtension static final TestServer server = new TestServer();

  private Connection c;

  @BeforeAll
  static void table() throws SQLException {
    try (Connection c = server.connect()) {
      exec(
          c,
          "DROP TABLE IF EXISTS err_t",
          "CREATE TABLE err_t (id int4 PRIMARY KEY, v text NOT NULL, u int4 UNIQUE)",
          "INSERT INTO err_t VALUES (1, 'one', 1)");
    }
  }

  @AfterAll
  static void drop() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "DROP TABLE IF EXISTS err_t");
    }
  }

  @BeforeEach
  void open() throws SQLException {
    c = server.connect();
  }

  @AfterEach
  void stillWorks() throws SQLException {
    // After any error the session answers the next statement.
    assertEquals("1", one(c, "SELECT 1"));
    c.close();
  }

  private static ServerErrorMessage server(SQLException e) {
    assertEquals(PSQLException.class, e.getClass(), e::toString);
    ServerErrorMessage m = ((PSQLException) e).getServerErrorMessage();
    assertNotNull(m, "an ErrorResponse from the server");
    assertEquals("ERROR", m.getSeverity());
    return m;
  }

  /** PostgreSQL points at the second FROM; Calcite's parser stops at the first. */
  @Test
  void syntaxErrorPositionIsTheOffendingToken() throws SQLException {
    ServerErrorMessage m = server(failsWith("42601", () -> exec(c, "SELECT 1 FROM FROM")));
    assertEquals(15, m.getPosition());
    m = server(failsWith("42601", () -> exec(c, "SELECT a FROM t WHERE ORDER BY a")));
    assertEquals("syntax error at or near \"ORDER\"", m.getMessage());
    assertEquals(23, m.getPosition());
    m = server(failsWith("42601", () -> exec(c, "SELECT * FROM x y z")));
    assertEquals(19, m.getPosition());
  }

  @Test
  void syntaxError42601WithPosition() throws SQLException {
    ServerErrorMessage m = server(failsWith("42601", () -> exec(c, "SELECT 1 FROM FROM")));
    assertEquals("syntax error at or near \"FROM\"", m.getMessage());
    assertTrue(m.getPosition() > 0, "a syntax error carries a position");

    m = server(failsWith("42601", () -> exec(c, "SELECT 1 FROM q_nosuch WHERE")));
    assertEquals("syntax error at end of input", m.getMessage());

    m = server(failsWith("42601", () -> exec(c, "SELEC 1")));
    assertEquals("syntax error at or near \"SELEC\"", m.getMessage());
    assertEquals(1, m.getPosition());

    m = server(failsWith("42601", () -> exec(c, "SELECT 1 +")));
    assertEquals("syntax error at end of input", m.getMessage());
    assertEquals(11, m.getPosition());
  }

  @Test
  void undefinedTable42P01() throws SQLException {
    ServerErrorMessage m = server(failsWith("42P01", () -> exec(c, "SELECT * FROM nosuch")));
    assertEquals("relation \"nosuch\" does not exist", m.getMessage());
    assertEquals(15, m.getPosition());
    failsWith("42P01", () -> update(c, "INSERT INTO nosuch VALUES (1)"));
    failsWith("42P01", () -> update(c, "UPDATE nosuch SET a = 1"));
    failsWith("42P01", () -> update(c, "DELETE FROM nosuch"));
  }

  @Test
  void undefinedColumn42703() throws SQLException {
    ServerErrorMessage m = server(failsWith("42703", () -> exec(c, "SELECT nope FROM err_t")));
    assertEquals("column \"nope\" does not exist", m.getMessage());
    assertEquals(8, m.getPosition());
    failsWith("42703", () -> update(c, "INSERT INTO err_t (id, nope) VALUES (5, 1)"));
    failsWith("42703", () -> update(c, "UPDATE err_t SET v = 'x' WHERE nope = 1"));
  }

  @Test
  void duplicateTable42P07() throws SQLException {
    ServerErrorMessage m = server(failsWith("42P07", () -> exec(c, "CREATE TABLE err_t (a int4)")));
    assertEquals("relation \"err_t\" already exists", m.getMessage());
  }

  @Test
  void uniqueViolation23505() throws SQLException {
    ServerErrorMessage m = server(failsWith("23505", () -> update(c, "INSERT INTO err_t VALUES (1, 'again', 2)")));
    assertEquals("duplicate key value violates unique constraint \"err_t_pkey\"", m.getMessage());
    assertEquals("Key (id)=(1) already exists.", m.getDetail());
    m = server(failsWith("23505", () -> update(c, "INSERT INTO err_t VALUES (2, 'two', 1)")));
    assertEquals("duplicate key value violates unique constraint \"err_t_u_key\"", m.getMessage());
    // Duplicates within one statement.
    failsWith("23505", () -> update(c, "INSERT INTO err_t VALUES (7, 'a', NULL), (7, 'b', NULL)"));
    assertEquals("0", one(c, "SELECT count(*) FROM err_t WHERE id = 7"));
  }

  @Test
  void notNullViolation23502() throws SQLException {
    ServerErrorMessage m = server(failsWith("23502", () -> update(c, "INSERT INTO err_t (id) VALUES (3)")));
    assertEquals(
        "null value in column \"v\" of relation \"err_t\" violates not-null constraint", m.getMessage());
    failsWith("23502", () -> update(c, "INSERT INTO err_t VALUES (?, ?, NULL)", 4, null));
  }

  @Test
  void invalidTextRepresentation22P02() throws SQLException {
    ServerErrorMessage m = server(failsWith("22P02", () -> one(c, "SELECT 'abc'::int4")));
    assertEquals("invalid input syntax for type integer: \"abc\"", m.getMessage());
    failsWith("22P02", () -> one(c, "SELECT 'maybe'::bool"));
    failsWith("22P02", () -> one(c, "SELECT 'not-a-uuid'::uuid"));
    failsWith("22P02", () -> one(c, "SELECT 'x1'::numeric"));
    // A parameter the server cannot read as the column's type.
    failsWith("22P02", () -> one(c, "SELECT count(*) FROM err_t WHERE id = ?::int4", "seven"));
  }

  @Test
  void divisionByZero22012() throws SQLException {
    ServerErrorMessage m = server(failsWith("22012", () -> one(c, "SELECT 1 / 0")));
    assertEquals("division by zero", m.getMessage());
    failsWith("22012", () -> one(c, "SELECT 1.5 / 0"));
    failsWith("22012", () -> one(c, "SELECT 10 % 0"));
    failsWith("22012", () -> one(c, "SELECT id / (id - 1) FROM err_t"));
  }

  @Test
  void featureNotSupported0A000() throws SQLException {
    // Yggdrasil's own answer: a statement PostgreSQL has and the skeleton does not.
    assumeFalse(TestServer.isReferencePostgres(), "PostgreSQL supports triggers");
    server(
        failsWith(
            "0A000",
            () -> exec(c, "CREATE TRIGGER trg BEFORE INSERT ON err_t FOR EACH ROW EXECUTE FUNCTION f()")));
  }

  @Test
  void unknownDatabase3D000() throws SQLException {
    SQLException e = failsWith("3D000", () -> server.connect("no_such_db", new Properties()).close());
    ServerErrorMessage m = ((PSQLException) e).getServerErrorMessage();
    assertEquals("FATAL", m.getSeverity());
    assertEquals("database \"no_such_db\" does not exist", m.getMessage());
  }
}
