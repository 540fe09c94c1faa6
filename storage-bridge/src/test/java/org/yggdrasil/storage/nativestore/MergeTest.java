package org.yggdrasil.storage.nativestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yggdrasil.storage.nativestore.Fixtures.col;
import static org.yggdrasil.storage.nativestore.Fixtures.row;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Diff and three-way merge of branches, by scenario and against a reference model. */
class MergeTest {
  @TempDir Path dir;

  private static TableSchema items() {
    return new TableSchema("items", List.of(col("id", ColumnType.INT8), col("a", ColumnType.TEXT),
        col("b", ColumnType.INT8)), List.of("id"), List.of());
  }

  private static NativeDatabase withItems(NativeDatabase db, long rows) {
    Transaction tx = db.begin("main");
    tx.createTable(items());
    List<Object[]> data = new ArrayList<>();
    for (long i = 0; i < rows; i++) {
      data.add(row(i, "a" + i, i));
    }
    tx.insert("items", data);
    tx.commit();
    return db;
  }

  private static void update(NativeDatabase db, String branch, long id, String a, Long b) {
    Transaction tx = db.begin(branch);
    TableState t = (TableState) tx.snapshot().table("items");
    long p = t.lookupPrimaryKey(new Object[] {id});
    Object[] r = t.fullRow(p);
    if (a != null) {
      r[1] = a;
    }
    if (b != null) {
      r[2] = b;
    }
    tx.update("items", new long[] {p}, List.<Object[]>of(r));
    tx.commit();
  }

  private static void delete(NativeDatabase db, String branch, long id) {
    Transaction tx = db.begin(branch);
    long p = tx.snapshot().table("items").lookupPrimaryKey(new Object[] {id});
    tx.delete("items", new long[] {p});
    tx.commit();
  }

  private static Map<Long, List<Object>> rows(NativeDatabase db, String ref) {
    Map<Long, List<Object>> out = new TreeMap<>();
    for (List<Object> r : Fixtures.scan(db.snapshotAt(ref).table("items"))) {
      out.put((Long) r.get(0), r);
    }
    return out;
  }

  @Test
  void diffFindsEveryChangedRowAndOnlyThose() {
    NativeDatabase db = withItems(NativeDatabase.inMemory("d", 16), 1000);
    db.createBranch("x", "main");
    update(db, "x", 5, "changed", null);
    delete(db, "x", 700);
    Transaction tx = db.begin("x");
    tx.insert("items", List.<Object[]>of(row(5000L, "new", 1L)));
    tx.commit();
    List<RowChange> changes = db.diffRows("main", "x", null);
    Map<Object, RowChange.Kind> byKey = new HashMap<>();
    for (RowChange c : changes) {
      byKey.put(c.key().get("id"), c.kind());
    }
    assertEquals(Map.of(5L, RowChange.Kind.CHANGED, 700L, RowChange.Kind.REMOVED,
        5000L, RowChange.Kind.ADDED), byKey);
    RowChange changed = changes.stream().filter(c -> c.kind() == RowChange.Kind.CHANGED)
        .findFirst().orElseThrow();
    assertEquals("a5", changed.before().get("a"));
    assertEquals("changed", changed.after().get("a"));
    assertTrue(db.diffRows("main", "main", "items").isEmpty());
  }

  @Test
  void diffReportsSchemaChanges() {
    NativeDatabase db = withItems(NativeDatabase.inMemory("d"), 3);
    db.createBranch("x", "main");
    Transaction tx = db.begin("x");
    tx.addColumn("items", col("c", ColumnType.BOOL));
    tx.dropColumn("items", "b");
    tx.createTable(Fixtures.kv("other"));
    tx.commit();
    List<String> kinds = db.diffSchema("main", "x", null).stream()
        .map(c -> c.table() + ":" + c.kind().words() + ":" + c.column()).sorted().toList();
    assertEquals(List.of("items:column added:c", "items:column dropped:b",
        "other:table added:null"), kinds);
  }

  @Test
  void nonConflictingChangesMergeCellWise() {
    NativeDatabase db = withItems(NativeDatabase.inMemory("d", 4), 20);
    db.createBranch("x", "main");
    update(db, "x", 1, "theirs", null);
    update(db, "main", 1, null, 100L);
    delete(db, "x", 2);
    update(db, "main", 3, "ours", null);
    MergeResult r = db.merge("x", "main", MergeStrategy.FAIL, null);
    assertEquals("merge", r.kind());
    assertTrue(r.conflicts().isEmpty());
    Map<Long, List<Object>> main = rows(db, "main");
    assertEquals(List.of(1L, "theirs", 100L), main.get(1L));
    assertNull(main.get(2L));
    assertEquals(List.of(3L, "ours", 3L), main.get(3L));
    assertEquals(List.of(db.commitMeta(r.commitId()).parents().get(1)),
        List.of(db.headCommit("x")));
    assertEquals("up-to-date", db.merge("x", "main", MergeStrategy.FAIL, null).kind());
  }

  @Test
  void conflictsStopTheMergeUnlessAStrategyResolvesThem() {
    NativeDatabase db = withItems(NativeDatabase.inMemory("d"), 5);
    db.createBranch("x", "main");
    update(db, "x", 1, "theirs", null);
    update(db, "main", 1, "ours", null);
    delete(db, "x", 2);
    update(db, "main", 2, null, 42L);
    String before = db.headCommit("main");
    MergeResult failed = db.merge("x", "main", MergeStrategy.FAIL, null);
    assertEquals("conflicts", failed.kind());
    assertEquals(List.of("cell", "delete/change"),
        failed.conflicts().stream().map(MergeConflict::kind).sorted().toList());
    assertEquals(before, db.headCommit("main"));

    db.createBranch("keep", "main");
    db.merge("x", "keep", MergeStrategy.OURS, null);
    assertEquals("ours", rows(db, "keep").get(1L).get(1));
    assertEquals(42L, rows(db, "keep").get(2L).get(2));

    MergeResult theirs = db.merge("x", "main", MergeStrategy.THEIRS, null);
    assertEquals(2, theirs.conflicts().size());
    assertEquals("theirs", rows(db, "main").get(1L).get(1));
    assertNull(rows(db, "main").get(2L));
  }

  @Test
  void fastForwardMovesTheTarget() {
    NativeDatabase db = withItems(NativeDatabase.inMemory("d"), 5);
    db.createBranch("x", "main");
    update(db, "x", 1, "theirs", null);
    MergeResult r = db.merge("x", "main", MergeStrategy.FAIL, null);
    assertEquals("fast-forward", r.kind());
    assertEquals(db.headCommit("x"), db.headCommit("main"));
  }

  @Test
  void tablesAndColumnsAddedOnTheSourceArrive() {
    NativeDatabase db = withItems(NativeDatabase.inMemory("d"), 3);
    db.createBranch("x", "main");
    Transaction tx = db.begin("x");
    tx.createTable(Fixtures.kv("other"));
    tx.insert("other", List.<Object[]>of(row(1L, "one")));
    tx.addColumn("items", col("c", ColumnType.TEXT));
    tx.commit();
    update(db, "main", 0, "ours", null);
    MergeResult r = db.merge("x", "main", MergeStrategy.FAIL, null);
    assertEquals("merge", r.kind(), r.conflicts()::toString);
    assertEquals(List.of(List.of(1L, "one")), Fixtures.scan(db.snapshotAt("main").table("other")));
    assertEquals(4, db.snapshotAt("main").table("items").schema().columns().size());
    assertEquals("ours", rows(db, "main").get(0L).get(1));
  }

  @Test
  void tableDroppedOnOneSideAndChangedOnTheOtherConflicts() {
    NativeDatabase db = withItems(NativeDatabase.inMemory("d"), 3);
    db.createBranch("x", "main");
    Transaction tx = db.begin("x");
    tx.dropTable("items");
    tx.commit();
    update(db, "main", 0, "ours", null);
    MergeResult r = db.merge("x", "main", MergeStrategy.FAIL, null);
    assertEquals("conflicts", r.kind());
    assertEquals("schema", r.conflicts().get(0).kind());
  }

  @Test
  void cherryPickAndRevertApplyOneCommit() {
    NativeDatabase db = withItems(NativeDatabase.inMemory("d"), 5);
    db.createBranch("x", "main");
    update(db, "x", 1, "first", null);
    update(db, "x", 2, "second", null);
    String second = db.headCommit("x");
    MergeResult picked = db.cherryPick(second, "main", MergeStrategy.FAIL, null);
    assertEquals("cherry-pick", picked.kind());
    assertEquals("a1", rows(db, "main").get(1L).get(1));
    assertEquals("second", rows(db, "main").get(2L).get(1));
    db.revert(picked.commitId(), "main", MergeStrategy.FAIL, null);
    assertEquals("a2", rows(db, "main").get(2L).get(1));
  }

  @Test
  void keylessRowsKeepTheirIdentityThroughMerges() {
    NativeDatabase db = NativeDatabase.inMemory("d");
    Transaction tx = db.begin("main");
    tx.createTable(new TableSchema("log", List.of(col("msg", ColumnType.TEXT)), List.of(),
        List.of()));
    tx.insert("log", List.<Object[]>of(row("one"), row("two")));
    tx.commit();
    db.createBranch("x", "main");
    tx = db.begin("x");
    tx.insert("log", List.<Object[]>of(row("three")));
    tx.commit();
    tx = db.begin("main");
    tx.insert("log", List.<Object[]>of(row("four")));
    tx.commit();
    assertEquals("merge", db.merge("x", "main", MergeStrategy.FAIL, null).kind());
    assertEquals(4, Fixtures.scan(db.snapshotAt("main").table("log")).size());
    assertTrue(db.diffRows("x", "main", "log").stream()
        .allMatch(c -> c.kind() == RowChange.Kind.ADDED && "four".equals(c.after().get("msg"))));
  }

  /**
   * Two branches diverge with random inserts, updates, deletes and added columns (on a
   * small-chunk store on disk, so chunk sharing and hashes are exercised); the merge equals a
   * reference model's, both for conflicts and for the resulting rows. A column a version lacks
   * reads as NULL in the model, as in the merge.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
  void randomMergesMatchTheModel(long seed) {
    Random rnd = new Random(seed);
    NativeDatabase db = withItems(NativeDatabase.open(dir.resolve("m" + seed), 3 + rnd.nextInt(6)),
        30);
    Map<Long, Map<String, Object>> base = named(db, "main");
    db.createBranch("x", "main");
    for (int i = 0; i < 30; i++) {
      mutate(db, rnd.nextBoolean() ? "main" : "x", rnd, i);
    }
    Map<Long, Map<String, Object>> ours = named(db, "main");
    Map<Long, Map<String, Object>> theirs = named(db, "x");
    MergeStrategy strategy = MergeStrategy.values()[rnd.nextInt(3)];
    Model model = Model.merge(base, ours, theirs, strategy == MergeStrategy.THEIRS);
    db.createBranch("other_way", "x");
    String oursHead = db.headCommit("main");
    MergeResult r = db.merge("x", "main", strategy, null);
    if (model.conflicts == 0) {
      // Without conflicts the merge is symmetric: main into x gives the same rows.
      db.merge(oursHead, "other_way", MergeStrategy.FAIL, null);
      assertEquals(withNulls(named(db, "main")), withNulls(named(db, "other_way")));
    }
    assertEquals(model.conflicts, r.conflicts().size(), r.conflicts()::toString);
    if (strategy == MergeStrategy.FAIL && model.conflicts > 0) {
      assertEquals("conflicts", r.kind());
      assertEquals(ours, named(db, "main"));
    } else {
      assertEquals(withNulls(model.rows), withNulls(named(db, "main")));
      assertEquals("up-to-date", db.merge("x", "main", MergeStrategy.FAIL, null).kind());
    }
  }

  /** Rows by id, each as column name → value. */
  private static Map<Long, Map<String, Object>> named(NativeDatabase db, String ref) {
    TableVersion t = db.snapshotAt(ref).table("items");
    Map<Long, Map<String, Object>> out = new TreeMap<>();
    for (List<Object> r : Fixtures.scan(t)) {
      Map<String, Object> row = new TreeMap<>();
      for (int c = 0; c < r.size(); c++) {
        row.put(t.schema().column(c).name(), r.get(c));
      }
      out.put((Long) r.get(0), row);
    }
    return out;
  }

  /** The rows with NULL-valued columns left out, so missing and NULL compare equal. */
  private static Map<Long, Map<String, Object>> withNulls(Map<Long, Map<String, Object>> rows) {
    Map<Long, Map<String, Object>> out = new TreeMap<>();
    rows.forEach((id, row) -> {
      Map<String, Object> r = new TreeMap<>();
      row.forEach((k, v) -> {
        if (v != null) {
          r.put(k, v);
        }
      });
      out.put(id, r);
    });
    return out;
  }

  private static void mutate(NativeDatabase db, String branch, Random rnd, int step) {
    Map<Long, Map<String, Object>> now = named(db, branch);
    List<Long> ids = new ArrayList<>(now.keySet());
    TableSchema schema = db.snapshotAt(branch).table("items").schema();
    int op = rnd.nextInt(12);
    if (op == 0) {
      Transaction tx = db.begin(branch);
      tx.addColumn("items", col("c" + step, ColumnType.TEXT));
      tx.commit();
    } else if (op < 3 || ids.isEmpty()) {
      long id = 100 + rnd.nextInt(20);
      if (!now.containsKey(id)) {
        Object[] row = new Object[schema.columns().size()];
        row[0] = id;
        row[1] = "n" + rnd.nextInt(3);
        row[2] = (long) rnd.nextInt(3);
        Transaction tx = db.begin(branch);
        tx.insert("items", List.<Object[]>of(row));
        tx.commit();
      }
    } else if (op < 5) {
      delete(db, branch, ids.get(rnd.nextInt(ids.size())));
    } else {
      long id = ids.get(rnd.nextInt(ids.size()));
      int c = 1 + rnd.nextInt(schema.columns().size() - 1);
      Transaction tx = db.begin(branch);
      TableState t = (TableState) tx.snapshot().table("items");
      long p = t.lookupPrimaryKey(new Object[] {id});
      Object[] r = t.fullRow(p);
      r[c] = schema.column(c).type() == ColumnType.INT8 ? (Object) (1000L + rnd.nextInt(3))
          : "u" + rnd.nextInt(3);
      tx.update("items", new long[] {p}, List.<Object[]>of(r));
      tx.commit();
    }
  }

  /** The reference three-way merge of rows keyed by id, cell-wise; absent columns are NULL. */
  private record Model(Map<Long, Map<String, Object>> rows, int conflicts) {
    static Model merge(Map<Long, Map<String, Object>> base, Map<Long, Map<String, Object>> ours,
        Map<Long, Map<String, Object>> theirs, boolean theirsWins) {
      Map<Long, Map<String, Object>> out = new TreeMap<>();
      int conflicts = 0;
      java.util.Set<Long> ids = new java.util.TreeSet<>(base.keySet());
      ids.addAll(ours.keySet());
      ids.addAll(theirs.keySet());
      for (long id : ids) {
        Map<String, Object> b = base.get(id);
        Map<String, Object> o = ours.get(id);
        Map<String, Object> t = theirs.get(id);
        Map<String, Object> result;
        if (same(t, b)) {
          result = o;
        } else if (same(o, b)) {
          result = t;
        } else if (same(o, t)) {
          result = o;
        } else if (o == null || t == null || b == null) {
          conflicts++;
          result = theirsWins ? t : o;
        } else {
          result = new TreeMap<>(o);
          boolean clash = false;
          java.util.Set<String> cols = new java.util.TreeSet<>(t.keySet());
          cols.addAll(b.keySet());
          for (String c : cols) {
            if (!Objects.equals(t.get(c), b.get(c))) {
              if (Objects.equals(o.get(c), b.get(c))) {
                result.put(c, t.get(c));
              } else if (!Objects.equals(o.get(c), t.get(c))) {
                clash = true;
                if (theirsWins) {
                  result.put(c, t.get(c));
                }
              }
            }
          }
          conflicts += clash ? 1 : 0;
        }
        if (result != null) {
          out.put(id, result);
        }
      }
      return new Model(out, conflicts);
    }

    /** Equal rows, a missing column counting as NULL. */
    private static boolean same(Map<String, Object> x, Map<String, Object> y) {
      if (x == null || y == null) {
        return x == y;
      }
      java.util.Set<String> cols = new java.util.TreeSet<>(x.keySet());
      cols.addAll(y.keySet());
      for (String c : cols) {
        if (!Objects.equals(x.get(c), y.get(c))) {
          return false;
        }
      }
      return true;
    }
  }
}
