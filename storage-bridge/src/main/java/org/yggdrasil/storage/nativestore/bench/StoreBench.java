package org.yggdrasil.storage.nativestore.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.ColumnType;
import org.yggdrasil.storage.nativestore.NativeDatabase;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.TableSchema;
import org.yggdrasil.storage.nativestore.TableVersion;
import org.yggdrasil.storage.nativestore.Transaction;

/**
 * Store-level figures for issue 3, printed as a table: bulk load, size per row, fork time at 1M and
 * 10M rows (in memory and on disk), bytes written by a one-row update, reopen time, and small
 * autocommit throughput with 1 and 8 threads (group commit), and the cost of 1000 small commits on
 * a table of 1M rows ({@link SmallCommitBench}). Usage:
 * {@code java -Xmx8g -cp <classes> org.yggdrasil.storage.nativestore.bench.StoreBench [dir] [maxRows] [sections]}
 * where sections is a comma-separated subset of {@code sizes,autocommit,commits} (default: all).
 */
public final class StoreBench {
  private StoreBench() {}

  private static final TableSchema ORDERS = new TableSchema("orders", List.of(
      ColumnDef.of("id", ColumnType.INT8), ColumnDef.of("region", ColumnType.TEXT),
      new ColumnDef("price", ColumnType.NUMERIC, 12, 2, false, null), ColumnDef.of("qty", ColumnType.INT4)),
      List.of("id"), List.of());

  public static void main(String[] args) throws Exception {
    Path base = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("ygg-bench");
    long max = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000;
    List<String> sections = List.of((args.length > 2 ? args[2] : "sizes,autocommit,commits").split(","));
    List<String[]> table = new ArrayList<>();
    System.out.printf("machine: %d cores, %s %s, java %s, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20);
    for (long rows : new long[] {1_000_000, max}) {
      if (!sections.contains("sizes") || rows > max || (rows == max && rows == 1_000_000 && table.size() > 0)) {
        continue;
      }
      Path dir = base.resolve("db" + rows);
      delete(dir);
      try (NativeDatabase db = NativeDatabase.open(dir)) {
        long t0 = System.nanoTime();
        load(db, rows);
        double loadS = (System.nanoTime() - t0) / 1e9;
        long bytes = db.storedBytes();
        table.add(row(rows, "bulk load (one transaction)", String.format("%.0f rows/s", rows / loadS)));
        table.add(row(rows, "size on disk per row", String.format("%.1f bytes", (double) bytes / rows)));

        NativeDatabase mem = NativeDatabase.inMemory("m");
        long tm = System.nanoTime();
        load(mem, rows);
        table.add(row(rows, "bulk load in memory (same, no files)", String.format("%.0f rows/s", rows / ((System.nanoTime() - tm) / 1e9))));
        table.add(row(rows, "fork in memory (create_branch)", String.format("%.1f µs", forkMicros(mem, 200))));
        table.add(row(rows, "fork on disk (create_branch, fsynced)", String.format("%.1f µs", forkMicros(db, 50))));
        mem = null;

        long before = db.storedBytes();
        Transaction tx = db.begin("main");
        TableVersion t = tx.snapshot().table("orders");
        long pos = t.lookupPrimaryKey(new Object[] {rows / 2});
        tx.update("orders", new long[] {pos}, List.<Object[]>of(new Object[] {rows / 2, "EU", new BigDecimal("1.00"), 2}));
        tx.commit("one row", "bench");
        table.add(row(rows, "bytes written by a 1-row UPDATE", String.format("%d bytes", db.storedBytes() - before)));
      }
      System.gc();
      long t1 = System.nanoTime();
      try (NativeDatabase db = NativeDatabase.open(dir)) {
        Snapshot s = db.snapshot("main");
        double reopen = (System.nanoTime() - t1) / 1e6;
        table.add(row(rows, "reopen until main's snapshot is readable", String.format("%.0f ms", reopen)));
        if (s.table("orders").rowCount() != rows) {
          throw new IllegalStateException("lost rows");
        }
        long t2 = System.nanoTime();
        s.table("orders").lookupPrimaryKey(new Object[] {7L});
        table.add(row(rows, "first pk lookup after reopen (index not built)", String.format("%.0f ms", (System.nanoTime() - t2) / 1e6)));
        long t2b = System.nanoTime();
        s.table("orders").lookupPrimaryKey(new Object[] {rows});
        table.add(row(rows, "second pk lookup (the last row)", String.format("%.0f ms", (System.nanoTime() - t2b) / 1e6)));
        long t3 = System.nanoTime();
        long n = 0;
        try (var c = s.table("orders").scan(new int[] {0, 3})) {
          while (c.next()) {
            n += (Integer) c.value(1);
          }
        }
        table.add(row(rows, "row-at-a-time scan of 2 mapped columns", String.format("%.0f ms (%d)", (System.nanoTime() - t3) / 1e6, n)));
      }
      System.gc();
    }
    if (sections.contains("commits")) {
      SmallCommitBench.run(base, Math.min(max, 1_000_000), table::add);
    }
    if (sections.contains("autocommit")) {
      autocommit(base, table);
    }
    System.out.printf("%-12s %-46s %s%n", "rows", "measure", "result");
    for (String[] r : table) {
      System.out.printf("%-12s %-46s %s%n", r[0], r[1], r[2]);
    }
  }

  /** Small autocommit INSERTs into an empty table with 1 and 8 threads (group commit). */
  private static void autocommit(Path base, List<String[]> table) throws Exception {
    Path dir = base.resolve("small");
    delete(dir);
    try (NativeDatabase db = NativeDatabase.open(dir)) {
      Transaction tx = db.begin("main");
      tx.createTable(ORDERS);
      tx.commit();
      AtomicLong next = new AtomicLong(1L << 40);
      for (int threads : new int[] {1, 8}) {
        long end = System.nanoTime() + 3_000_000_000L;
        AtomicLong done = new AtomicLong();
        List<Thread> all = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          Thread th = new Thread(() -> {
            while (System.nanoTime() < end) {
              Transaction w = db.begin("main");
              long id = next.getAndIncrement();
              w.insert("orders", List.<Object[]>of(new Object[] {id, "US", BigDecimal.ONE, 1}));
              try {
                w.commit();
                done.incrementAndGet();
              } catch (RuntimeException e) {
                // 40001 on a rebase conflict: not expected for inserts of distinct keys
              }
            }
          });
          th.start();
          all.add(th);
        }
        for (Thread th : all) {
          th.join();
        }
        table.add(row(0, "1-row autocommit INSERTs, " + threads + " thread(s)", String.format("%.0f commits/s", done.get() / 3.0)));
      }
    }
    delete(dir);
  }

  static String[] row(long rows, String what, String value) {
    return new String[] {rows == 0 ? "-" : String.format("%,d", rows), what, value};
  }

  static void load(NativeDatabase db, long rows) {
    Transaction tx = db.begin("main");
    tx.createTable(ORDERS);
    int batch = 65536;
    BigDecimal[] prices = new BigDecimal[100];
    for (int i = 0; i < 100; i++) {
      prices[i] = BigDecimal.valueOf(i * 100L + 99, 2);
    }
    for (long from = 1; from <= rows; from += batch) {
      List<Object[]> b = new ArrayList<>(batch);
      for (long g = from; g < Math.min(rows + 1, from + batch); g++) {
        b.add(new Object[] {g, g % 2 == 0 ? "EU" : "US", prices[(int) Long.remainderUnsigned(mix(g), 100)], 1});
      }
      tx.insert("orders", b);
    }
    tx.commit("load", "bench");
  }

  /** A 64-bit finalizer (splitmix64), so generated values do not repeat with the chunk size. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static double forkMicros(NativeDatabase db, int n) {
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      db.createBranch("fork" + i, "main");
    }
    double us = (System.nanoTime() - t0) / 1e3 / n;
    for (int i = 0; i < n; i++) {
      db.deleteBranch("fork" + i);
    }
    return us;
  }

  static void delete(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
