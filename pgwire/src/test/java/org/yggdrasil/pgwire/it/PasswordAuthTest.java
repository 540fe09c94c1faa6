package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yggdrasil.pgwire.auth.Authentication;
import org.yggdrasil.pgwire.auth.Credentials;
import org.yggdrasil.pgwire.auth.ScramVerifier;

/**
 * SCRAM-SHA-256 logins from pgjdbc and psql: user ygg with a plaintext password (turned into a
 * verifier at load), user alice with a verifier PostgreSQL 15 produced for "open sesame".
 */
class PasswordAuthTest {
  static final String YGG_PASSWORD = "correct horse";
  static final String ALICE_VERIFIER = "SCRAM-SHA-256$4096:+ywLwulSKksxGZJtQWxm9Q==$"
      + "FMlIWxjD6lyf5XHAccJ7htw47dKw2YYBQY0iQqSgJac=:oqjxT1BddL74tnfYu+zkXKW5J96fe/4MI2CXWMWvqMw=";

  @RegisterExtension
  static final TestServer server = new TestServer().authentication(Authentication.scram(
      Credentials.ofPassword("ygg", YGG_PASSWORD).with(
          Credentials.of(Map.of("alice", ScramVerifier.parse(ALICE_VERIFIER))))));

  @BeforeAll
  static void ourServerOnly() {
    assumeFalse(TestServer.isReferencePostgres(), "the users are Yggdrasil's configuration");
  }

  @Test
  void pgjdbcLogsInWithTheRightPassword() throws SQLException {
    try (Connection c = server.connect("password", YGG_PASSWORD);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select current_user, 1 + 1")) {
      assertTrue(rs.next());
      assertEquals(2, rs.getInt(2));
    }
  }

  @Test
  void pgjdbcLogsInWithAPostgresVerifier() throws SQLException {
    try (Connection c = server.connect("user", "alice", "password", "open sesame");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select 42")) {
      assertTrue(rs.next());
      assertEquals(42, rs.getInt(1));
    }
  }

  @Test
  void pgjdbcWrongPasswordIs28P01() {
    SQLException e = assertThrows(SQLException.class,
        () -> server.connect("password", "wrong").close());
    assertEquals("28P01", e.getSQLState());
    assertTrue(e.getMessage().contains("password authentication failed for user \"ygg\""),
        e.getMessage());
  }

  @Test
  void pgjdbcUnknownUserGetsTheSameMessage() {
    SQLException e = assertThrows(SQLException.class,
        () -> server.connect("user", "mallory", "password", "whatever").close());
    assertEquals("28P01", e.getSQLState());
    assertTrue(e.getMessage().contains("password authentication failed for user \"mallory\""),
        e.getMessage());
  }

  @Test
  void pgjdbcWithoutPasswordIsToldOne() {
    SQLException e = assertThrows(SQLException.class, () -> server.connect().close());
    assertTrue(e.getMessage().contains("password"), e.getMessage());
  }

  @Test
  void psqlWithPgpassword() throws Exception {
    assumeTrue(Psql.available(), "psql is not installed");
    Psql.Result ok = Psql.run(server, "ygg", Map.of("PGPASSWORD", YGG_PASSWORD),
        "select 'in' as status");
    assertEquals(0, ok.exitCode(), ok.output());
    assertTrue(ok.output().contains(" in\n"), ok.output());

    Psql.Result alice = Psql.run(server, "alice", Map.of("PGPASSWORD", "open sesame"),
        "select 'in' as status");
    assertEquals(0, alice.exitCode(), alice.output());

    Psql.Result wrong = Psql.run(server, "ygg", Map.of("PGPASSWORD", "wrong"), "select 1");
    assertEquals(2, wrong.exitCode(), wrong.output());
    assertTrue(wrong.output().contains(
        "FATAL:  password authentication failed for user \"ygg\""), wrong.output());

    Psql.Result none = Psql.run(server, "ygg", Map.of(), "select 1");
    assertEquals(2, none.exitCode(), none.output());
    assertTrue(none.output().contains("no password supplied"), none.output());
  }
}
