package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A running query stops with 57014 on CancelRequest and on statement_timeout. */
@Timeout(120)
class CancelTest {

  @RegisterExtension static final TestServer server = new TestServer();

  /**
   * Runs for hours anywhere: 10^12 joined pairs, a filter that is never true and cannot become an
   * equi-join, and integers that never overflow.
   */
  static final String ENDLESS =
      "SELECT count(*) FROM generate_series(1, 1000000) AS a(x), generate_series(1, 1000000) AS b(y)"
          + " WHERE (x + y) % 7 = 8";

  private static ExecutorService pool;

  @BeforeAll
  static void startPool() {
    pool = Executors.newCachedThreadPool();
  }

  @AfterAll
  static void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void cancelFromAnotherThread() throws Exception {
    try (Connection c = server.connect();
        Statement s = c.createStatement()) {
      Future<Object> running =
          pool.submit(
              () -> {
                try (var rs = s.executeQuery(ENDLESS)) {
                  rs.next();
                  return rs.getString(1);
                }
              });
      // Cancel until the query is gone: a CancelRequest that arrives before the query started
      // cancels nothing, as in PostgreSQL.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      Throwable error = null;
      while (System.nanoTime() < deadline) {
        Thread.sleep(300);
        s.cancel();
        try {
          Object result = running.get(2, TimeUnit.SECONDS);
          fail("the query finished instead of being cancelled: " + result);
        } catch (TimeoutException stillRunning) {
          continue;
        } catch (ExecutionException e) {
          error = e.getCause();
          break;
        }
      }
      if (error == null) {
        fail("the query was not cancelled within 30 s");
      }
      assertTrue(error instanceof SQLException, error::toString);
      assertEquals("57014", ((SQLException) error).getSQLState(), error::toString);
      assertEquals(
          "ERROR: canceling statement due to user request", error.getMessage().split("\n")[0]);
      // The connection is fine afterwards.
      assertEquals("2", one(c, "SELECT 1 + 1"));
      exec(c, "SELECT 1");
    }
  }

  @Test
  void cancelInsideATransactionFailsTheTransaction() throws Exception {
    try (Connection c = server.connect()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.setQueryTimeout(1); // pgjdbc cancels with a CancelRequest after 1 s
        SQLException e = Db.fails(() -> s.executeQuery(ENDLESS));
        assertEquals("57014", e.getSQLState());
      }
      SQLException e = Db.fails(() -> one(c, "SELECT 1"));
      assertEquals("25P02", e.getSQLState());
      c.rollback();
      assertEquals("1", one(c, "SELECT 1"));
    }
  }

  @Test
  void statementTimeout() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "SET statement_timeout = 200");
      long start = System.nanoTime();
      SQLException e = Db.fails(() -> one(c, ENDLESS));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals("57014", e.getSQLState());
      assertEquals("ERROR: canceling statement due to statement timeout", e.getMessage().split("\n")[0]);
      assertTrue(millis >= 150 && millis < 20_000, "took " + millis + " ms");
      // Quick statements still run under the timeout.
      assertEquals("3", one(c, "SELECT 1 + 2"));
      exec(c, "SET statement_timeout = 0");
      assertEquals("0", one(c, "SHOW statement_timeout"));
    }
  }
}
