package org.yggdrasil.pgwire.it.memtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Branchable;
import org.yggdrasil.catalog.protocol.Capabilities;
import org.yggdrasil.catalog.protocol.Change;
import org.yggdrasil.catalog.protocol.CommitGraph;
import org.yggdrasil.catalog.protocol.Committable;
import org.yggdrasil.catalog.protocol.Conflict;
import org.yggdrasil.catalog.protocol.Delta;
import org.yggdrasil.catalog.protocol.Layer;
import org.yggdrasil.catalog.protocol.MergeOutcome;
import org.yggdrasil.catalog.protocol.MergePolicy;
import org.yggdrasil.catalog.protocol.Mergeable;
import org.yggdrasil.catalog.protocol.SnapshotMeta;
import org.yggdrasil.catalog.protocol.SnapshotRef;
import org.yggdrasil.catalog.protocol.Snapshotable;
import org.yggdrasil.catalog.tables.ColumnSpec;
import org.yggdrasil.catalog.tables.TableSpec;
import org.yggdrasil.catalog.tables.TableWriter;
import org.yggdrasil.catalog.tables.TabularSystem;

/**
 * A memtest system bound to a branch (reading its live head) or, after {@link #asOf}, to one
 * snapshot. One table, {@code items(id bigint primary key, name text)}.
 */
final class MemtestSystem implements TabularSystem, Branchable, Mergeable, Committable {
  static final String TABLE = "items";

  private final MemStore store;
  private final String systemId;
  private final String branch;
  /** The snapshot this value is bound to, or null to read the branch's head. */
  private final String bound;
  private final String failOn;
  private final boolean readOnly;

  MemtestSystem(MemStore store, String systemId, String branch, String bound, String failOn,
      boolean readOnly) {
    this.store = store;
    this.systemId = systemId;
    this.branch = branch;
    this.bound = bound;
    this.failOn = failOn;
    this.readOnly = readOnly;
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.of(systemId, "memtest", Layer.SNAPSHOTABLE, Layer.BRANCHABLE,
        Layer.GRAPHABLE, Layer.MERGEABLE, Layer.COMMITTABLE);
  }

  // ---- snapshots ----

  @Override
  public String snapshotId() {
    return bound != null ? bound : store.head(branch);
  }

  @Override
  public List<String> parentIds(String snapshotId) {
    return store.snap(snapshotId).parents();
  }

  @Override
  public SnapshotRef snapshotRef(String snapshotId) {
    MemStore.Snap s = store.snap(snapshotId);
    return new SnapshotRef(systemId, s.id(), s.parents(), s.hlc(), null);
  }

  @Override
  public SnapshotMeta snapshotMeta(String snapshotId) {
    MemStore.Snap s = store.snap(snapshotId);
    return new SnapshotMeta(snapshotRef(snapshotId), Instant.ofEpochMilli(s.hlc().physical()),
        s.message(), "", null);
  }

  @Override
  public Snapshotable asOf(String snapshotId) {
    return new MemtestSystem(store, systemId, branch, store.snap(snapshotId).id(), failOn,
        readOnly);
  }

  // ---- branches ----

  @Override
  public SortedSet<String> branches() {
    synchronized (store) {
      return new TreeSet<>(store.branches.keySet());
    }
  }

  @Override
  public String currentBranch() {
    return branch;
  }

  @Override
  public SnapshotRef branch(String name, String from) {
    synchronized (store) {
      if (store.branches.containsKey(name)) {
        throw new SqlStateException(SqlState.DUPLICATE_OBJECT,
            "memtest: branch \"" + name + "\" already exists");
      }
      String at = from == null ? snapshotId() : store.resolve(from);
      store.branches.put(name, at);
      return snapshotRef(at);
    }
  }

  @Override
  public void deleteBranch(String name) {
    synchronized (store) {
      store.head(name);
      store.branches.remove(name);
    }
  }

  @Override
  public void resetBranch(String name, String snapshotId) {
    synchronized (store) {
      store.head(name);
      store.branches.put(name, store.snap(snapshotId).id());
    }
  }

  @Override
  public Branchable checkout(String name) {
    store.head(name);
    return new MemtestSystem(store, systemId, name, null, failOn, readOnly);
  }

  // ---- graph ----

  @Override
  public List<String> history(int limit) {
    List<String> all = store.lineage(snapshotId());
    return limit > 0 && all.size() > limit ? all.subList(0, limit) : all;
  }

  @Override
  public List<String> ancestors(String snapshotId) {
    List<String> all = store.lineage(snapshotId);
    return all.subList(1, all.size());
  }

  @Override
  public boolean isAncestor(String ancestor, String descendant) {
    return store.lineage(descendant).contains(ancestor);
  }

  @Override
  public Optional<String> commonAncestor(String a, String b) {
    List<String> ofB = store.lineage(b);
    return store.lineage(a).stream().filter(ofB::contains).findFirst();
  }

  @Override
  public CommitGraph commitGraph() {
    synchronized (store) {
      Map<String, List<String>> parents = new HashMap<>();
      store.snaps.values().forEach(s -> parents.put(s.id(), s.parents()));
      return new CommitGraph(parents, store.branches);
    }
  }

  // ---- merge ----

  @Override
  public MergeOutcome merge(String source, MergePolicy policy, String message) {
    synchronized (store) {
      String ours = store.head(branch);
      String theirs = store.resolve(source);
      if (isAncestor(theirs, ours)) {
        return new MergeOutcome(ours, "up-to-date", List.of());
      }
      if (isAncestor(ours, theirs)) {
        store.branches.put(branch, theirs);
        return new MergeOutcome(theirs, "fast-forward", List.of());
      }
      List<Conflict> conflicts = new ArrayList<>();
      SortedMap<Long, String> merged = threeWay(ours, theirs, policy, conflicts);
      if (!conflicts.isEmpty() && policy == MergePolicy.FAIL) {
        return new MergeOutcome(null, "conflicts", conflicts);
      }
      MemStore.Snap s = store.newSnap(List.of(ours, theirs), merged, message);
      store.branches.put(branch, s.id());
      return new MergeOutcome(s.id(), "merge", conflicts);
    }
  }

  @Override
  public List<Conflict> conflicts(String a, String b) {
    List<Conflict> out = new ArrayList<>();
    threeWay(store.resolve(a), store.resolve(b), MergePolicy.FAIL, out);
    return out;
  }

  private SortedMap<Long, String> threeWay(String ours, String theirs, MergePolicy policy,
      List<Conflict> conflicts) {
    SortedMap<Long, String> base = commonAncestor(ours, theirs)
        .map(id -> store.snap(id).rows()).orElse(new TreeMap<>());
    SortedMap<Long, String> o = store.snap(ours).rows();
    SortedMap<Long, String> t = store.snap(theirs).rows();
    TreeSet<Long> keys = new TreeSet<>(o.keySet());
    keys.addAll(t.keySet());
    keys.addAll(base.keySet());
    SortedMap<Long, String> out = new TreeMap<>();
    for (Long k : keys) {
      String b = base.get(k);
      String ov = o.get(k);
      String tv = t.get(k);
      String v;
      if (Objects.equals(ov, tv) || Objects.equals(tv, b)) {
        v = ov;
      } else if (Objects.equals(ov, b)) {
        v = tv;
      } else {
        conflicts.add(new Conflict(systemId, TABLE + "/" + k, b, ov, tv, "both changed"));
        v = policy == MergePolicy.THEIRS ? tv : ov;
      }
      if (v != null) {
        out.put(k, v);
      }
    }
    return out;
  }

  @Override
  public Delta diff(String a, String b) {
    SortedMap<Long, String> from = store.snap(store.resolve(a)).rows();
    SortedMap<Long, String> to = store.snap(store.resolve(b)).rows();
    TreeSet<Long> keys = new TreeSet<>(from.keySet());
    keys.addAll(to.keySet());
    List<Change> changes = new ArrayList<>();
    for (Long k : keys) {
      String x = from.get(k);
      String y = to.get(k);
      if (x == null) {
        changes.add(new Change(Change.Kind.ADDED, TABLE + "/" + k, null, y));
      } else if (y == null) {
        changes.add(new Change(Change.Kind.DELETED, TABLE + "/" + k, x, null));
      } else if (!x.equals(y)) {
        changes.add(new Change(Change.Kind.MODIFIED, TABLE + "/" + k, x, y));
      }
    }
    return new Delta(systemId, a, b, changes);
  }

  // ---- commit ----

  /** Nothing is pending outside writers: the head as it is. */
  @Override
  public SnapshotRef commit(String message, String author) {
    return snapshotRef(snapshotId());
  }

  // ---- tables ----

  @Override
  public List<TableSpec> tables() {
    return List.of(new TableSpec(TABLE, List.of(new ColumnSpec("id", "bigint", false),
        new ColumnSpec("name", "text", true)), List.of(0), !readOnly));
  }

  @Override
  public Iterable<Object[]> rows(String table) {
    return toRows(table, store.snap(snapshotId()).rows());
  }

  private static List<Object[]> toRows(String table, SortedMap<Long, String> rows) {
    if (!TABLE.equals(table)) {
      throw new SqlStateException(SqlState.UNDEFINED_TABLE,
          "memtest: relation \"" + table + "\" does not exist");
    }
    List<Object[]> out = new ArrayList<>();
    rows.forEach((k, v) -> out.add(new Object[] {k, v}));
    return out;
  }

  @Override
  public TableWriter writer() {
    if (readOnly) {
      throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED, "memtest: read-only");
    }
    if (bound != null) {
      throw new SqlStateException(SqlState.READ_ONLY_SQL_TRANSACTION,
          "memtest: a snapshot value cannot be written");
    }
    return new Writer();
  }

  /** Staged writes against the branch head the writer started from. */
  private final class Writer implements TableWriter {
    private final String base = store.head(branch);
    private final SortedMap<Long, String> rows = new TreeMap<>(store.snap(base).rows());
    private boolean changed;

    @Override
    public void insert(String table, Object[] row) {
      toRows(table, rows);
      Long id = (Long) row[0];
      if (id == null) {
        throw new SqlStateException(SqlState.NOT_NULL_VIOLATION, "memtest: id is null");
      }
      if (rows.containsKey(id)) {
        throw new SqlStateException(SqlState.UNIQUE_VIOLATION,
            "duplicate key value violates unique constraint \"items_pkey\"");
      }
      rows.put(id, (String) row[1]);
      changed = true;
    }

    @Override
    public void update(String table, Object[] oldRow, Object[] newRow) {
      toRows(table, rows);
      rows.remove((Long) oldRow[0]);
      if (rows.containsKey((Long) newRow[0])) {
        throw new SqlStateException(SqlState.UNIQUE_VIOLATION,
            "duplicate key value violates unique constraint \"items_pkey\"");
      }
      rows.put((Long) newRow[0], (String) newRow[1]);
      changed = true;
    }

    @Override
    public void delete(String table, Object[] row) {
      toRows(table, rows);
      rows.remove((Long) row[0]);
      changed = true;
    }

    @Override
    public boolean isEmpty() {
      return !changed;
    }

    @Override
    public Iterable<Object[]> rows(String table) {
      return toRows(table, rows);
    }

    @Override
    public SnapshotRef commit(String message, String author) {
      synchronized (store) {
        if (!changed) {
          return snapshotRef(store.head(branch));
        }
        if (failOn != null && rows.containsValue(failOn)) {
          throw new SqlStateException(SqlState.IO_ERROR,
              "memtest: commit refused (a row is named \"" + failOn + "\")");
        }
        if (!store.head(branch).equals(base)) {
          throw new SqlStateException(SqlState.SERIALIZATION_FAILURE,
              "memtest: branch moved since the writer started");
        }
        MemStore.Snap s = store.newSnap(List.of(base), rows, message);
        store.branches.put(branch, s.id());
        changed = false;
        return snapshotRef(s.id());
      }
    }

    @Override
    public void rollback() {
      rows.clear();
      rows.putAll(store.snap(base).rows());
      changed = false;
    }
  }
}
