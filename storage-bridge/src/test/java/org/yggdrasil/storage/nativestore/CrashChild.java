package org.yggdrasil.storage.nativestore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The process {@link CrashTest} kills: opens the database, then several threads commit small
 * transactions as fast as they can and print {@code ACK <key> <commit id>} once commit() returned
 * (the acknowledgement a client would see). With a second argument {@code read} it is a read-only
 * follower instead: it prints {@code READY <head>} and then {@code SEEN <head> <rows>} each time
 * the writer's head changes.
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    if (args.length > 1 && args[1].equals("read")) {
      follow(dir);
      return;
    }
    NativeDatabase db = NativeDatabase.open(dir, 64);
    if (db.snapshot("main").table("t") == null) {
      Transaction tx = db.begin("main");
      tx.createTable(Fixtures.kv("t"));
      tx.commit("create", "child");
    }
    long start = System.nanoTime() % 1_000_000_000L * 1000; // keys unique per run
    int threads = 4;
    List<Thread> all = new ArrayList<>();
    for (int k = 0; k < threads; k++) {
      int me = k;
      Thread t = new Thread(() -> {
        for (long i = 0; ; i++) {
          long key = start + i * threads + me;
          Transaction tx = db.begin("main");
          List<Object[]> rows = new ArrayList<>();
          rows.add(new Object[] {key, "value " + key});
          for (int j = 1; j < 1 + (int) (key % 7) * 40; j++) {
            rows.add(new Object[] {-(key * 1000 + j), "padding " + j}); // some bigger commits too
          }
          tx.insert("t", rows);
          try {
            String id = tx.commit("insert " + key, "child").commitId();
            synchronized (System.out) {
              System.out.println("ACK " + key + " " + id);
              System.out.flush();
            }
          } catch (RuntimeException e) {
            if (!e.getMessage().contains("serialize")) {
              throw e;
            }
          }
        }
      });
      t.setDaemon(true);
      t.start();
      all.add(t);
    }
    for (Thread t : all) {
      t.join();
    }
  }

  private static void follow(Path dir) throws Exception {
    NativeDatabase db = NativeDatabase.openReadOnly(dir);
    String head = db.headCommit("main");
    System.out.println("READY " + head);
    System.out.flush();
    long until = System.currentTimeMillis() + 20_000;
    while (System.currentTimeMillis() < until) {
      String now = db.headCommit("main");
      if (!now.equals(head)) {
        head = now;
        Snapshot s = db.snapshot("main");
        System.out.println("SEEN " + s.commitId() + " " + (s.table("t") == null ? 0 : s.table("t").rowCount()));
        System.out.flush();
      }
      Thread.sleep(5);
    }
  }
}
