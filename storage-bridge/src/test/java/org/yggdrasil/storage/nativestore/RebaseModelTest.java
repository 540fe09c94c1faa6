package org.yggdrasil.storage.nativestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;
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
 * Several interleaved transactions on one branch, committed in random order, against a model that
 * knows row identity: every row version carries a token (an update makes a new version). A commit
 * must fail with 40001 exactly when a base row this transaction replaced was also replaced on the
 * head, or when its new rows collide on a key with the head; otherwise the head must become the
 * head's rows minus the transaction's replaced base rows plus its new rows.
 */
class RebaseModelTest {
  private static final TableSchema SCHEMA = new TableSchema("r",
      List.of(col("id", ColumnType.INT4), col("v", ColumnType.TEXT), col("u", ColumnType.TEXT)),
      List.of("id"), List.of(List.of("u")));

  /** One row version of the model. */
  record MRow(long token, List<Object> values) {}

  /** An open transaction and its model. */
  final class Open {
    final Transaction tx = db.begin("main");
    final Map<Integer, MRow> base = new HashMap<>(head);
    Map<Integer, MRow> model = new HashMap<>(head);
    final Deque<Object[]> savepoints = new ArrayDeque<>();
  }

  private Random rnd;
  private NativeDatabase db;
  private Map<Integer, MRow> head;
  private long tokens;
  private int commits;
  private int conflicts;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void interleavedTransactionsRebaseOrConflictAsTheModelSays(long seed) {
    rnd = new Random(seed);
    db = NativeDatabase.inMemory("db", 1 + rnd.nextInt(5));
    Transaction create = db.begin("main");
    create.createTable(SCHEMA);
    create.commit();
    head = new HashMap<>();
    List<Open> open = new ArrayList<>();
    for (int step = 0; step < 1500; step++) {
      if (open.size() < 1 + rnd.nextInt(4)) {
        open.add(new Open());
        continue;
      }
      Open o = open.get(rnd.nextInt(open.size()));
      int op = rnd.nextInt(100);
      if (op < 30) {
        insert(o);
      } else if (op < 45) {
        update(o);
      } else if (op < 55) {
        delete(o);
      } else if (op < 60) {
        o.savepoints.push(new Object[] {o.tx.savepoint(), new HashMap<>(o.model)});
      } else if (op < 64 && !o.savepoints.isEmpty()) {
        Object[] sp = o.savepoints.peek();
        o.tx.rollbackTo((Savepoint) sp[0]);
        @SuppressWarnings("unchecked")
        Map<Integer, MRow> m = (Map<Integer, MRow>) sp[1];
        o.model = new HashMap<>(m);
      } else if (op < 90) {
        commit(o);
        open.remove(o);
      } else if (op < 93) {
        o.tx.rollback();
        open.remove(o);
      }
      check(o.tx.isActive() ? o.tx.snapshot() : db.snapshot("main"), o.tx.isActive() ? o.model : head);
    }
    check(db.snapshot("main"), head);
    assertEquals(true, commits > 50 && conflicts > 10, "commits " + commits + ", conflicts " + conflicts);
  }

  private List<Object> randomRow(int id) {
    return Arrays.asList(id, "v" + rnd.nextInt(100), rnd.nextInt(3) == 0 ? null : "u" + rnd.nextInt(60));
  }

  private void insert(Open o) {
    List<Object> r = randomRow(rnd.nextInt(60));
    Map<Integer, MRow> next = new HashMap<>(o.model);
    boolean ok = next.put((Integer) r.get(0), new MRow(++tokens, r)) == null && uniqueU(next);
    write(o, ok, next, () -> o.tx.insert("r", List.<Object[]>of(r.toArray())));
  }

  private void update(Open o) {
    if (o.model.isEmpty()) {
      return;
    }
    List<Integer> ids = new ArrayList<>(o.model.keySet());
    int id = ids.get(rnd.nextInt(ids.size()));
    List<Object> r = randomRow(rnd.nextInt(4) == 0 ? rnd.nextInt(60) : id);
    Map<Integer, MRow> next = new HashMap<>(o.model);
    next.remove(id);
    boolean ok = next.put((Integer) r.get(0), new MRow(++tokens, r)) == null && uniqueU(next);
    long p = position(o, id);
    write(o, ok, next, () -> o.tx.update("r", new long[] {p}, List.<Object[]>of(r.toArray())));
  }

  private void delete(Open o) {
    if (o.model.isEmpty()) {
      return;
    }
    List<Integer> ids = new ArrayList<>(o.model.keySet());
    int id = ids.get(rnd.nextInt(ids.size()));
    Map<Integer, MRow> next = new HashMap<>(o.model);
    next.remove(id);
    long p = position(o, id);
    write(o, true, next, () -> o.tx.delete("r", new long[] {p}));
  }

  private long position(Open o, int id) {
    return o.tx.snapshot().table("r").lookupPrimaryKey(new Object[] {id});
  }

  private void write(Open o, boolean ok, Map<Integer, MRow> next, Runnable action) {
    if (ok) {
      action.run();
      o.model = next;
    } else {
      assertEquals(SqlState.UNIQUE_VIOLATION, assertThrows(SqlStateException.class, action::run).state());
    }
  }

  private void commit(Open o) {
    Set<Long> baseTokens = tokensOf(o.base);
    Set<Long> replacedByTx = new HashSet<>(baseTokens);
    replacedByTx.removeAll(tokensOf(o.model));
    Set<Long> replacedByHead = new HashSet<>(baseTokens);
    replacedByHead.removeAll(tokensOf(head));
    boolean rowConflict = replacedByTx.stream().anyMatch(replacedByHead::contains);
    Map<Integer, MRow> merged = new HashMap<>();
    for (MRow r : head.values()) {
      if (!replacedByTx.contains(r.token())) {
        merged.put((Integer) r.values().get(0), r);
      }
    }
    boolean keyConflict = false;
    for (MRow r : o.model.values()) {
      if (!baseTokens.contains(r.token())) {
        keyConflict |= merged.put((Integer) r.values().get(0), r) != null;
      }
    }
    keyConflict |= !uniqueU(merged);
    boolean changed = !replacedByTx.isEmpty() || o.model.values().stream().anyMatch(r -> !baseTokens.contains(r.token()));
    if (changed && (rowConflict || keyConflict)) {
      SqlStateException e = assertThrows(SqlStateException.class, o.tx::commit, "expected a conflict");
      assertEquals(SqlState.SERIALIZATION_FAILURE, e.state());
      conflicts++;
    } else {
      try {
        o.tx.commit();
      } catch (SqlStateException e) {
        fail("unexpected " + e.state() + " " + e.getMessage() + " (row conflict " + rowConflict + ", key conflict " + keyConflict + ")");
      }
      if (o.tx.hasWrites()) {
        head = merged;
        commits++;
      }
    }
  }

  private static Set<Long> tokensOf(Map<Integer, MRow> rows) {
    Set<Long> out = new HashSet<>();
    for (MRow r : rows.values()) {
      out.add(r.token());
    }
    return out;
  }

  private static boolean uniqueU(Map<Integer, MRow> rows) {
    Set<Object> us = new HashSet<>();
    for (MRow r : rows.values()) {
      Object u = r.values().get(2);
      if (u != null && !us.add(u)) {
        return false;
      }
    }
    return true;
  }

  private void check(Snapshot s, Map<Integer, MRow> expected) {
    Map<Integer, List<Object>> want = new HashMap<>();
    expected.forEach((k, r) -> want.put(k, r.values()));
    Map<Integer, List<Object>> got = new HashMap<>();
    for (List<Object> r : Fixtures.scan(s.table("r"))) {
      got.put((Integer) r.get(0), r);
    }
    assertEquals(want, got);
    for (int i = 0; i < 3; i++) {
      int id = rnd.nextInt(60);
      long p = s.table("r").lookupPrimaryKey(new Object[] {id});
      assertEquals(want.containsKey(id), p >= 0, "lookup " + id);
    }
  }
}
