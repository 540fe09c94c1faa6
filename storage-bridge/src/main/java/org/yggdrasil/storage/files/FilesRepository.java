package org.yggdrasil.storage.files;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Branchable;
import org.yggdrasil.catalog.protocol.Conflict;
import org.yggdrasil.catalog.protocol.Hlc;
import org.yggdrasil.catalog.protocol.MergeOutcome;
import org.yggdrasil.catalog.protocol.MergePolicy;
import org.yggdrasil.catalog.protocol.SnapshotRef;
import org.yggdrasil.catalog.protocol.SystemEvent;

/**
 * The shared state of one attached directory: snapshots, branch heads, the blob store and the
 * clock. Every view ({@link FilesSystem}) of the system goes through it; operations that change
 * state hold its lock, so they apply one at a time.
 *
 * <p>Invariant: the directory holds {@code main}'s head, plus whatever was edited outside since.
 * Every change of main first records those outside edits as a snapshot ({@link #syncMain}), then
 * writes the new files into the directory, then moves the ref.
 */
final class FilesRepository {
  static final String MAIN = Branchable.DEFAULT_BRANCH;
  /** Branches of overlays: not listed, not user-visible, gone when their overlay closes. */
  static final String HIDDEN_PREFIX = ".overlay/";

  private final String systemId;
  private final DataDirectory directory;
  private final BlobStore blobs;
  private final MetadataStore meta;
  private final Map<String, SnapshotRecord> snapshots;
  private final TreeMap<String, String> branches = new TreeMap<>();
  private final Hlc.Clock clock;
  private final List<Consumer<SystemEvent>> watchers = new CopyOnWriteArrayList<>();
  private final TableCache tables;
  private long overlays;

  private FilesRepository(String systemId, Path dir, Path stateDir) {
    this.systemId = systemId;
    this.directory = new DataDirectory(dir);
    this.blobs = new BlobStore(stateDir.resolve("blobs"));
    this.meta = new MetadataStore(stateDir);
    this.snapshots = new HashMap<>(meta.loadSnapshots());
    this.tables = new TableCache(blobs);
    MetadataStore.Refs refs = meta.loadRefs();
    Hlc high = refs == null ? Hlc.ZERO : refs.highWater();
    for (SnapshotRecord s : snapshots.values()) {
      high = Hlc.max(high, s.hlc());
    }
    this.clock = new Hlc.Clock(high);
    if (refs != null) {
      branches.putAll(refs.branches());
      // Overlays live in memory; their branches from an earlier run have no owner any more.
      branches.keySet().removeIf(FilesRepository::isHidden);
    }
  }

  /** Opens the state in {@code stateDir}; a new state starts with main at the directory's content. */
  static FilesRepository open(String systemId, Path dir, Path stateDir) {
    FilesRepository repo = new FilesRepository(systemId, dir, stateDir);
    synchronized (repo) {
      if (!repo.branches.containsKey(MAIN)) {
        Manifest m = repo.directory.snapshotInto(repo.blobs);
        repo.record(MAIN, m, List.of(), "attach " + dir, "");
      }
    }
    return repo;
  }

  String systemId() {
    return systemId;
  }

  TableCache tables() {
    return tables;
  }

  // ---- reading ---------------------------------------------------------------------------

  static boolean isHidden(String branch) {
    return branch.startsWith(HIDDEN_PREFIX);
  }

  synchronized SortedSet<String> branches() {
    TreeSet<String> out = new TreeSet<>(branches.keySet());
    out.removeIf(FilesRepository::isHidden);
    return out;
  }

  synchronized boolean hasBranch(String name) {
    return branches.containsKey(name) && !isHidden(name);
  }

  /** A user-visible branch's head; overlays' hidden branches are unknown by name. */
  private String visibleHead(String name) {
    if (isHidden(name)) {
      throw unknownBranch(name);
    }
    return head(name);
  }

  synchronized String head(String branch) {
    String id = branches.get(branch);
    if (id == null) {
      throw unknownBranch(branch);
    }
    return id;
  }

  synchronized SnapshotRecord snapshot(String id) {
    SnapshotRecord r = id == null ? null : snapshots.get(id);
    if (r == null) {
      throw SqlStateException.of(SqlState.UNDEFINED_OBJECT,
          "snapshot \"%s\" does not exist in system \"%s\"", id, systemId);
    }
    return r;
  }

  synchronized boolean hasSnapshot(String id) {
    return snapshots.containsKey(id);
  }

  /** A branch's head or a snapshot id; 42704 when it is neither. */
  synchronized String resolve(String branchOrSnapshot) {
    String head = branches.get(branchOrSnapshot);
    return head != null ? head : snapshot(branchOrSnapshot).id();
  }

  synchronized History history() {
    return new History(Map.copyOf(snapshots));
  }

  synchronized Map<String, String> heads() {
    Map<String, String> out = new TreeMap<>(branches);
    out.keySet().removeIf(FilesRepository::isHidden);
    return out;
  }

  SnapshotRef ref(SnapshotRecord s) {
    return new SnapshotRef(systemId, s.id(), s.parents(), s.hlc(), s.manifest().contentHash());
  }

  // ---- changing --------------------------------------------------------------------------

  /** Records the directory's current content as main's next snapshot, if it changed. */
  synchronized SnapshotRef syncMain(String message, String author) {
    SnapshotRecord head = snapshot(head(MAIN));
    Manifest now = directory.snapshotInto(blobs);
    if (now.equals(head.manifest())) {
      return ref(head);
    }
    return ref(record(MAIN, now, List.of(head.id()), message, author));
  }

  /**
   * Applies new contents of some files to a branch as one snapshot, if none of them changed on
   * the branch since {@code baseId} (else 40001). Files with null content are deleted.
   */
  synchronized SnapshotRef commitFiles(String branch, String baseId, Map<String, byte[]> files,
      String message, String author) {
    if (branch.equals(MAIN)) {
      syncMain("changes made in the directory", "");
    }
    SnapshotRecord head = snapshot(head(branch));
    Manifest base = snapshot(baseId).manifest();
    Manifest next = head.manifest();
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      String path = e.getKey();
      if (!java.util.Objects.equals(base.blob(path), head.manifest().blob(path))) {
        throw new SqlStateException(SqlState.SERIALIZATION_FAILURE,
            "could not serialize access due to concurrent update", "File \"" + path
            + "\" of system \"" + systemId + "\" changed on branch \"" + branch
            + "\" since the transaction read it.", "The transaction might succeed if retried.", 0,
            null);
      }
      next = next.with(path, e.getValue() == null ? null : blobs.put(e.getValue()));
    }
    if (next.equals(head.manifest())) {
      return ref(head);
    }
    return ref(advance(branch, head, next, List.of(head.id()), message, author));
  }

  synchronized SnapshotRef createBranch(String name, String from, String currentBranch) {
    if (name == null || name.isBlank()) {
      throw SqlStateException.of(SqlState.INVALID_PARAMETER_VALUE, "a branch name cannot be empty");
    }
    if (isHidden(name)) {
      throw SqlStateException.of(SqlState.INVALID_PARAMETER_VALUE,
          "branch names starting with \"%s\" are reserved for overlays", HIDDEN_PREFIX);
    }
    if (branches.containsKey(name)) {
      throw SqlStateException.of(SqlState.DUPLICATE_OBJECT, "branch \"%s\" already exists", name);
    }
    String at = from == null ? head(currentBranch) : resolve(from);
    branches.put(name, at);
    saveRefs();
    SnapshotRef ref = ref(snapshot(at));
    fire(new SystemEvent(SystemEvent.BRANCH_CREATED, systemId, name, ref));
    return ref;
  }

  synchronized void deleteBranch(String name, String currentBranch) {
    visibleHead(name);
    if (name.equals(MAIN) || name.equals(currentBranch)) {
      throw SqlStateException.of(SqlState.INVALID_PARAMETER_VALUE,
          "cannot delete branch \"%s\": it is the %s branch", name,
          name.equals(MAIN) ? "default" : "current");
    }
    branches.remove(name);
    saveRefs();
    fire(new SystemEvent(SystemEvent.BRANCH_DELETED, systemId, name, null));
  }

  /** Opens an overlay of a branch at its head, as a hidden branch. */
  synchronized FilesOverlay openOverlay(String parent, org.yggdrasil.catalog.protocol.OverlayMode mode) {
    String base = head(parent);
    String hidden = HIDDEN_PREFIX + (++overlays);
    branches.put(hidden, base);
    saveRefs();
    return new FilesOverlay(this, mode, parent, hidden, base);
  }

  synchronized void deleteHidden(String hidden) {
    branches.remove(hidden);
    saveRefs();
  }

  /** Points a branch at a snapshot; for main the directory is rewritten to that snapshot. */
  synchronized void resetBranch(String name, String snapshotId) {
    visibleHead(name);
    SnapshotRecord target = snapshot(snapshotId);
    if (name.equals(MAIN)) {
      syncMain("changes made in the directory", "");
      directory.checkout(snapshot(head(MAIN)).manifest(), target.manifest(), blobs);
    }
    branches.put(name, target.id());
    saveRefs();
  }

  synchronized MergeOutcome merge(String target, String source, MergePolicy policy, String message) {
    if (target.equals(MAIN)) {
      syncMain("changes made in the directory", "");
    }
    SnapshotRecord ours = snapshot(head(target));
    SnapshotRecord theirs = snapshot(resolve(source));
    History h = history();
    if (h.isAncestor(theirs.id(), ours.id())) {
      return new MergeOutcome(ours.id(), "up-to-date", List.of());
    }
    if (h.isAncestor(ours.id(), theirs.id())) {
      moveTo(target, ours, theirs);
      return new MergeOutcome(theirs.id(), "fast-forward", List.of());
    }
    ManifestMerge.Result r = mergeResult(h, ours, theirs, policy);
    if (!r.conflicts().isEmpty() && policy == MergePolicy.FAIL) {
      return new MergeOutcome(null, "conflicts", r.conflicts());
    }
    String msg = message == null || message.isBlank() ? "merge " + source + " into " + target : message;
    SnapshotRecord merged = advance(target, ours, r.merged(), List.of(ours.id(), theirs.id()), msg, "");
    return new MergeOutcome(merged.id(), "merge", r.conflicts());
  }

  /**
   * Applies the change between snapshots {@code from} and {@code to} to {@code target} (cherry-
   * pick; revert with the two swapped): a three-way merge with {@code from} as the base, file by
   * file and record by record as merges do, committed with the head as its only parent.
   */
  synchronized MergeOutcome pick(String target, String from, String to, MergePolicy policy,
      String message) {
    if (target.equals(MAIN)) {
      syncMain("changes made in the directory", "");
    }
    SnapshotRecord ours = snapshot(head(target));
    ManifestMerge.Result r = pickResult(ours, from, to, policy);
    if (!r.conflicts().isEmpty() && policy == MergePolicy.FAIL) {
      return new MergeOutcome(null, "conflicts", r.conflicts());
    }
    if (r.merged().equals(ours.manifest())) {
      return new MergeOutcome(ours.id(), "up-to-date", r.conflicts());
    }
    String msg = message == null || message.isBlank() ? "apply " + from + ".." + to : message;
    SnapshotRecord picked = advance(target, ours, r.merged(), List.of(ours.id()), msg, "");
    return new MergeOutcome(picked.id(), "pick", r.conflicts());
  }

  /** The conflicts {@link #pick} onto snapshot {@code onto} meets. */
  synchronized List<Conflict> pickConflicts(String onto, String from, String to) {
    return pickResult(snapshot(resolve(onto)), from, to, MergePolicy.FAIL).conflicts();
  }

  private ManifestMerge.Result pickResult(SnapshotRecord ours, String from, String to,
      MergePolicy policy) {
    Manifest base = snapshot(resolve(from)).manifest();
    Manifest theirs = snapshot(resolve(to)).manifest();
    return ManifestMerge.merge(systemId, base, ours.manifest(), theirs, policy,
        this::mergeRecords);
  }

  /** The conflicts merging snapshot {@code b} into snapshot {@code a} meets. */
  synchronized List<Conflict> conflicts(String a, String b) {
    SnapshotRecord ours = snapshot(resolve(a));
    SnapshotRecord theirs = snapshot(resolve(b));
    History h = history();
    if (h.isAncestor(theirs.id(), ours.id()) || h.isAncestor(ours.id(), theirs.id())) {
      return List.of();
    }
    return mergeResult(h, ours, theirs, MergePolicy.FAIL).conflicts();
  }

  private ManifestMerge.Result mergeResult(History h, SnapshotRecord ours, SnapshotRecord theirs,
      MergePolicy policy) {
    Manifest base = h.commonAncestor(ours.id(), theirs.id())
        .map(id -> snapshot(id).manifest()).orElse(Manifest.EMPTY);
    return ManifestMerge.merge(systemId, base, ours.manifest(), theirs.manifest(), policy,
        this::mergeRecords);
  }

  /** A file both sides changed, merged record by record; null when that conflicts. */
  private String mergeRecords(String path, String base, String ours, String theirs) {
    try {
      String table = Names.tableOf(path);
      TableFile b = tables.table(table, path, base);
      TableFile o = tables.table(table, path, ours);
      TableFile t = tables.table(table, path, theirs);
      if (!java.util.Objects.equals(b.header(), o.header())
          || !java.util.Objects.equals(o.header(), t.header())) {
        return null;
      }
      List<String> merged = RowMerge.merge(texts(b), texts(o), texts(t));
      if (merged == null) {
        return null;
      }
      return blobs.put(o.render(merged.stream().map(text -> new TableRow(null, text)).toList()));
    } catch (SqlStateException unreadable) {
      return null;
    }
  }

  private static List<String> texts(TableFile f) {
    return f.rows().stream().map(r -> (String) r.source()).toList();
  }

  /** Branch heads: what garbage collection keeps alive with everything they descend from. */
  synchronized Set<String> gcRoots() {
    return new HashSet<>(branches.values());
  }

  /** Deletes snapshots no branch reaches and blobs no remaining snapshot names. */
  synchronized long gcSweep() {
    History h = history();
    Set<String> live = new HashSet<>();
    for (String root : branches.values()) {
      live.addAll(h.closure(root));
    }
    long removed = 0;
    for (String id : new ArrayList<>(snapshots.keySet())) {
      if (!live.contains(id)) {
        meta.deleteSnapshot(id);
        snapshots.remove(id);
        removed++;
      }
    }
    Set<String> liveBlobs = new HashSet<>();
    for (SnapshotRecord s : snapshots.values()) {
      liveBlobs.addAll(s.manifest().files().values());
    }
    for (String blob : blobs.all()) {
      if (!liveBlobs.contains(blob)) {
        blobs.delete(blob);
        removed++;
      }
    }
    return removed;
  }

  AutoCloseable watch(Consumer<SystemEvent> listener) {
    watchers.add(listener);
    return () -> watchers.remove(listener);
  }

  // ---- internals -------------------------------------------------------------------------

  /** Moves a branch (main: and the directory) from {@code from} to an existing snapshot. */
  private void moveTo(String branch, SnapshotRecord from, SnapshotRecord to) {
    if (branch.equals(MAIN)) {
      directory.checkout(from.manifest(), to.manifest(), blobs);
    }
    branches.put(branch, to.id());
    saveRefs();
    fire(new SystemEvent(SystemEvent.COMMIT, systemId, branch, ref(to)));
  }

  /** A new snapshot on a branch whose head is {@code head}; main's files are written first. */
  private SnapshotRecord advance(String branch, SnapshotRecord head, Manifest next,
      List<String> parents, String message, String author) {
    if (branch.equals(MAIN)) {
      directory.checkout(head.manifest(), next, blobs);
    }
    return record(branch, next, parents, message, author);
  }

  /** Stores a snapshot (once per id) and makes it the branch's head. */
  private SnapshotRecord record(String branch, Manifest m, List<String> parents, String message,
      String author) {
    String id = SnapshotRecord.idOf(m, parents);
    SnapshotRecord s = snapshots.get(id);
    if (s == null) {
      s = new SnapshotRecord(id, m, parents, clock.now(), Instant.now(),
          message == null ? "" : message, author == null ? "" : author, branch);
      meta.saveSnapshot(s);
      snapshots.put(id, s);
    }
    branches.put(branch, id);
    saveRefs();
    fire(new SystemEvent(SystemEvent.COMMIT, systemId, branch, ref(s)));
    return s;
  }

  private void saveRefs() {
    meta.saveRefs(new MetadataStore.Refs(branches, clock.highWater()));
  }

  private void fire(SystemEvent e) {
    if (e.branch() != null && isHidden(e.branch())) {
      return;
    }
    for (Consumer<SystemEvent> w : watchers) {
      try {
        w.accept(e);
      } catch (RuntimeException ignored) {
        // A failing watcher must not undo or block a change that already happened.
      }
    }
  }

  static SqlStateException unknownBranch(String branch) {
    return SqlStateException.of(SqlState.UNDEFINED_OBJECT, "branch \"%s\" does not exist", branch);
  }
}
