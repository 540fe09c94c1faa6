package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.failsWith;
import static org.yggdrasil.pgwire.it.Db.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** pg_advisory_lock and friends, as migration tools use them across two connections. */
class AdvisoryLockTest {
  @RegisterExtension static final TestServer server = new TestServer();

  @Test
  void sessionLocksExcludeOtherSessionsUntilUnlocked() throws Exception {
    try (Connection a = server.connect(); Connection b = server.connect()) {
      assertEquals("t", one(a, "SELECT pg_try_advisory_lock(42)"));
      assertEquals("t", one(a, "SELECT pg_try_advisory_lock(42)"), "re-entrant");
      assertEquals("f", one(b, "SELECT pg_try_advisory_lock(42)"));
      assertEquals("t", one(b, "SELECT pg_try_advisory_lock(1, 42)"), "the int pair space");
      assertEquals("t", one(a, "SELECT pg_advisory_unlock(42)"));
      assertEquals("f", one(b, "SELECT pg_try_advisory_lock(42)"), "still held once");
      assertEquals("t", one(a, "SELECT pg_advisory_unlock(42)"));
      assertEquals("f", one(a, "SELECT pg_advisory_unlock(42)"), "not held any more");
      assertEquals("t", one(b, "SELECT pg_try_advisory_lock(42)"));
      exec(b, "SELECT pg_advisory_unlock_all()");
      assertEquals("t", one(a, "SELECT pg_try_advisory_lock(42)"));
    }
  }

  @Test
  void blockingLockWaitsForTheHolderAndIsCancellable() throws Exception {
    try (Connection a = server.connect(); Connection b = server.connect()) {
      exec(a, "SELECT pg_advisory_lock(7)");
      CompletableFuture<String> waiter = CompletableFuture.supplyAsync(() -> {
        try {
          exec(b, "SELECT pg_advisory_lock(7)");
          return one(b, "SELECT 'got it'");
        } catch (SQLException e) {
          return e.getSQLState();
        }
      });
      Thread.sleep(300);
      assertEquals(false, waiter.isDone(), "waits while another session holds the lock");
      exec(a, "SELECT pg_advisory_unlock(7)");
      assertEquals("got it", waiter.get(10, TimeUnit.SECONDS));
      exec(b, "SET statement_timeout = 200");
      exec(a, "SELECT pg_advisory_lock(8)");
      failsWith("57014", () -> exec(b, "SELECT pg_advisory_lock(8)"));
    }
  }

  @Test
  void transactionLocksEndWithTheTransactionAndSessionLocksWithTheSession() throws Exception {
    try (Connection b = server.connect()) {
      try (Connection a = server.connect()) {
        a.setAutoCommit(false);
        exec(a, "SELECT pg_advisory_xact_lock(9)");
        assertEquals("f", one(b, "SELECT pg_try_advisory_lock(9)"));
        a.commit();
        assertEquals("t", one(b, "SELECT pg_try_advisory_xact_lock(9)"), "released at commit");
        a.setAutoCommit(true);
        exec(a, "SELECT pg_advisory_lock(10)");
        assertEquals("f", one(b, "SELECT pg_try_advisory_lock(10)"));
      }
      Thread.sleep(200);
      assertEquals("t", one(b, "SELECT pg_try_advisory_lock(10)"), "released when a closed");
    }
  }
}
