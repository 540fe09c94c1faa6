package org.yggdrasil.storage.nativestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yggdrasil.storage.nativestore.Fixtures.row;
import static org.yggdrasil.storage.nativestore.Fixtures.rows;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/** Commits, refs, history: the same behaviour in memory and on disk. */
class VersioningTest {
  @TempDir Path dir;

  private NativeDatabase db(boolean disk) {
    return disk ? NativeDatabase.open(dir.resolve("db"), 4) : NativeDatabase.inMemory("db", 4);
  }

  static void fails(SqlState state, org.junit.jupiter.api.function.Executable e) {
    assertEquals(state, assertThrows(SqlStateException.class, e).state());
  }

  static String put(NativeDatabase db, String branch, long id, String v) {
    Transaction tx = db.begin(branch);
    TableVersion t = tx.snapshot().table("t");
    long p = t.lookupPrimaryKey(new Object[] {id});
    if (p >= 0) {
      tx.update("t", new long[] {p}, rows(row(id, v)));
    } else {
      tx.insert("t", rows(row(id, v)));
    }
    return tx.commit("put " + id, "tester").commitId();
  }

  static String createKv(NativeDatabase db) {
    Transaction tx = db.begin("main");
    tx.createTable(Fixtures.kv("t"));
    return tx.commit("create t", "alice").commitId();
  }

  static Map<Long, String> read(Snapshot s) {
    Map<Long, String> m = new HashMap<>();
    TableVersion t = s.table("t");
    if (t != null) {
      for (List<Object> r : Fixtures.scan(t)) {
        m.put((Long) r.get(0), (String) r.get(1));
      }
    }
    return m;
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void commitsFormAGraphWithMetadata(boolean disk) {
    try (NativeDatabase db = db(disk)) {
      String root = db.headCommit("main");
      assertEquals(64, root.length());
      assertEquals(List.of(), db.commitMeta(root).parents());
      assertEquals("initial commit", db.commitMeta(root).message());
      assertEquals(root, db.snapshot("main").commitId());

      String c1 = createKv(db);
      String c2 = put(db, "main", 1, "a");
      CommitMeta m = db.commitMeta(c2);
      assertEquals(List.of(c1), m.parents());
      assertEquals("put 1", m.message());
      assertEquals("tester", m.author());
      assertEquals("main", m.branch());
      assertTrue(m.hlc().isAfter(db.commitMeta(c1).hlc()));
      assertEquals(c2, db.headCommit("main"));
      assertEquals(c2, db.snapshot("main").commitId());

      // a transaction that wrote nothing creates no commit
      Transaction ro = db.begin("main");
      ro.snapshot();
      assertEquals(c2, ro.commit().commitId());
      assertEquals(c2, db.headCommit("main"));
      Transaction w = db.begin("main");
      assertEquals(c2, w.snapshot().commitId(), "before writing, a transaction sees the head commit");
      w.insert("t", rows(row(99L, "z")));
      assertNull(w.snapshot().commitId(), "a view with uncommitted writes is no commit");
      w.rollback();

      List<CommitMeta> log = db.log("main", 0);
      assertEquals(List.of(c2, c1, root), log.stream().map(CommitMeta::id).toList());
      assertEquals(List.of(c2, c1), db.log("main", 2).stream().map(CommitMeta::id).toList());
      assertEquals(List.of(c2, c1, root), db.ancestors("main"));
      assertEquals(db.commitMeta(root).hlc(), db.log("main", 0).get(2).hlc());
      var ref = db.snapshotRef(c2);
      assertEquals(List.of(c1), ref.parentIds());
      assertEquals(c2, ref.snapshotId());
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void refsResolve(boolean disk) {
    try (NativeDatabase db = db(disk)) {
      String root = db.headCommit("main");
      String c1 = createKv(db);
      String c2 = put(db, "main", 1, "a");
      assertEquals(c2, db.resolve("main"));
      assertEquals(c2, db.resolve(c2));
      assertEquals(c2, db.resolve(c2.substring(0, 10)));
      assertEquals(c2, db.resolve(c2.substring(0, 10).toUpperCase()));
      assertEquals(c1, db.resolve("main~1"));
      assertEquals(c1, db.resolve("main~"));
      assertEquals(root, db.resolve("main~2"));
      assertEquals(root, db.resolve("main~1~1"));
      assertEquals(root, db.resolve(c2 + "~2"));
      fails(SqlState.UNDEFINED_OBJECT, () -> db.resolve("main~3"));
      fails(SqlState.UNDEFINED_OBJECT, () -> db.resolve("nope"));
      fails(SqlState.UNDEFINED_OBJECT, () -> db.resolve("0000000000"));
      fails(SqlState.UNDEFINED_OBJECT, () -> db.resolve(""));

      db.tag("v1", "main~1");
      assertEquals(c1, db.resolve("v1"));
      assertEquals(root, db.resolve("v1~1"));
      fails(SqlState.DUPLICATE_OBJECT, () -> db.tag("v1", "main"));
      put(db, "main", 2, "b");
      assertEquals(Map.of("v1", c1), db.tags(), "tags never move");

      if (disk) {
        return; // the rest needs ~300 commits: done in memory only (same code path)
      }
      // make two ids share a 4-digit prefix: an ambiguous prefix is 42704 naming both
      Map<String, String> byPrefix = new HashMap<>();
      String ambiguous = null;
      for (long i = 3; ambiguous == null && i < 5000; i++) {
        String id = put(db, "main", i, "x");
        String prev = byPrefix.putIfAbsent(id.substring(0, 4), id);
        if (prev != null) {
          ambiguous = id.substring(0, 4);
        }
      }
      String p = ambiguous;
      SqlStateException e = assertThrows(SqlStateException.class, () -> db.resolve(p));
      assertEquals(SqlState.UNDEFINED_OBJECT, e.state());
      assertTrue(e.getMessage().contains("ambiguous"), e.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void oldCommitsReadOldData(boolean disk) {
    try (NativeDatabase db = db(disk)) {
      createKv(db);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        ids.add(put(db, "main", i % 5, "v" + i));
      }
      Map<Long, String> expect = new HashMap<>();
      for (int i = 0; i < 12; i++) {
        expect.put((long) (i % 5), "v" + i);
        Snapshot s = db.snapshotAt(ids.get(i));
        assertEquals(expect, read(s), "at commit " + i);
        assertEquals(ids.get(i), s.commitId());
        fails(SqlState.UNDEFINED_OBJECT, () -> db.snapshotAt("feedbeefcafe"));
      }
      assertEquals(read(db.snapshotAt("main~3")), read(db.snapshotAt(ids.get(8))));
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void branchesFromAnyRefAreIsolatedAndShareEverything(boolean disk) {
    try (NativeDatabase db = db(disk)) {
      createKv(db);
      String a = put(db, "main", 1, "a");
      String b = put(db, "main", 2, "b");
      db.createBranch("old", "main~1");
      assertEquals(a, db.headCommit("old"));
      db.createBranch("same", b.substring(0, 12));
      assertSame(db.snapshot("main").table("t"), db.snapshot("same").table("t"), "a branch is a pointer");
      fails(SqlState.DUPLICATE_OBJECT, () -> db.createBranch("old", "main"));
      fails(SqlState.UNDEFINED_OBJECT, () -> db.createBranch("x", "nope"));
      fails(SqlState.INVALID_PARAMETER_VALUE, () -> db.createBranch("a~b", "main"));

      put(db, "old", 3, "c");
      put(db, "main", 1, "A");
      assertEquals(Map.of(1L, "a", 3L, "c"), read(db.snapshot("old")));
      assertEquals(Map.of(1L, "A", 2L, "b"), read(db.snapshot("main")));
      assertEquals(Map.of(1L, "a", 2L, "b"), read(db.snapshot("same")));
      assertEquals(a, db.commonAncestor("old", "main"));
      assertEquals(a, db.commonAncestor("main", "old"));
      assertEquals(b, db.commonAncestor("same", "main"));
      assertEquals("old", db.commitMeta(db.headCommit("old")).branch());
      assertEquals(List.of("main", "old", "same"), db.branches());

      db.deleteBranch("same");
      assertEquals(List.of("main", "old"), db.branches());
      fails(SqlState.UNDEFINED_OBJECT, () -> db.snapshot("same"));
      fails(SqlState.INVALID_PARAMETER_VALUE, () -> db.deleteBranch("main"));
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void resetAndHeadHistory(boolean disk) throws Exception {
    try (NativeDatabase db = db(disk)) {
      createKv(db);
      String a = put(db, "main", 1, "a");
      db.createBranch("dev", "main");
      Instant t0 = Instant.now();
      Thread.sleep(5);
      String b = put(db, "dev", 2, "b");
      Thread.sleep(5);
      Instant t1 = Instant.now();
      Thread.sleep(5);
      db.resetBranch("dev", a);
      assertEquals(a, db.headCommit("dev"));
      assertEquals(Map.of(1L, "a"), read(db.snapshot("dev")));
      Thread.sleep(5);
      Instant t2 = Instant.now();

      List<HeadMove> h = db.headHistory("dev");
      assertEquals(List.of(a, b, a), h.stream().map(HeadMove::commitId).toList(), "creation, commit, reset");
      for (int i = 1; i < h.size(); i++) {
        assertTrue(h.get(i).hlc().isAfter(h.get(i - 1).hlc()));
      }
      assertEquals(a, db.commitAsOf("dev", t0));
      assertEquals(b, db.commitAsOf("dev", t1), "as of t1 the branch showed b, though b is no longer on it");
      assertEquals(a, db.commitAsOf("dev", t2));
      fails(SqlState.UNDEFINED_OBJECT, () -> db.commitAsOf("dev", Instant.EPOCH));
      fails(SqlState.UNDEFINED_OBJECT, () -> db.commitAsOf("nope", t2));
      assertEquals(Map.of(1L, "a", 2L, "b"), read(db.snapshotAt(db.commitAsOf("dev", t1))));

      // resetting moves the branch back and forth: a transaction begun before rebases or conflicts
      db.resetBranch("dev", b);
      assertEquals(b, db.headCommit("dev"));
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void commitIdsDependOnContent(boolean disk) {
    try (NativeDatabase db = db(disk)) {
      createKv(db);
      db.createBranch("x", "main");
      db.createBranch("y", "main");
      String cx = put(db, "x", 1, "a");
      String cy = put(db, "y", 1, "b");
      assertNotEquals(cx, cy);
      assertNotEquals(db.snapshotRef(cx).contentHash(), db.snapshotRef(cy).contentHash());
      db.createBranch("z", "x");
      assertEquals(db.snapshotRef("x").contentHash(), db.snapshotRef("z").contentHash());
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void concurrentCommitsStillRebaseOrConflict(boolean disk) {
    try (NativeDatabase db = db(disk)) {
      createKv(db);
      put(db, "main", 1, "a");
      Transaction t1 = db.begin("main");
      Transaction t2 = db.begin("main");
      t1.insert("t", rows(row(10L, "x")));
      t2.insert("t", rows(row(11L, "y")));
      String c1 = t1.commit().commitId();
      String c2 = t2.commit().commitId();
      assertEquals(List.of(c1), db.commitMeta(c2).parents(), "rebased onto the first committer");
      Transaction t3 = db.begin("main");
      Transaction t4 = db.begin("main");
      t3.update("t", new long[] {t3.snapshot().table("t").lookupPrimaryKey(new Object[] {1L})}, rows(row(1L, "p")));
      t4.update("t", new long[] {t4.snapshot().table("t").lookupPrimaryKey(new Object[] {1L})}, rows(row(1L, "q")));
      t3.commit();
      fails(SqlState.SERIALIZATION_FAILURE, t4::commit);
    }
  }
}
