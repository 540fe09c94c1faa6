package org.yggdrasil.storage.nativestore.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.yggdrasil.storage.nativestore.NativeDatabase;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.Transaction;

/**
 * Cost of many small commits on a table that already holds many rows (the tail chunk is large):
 * N transactions each inserting k rows, on disk (fsynced) and in memory, as µs per commit and
 * bytes appended to the segment log per commit (and CPU time of the committing thread, which the
 * machine's load and the disk's fsync latency do not inflate as much as wall time). Then reopen.
 */
final class SmallCommitBench {
  /** CPU time of the committing thread: the figure that does not depend on the disk or the machine's load. */
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private SmallCommitBench() {}

  static void run(Path base, long rows, Consumer<String[]> out) throws Exception {
    Path dir = base.resolve("commits" + rows);
    StoreBench.delete(dir);
    long[] next = {rows + 1, rows + 1}; // per database: the next id to insert
    try (NativeDatabase db = NativeDatabase.open(dir)) {
      StoreBench.load(db, rows);
      NativeDatabase mem = NativeDatabase.inMemory("m");
      StoreBench.load(mem, rows);
      for (int k : new int[] {100, 1}) {
        for (int i = 0; i < 2; i++) {
          NativeDatabase d = i == 0 ? db : mem;
          String where = i == 0 ? "on disk" : "in memory";
          next[i] = commits(d, 200, k, next[i]); // warm-up
          long bytes0 = d.storedBytes();
          long t0 = System.nanoTime();
          long cpu0 = CPU.getCurrentThreadCpuTime();
          next[i] = commits(d, 1000, k, next[i]);
          double cpu = (CPU.getCurrentThreadCpuTime() - cpu0) / 1e3 / 1000;
          double us = (System.nanoTime() - t0) / 1e3 / 1000;
          out.accept(StoreBench.row(rows, "1000 commits x " + k + "-row INSERT, " + where,
              String.format("%.0f µs/commit (%.0f µs CPU)", us, cpu)));
          if (i == 0) {
            out.accept(StoreBench.row(rows, "  bytes written per " + k + "-row commit",
                String.format("%d bytes", (d.storedBytes() - bytes0) / 1000)));
          }
        }
      }
    }
    System.gc();
    long t1 = System.nanoTime();
    try (NativeDatabase db = NativeDatabase.open(dir)) {
      Snapshot s = db.snapshot("main");
      out.accept(StoreBench.row(rows, "reopen after small commits", String.format("%.0f ms", (System.nanoTime() - t1) / 1e6)));
      if (s.table("orders").rowCount() != next[0] - 1) {
        throw new IllegalStateException("lost rows: " + s.table("orders").rowCount() + " != " + (next[0] - 1));
      }
    }
    StoreBench.delete(dir);
  }

  private static long commits(NativeDatabase db, int n, int k, long next) {
    for (int i = 0; i < n; i++) {
      Transaction tx = db.begin("main");
      List<Object[]> b = new ArrayList<>(k);
      for (int j = 0; j < k; j++, next++) {
        b.add(new Object[] {next, "EU", BigDecimal.ONE, 1});
      }
      tx.insert("orders", b);
      tx.commit();
    }
    return next;
  }
}
