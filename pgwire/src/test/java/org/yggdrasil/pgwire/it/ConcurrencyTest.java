package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.lines;
import static org.yggdrasil.pgwire.it.Db.one;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many sessions writing one table at once while others read it: no row is lost, transactions are
 * atomic for readers, counts never go backwards, and the only error a client may see is 40001
 * (serialization failure), which it retries.
 */
@Timeout(180)
class ConcurrencyTest {

  @RegisterExtension static final TestServer server = new TestServer();

  static final int WRITERS = 8;
  static final int ROWS = 500;
  static final int GROUP = 10;
  static final int READERS = 3;

  @Test
  void concurrentInsertsAndReads() throws Exception {
    try (Connection c = server.connect()) {
      exec(c, "DROP TABLE IF EXISTS conc", "CREATE TABLE conc (id int4 PRIMARY KEY, writer int4 NOT NULL, n int4 NOT NULL)");
    }
    ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
    AtomicInteger retries = new AtomicInteger();
    AtomicBoolean writing = new AtomicBoolean(true);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.add(pool.submit(() -> {
          start.await();
          write(writer, retries);
          return null;
        }));
      }
      List<Future<Integer>> readers = new ArrayList<>();
      for (int r = 0; r < READERS; r++) {
        readers.add(pool.submit(() -> {
          start.await();
          return read(writing);
        }));
      }
      start.countDown();
      for (Future<?> f : writers) {
        try {
          f.get(150, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          unexpected.add(e.getCause());
        }
      }
      writing.set(false);
      for (Future<Integer> f : readers) {
        try {
          assertTrue(f.get(30, TimeUnit.SECONDS) > 0, "a reader read");
        } catch (java.util.concurrent.ExecutionException e) {
          unexpected.add(e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    if (!unexpected.isEmpty()) {
      Throwable first = unexpected.peek();
      AssertionError error = new AssertionError(unexpected.size() + " unexpected errors; first: " + first, first);
      unexpected.stream().skip(1).limit(5).forEach(error::addSuppressed);
      throw error;
    }
    try (Connection c = server.connect()) {
      assertEquals(
          WRITERS * ROWS + "|" + WRITERS * ROWS,
          String.join("|", Db.rows(c, "SELECT count(*), count(DISTINCT id) FROM conc").get(0)));
      List<String> perWriter = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        perWriter.add(w + "|" + ROWS + "|1|" + ROWS);
      }
      assertEquals(perWriter, lines(c, "SELECT writer, count(*), min(n), max(n) FROM conc GROUP BY writer ORDER BY writer"));
      assertEquals("0", one(c, "SELECT count(*) FROM conc WHERE id <> writer * 1000 + n"));
      exec(c, "DROP TABLE conc");
    }
    System.out.println("ConcurrencyTest: " + retries.get() + " retries after 40001");
  }

  /** Even writers commit groups of GROUP rows in explicit transactions; odd ones autocommit. */
  private static void write(int writer, AtomicInteger retries) throws SQLException {
    boolean grouped = writer % 2 == 0;
    try (Connection c = server.connect();
        PreparedStatement ins = c.prepareStatement("INSERT INTO conc (id, writer, n) VALUES (?, ?, ?)")) {
      c.setAutoCommit(!grouped);
      int n = 1;
      while (n <= ROWS) {
        int size = grouped ? GROUP : 1;
        try {
          for (int k = n; k < n + size; k++) {
            ins.setInt(1, writer * 1000 + k);
            ins.setInt(2, writer);
            ins.setInt(3, k);
            assertEquals(1, ins.executeUpdate());
          }
          if (grouped) {
            c.commit();
          }
          n += size;
        } catch (SQLException e) {
          if (!"40001".equals(e.getSQLState())) {
            throw e;
          }
          retries.incrementAndGet();
          if (grouped) {
            c.rollback();
          }
        }
      }
    }
  }

  /** Reads until the writers are done; returns how many reads it made. */
  private static int read(AtomicBoolean writing) throws SQLException {
    int reads = 0;
    long lastTotal = 0;
    try (Connection c = server.connect();
        PreparedStatement ps = c.prepareStatement("SELECT writer, count(*) FROM conc GROUP BY writer")) {
      do {
        long total = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            int writer = rs.getInt(1);
            long count = rs.getLong(2);
            total += count;
            if (writer % 2 == 0) {
              assertEquals(0, count % GROUP, "a reader saw part of a transaction of writer " + writer);
            }
          }
        }
        assertTrue(total >= lastTotal, "count went back from " + lastTotal + " to " + total);
        lastTotal = total;
        reads++;
      } while (writing.get());
    }
    return reads;
  }
}
