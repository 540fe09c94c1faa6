package org.yggdrasil.storage.nativestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yggdrasil.storage.nativestore.Fixtures.col;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * Random inserts, updates, deletes, savepoints, rollbacks and commits against a HashMap model;
 * after every step the transaction's view, the committed head and older views must match.
 */
class ModelBasedTest {
  private static final TableSchema SCHEMA = new TableSchema("m",
      List.of(col("id", ColumnType.INT8), col("v", ColumnType.TEXT), col("n", ColumnType.INT4), col("u", ColumnType.VARCHAR, 3, -1)),
      List.of("id"), List.of(List.of("u")));

  private Random rnd;
  private NativeDatabase db;
  private Transaction tx;
  private Map<Long, List<Object>> model;
  private Map<Long, List<Object>> committed;
  private Deque<Object[]> savepoints; // {Savepoint, Map}
  private final List<Object[]> oldViews = new ArrayList<>(); // {Snapshot, Map}

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void randomOperationsMatchTheModel(long seed) {
    rnd = new Random(seed);
    db = NativeDatabase.inMemory("db", 1 + rnd.nextInt(6));
    Transaction create = db.begin("main");
    create.createTable(SCHEMA);
    create.commit();
    committed = new HashMap<>();
    begin();
    for (int step = 0; step < 1500; step++) {
      int op = rnd.nextInt(100);
      if (op < 35) {
        insert();
      } else if (op < 55) {
        update();
      } else if (op < 70) {
        delete();
      } else if (op < 78) {
        savepoints.push(new Object[] {tx.savepoint(), new HashMap<>(model)});
      } else if (op < 86) {
        rollbackToSavepoint();
      } else if (op < 94) {
        tx.commit();
        committed = model;
        begin();
      } else {
        tx.rollback();
        begin();
      }
      check(tx.snapshot(), model);
      if (rnd.nextInt(10) == 0) {
        oldViews.add(new Object[] {tx.snapshot(), new HashMap<>(model)});
      }
    }
    check(db.snapshot("main"), committed);
    for (Object[] v : oldViews) {
      @SuppressWarnings("unchecked")
      Map<Long, List<Object>> expected = (Map<Long, List<Object>>) v[1];
      check((Snapshot) v[0], expected);
    }
  }

  private void begin() {
    tx = db.begin("main");
    model = new HashMap<>(committed);
    savepoints = new ArrayDeque<>();
  }

  private List<Object> randomRow(long id) {
    return Arrays.asList(id, rnd.nextInt(4) == 0 ? null : "v" + rnd.nextInt(1000),
        rnd.nextInt(4) == 0 ? null : rnd.nextInt(), rnd.nextInt(3) == 0 ? null : "u" + rnd.nextInt(40));
  }

  private void insert() {
    List<List<Object>> rows = new ArrayList<>();
    int n = 1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 20 : 4);
    for (int i = 0; i < n; i++) {
      rows.add(randomRow(rnd.nextInt(80)));
    }
    Map<Long, List<Object>> next = new HashMap<>(model);
    boolean ok = true;
    for (List<Object> r : rows) {
      ok &= next.put((Long) r.get(0), r) == null;
    }
    write(ok && uniqueU(next), next, () -> tx.insert("m", rows.stream().map(List::toArray).toList()));
  }

  private void update() {
    if (model.isEmpty()) {
      return;
    }
    Map<Long, Long> pos = positions();
    List<Long> ids = new ArrayList<>(model.keySet());
    int n = 1 + rnd.nextInt(Math.min(3, ids.size()));
    long[] positions = new long[n];
    List<Object[]> newRows = new ArrayList<>();
    List<Object[]> effective = new ArrayList<>();
    Map<Long, List<Object>> next = new HashMap<>(model);
    Set<Long> chosen = new HashSet<>();
    for (int i = 0; i < n; i++) {
      long id = ids.get(rnd.nextInt(ids.size()));
      positions[i] = pos.get(id);
      Object[] r = randomRow(rnd.nextInt(3) == 0 ? rnd.nextInt(80) : id).toArray();
      newRows.add(r);
      if (chosen.add(id)) { // a repeated position counts once, with its first new row
        next.remove(id);
        effective.add(r);
      }
    }
    boolean ok = true;
    for (Object[] r : effective) {
      ok &= next.put((Long) r[0], Arrays.asList(r)) == null;
    }
    write(ok && uniqueU(next), next, () -> tx.update("m", positions, newRows));
  }

  private void delete() {
    if (model.isEmpty()) {
      return;
    }
    Map<Long, Long> pos = positions();
    List<Long> ids = new ArrayList<>(model.keySet());
    int n = 1 + rnd.nextInt(Math.min(5, ids.size()));
    long[] positions = new long[n];
    Map<Long, List<Object>> next = new HashMap<>(model);
    for (int i = 0; i < n; i++) {
      long id = ids.get(rnd.nextInt(ids.size()));
      positions[i] = pos.get(id);
      next.remove(id);
    }
    write(true, next, () -> tx.delete("m", positions));
  }

  private void rollbackToSavepoint() {
    if (savepoints.isEmpty()) {
      return;
    }
    int depth = rnd.nextInt(savepoints.size());
    for (int i = 0; i < depth; i++) {
      savepoints.pop();
    }
    Object[] sp = savepoints.peek();
    tx.rollbackTo((Savepoint) sp[0]);
    @SuppressWarnings("unchecked")
    Map<Long, List<Object>> m = (Map<Long, List<Object>>) sp[1];
    model = new HashMap<>(m);
  }

  private void write(boolean expectOk, Map<Long, List<Object>> next, Runnable action) {
    if (expectOk) {
      action.run();
      model = next;
    } else {
      SqlStateException e = assertThrows(SqlStateException.class, action::run);
      assertEquals(SqlState.UNIQUE_VIOLATION, e.state());
    }
  }

  private boolean uniqueU(Map<Long, List<Object>> rows) {
    Set<Object> us = new HashSet<>();
    for (List<Object> r : rows.values()) {
      if (r.get(3) != null && !us.add(r.get(3))) {
        return false;
      }
    }
    return true;
  }

  private Map<Long, Long> positions() {
    Map<Long, Long> out = new HashMap<>();
    try (RowCursor c = tx.snapshot().table("m").scan(new int[] {0})) {
      while (c.next()) {
        out.put((Long) c.value(0), c.position());
      }
    }
    return out;
  }

  private void check(Snapshot s, Map<Long, List<Object>> expected) {
    TableVersion t = s.table("m");
    Map<Long, List<Object>> actual = new HashMap<>();
    for (List<Object> r : Fixtures.scan(t)) {
      assertTrue(actual.put((Long) r.get(0), r) == null, "duplicate id in scan");
    }
    assertEquals(expected, actual);
    assertEquals(expected.size(), t.rowCount());
    for (int i = 0; i < 5; i++) {
      long id = rnd.nextInt(80);
      long p = t.lookupPrimaryKey(new Object[] {id});
      if (expected.containsKey(id)) {
        assertEquals(expected.get(id), Arrays.asList(t.row(p, new int[] {0, 1, 2, 3})));
      } else {
        assertEquals(-1, p);
      }
    }
  }
}
