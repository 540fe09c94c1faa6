package org.yggdrasil.storage.nativestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yggdrasil.storage.nativestore.Fixtures.row;
import static org.yggdrasil.storage.nativestore.Fixtures.rows;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/** Snapshot isolation per branch: first committer wins, disjoint writes rebase. */
class ConcurrencyTest {
  private NativeDatabase db;

  @BeforeEach
  void setUp() {
    db = NativeDatabase.inMemory("db", 4);
    Transaction tx = db.begin("main");
    tx.createTable(Fixtures.kv("t"));
    tx.createTable(Fixtures.kv("other"));
    tx.commit();
    Fixtures.insertKv(db, "t", 0, 10);
  }

  private static long pos(Transaction tx, long key) {
    return tx.snapshot().table("t").lookupPrimaryKey(new Object[] {key});
  }

  private static void conflicts(Transaction tx) {
    SqlStateException e = assertThrows(SqlStateException.class, tx::commit);
    assertEquals(SqlState.SERIALIZATION_FAILURE, e.state());
    assertEquals("could not serialize access due to concurrent update", e.getMessage());
    assertEquals(false, tx.isActive());
    SqlStateException again = assertThrows(SqlStateException.class, () -> tx.insert("t", rows(row(999L, "x"))));
    assertEquals("transaction is already rolled back", again.getMessage());
  }

  @Test
  void sameRowUpdatedTwiceSecondCommitFails() {
    Transaction a = db.begin("main");
    Transaction b = db.begin("main");
    a.update("t", new long[] {pos(a, 3)}, rows(row(3L, "a")));
    b.update("t", new long[] {pos(b, 3)}, rows(row(3L, "b")));
    a.commit();
    conflicts(b);
    assertEquals(List.of(3L, "a"), List.of(db.snapshot("main").table("t").row(pos(db.begin("main"), 3), new int[] {0, 1})));
  }

  @Test
  void deleteVersusUpdateConflicts() {
    Transaction a = db.begin("main");
    Transaction b = db.begin("main");
    a.delete("t", new long[] {pos(a, 5)});
    b.update("t", new long[] {pos(b, 5)}, rows(row(5L, "b")));
    b.commit();
    conflicts(a);
  }

  @Test
  void disjointRowsBothCommitAndBothAreVisible() {
    Transaction a = db.begin("main");
    Transaction b = db.begin("main");
    a.update("t", new long[] {pos(a, 1)}, rows(row(1L, "a")));
    a.insert("t", rows(row(100L, "a-new")));
    b.update("t", new long[] {pos(b, 8)}, rows(row(8L, "b")));
    b.delete("t", new long[] {pos(b, 9)});
    b.insert("t", rows(row(200L, "b-new")));
    b.insert("other", rows(row(1L, "x")));
    long va = a.commit().version();
    long vb = b.commit().version();
    assertTrue(vb > va);
    TableVersion t = db.snapshot("main").table("t");
    assertEquals(11, t.rowCount());
    Set<List<Object>> all = new HashSet<>(Fixtures.scan(t));
    assertTrue(all.contains(List.of(1L, "a")));
    assertTrue(all.contains(List.of(8L, "b")));
    assertTrue(all.contains(List.of(100L, "a-new")));
    assertTrue(all.contains(List.of(200L, "b-new")));
    assertTrue(all.contains(List.of(2L, "v2")));
    assertEquals(-1, t.lookupPrimaryKey(new Object[] {9L}));
    assertEquals(1, db.snapshot("main").table("other").rowCount());
  }

  @Test
  void sameKeyInsertedTwiceConflicts() {
    Transaction a = db.begin("main");
    Transaction b = db.begin("main");
    a.insert("t", rows(row(50L, "a")));
    b.insert("t", rows(row(50L, "b")));
    a.commit();
    conflicts(b);
  }

  @Test
  void ddlConflictsWithConcurrentWritesToTheSameTable() {
    Transaction a = db.begin("main");
    Transaction b = db.begin("main");
    a.addColumn("t", ColumnDef.of("extra", ColumnType.INT4));
    b.insert("t", rows(row(60L, "b")));
    b.commit();
    conflicts(a);

    Transaction c = db.begin("main");
    Transaction d = db.begin("main");
    c.truncate("t");
    d.insert("other", rows(row(1L, "d")));
    d.commit();
    c.commit(); // different tables: both succeed
    assertEquals(0, db.snapshot("main").table("t").rowCount());
    assertEquals(1, db.snapshot("main").table("other").rowCount());

    Transaction e = db.begin("main");
    Transaction f = db.begin("main");
    e.createTable(Fixtures.kv("fresh"));
    f.createTable(Fixtures.kv("fresh"));
    e.commit();
    conflicts(f);
  }

  @Test
  void schemaVersionChangesOnlyWithDdl() {
    long s0 = db.snapshot("main").schemaVersion();
    Fixtures.insertKv(db, "t", 100, 110);
    assertEquals(s0, db.snapshot("main").schemaVersion());
    Transaction a = db.begin("main");
    Transaction b = db.begin("main");
    a.createTable(Fixtures.kv("x"));
    b.insert("t", rows(row(500L, "b")));
    b.commit();
    a.commit();
    long s1 = db.snapshot("main").schemaVersion();
    assertTrue(s1 != s0);
    assertEquals(2, db.snapshot("main").tables().stream().filter(s -> s.name().equals("x") || s.name().equals("t")).count());
  }

  @Test
  void manyThreadsInsertingDistinctKeysLoseNothing() throws Exception {
    int threads = 8;
    int perThread = 300;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger retries = new AtomicInteger();
    List<Future<?>> futures = new ArrayList<>();
    for (int th = 0; th < threads; th++) {
      int base = 1000 + th * perThread;
      futures.add(pool.submit(() -> {
        for (int i = 0; i < perThread; i += 3) {
          while (true) {
            Transaction tx = db.begin("main");
            tx.insert("t", rows(row((long) base + i, "x"), row((long) base + i + 1, "y")));
            tx.insert("t", rows(row((long) base + i + 2, "z")));
            db.snapshot("main").table("t").rowCount(); // readers run alongside
            try {
              tx.commit();
              break;
            } catch (SqlStateException e) {
              retries.incrementAndGet();
            }
          }
        }
        return null;
      }));
    }
    java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
    ExecutorService readers = Executors.newFixedThreadPool(2);
    List<Future<Integer>> reads = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      reads.add(readers.submit(() -> {
        int scans = 0;
        while (!done.get() || scans == 0) {
          // every snapshot is internally consistent while writers append into shared tail buffers
          TableVersion t = db.snapshot("main").table("t");
          Set<Long> keys = new HashSet<>();
          for (List<Object> row : Fixtures.scan(t)) {
            assertTrue(keys.add((Long) row.get(0)), "duplicate key in a scan");
            assertTrue(row.get(1) instanceof String);
          }
          assertEquals(t.rowCount(), keys.size());
          scans++;
        }
        return scans;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    done.set(true);
    for (Future<Integer> f : reads) {
      assertTrue(f.get() > 0);
    }
    readers.shutdown();
    pool.shutdown();
    assertEquals(0, retries.get(), "disjoint inserts always rebase");
    TableVersion t = db.snapshot("main").table("t");
    assertEquals(10 + threads * perThread, t.rowCount());
    assertEquals(10 + threads * perThread, Fixtures.scan(t).size());
    for (long k = 1000; k < 1000 + threads * perThread; k++) {
      long p = t.lookupPrimaryKey(new Object[] {k});
      assertTrue(p >= 0, "key " + k);
      assertEquals(k, t.row(p, new int[] {0})[0]);
    }
  }

  @Test
  void concurrentUpdatesOfOneCounterSerializeWithRetries() throws Exception {
    int threads = 6;
    int increments = 50;
    Transaction setup = db.begin("main");
    setup.insert("other", rows(row(1L, "0")));
    setup.commit();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int th = 0; th < threads; th++) {
      futures.add(pool.submit(() -> {
        for (int i = 0; i < increments; i++) {
          while (true) {
            Transaction tx = db.begin("main");
            TableVersion o = tx.snapshot().table("other");
            long p = o.lookupPrimaryKey(new Object[] {1L});
            int value = Integer.parseInt((String) o.row(p, new int[] {1})[0]);
            tx.update("other", new long[] {p}, rows(row(1L, Integer.toString(value + 1))));
            try {
              tx.commit();
              break;
            } catch (SqlStateException e) {
              assertEquals(SqlState.SERIALIZATION_FAILURE, e.state());
            }
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    TableVersion o = db.snapshot("main").table("other");
    assertEquals(Integer.toString(threads * increments), o.row(o.lookupPrimaryKey(new Object[] {1L}), new int[] {1})[0], "no lost update");
  }
}
