package org.yggdrasil.storage.protocol;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Addressable;
import org.yggdrasil.catalog.protocol.Branchable;
import org.yggdrasil.catalog.protocol.Committable;
import org.yggdrasil.catalog.protocol.Capabilities;
import org.yggdrasil.catalog.protocol.CommitGraph;
import org.yggdrasil.catalog.protocol.Conflict;
import org.yggdrasil.catalog.protocol.Delta;
import org.yggdrasil.catalog.protocol.GarbageCollectable;
import org.yggdrasil.catalog.protocol.Layer;
import org.yggdrasil.catalog.protocol.MergeOutcome;
import org.yggdrasil.catalog.protocol.MergePolicy;
import org.yggdrasil.catalog.protocol.Mergeable;
import org.yggdrasil.catalog.protocol.Overlay;
import org.yggdrasil.catalog.protocol.OverlayMode;
import org.yggdrasil.catalog.protocol.Overlayable;
import org.yggdrasil.catalog.protocol.SnapshotMeta;
import org.yggdrasil.catalog.protocol.SnapshotRef;
import org.yggdrasil.catalog.protocol.Snapshotable;
import org.yggdrasil.catalog.protocol.SystemEvent;
import org.yggdrasil.catalog.protocol.Watchable;
import org.yggdrasil.storage.nativestore.CommitMeta;
import org.yggdrasil.storage.nativestore.MergeResult;
import org.yggdrasil.storage.nativestore.MergeStrategy;
import org.yggdrasil.storage.nativestore.NativeDatabase;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.Transaction;

/**
 * The native store speaking the Yggdrasil protocol. A value is bound to a branch (reads see its
 * head at the time of each call), to one snapshot ({@link #asOf}: read-only), or to an overlay
 * ({@link Overlay#view()}). Snapshot ids are the store's commit ids (content-derived SHA-256),
 * HLCs the store's persisted clock. The {@code content-hash} of its snapshot refs is the hash of
 * the stored table roots, which include physical row ids (it verifies storage); {@link
 * #contentHash} ({@code Addressable}) is the logical one, equal for equal tables, rows and
 * catalog entries (see {@link NativeContentHash}).
 *
 * <p>Native writes are transactions ({@link #begin()}), and committing one makes the snapshot,
 * so a value never holds pending writes: {@link #commit} ({@code Committable}) answers the
 * branch head. Merge messages are the store's own ({@code merge <source> into
 * <target>}). Obtain one value per database with {@link #open} and derive the others from it,
 * so that watchers share one subscription to the store.
 */
public final class NativeSystem
    implements Mergeable, Branchable, Overlayable, Watchable, GarbageCollectable, Committable,
        Addressable {
  /** The system id of a database's own tables among its members. */
  public static final String SYSTEM_ID = "native";
  private static final String AUTHOR = "ygg";
  private static final Capabilities CAPABILITIES = Capabilities.of(SYSTEM_ID, "native", Layer.SNAPSHOTABLE,
      Layer.BRANCHABLE, Layer.GRAPHABLE, Layer.MERGEABLE, Layer.OVERLAYABLE, Layer.WATCHABLE,
      Layer.GARBAGE_COLLECTABLE, Layer.COMMITTABLE, Layer.ADDRESSABLE);

  /** What all values of one database share. */
  record Shared(NativeDatabase db, NativeEvents events, AtomicLong overlayIds,
      NativeContentHash hashes) {}

  private final Shared shared;
  private final String branch;
  /** The snapshot an {@link #asOf} value reads; null for branch and overlay values. */
  private final String pinned;
  /** The overlay an overlay view reads and writes; null otherwise. */
  private final NativeOverlay overlay;

  private NativeSystem(Shared shared, String branch, String pinned, NativeOverlay overlay) {
    this.shared = shared;
    this.branch = branch;
    this.pinned = pinned;
    this.overlay = overlay;
  }

  /** The database's protocol system on branch {@code main}. */
  public static NativeSystem open(NativeDatabase db) {
    NativeEvents events = new NativeEvents(db, SYSTEM_ID, id -> ref(db, id));
    return new NativeSystem(new Shared(db, events, new AtomicLong(), new NativeContentHash()), DEFAULT_BRANCH, null, null);
  }

  /** The value of an overlay: bound to its hidden branch, reading as the overlay's mode says. */
  static NativeSystem overlayView(NativeSystem parent, NativeOverlay overlay) {
    return new NativeSystem(parent.shared, overlay.hiddenBranch(), null, overlay);
  }

  public NativeDatabase database() {
    return shared.db;
  }

  NativeDatabase db() {
    return shared.db;
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  // ---- reading and writing ----

  /** The content this value sees: the snapshot, the branch head now, or the overlay's view. */
  public Snapshot snapshot() {
    if (pinned != null) {
      return db().snapshotAt(pinned);
    }
    if (overlay != null) {
      overlay.beforeRead();
    }
    return db().snapshot(branch);
  }

  /**
   * A transaction writing to this value's branch (or overlay); its commit is the new snapshot.
   * 25006 for an {@link #asOf} value.
   */
  public Transaction begin() {
    if (pinned != null) {
      throw SqlStateException.of(SqlState.READ_ONLY_SQL_TRANSACTION,
          "snapshot %s is read-only; check out a branch to write", pinned);
    }
    if (overlay != null) {
      overlay.beforeRead();
    }
    return db().begin(branch);
  }

  // ---- layer 1 ----

  @Override
  public String snapshotId() {
    if (pinned != null) {
      return pinned;
    }
    if (overlay != null) {
      overlay.beforeRead();
    }
    return db().headCommit(branch);
  }

  @Override
  public List<String> parentIds(String snapshotId) {
    return meta(snapshotId).parents();
  }

  @Override
  public SnapshotRef snapshotRef(String snapshotId) {
    return ref(db(), snapshotId);
  }

  /** The logical content hash of a commit; empty for an unknown id. */
  @Override
  public Optional<String> contentHash(String snapshotId) {
    Snapshot s;
    try {
      s = db().snapshotAt(snapshotId);
    } catch (SqlStateException e) {
      if (e.state() == SqlState.UNDEFINED_OBJECT) {
        return Optional.empty();
      }
      throw e;
    }
    return Optional.of(shared.hashes.of(s.commitId() == null ? snapshotId : s.commitId(), s));
  }

  /** Nothing is ever pending outside a transaction: the head of this value's branch. */
  @Override
  public SnapshotRef commit(String message, String author) {
    if (pinned != null) {
      throw SqlStateException.of(SqlState.READ_ONLY_SQL_TRANSACTION,
          "snapshot %s is read-only; check out a branch to commit", pinned);
    }
    return snapshotRef(snapshotId());
  }

  static SnapshotRef ref(NativeDatabase db, String id) {
    SnapshotRef r = db.snapshotRef(id);
    return new SnapshotRef(SYSTEM_ID, r.snapshotId(), r.parentIds(), r.hlc(), r.contentHash());
  }

  @Override
  public SnapshotMeta snapshotMeta(String snapshotId) {
    CommitMeta m = meta(snapshotId);
    return new SnapshotMeta(snapshotRef(m.id()), m.time(), m.message(), m.author(), m.branch());
  }

  private CommitMeta meta(String ref) {
    return db().commitMeta(db().resolve(ref));
  }

  @Override
  public NativeSystem asOf(String snapshotId) {
    return new NativeSystem(shared, branch, db().resolve(snapshotId), null);
  }

  // ---- layer 2 ----

  @Override
  public SortedSet<String> branches() {
    TreeSet<String> out = new TreeSet<>();
    for (String b : db().branches()) {
      if (!NativeOverlay.isHidden(b)) {
        out.add(b);
      }
    }
    return out;
  }

  @Override
  public String currentBranch() {
    return branch;
  }

  @Override
  public SnapshotRef branch(String name, String from) {
    if (name != null && NativeOverlay.isHidden(name)) {
      throw SqlStateException.of(SqlState.INVALID_PARAMETER_VALUE,
          "branch names starting with \"%s\" are reserved for overlays", NativeOverlay.PREFIX);
    }
    db().createBranch(name, from == null ? snapshotId() : visibleRef(from));
    return snapshotRef(db().headCommit(name));
  }

  @Override
  public void deleteBranch(String name) {
    visibleRef(name);
    if (name.equals(branch) && pinned == null) {
      throw SqlStateException.of(SqlState.OBJECT_IN_USE,
          "cannot delete branch \"%s\": it is the current branch; check out another one first", name);
    }
    db().deleteBranch(name);
  }

  @Override
  public void resetBranch(String name, String snapshotId) {
    visibleRef(name);
    db().resetBranch(name, visibleRef(snapshotId));
  }

  @Override
  public NativeSystem checkout(String name) {
    visibleRef(name);
    db().headCommit(name); // 42704 for an unknown branch, now rather than at first read
    return new NativeSystem(shared, name, null, null);
  }

  /** Refuses overlay branches as if they did not exist: they are internal. */
  private static String visibleRef(String ref) {
    if (ref == null || NativeOverlay.isHidden(ref)) {
      throw SqlStateException.of(SqlState.UNDEFINED_OBJECT, "branch \"%s\" does not exist", ref);
    }
    return ref;
  }

  // ---- layer 3 ----

  @Override
  public List<String> history(int limit) {
    return db().log(snapshotId(), limit).stream().map(CommitMeta::id).toList();
  }

  @Override
  public List<String> ancestors(String snapshotId) {
    List<String> all = db().ancestors(snapshotId);
    return all.subList(1, all.size());
  }

  @Override
  public boolean isAncestor(String ancestor, String descendant) {
    return db().ancestors(descendant).contains(db().resolve(ancestor));
  }

  @Override
  public Optional<String> commonAncestor(String a, String b) {
    db().resolve(a);
    db().resolve(b);
    try {
      return Optional.of(db().commonAncestor(a, b));
    } catch (SqlStateException e) {
      if (e.state() == SqlState.UNDEFINED_OBJECT) {
        return Optional.empty(); // both exist, so: unrelated histories
      }
      throw e;
    }
  }

  @Override
  public CommitGraph commitGraph() {
    Map<String, String> heads = new HashMap<>();
    Map<String, List<String>> parents = new HashMap<>();
    for (String b : branches()) {
      String head = db().headCommit(b);
      heads.put(b, head);
      if (!parents.containsKey(head)) {
        for (String id : db().ancestors(head)) {
          parents.computeIfAbsent(id, k -> db().commitMeta(k).parents());
        }
      }
    }
    return new CommitGraph(parents, heads);
  }

  // ---- layer 4 ----

  @Override
  public MergeOutcome merge(String source, MergePolicy policy, String message) {
    writableBranch();
    MergeResult r = db().merge(source, branch, strategy(policy), AUTHOR);
    return new MergeOutcome(r.commitId(), r.kind(), NativeChanges.conflicts(SYSTEM_ID, r.conflicts()));
  }

  static MergeStrategy strategy(MergePolicy policy) {
    return policy == null ? MergeStrategy.FAIL : MergeStrategy.valueOf(policy.name());
  }

  private void writableBranch() {
    if (pinned != null) {
      throw SqlStateException.of(SqlState.READ_ONLY_SQL_TRANSACTION,
          "snapshot %s is read-only; check out a branch to merge into it", pinned);
    }
  }

  /**
   * Merges {@code b} into a throwaway branch at {@code a} with FAIL and reports what stopped it;
   * the probe branch is deleted either way (its commit, if any, is garbage for the next gc).
   */
  @Override
  public List<Conflict> conflicts(String a, String b) {
    String probe = NativeOverlay.PREFIX + "probe-" + shared.overlayIds.incrementAndGet();
    db().createBranch(probe, db().resolve(a));
    try {
      MergeResult r = db().merge(db().resolve(b), probe, MergeStrategy.FAIL, AUTHOR);
      return NativeChanges.conflicts(SYSTEM_ID, r.conflicts());
    } finally {
      db().deleteBranch(probe);
    }
  }

  @Override
  public Delta diff(String a, String b) {
    String from = db().resolve(a);
    String to = db().resolve(b);
    return new Delta(SYSTEM_ID, from, to,
        NativeChanges.of(db().diffSchema(from, to, null), db().diffRows(from, to, null)));
  }

  // ---- overlays, watch, gc, content hash ----

  @Override
  public Overlay overlay(OverlayMode mode) {
    writableBranch();
    if (overlay != null) {
      throw SqlStateException.of(SqlState.FEATURE_NOT_SUPPORTED,
          "an overlay cannot be opened on an overlay; merge it down or discard it first");
    }
    return NativeOverlay.open(this, mode, shared.overlayIds.incrementAndGet());
  }

  @Override
  public AutoCloseable watch(Consumer<SystemEvent> listener) {
    return shared.events.watch(listener);
  }

  /** Every branch head (overlays' included: they keep their writes alive) and tagged commit. */
  @Override
  public Set<String> gcRoots() {
    Set<String> roots = new LinkedHashSet<>();
    for (String b : db().branches()) {
      roots.add(db().headCommit(b));
    }
    roots.addAll(db().tags().values());
    return roots;
  }

  /**
   * Runs the store's gc, which keeps every commit reachable from branches, tags and existing
   * branches' head history. Returns the bytes reclaimed on disk (the store measures space, not
   * objects; 0 in memory, where unreachable commits are simply forgotten).
   */
  @Override
  public long gcSweep() {
    return db().gc();
  }
}
