package org.yggdrasil.storage.files;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Addressable;
import org.yggdrasil.catalog.protocol.Branchable;
import org.yggdrasil.catalog.protocol.Capabilities;
import org.yggdrasil.catalog.protocol.Change;
import org.yggdrasil.catalog.protocol.CommitGraph;
import org.yggdrasil.catalog.protocol.Committable;
import org.yggdrasil.catalog.protocol.Conflict;
import org.yggdrasil.catalog.protocol.Delta;
import org.yggdrasil.catalog.protocol.GarbageCollectable;
import org.yggdrasil.catalog.protocol.Layer;
import org.yggdrasil.catalog.protocol.MergeOutcome;
import org.yggdrasil.catalog.protocol.MergePolicy;
import org.yggdrasil.catalog.protocol.Mergeable;
import org.yggdrasil.catalog.protocol.Pickable;
import org.yggdrasil.catalog.protocol.Overlay;
import org.yggdrasil.catalog.protocol.OverlayMode;
import org.yggdrasil.catalog.protocol.Overlayable;
import org.yggdrasil.catalog.protocol.SnapshotMeta;
import org.yggdrasil.catalog.protocol.SnapshotRef;
import org.yggdrasil.catalog.protocol.SystemEvent;
import org.yggdrasil.catalog.protocol.Watchable;
import org.yggdrasil.catalog.tables.TableSpec;
import org.yggdrasil.catalog.tables.TableWriter;
import org.yggdrasil.catalog.tables.TabularSystem;

/**
 * A directory of CSV and JSON-lines files as a versioned system, viewed on one branch (reads
 * follow the branch's head) or, from {@link #asOf}, at one fixed snapshot (read-only).
 */
public final class FilesSystem implements TabularSystem, Branchable, Pickable, Committable,
    Addressable, GarbageCollectable, Watchable, Overlayable {
  public static final String TYPE = "files";

  private final FilesRepository repo;
  private final String branch;
  private final String pinned;
  private final FilesOverlay overlay;

  FilesSystem(FilesRepository repo, String branch, String pinned) {
    this(repo, branch, pinned, null);
  }

  /** A view; {@code overlay} is set for an overlay's view, whose reads may first catch up. */
  FilesSystem(FilesRepository repo, String branch, String pinned, FilesOverlay overlay) {
    this.repo = repo;
    this.branch = branch;
    this.pinned = pinned;
    this.overlay = overlay;
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.of(repo.systemId(), TYPE, Layer.SNAPSHOTABLE, Layer.BRANCHABLE,
        Layer.GRAPHABLE, Layer.MERGEABLE, Layer.COMMITTABLE, Layer.ADDRESSABLE,
        Layer.GARBAGE_COLLECTABLE, Layer.WATCHABLE, Layer.OVERLAYABLE);
  }

  // ---- tables ----------------------------------------------------------------------------

  @Override
  public List<TableSpec> tables() {
    List<TableSpec> out = new ArrayList<>();
    for (TableFile t : files(snapshotId()).values()) {
      out.add(t.spec());
    }
    return out;
  }

  @Override
  public Iterable<Object[]> rows(String table) {
    return valuesOf(file(snapshotId(), table).rows());
  }

  @Override
  public TableWriter writer() {
    requireBranchView("write to");
    return new FilesTableWriter(this, repo, branch, snapshotId());
  }

  /**
   * Writes whole data files on this branch as one snapshot (on main into the directory, on other
   * branches into the store); a null content deletes the file. Names are plain file names ending
   * in .csv, .jsonl or .ndjson; contents must parse (22P04 otherwise).
   */
  public SnapshotRef putFiles(Map<String, byte[]> files, String message, String author) {
    requireBranchView("write to");
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      String name = e.getKey();
      if (!DataDirectory.isDataFile(name) || name.contains("/") || name.contains("\\")) {
        throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE, "\"" + name
            + "\" is not a data file name", null,
            "Use a plain file name ending in .csv, .jsonl or .ndjson.", 0, null);
      }
      if (e.getValue() != null) {
        FileFormat.of(name).parse(name, Names.tableOf(name), e.getValue());
      }
    }
    return repo.commitFiles(branch, snapshotId(), files, message, author);
  }

  /** The data files of a snapshot by table name, parsed. */
  Map<String, TableFile> files(String snapshotId) {
    Manifest m = repo.snapshot(snapshotId).manifest();
    Map<String, TableFile> out = new java.util.LinkedHashMap<>();
    TableCache.tableNames(m).forEach((table, file) ->
        out.put(table, repo.tables().table(table, file, m.blob(file))));
    return out;
  }

  /** One table of a snapshot; only its own file is read. */
  TableFile file(String snapshotId, String table) {
    Manifest m = repo.snapshot(snapshotId).manifest();
    String file = TableCache.tableNames(m).get(table);
    if (file == null) {
      throw SqlStateException.of(SqlState.UNDEFINED_TABLE,
          "relation \"%s.%s\" does not exist", repo.systemId(), table);
    }
    return repo.tables().table(table, file, m.blob(file));
  }

  static List<Object[]> valuesOf(List<TableRow> rows) {
    List<Object[]> out = new ArrayList<>(rows.size());
    for (TableRow r : rows) {
      out.add(r.values().clone());
    }
    return out;
  }

  // ---- snapshots -------------------------------------------------------------------------

  @Override
  public String snapshotId() {
    if (pinned != null) {
      return pinned;
    }
    if (overlay != null) {
      overlay.beforeRead();
    }
    return repo.head(branch);
  }

  @Override
  public List<String> parentIds(String snapshotId) {
    return repo.snapshot(snapshotId).parents();
  }

  @Override
  public SnapshotRef snapshotRef(String snapshotId) {
    return repo.ref(repo.snapshot(snapshotId));
  }

  @Override
  public SnapshotMeta snapshotMeta(String snapshotId) {
    SnapshotRecord s = repo.snapshot(snapshotId);
    return new SnapshotMeta(repo.ref(s), s.time(), s.message(), s.author(), s.branch());
  }

  @Override
  public FilesSystem asOf(String snapshotId) {
    return new FilesSystem(repo, branch, repo.resolve(snapshotId));
  }

  @Override
  public Optional<String> contentHash(String snapshotId) {
    return repo.hasSnapshot(snapshotId)
        ? Optional.of(repo.snapshot(snapshotId).manifest().contentHash()) : Optional.empty();
  }

  // ---- branches --------------------------------------------------------------------------

  @Override
  public SortedSet<String> branches() {
    return repo.branches();
  }

  @Override
  public String currentBranch() {
    return branch;
  }

  @Override
  public SnapshotRef branch(String name, String from) {
    return repo.createBranch(name, from == null && pinned != null ? pinned : from, branch);
  }

  @Override
  public void deleteBranch(String name) {
    repo.deleteBranch(name, branch);
  }

  @Override
  public void resetBranch(String name, String snapshotId) {
    repo.resetBranch(name, snapshotId);
  }

  @Override
  public FilesSystem checkout(String name) {
    if (!repo.hasBranch(name)) {
      throw FilesRepository.unknownBranch(name);
    }
    return new FilesSystem(repo, name, null);
  }

  // ---- history ---------------------------------------------------------------------------

  @Override
  public List<String> history(int limit) {
    String head = snapshotId();
    List<String> all = new ArrayList<>();
    all.add(head);
    all.addAll(repo.history().ancestors(head));
    return limit > 0 && all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
  }

  @Override
  public List<String> ancestors(String snapshotId) {
    return repo.history().ancestors(repo.snapshot(snapshotId).id());
  }

  @Override
  public boolean isAncestor(String ancestor, String descendant) {
    repo.snapshot(ancestor);
    return repo.history().isAncestor(ancestor, repo.snapshot(descendant).id());
  }

  @Override
  public Optional<String> commonAncestor(String a, String b) {
    return repo.history().commonAncestor(repo.snapshot(a).id(), repo.snapshot(b).id());
  }

  @Override
  public CommitGraph commitGraph() {
    History h = repo.history();
    Map<String, String> heads = repo.heads();
    Set<String> reachable = new TreeSet<>();
    heads.values().forEach(id -> reachable.addAll(h.closure(id)));
    Map<String, List<String>> parents = new HashMap<>();
    reachable.forEach(id -> parents.put(id, repo.snapshot(id).parents()));
    return new CommitGraph(parents, heads);
  }

  // ---- merging ---------------------------------------------------------------------------

  @Override
  public MergeOutcome merge(String source, MergePolicy policy, String message) {
    requireBranchView("merge into");
    return repo.merge(branch, source, policy == null ? MergePolicy.FAIL : policy, message);
  }

  @Override
  public MergeOutcome pick(String from, String to, MergePolicy policy, String message) {
    requireBranchView("apply a change to");
    return repo.pick(branch, from, to, policy == null ? MergePolicy.FAIL : policy, message);
  }

  @Override
  public List<Conflict> pickConflicts(String onto, String from, String to) {
    return repo.pickConflicts(onto, from, to);
  }

  @Override
  public List<Conflict> conflicts(String a, String b) {
    return repo.conflicts(a, b);
  }

  /** File-level changes: renderings are the files' SHA-256 hashes. */
  @Override
  public Delta diff(String a, String b) {
    Manifest from = repo.snapshot(repo.resolve(a)).manifest();
    Manifest to = repo.snapshot(repo.resolve(b)).manifest();
    TreeSet<String> paths = new TreeSet<>(from.files().keySet());
    paths.addAll(to.files().keySet());
    List<Change> changes = new ArrayList<>();
    for (String p : paths) {
      String x = from.blob(p);
      String y = to.blob(p);
      if (x == null) {
        changes.add(new Change(Change.Kind.ADDED, p, null, y));
      } else if (y == null) {
        changes.add(new Change(Change.Kind.DELETED, p, x, null));
      } else if (!x.equals(y)) {
        changes.add(new Change(Change.Kind.MODIFIED, p, x, y));
      }
    }
    return new Delta(repo.systemId(), repo.resolve(a), repo.resolve(b), changes);
  }

  // ---- commit, gc, watch -----------------------------------------------------------------

  /**
   * On main: records edits made in the directory since the last snapshot (nothing new when there
   * are none). Other branches change only through writers and merges, so this returns their head.
   */
  @Override
  public SnapshotRef commit(String message, String author) {
    requireBranchView("commit on");
    if (branch.equals(FilesRepository.MAIN)) {
      return repo.syncMain(message, author);
    }
    return repo.ref(repo.snapshot(repo.head(branch)));
  }

  @Override
  public Set<String> gcRoots() {
    return repo.gcRoots();
  }

  @Override
  public long gcSweep() {
    return repo.gcSweep();
  }

  @Override
  public AutoCloseable watch(Consumer<SystemEvent> listener) {
    return repo.watch(listener);
  }

  /** A live fork of this branch kept in the store; see {@link FilesOverlay}. */
  @Override
  public Overlay overlay(OverlayMode mode) {
    requireBranchView("open an overlay of");
    return repo.openOverlay(branch, mode == null ? OverlayMode.FROZEN : mode);
  }

  private void requireBranchView(String what) {
    if (pinned != null) {
      throw SqlStateException.of(SqlState.READ_ONLY_SQL_TRANSACTION,
          "cannot %s snapshot %s of system \"%s\": it is read-only; check out a branch",
          what, pinned, repo.systemId());
    }
  }
}
