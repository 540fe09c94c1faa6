package org.yggdrasil.storage.nativestore.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.ColumnType;
import org.yggdrasil.storage.nativestore.MergeResult;
import org.yggdrasil.storage.nativestore.MergeStrategy;
import org.yggdrasil.storage.nativestore.NativeDatabase;
import org.yggdrasil.storage.nativestore.TableSchema;
import org.yggdrasil.storage.nativestore.TableVersion;
import org.yggdrasil.storage.nativestore.Transaction;

/**
 * Diff and merge cost against the number of changed rows (issue 6): a table of N rows (10M by
 * default) on main; for each K in 100, 10k, 1M a branch updates K random rows, and another
 * branch from main changes one row, so merging is a true three-way merge. Prints the time of
 * ygg.diff (store level) and of the merge. Usage: {@code java -Xmx12g -cp <classes>
 * org.yggdrasil.storage.nativestore.bench.MergeBench [rows]}.
 */
public final class MergeBench {
  private static final TableSchema T = new TableSchema("t", List.of(
      ColumnDef.of("id", ColumnType.INT8), ColumnDef.of("v", ColumnType.INT8),
      ColumnDef.of("s", ColumnType.TEXT)), List.of("id"), List.of());

  private MergeBench() {}

  public static void main(String[] args) {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000;
    System.out.printf("machine: %d cores, %s %s, java %s, max heap %d MB%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
        System.getProperty("os.arch"), System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20);
    NativeDatabase db = NativeDatabase.inMemory("bench");
    long t0 = System.nanoTime();
    load(db, rows);
    System.out.printf("loaded %,d rows in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
    System.out.printf("%-10s %-12s %-14s %-14s %-12s%n", "changed", "diff rows", "diff ms",
        "merge ms", "merge kind");
    Random rnd = new Random(42);
    for (int k : new int[] {100, 10_000, 1_000_000}) {
      if (k > rows) {
        continue;
      }
      String source = "src" + k;
      String target = "dst" + k;
      db.createBranch(source, "main");
      db.createBranch(target, "main");
      updateRandom(db, source, k, rows, rnd);
      updateRandom(db, target, 1, rows, rnd);
      long d0 = System.nanoTime();
      int diffRows = db.diffRows("main", source, "t").size();
      double diffMs = (System.nanoTime() - d0) / 1e6;
      long m0 = System.nanoTime();
      MergeResult r = db.merge(source, target, MergeStrategy.THEIRS, "bench");
      double mergeMs = (System.nanoTime() - m0) / 1e6;
      System.out.printf("%-10s %-12s %-14.1f %-14.1f %-12s%n", String.format("%,d", k),
          String.format("%,d", diffRows), diffMs, mergeMs, r.kind());
      db.deleteBranch(source);
      db.deleteBranch(target);
    }
  }

  private static void load(NativeDatabase db, long rows) {
    Transaction tx = db.begin("main");
    tx.createTable(T);
    int batch = 65536;
    for (long from = 0; from < rows; from += batch) {
      List<Object[]> b = new ArrayList<>(batch);
      for (long id = from; id < Math.min(rows, from + batch); id++) {
        b.add(new Object[] {id, id % 1000, "s" + (id % 97)});
      }
      tx.insert("t", b);
    }
    tx.commit("load", "bench");
  }

  /** Updates {@code k} distinct random rows of a branch in one transaction. */
  private static void updateRandom(NativeDatabase db, String branch, int k, long rows,
      Random rnd) {
    Transaction tx = db.begin(branch);
    TableVersion t = tx.snapshot().table("t");
    java.util.Set<Long> ids = new java.util.HashSet<>();
    while (ids.size() < k) {
      ids.add((long) (rnd.nextDouble() * rows));
    }
    long[] positions = new long[k];
    List<Object[]> updated = new ArrayList<>(k);
    int i = 0;
    for (long id : ids) {
      positions[i++] = t.lookupPrimaryKey(new Object[] {id});
      updated.add(new Object[] {id, -id, "changed"});
    }
    tx.update("t", positions, updated);
    tx.commit("update " + k, "bench");
  }
}
