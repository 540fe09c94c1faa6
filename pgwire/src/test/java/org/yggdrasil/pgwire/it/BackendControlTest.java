package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** pg_cancel_backend and pg_terminate_backend from another session. */
class BackendControlTest {
  @RegisterExtension static final TestServer server = new TestServer();

  /** Runs {@code sql} on {@code c} in the background; yields the SQLSTATE it failed with. */
  private static CompletableFuture<String> failureOf(Connection c, String sql) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        exec(c, sql);
        return "ok";
      } catch (SQLException e) {
        return e.getSQLState();
      }
    });
  }

  @Test
  void cancelStopsTheRunningStatementOnly() throws Exception {
    try (Connection holder = server.connect(); Connection waiter = server.connect();
        Connection admin = server.connect()) {
      exec(holder, "SELECT pg_advisory_lock(501)");
      String pid = one(waiter, "SELECT pg_backend_pid()");
      CompletableFuture<String> blocked = failureOf(waiter, "SELECT pg_advisory_lock(501)");
      Thread.sleep(300);
      assertEquals("t", one(admin, "SELECT pg_cancel_backend(" + pid + ")"));
      assertEquals("57014", blocked.get(10, TimeUnit.SECONDS));
      assertEquals("1", one(waiter, "SELECT 1"), "the session goes on");
      assertEquals("f", one(admin, "SELECT pg_cancel_backend(999999)"));
    }
  }

  @Test
  void pgStatActivityListsTheSessions() throws Exception {
    try (Connection a = server.connect(); Connection b = server.connect()) {
      String pidB = one(b, "SELECT pg_backend_pid()");
      b.setAutoCommit(false);
      exec(b, "SELECT 1");
      String self = "SELECT state || '|' || datname || '|' || query FROM pg_stat_activity"
          + " WHERE pid = pg_backend_pid()";
      assertEquals("active|ygg|" + self, one(a, self));
      assertEquals("idle in transaction|SELECT 1",
          one(a, "SELECT state || '|' || query FROM pg_stat_activity WHERE pid = " + pidB));
      b.rollback();
      assertTrue(Integer.parseInt(one(a, "SELECT count(*) FROM pg_stat_activity")) >= 2);
    }
  }

  @Test
  void terminateEndsTheSession() throws Exception {
    try (Connection victim = server.connect(); Connection admin = server.connect()) {
      String pid = one(victim, "SELECT pg_backend_pid()");
      assertEquals("t", one(admin, "SELECT pg_terminate_backend(" + pid + ")"));
      Thread.sleep(300);
      SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
          () -> one(victim, "SELECT 1"));
      assertTrue(e.getSQLState().equals("57P01") || e.getSQLState().startsWith("08"),
          e.getSQLState() + " " + e.getMessage());
      assertEquals("1", one(admin, "SELECT 1"));
    }
  }
}
