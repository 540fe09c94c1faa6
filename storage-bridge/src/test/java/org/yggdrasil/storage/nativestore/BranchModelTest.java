package org.yggdrasil.storage.nativestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yggdrasil.storage.nativestore.VersioningTest.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random inserts, updates, deletes, branch creation from random refs, resets, deletions, tags and
 * restarts (close + reopen) on a small-chunk on-disk database, checked against a model: each
 * branch's rows, and every commit ever made (snapshotAt) keeps its rows forever.
 */
class BranchModelTest {
  @TempDir Path dir;

  private NativeDatabase db;
  private final Map<String, Map<Long, String>> branches = new TreeMap<>();
  private final Map<String, Map<Long, String>> commits = new HashMap<>();
  private final List<String> commitIds = new ArrayList<>();

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void randomBranchingMatchesTheModel(long seed) {
    Random rnd = new Random(seed);
    int chunkRows = 2 + rnd.nextInt(5);
    Path path = dir.resolve("db");
    db = NativeDatabase.open(path, chunkRows);
    VersioningTest.createKv(db);
    branches.put("main", new HashMap<>());
    remember(db.headCommit("main"), Map.of());
    int restarts = 0;
    for (int step = 0; step < 400; step++) {
      List<String> names = new ArrayList<>(branches.keySet());
      String b = names.get(rnd.nextInt(names.size()));
      int op = rnd.nextInt(100);
      if (op < 55) {
        write(rnd, b);
      } else if (op < 65 && branches.size() < 6) {
        String name = "b" + step;
        String from = rnd.nextBoolean() ? b : commitIds.get(rnd.nextInt(commitIds.size()));
        db.createBranch(name, from.length() == 64 ? from.substring(0, 12) : from);
        branches.put(name, new HashMap<>(from.length() == 64 ? commits.get(from) : branches.get(from)));
      } else if (op < 72) {
        String to = commitIds.get(rnd.nextInt(commitIds.size()));
        db.resetBranch(b, to);
        branches.put(b, new HashMap<>(commits.get(to)));
      } else if (op < 77 && !b.equals("main")) {
        db.deleteBranch(b);
        branches.remove(b);
      } else if (op < 80) {
        String t = "tag" + step;
        db.tag(t, b);
        assertEquals(branches.get(b), read(db.snapshotAt(t)));
      } else if (op < 83) {
        db.close();
        db = NativeDatabase.open(path, chunkRows);
        restarts++;
      } else {
        assertEquals(branches.get(b), read(db.snapshot(b)), "branch " + b + " at step " + step);
      }
    }
    check();
    db.close();
    db = NativeDatabase.open(path, chunkRows);
    check();
    VerifyReport r = db.verify();
    assertTrue(r.ok(), r.toString());
    db.gc();
    db.close();
    db = NativeDatabase.open(path, chunkRows);
    for (String b : branches.keySet()) {
      assertEquals(branches.get(b), read(db.snapshot(b)), "after gc, branch " + b);
    }
    assertTrue(db.verify().ok());
    db.close();
    assertTrue(restarts > 3, "restarts " + restarts);
  }

  private void check() {
    assertEquals(List.copyOf(branches.keySet()), db.branches());
    for (var e : branches.entrySet()) {
      assertEquals(e.getValue(), read(db.snapshot(e.getKey())), "branch " + e.getKey());
    }
    for (String id : commitIds) {
      assertEquals(commits.get(id), read(db.snapshotAt(id)), "commit " + id);
    }
  }

  private void write(Random rnd, String b) {
    Map<Long, String> m = new HashMap<>(branches.get(b));
    Transaction tx = db.begin(b);
    int n = 1 + rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      long key = rnd.nextInt(40);
      TableVersion t = tx.snapshot().table("t");
      long pos = t.lookupPrimaryKey(new Object[] {key});
      int what = rnd.nextInt(3);
      if (pos < 0) {
        String v = "v" + rnd.nextInt(1000);
        tx.insert("t", List.<Object[]>of(new Object[] {key, v}));
        m.put(key, v);
      } else if (what == 0) {
        tx.delete("t", new long[] {pos});
        m.remove(key);
      } else {
        String v = "u" + rnd.nextInt(1000);
        tx.update("t", new long[] {pos}, List.<Object[]>of(new Object[] {key, v}));
        m.put(key, v);
      }
    }
    if (rnd.nextInt(10) == 0) {
      tx.rollback();
      return;
    }
    remember(tx.commit().commitId(), m);
    branches.put(b, m);
  }

  private void remember(String id, Map<Long, String> m) {
    if (!commits.containsKey(id)) {
      commitIds.add(id);
    }
    commits.put(id, new HashMap<>(m));
  }
}
