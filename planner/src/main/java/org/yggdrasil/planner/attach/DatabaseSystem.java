package org.yggdrasil.planner.attach;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Consumer;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Branchable;
import org.yggdrasil.catalog.protocol.Capabilities;
import org.yggdrasil.catalog.protocol.CommitGraph;
import org.yggdrasil.catalog.protocol.Conflict;
import org.yggdrasil.catalog.protocol.Delta;
import org.yggdrasil.catalog.protocol.GarbageCollectable;
import org.yggdrasil.catalog.protocol.Layer;
import org.yggdrasil.catalog.protocol.MergeOutcome;
import org.yggdrasil.catalog.protocol.MergePolicy;
import org.yggdrasil.catalog.protocol.Mergeable;
import org.yggdrasil.catalog.protocol.SnapshotMeta;
import org.yggdrasil.catalog.protocol.SnapshotRef;
import org.yggdrasil.catalog.protocol.SystemEvent;
import org.yggdrasil.catalog.protocol.Watchable;
import org.yggdrasil.storage.protocol.NativeChanges;
import org.yggdrasil.storage.protocol.NativeSystem;

/**
 * A whole database as one protocol system, for clients that drive branching without SQL (the
 * JSON wire). Its snapshots are the database commits, which record every attached member's
 * snapshot, so reads delegate to the native store; branch creation, deletion, reset, merge and
 * gc go through {@link CompositeVersions} and so apply to every attached system at once, as
 * {@code ygg.create_branch} and friends do from SQL.
 */
public final class DatabaseSystem implements Mergeable, Branchable, Watchable, GarbageCollectable {
  /** The id the JSON wire uses for the whole database. */
  public static final String SYSTEM_ID = "database";
  private static final Capabilities CAPABILITIES = Capabilities.of(SYSTEM_ID, "composite",
      Layer.SNAPSHOTABLE, Layer.BRANCHABLE, Layer.GRAPHABLE, Layer.MERGEABLE, Layer.WATCHABLE,
      Layer.GARBAGE_COLLECTABLE);

  private final NativeSystem store;
  private final CompositeVersions versions;

  private DatabaseSystem(NativeSystem store, CompositeVersions versions) {
    this.store = store;
    this.versions = versions;
  }

  /** The database behind {@code store} (a value of its native system), on the store's branch. */
  public static DatabaseSystem of(NativeSystem store) {
    return new DatabaseSystem(store, new CompositeVersions(store.database()));
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  // ---- reads: the database commits ----

  @Override
  public String snapshotId() {
    return store.snapshotId();
  }

  @Override
  public List<String> parentIds(String snapshotId) {
    return store.parentIds(snapshotId);
  }

  @Override
  public SnapshotRef snapshotRef(String snapshotId) {
    return store.snapshotRef(snapshotId);
  }

  @Override
  public SnapshotMeta snapshotMeta(String snapshotId) {
    return store.snapshotMeta(snapshotId);
  }

  @Override
  public DatabaseSystem asOf(String snapshotId) {
    return new DatabaseSystem(store.asOf(snapshotId), versions);
  }

  @Override
  public SortedSet<String> branches() {
    return store.branches();
  }

  @Override
  public String currentBranch() {
    return store.currentBranch();
  }

  @Override
  public DatabaseSystem checkout(String name) {
    return new DatabaseSystem(store.checkout(name), versions);
  }

  @Override
  public List<String> history(int limit) {
    return store.history(limit);
  }

  @Override
  public List<String> ancestors(String snapshotId) {
    return store.ancestors(snapshotId);
  }

  @Override
  public boolean isAncestor(String ancestor, String descendant) {
    return store.isAncestor(ancestor, descendant);
  }

  @Override
  public Optional<String> commonAncestor(String a, String b) {
    return store.commonAncestor(a, b);
  }

  @Override
  public CommitGraph commitGraph() {
    return store.commitGraph();
  }

  @Override
  public Delta diff(String a, String b) {
    return store.diff(a, b);
  }

  @Override
  public List<Conflict> conflicts(String a, String b) {
    return store.conflicts(a, b);
  }

  @Override
  public AutoCloseable watch(Consumer<SystemEvent> listener) {
    return store.watch(e -> listener.accept(new SystemEvent(e.type(), SYSTEM_ID, e.branch(), e.ref())));
  }

  @Override
  public Set<String> gcRoots() {
    return store.gcRoots();
  }

  // ---- changes: every member at once ----

  @Override
  public SnapshotRef branch(String name, String from) {
    if (store.branches().contains(name)) {
      throw SqlStateException.of(SqlState.DUPLICATE_OBJECT, "branch \"%s\" already exists", name);
    }
    versions.createBranch(name, from == null ? store.currentBranch() : from);
    return store.snapshotRef(store.checkout(name).snapshotId());
  }

  @Override
  public void deleteBranch(String name) {
    if (name.equals(DEFAULT_BRANCH) || name.equals(store.currentBranch())) {
      throw SqlStateException.of(SqlState.OBJECT_IN_USE,
          "branch \"%s\" is the default or current branch and cannot be deleted", name);
    }
    versions.deleteBranch(name);
  }

  @Override
  public void resetBranch(String name, String snapshotId) {
    versions.resetBranch(name, snapshotId);
  }

  @Override
  public MergeOutcome merge(String source, MergePolicy policy, String message) {
    String strategy = (policy == null ? MergePolicy.FAIL : policy).name();
    List<Conflict> found = new ArrayList<>();
    String[] kind = {"merge"};
    try {
      String head = versions.merge(source, store.currentBranch(), strategy, (result, what) -> {
        kind[0] = result.kind();
        found.addAll(NativeChanges.conflicts(NativeSystem.SYSTEM_ID, result.conflicts()));
        if (result.commitId() == null) {
          throw SqlStateException.of(SqlState.MERGE_CONFLICT, "%s stopped by conflicts", what);
        }
        return result.commitId();
      }, rows -> rows.forEach(r -> found.add(new Conflict((String) r[0], (String) r[2],
          (String) r[3], (String) r[4], (String) r[5], (String) r[6]))));
      return new MergeOutcome(head, kind[0], found);
    } catch (SqlStateException e) {
      if (e.state() == SqlState.MERGE_CONFLICT && !found.isEmpty()) {
        return new MergeOutcome(null, "conflicts", found);
      }
      throw e;
    }
  }

  @Override
  public long gcSweep() {
    long n = store.gcSweep();
    return n + versions.gcMembers(store.database().snapshot(DEFAULT_BRANCH));
  }
}
