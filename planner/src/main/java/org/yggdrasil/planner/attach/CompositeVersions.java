package org.yggdrasil.planner.attach;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.yggdrasil.catalog.compose.CompositeSystem;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Change;
import org.yggdrasil.catalog.protocol.Conflict;
import org.yggdrasil.catalog.protocol.Delta;
import org.yggdrasil.catalog.protocol.GarbageCollectable;
import org.yggdrasil.catalog.protocol.Hlc;
import org.yggdrasil.catalog.protocol.MergePolicy;
import org.yggdrasil.catalog.protocol.VersionedSystem;
import org.yggdrasil.storage.nativestore.MergeConflict;
import org.yggdrasil.storage.nativestore.MergeResult;
import org.yggdrasil.storage.nativestore.MergeStrategy;
import org.yggdrasil.storage.nativestore.NativeDatabase;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.Transaction;

/**
 * The database's branch operations extended to its attached systems (composite branching):
 * creating, deleting and merging a branch does the same in every member, with the member heads
 * taken from (and recorded in) the database commits, so the branch space stays one.
 */
public final class CompositeVersions {
  private final NativeDatabase database;
  private final SystemRegistry registry;

  public CompositeVersions(NativeDatabase database) {
    this.database = database;
    this.registry = SystemRegistry.of(database);
  }

  /**
   * Creates {@code name} at {@code from} in the database and in every member it records; names
   * of the form overlays use are refused (22023).
   */
  public void createBranch(String name, String from) {
    OverlaySweep.checkNotHidden(name);
    createHiddenBranch(name, from);
  }

  /** {@link #createBranch} without the name check: an overlay's hidden branch. */
  void createHiddenBranch(String name, String from) {
    Snapshot at = database.snapshotAt(from);
    database.createBranch(name, from);
    if (MemberViews.servers(at).isEmpty()) {
      return;
    }
    ReentrantLock lock = registry.commitLock();
    lock.lock();
    try {
      MemberViews.composite(registry, at).branch(name, MemberViews.heads(at));
    } catch (RuntimeException e) {
      try {
        database.dropBranch(name);
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Points {@code name} at {@code ref} in the database and every member at the snapshot that
   * commit records, so later member writes build on what the branch now shows.
   */
  public void resetBranch(String name, String ref) {
    Snapshot at = database.snapshotAt(ref);
    ReentrantLock lock = registry.commitLock();
    lock.lock();
    try {
      database.resetBranch(name, ref);
      if (!MemberViews.servers(at).isEmpty()) {
        MemberViews.composite(registry, at).branch(name, MemberViews.heads(at));
      }
    } finally {
      lock.unlock();
    }
  }

  /** Deletes {@code name} in the database, then in every member its head records. */
  public void deleteBranch(String name) {
    Snapshot at = database.snapshotAt(name);
    database.dropBranch(name);
    MemberViews.composite(registry, at).deleteBranch(name);
  }

  /**
   * Merges {@code source} into branch {@code target} across the composite: member conflicts
   * are checked first (policy fail: reported, nothing changed), then members merge in order,
   * then the database merges; a failure after members merged resets them. The merged member
   * heads are then recorded on the target in one more database commit.
   *
   * @param finish reports a native merge result as the session does (conflicts → YG001)
   * @param reportConflicts stores member conflicts for {@code ygg.conflicts}
   */
  public String merge(String source, String target, String strategy,
      BiFunction<MergeResult, String, String> finish, Consumer<List<Object[]>> reportConflicts) {
    MergeStrategy native_ = MergeStrategy.of(strategy);
    String what = "merge of \"" + source + "\" into \"" + target + "\"";
    Snapshot theirsAt = database.snapshotAt(database.resolve(source));
    Snapshot oursAt = database.snapshotAt(target);
    Map<String, ServerDef> servers = new TreeMap<>(MemberViews.servers(theirsAt));
    servers.putAll(MemberViews.servers(oursAt));
    if (servers.isEmpty()) {
      return finish.apply(database.merge(source, target, native_, null), what);
    }
    Map<String, VersionedSystem> members = new LinkedHashMap<>();
    servers.values().forEach(d -> members.put(d.name(), registry.system(d)));
    CompositeSystem composite = new CompositeSystem(members);
    Map<String, String> ours = MemberViews.heads(oursAt);
    Map<String, String> theirs = MemberViews.heads(theirsAt);
    MergePolicy policy = MergePolicy.valueOf(native_.name());
    ReentrantLock lock = registry.commitLock();
    lock.lock();
    try {
      if (policy == MergePolicy.FAIL) {
        List<Conflict> conflicts = composite.conflicts(ours, theirs);
        if (!conflicts.isEmpty()) {
          reportConflicts.accept(conflictRows(conflicts));
          throw new SqlStateException(SqlState.MERGE_CONFLICT, what + " stopped by "
              + conflicts.size() + (conflicts.size() == 1 ? " conflict" : " conflicts")
              + " in attached systems", null, "SELECT * FROM ygg.conflicts lists them; resolve"
              + " them on either branch, or merge again with strategy 'ours' or 'theirs'.", 0,
              null);
        }
      }
      Map<String, String> before = new TreeMap<>();
      Map<String, String> sources = new TreeMap<>();
      for (String id : members.keySet()) {
        String t = theirs.get(id);
        if (t != null && !t.equals(ours.get(id))) {
          before.put(id, composite.headOf(id, target));
          sources.put(id, t);
        }
      }
      CommitJournal.Pending journal = registry.journal().begin(target);
      try {
        Map<String, String> merged =
            mergeMembers(composite, target, sources, policy, before, journal);
        CrashPoint.reached(CrashPoint.BEFORE_DATABASE_COMMIT);
        String head = nativeMerge(source, target, native_, finish, what);
        head = recordHeads(target, merged, head);
        journal.done();
        return head;
      } catch (RuntimeException e) {
        composite.undo(target, before, e);
        if (e.getSuppressed().length == 0) {
          journal.done(); // members are back; else the next open puts them back
        }
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * {@code ygg.cherry_pick(commit, target)} (or {@code ygg.revert} when {@code invert}) across
   * the composite: each member's change in {@code commit} (between the heads its parent and it
   * record) is applied to the member's {@code target} branch too. Member conflicts are checked
   * first (strategy fail: reported, nothing changed); then the members change in order, then the
   * database; a failure after members changed resets them. The native change and the new
   * member heads are one database commit, so reverting it takes back both.
   */
  public String cherryPick(String commit, String target, String strategy, boolean invert,
      BiFunction<MergeResult, String, String> finish, Consumer<List<Object[]>> reportConflicts) {
    MergeStrategy native_ = MergeStrategy.of(strategy);
    String id = database.resolve(commit);
    String what = (invert ? "revert of " : "cherry-pick of ") + commit + " onto \"" + target
        + "\"";
    List<String> parents = database.commitMeta(id).parents();
    Snapshot oursAt = database.snapshotAt(target);
    Map<String, ServerDef> servers = MemberViews.servers(oursAt);
    if (servers.isEmpty() || parents.isEmpty()) {
      return finish.apply(database.cherryPick(id, target, native_, null, invert, tx -> { }), what);
    }
    Map<String, String> after = MemberViews.heads(database.snapshotAt(id));
    Map<String, String> before = MemberViews.heads(database.snapshotAt(parents.get(0)));
    Map<String, String> from = invert ? after : before;
    Map<String, String> to = invert ? before : after;
    Map<String, VersionedSystem> members = new LinkedHashMap<>();
    servers.values().forEach(d -> members.put(d.name(), registry.system(d)));
    CompositeSystem composite = new CompositeSystem(members);
    MergePolicy policy = MergePolicy.valueOf(native_.name());
    ReentrantLock lock = registry.commitLock();
    lock.lock();
    try {
      Snapshot targetAt = database.snapshotAt(target);
      Map<String, String> targetHeads = MemberViews.heads(targetAt);
      if (policy == MergePolicy.FAIL) {
        List<Conflict> conflicts = composite.pickConflicts(targetHeads, from, to);
        if (!conflicts.isEmpty()) {
          reportConflicts.accept(conflictRows(conflicts));
          throw new SqlStateException(SqlState.MERGE_CONFLICT, what + " stopped by "
              + conflicts.size() + (conflicts.size() == 1 ? " conflict" : " conflicts")
              + " in attached systems", null, "SELECT * FROM ygg.conflicts lists them; resolve"
              + " them on the target, or run it again with strategy 'ours' or 'theirs'.", 0,
              null);
        }
      }
      for (ServerDef def : servers.values()) {
        MemberViews.onBranch(registry, def, targetAt, target); // makes a missing member branch
      }
      Map<String, String> heads = new TreeMap<>();
      members.keySet().forEach(m -> heads.put(m, composite.headOf(m, target)));
      CommitJournal.Pending journal = registry.journal().begin(target);
      try {
        Map<String, String> picked = composite.pick(target, from, to, policy,
            (invert ? "revert " : "cherry-pick ") + id.substring(0, 12), journal);
        CrashPoint.reached(CrashPoint.BEFORE_DATABASE_COMMIT);
        // One database commit holds the native change and the members' new heads; members
        // that changed nothing keep the target's heads, whatever their entries merged to.
        Map<String, String> recorded = new TreeMap<>(targetHeads);
        recorded.putAll(picked);
        String head = nativeStep(s -> database.cherryPick(id, target, s, null, invert,
            tx -> recorded.forEach((m, h) -> tx.putCatalogEntry(
                new MemberHead(m, h, registry.workspace().record(m, h)).toEntry()))),
            native_, finish, what);
        journal.done();
        return head;
      } catch (RuntimeException e) {
        composite.undo(target, heads, e);
        if (e.getSuppressed().length == 0) {
          journal.done();
        }
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  /** Merges members that lack nothing; a member new on the source gets the branch made. */
  private static Map<String, String> mergeMembers(CompositeSystem composite, String target,
      Map<String, String> sources, MergePolicy policy, Map<String, String> before,
      CompositeSystem.StepLog journal) {
    Map<String, String> toMerge = new TreeMap<>();
    Map<String, String> fresh = new TreeMap<>();
    sources.forEach((id, head) -> (before.get(id) == null ? fresh : toMerge).put(id, head));
    Map<String, String> merged = new TreeMap<>(composite.merge(target, toMerge, policy,
        "merge into " + target, journal));
    if (!fresh.isEmpty()) {
      Map<String, VersionedSystem> only = new TreeMap<>();
      fresh.keySet().forEach(id -> only.put(id, composite.members().get(id)));
      merged.putAll(new CompositeSystem(only).branch(target, fresh));
    }
    return merged;
  }

  /**
   * The database merge. Member entries both sides changed are expected to conflict (the
   * members were merged already); if they are the only conflicts the merge runs again keeping
   * the target's entries, which {@link #recordHeads} then replaces with the merged heads.
   */
  private String nativeMerge(String source, String target, MergeStrategy strategy,
      BiFunction<MergeResult, String, String> finish, String what) {
    return nativeStep(s -> database.merge(source, target, s, null), strategy, finish, what);
  }

  /**
   * A native merge, cherry-pick or revert run with {@code strategy}; when member entries are its
   * only conflicts it runs again keeping the target's entries (the members were handled already
   * and {@link #recordHeads} records their new heads).
   */
  private static String nativeStep(java.util.function.Function<MergeStrategy, MergeResult> run,
      MergeStrategy strategy, BiFunction<MergeResult, String, String> finish, String what) {
    MergeResult r = run.apply(strategy);
    if (r.commitId() == null && !r.conflicts().isEmpty()
        && r.conflicts().stream().allMatch(CompositeVersions::isMemberEntry)) {
      r = run.apply(MergeStrategy.OURS);
    }
    List<MergeConflict> rest = r.conflicts().stream().filter(c -> !isMemberEntry(c)).toList();
    return finish.apply(new MergeResult(r.commitId(), r.kind(), rest, r.rowsChanged()), what);
  }

  private static boolean isMemberEntry(MergeConflict c) {
    return c.table().startsWith("\u0000") && c.key() != null
        && MemberHead.KIND.equals(c.key().get("kind"));
  }

  /** Records merged member heads on {@code target} when its head does not already. */
  private String recordHeads(String target, Map<String, String> merged, String head) {
    Transaction tx = database.begin(target);
    try {
      putHeads(tx, merged);
      if (!tx.hasWrites()) {
        return head;
      }
      return tx.commit("record merged heads of attached systems", null).commitId();
    } finally {
      tx.rollback();
    }
  }

  /** Puts the member heads {@code tx}'s snapshot does not record yet into {@code tx}. */
  private void putHeads(Transaction tx, Map<String, String> heads) {
    Map<String, String> recorded = MemberViews.heads(tx.snapshot());
    for (Map.Entry<String, String> m : heads.entrySet()) {
      if (!m.getValue().equals(recorded.get(m.getKey()))) {
        Hlc hlc = registry.workspace().record(m.getKey(), m.getValue());
        tx.putCatalogEntry(new MemberHead(m.getKey(), m.getValue(), hlc).toEntry());
      }
    }
  }

  /** Garbage-collects every member that can (after the database). */
  public long gcMembers(Snapshot at) {
    long n = 0;
    for (VersionedSystem s : MemberViews.composite(registry, at).members().values()) {
      if (s instanceof GarbageCollectable g) {
        n += g.gcSweep();
      }
    }
    return n;
  }

  /**
   * {@code ygg.diff_systems(from, to)}: per attached system, what changed between the member
   * snapshots the two refs record (system, kind, path, old, new); attaching and detaching a
   * system show as kinds {@code attached} and {@code detached}.
   */
  public List<Object[]> diff(Snapshot from, Snapshot to) {
    List<Object[]> rows = new ArrayList<>();
    Map<String, ServerDef> a = MemberViews.servers(from);
    Map<String, ServerDef> b = MemberViews.servers(to);
    for (String name : b.keySet()) {
      if (!a.containsKey(name)) {
        rows.add(new Object[] {name, "attached", null, null, b.get(name).wrapper()});
      }
    }
    for (String name : a.keySet()) {
      if (!b.containsKey(name)) {
        rows.add(new Object[] {name, "detached", null, a.get(name).wrapper(), null});
      }
    }
    Map<String, VersionedSystem> both = new TreeMap<>();
    for (String name : a.keySet()) {
      if (b.containsKey(name)) {
        both.put(name, registry.system(b.get(name)));
      }
    }
    for (Delta d : new CompositeSystem(both).diff(MemberViews.heads(from), MemberViews.heads(to))) {
      for (Change c : d.changes()) {
        rows.add(new Object[] {d.systemId(), c.kind().name().toLowerCase(java.util.Locale.ROOT),
            c.path(), c.before(), c.after()});
      }
    }
    return rows;
  }

  private static List<Object[]> conflictRows(List<Conflict> conflicts) {
    List<Object[]> rows = new ArrayList<>();
    for (Conflict c : conflicts) {
      rows.add(new Object[] {c.systemId(), "member", c.path(), c.base(), c.ours(), c.theirs(),
          c.detail()});
    }
    return rows;
  }
}
