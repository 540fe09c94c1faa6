package org.yggdrasil.storage.git;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Addressable;
import org.yggdrasil.catalog.protocol.Branchable;
import org.yggdrasil.catalog.protocol.Capabilities;
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
 * A Git repository speaking the Yggdrasil protocol, seen on one branch ({@code refs/heads/<branch>})
 * or pinned at one commit ({@link #asOf}). Snapshots are commits (id = commit SHA-1, content
 * hash = its tree id); the empty snapshot {@code 0000…} stands for an unborn branch. Everything
 * goes through the object database and refs, never a work tree.
 *
 * <p>A branch value follows its branch: each call reads the branch head at that moment. For
 * reads that must see one state across calls, pin it with {@code asOf(snapshotId())}.
 */
public final class GitSystem
    implements TabularSystem, Pickable, Branchable, Committable, Addressable, GarbageCollectable, Watchable,
        Overlayable, AutoCloseable {
  private final GitStore store;
  private final String branch;
  /** The commit a read-only as-of value is pinned at; null for a value following its branch. */
  private final ObjectId pinned;
  /** The overlay this value is the view of (its branch is the overlay's hidden one), or null. */
  private final GitOverlay overlay;
  private final GitGraph graph;
  private final GitMerges merges;
  private final GitPicks picks;

  GitSystem(GitStore store, String branch, ObjectId pinned) {
    this(store, branch, pinned, null);
  }

  GitSystem(GitStore store, String branch, ObjectId pinned, GitOverlay overlay) {
    this.store = store;
    this.branch = branch;
    this.pinned = pinned;
    this.overlay = overlay;
    this.graph = new GitGraph(store);
    this.merges = new GitMerges(store);
    this.picks = new GitPicks(store, merges);
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.of(store.systemId, "git", Layer.SNAPSHOTABLE, Layer.BRANCHABLE, Layer.GRAPHABLE,
        Layer.MERGEABLE, Layer.OVERLAYABLE, Layer.COMMITTABLE, Layer.ADDRESSABLE, Layer.GARBAGE_COLLECTABLE,
        Layer.WATCHABLE);
  }

  /** The commit this value reads. */
  private ObjectId at() {
    if (pinned != null) {
      return pinned;
    }
    if (overlay != null) {
      overlay.beforeRead();
    }
    return store.existingHead(branch);
  }

  private void requireBranchValue() {
    if (pinned != null) {
      throw GitErrors.readOnlySnapshot(pinned.name());
    }
  }

  // ---- Snapshotable

  @Override
  public String snapshotId() {
    return at().name();
  }

  @Override
  public List<String> parentIds(String snapshotId) {
    ObjectId id = store.resolveSnapshot(snapshotId);
    return io(() -> graph.parents(id), snapshotId);
  }

  @Override
  public SnapshotRef snapshotRef(String snapshotId) {
    ObjectId id = store.resolveSnapshot(snapshotId);
    return io(() -> new SnapshotRef(store.systemId, id.name(), graph.parents(id), store.hlc.of(id),
        GitTrees.treeOf(store.repo, id).name()), snapshotId);
  }

  @Override
  public SnapshotMeta snapshotMeta(String snapshotId) {
    ObjectId id = store.resolveSnapshot(snapshotId);
    SnapshotRef ref = snapshotRef(id.name());
    if (id.equals(GitStore.EMPTY)) {
      return new SnapshotMeta(ref, Instant.EPOCH, "", "", branch);
    }
    return io(() -> {
      try (RevWalk walk = new RevWalk(store.repo)) {
        RevCommit c = walk.parseCommit(id);
        PersonIdent author = c.getAuthorIdent();
        String who = author.getEmailAddress().isEmpty()
            ? author.getName() : author.getName() + " <" + author.getEmailAddress() + ">";
        return new SnapshotMeta(ref, java.time.Instant.ofEpochMilli(CommitTime.millis(c)),
            CommitTime.message(c), who, null);
      }
    }, snapshotId);
  }

  @Override
  public GitSystem asOf(String snapshotId) {
    return new GitSystem(store, branch, store.resolveSnapshot(snapshotId), overlay);
  }

  // ---- TabularSystem

  @Override
  public List<TableSpec> tables() {
    return GitTables.ALL;
  }

  @Override
  public Iterable<Object[]> rows(String table) {
    ObjectId at = at();
    GitRows rows = new GitRows(store);
    return io(() -> switch (table) {
      case GitTables.COMMITS -> rows.commits(at);
      case GitTables.REFS -> rows.refs();
      case GitTables.FILES -> rows.files(at);
      default -> throw SqlStateException.of(SqlState.UNDEFINED_TABLE,
          "relation \"%s.%s\" does not exist", store.systemId, table);
    }, at.name());
  }

  @Override
  public TableWriter writer() {
    requireBranchValue();
    if (overlay != null) {
      overlay.beforeRead();
    }
    return new GitFilesWriter(this, store, branch);
  }

  // ---- Branchable

  @Override
  public SortedSet<String> branches() {
    return store.branches();
  }

  @Override
  public String currentBranch() {
    return branch;
  }

  @Override
  public SnapshotRef branch(String name, String from) {
    requireValidBranchName(name);
    ObjectId source = from == null ? at() : store.resolveBranchOrSnapshot(from);
    store.writeLock.lock();
    try {
      if (store.head(name) != null) {
        throw SqlStateException.of(SqlState.DUPLICATE_OBJECT, "branch \"%s\" already exists", name);
      }
      source = startOf(source);
      GitCommits.moveBranch(store, name, GitStore.EMPTY, source, "branch: created from " + source.name());
    } finally {
      store.writeLock.unlock();
    }
    SnapshotRef ref = snapshotRef(source.name());
    store.publish(new SystemEvent(SystemEvent.BRANCH_CREATED, store.systemId, name, ref));
    return ref;
  }

  /**
   * A Git branch cannot point at nothing, so a branch of the empty snapshot starts at a root
   * commit with the empty tree. Its author and time are fixed, so every such branch shares it.
   */
  private ObjectId emptyRoot() throws IOException {
    try (ObjectInserter inserter = store.repo.newObjectInserter()) {
      PersonIdent nobody = new PersonIdent(GitCommits.DEFAULT_AUTHOR, "", Instant.EPOCH, java.time.ZoneOffset.UTC);
      ObjectId root = GitCommits.write(inserter, GitTrees.EMPTY_TREE, List.of(), nobody,
          "Yggdrasil: empty branch start");
      inserter.insert(org.eclipse.jgit.lib.Constants.OBJ_TREE, new byte[0]);
      inserter.flush();
      return root;
    }
  }

  @Override
  public void deleteBranch(String name) {
    if (DEFAULT_BRANCH.equals(name)) {
      throw SqlStateException.of(SqlState.INVALID_PARAMETER_VALUE, "cannot delete branch \"%s\"", name);
    }
    if (name.equals(branch)) {
      throw new SqlStateException(SqlState.OBJECT_IN_USE, "cannot delete the current branch \"" + name + "\"",
          null, "Check out another branch first.", 0, null);
    }
    store.writeLock.lock();
    try {
      ObjectId head = store.existingHead(name);
      GitCommits.moveBranch(store, name, head, GitStore.EMPTY, "branch: deleted");
    } finally {
      store.writeLock.unlock();
    }
    store.publish(new SystemEvent(SystemEvent.BRANCH_DELETED, store.systemId, name, null));
  }

  @Override
  public void resetBranch(String name, String snapshotId) {
    ObjectId target = store.resolveSnapshot(snapshotId);
    store.writeLock.lock();
    try {
      ObjectId head = store.existingHead(name);
      if (target.equals(GitStore.EMPTY) && !DEFAULT_BRANCH.equals(name)) {
        // Only the default branch may be unborn; another branch starts at the empty root.
        target = io(this::emptyRoot, name);
      }
      if (!head.equals(target)) {
        GitCommits.moveBranch(store, name, head, target, "reset: moving to " + target.name());
      }
    } finally {
      store.writeLock.unlock();
    }
  }

  @Override
  public GitSystem checkout(String name) {
    if (!store.isValidBranchName(name) || store.head(name) == null) {
      throw GitErrors.unknownBranch(store.systemId, name);
    }
    return new GitSystem(store, name, null);
  }

  private void requireValidBranchName(String name) {
    if (!store.isValidBranchName(name)) {
      throw SqlStateException.of(SqlState.INVALID_PARAMETER_VALUE,
          "invalid branch name \"%s\" for Git system \"%s\"", name, store.systemId);
    }
  }

  // ---- Graphable

  @Override
  public List<String> history(int limit) {
    ObjectId at = at();
    return io(() -> graph.history(at, limit), at.name());
  }

  @Override
  public List<String> ancestors(String snapshotId) {
    ObjectId id = store.resolveSnapshot(snapshotId);
    return io(() -> {
      List<String> all = graph.history(id, 0);
      return all.isEmpty() ? all : all.subList(1, all.size());
    }, snapshotId);
  }

  @Override
  public boolean isAncestor(String ancestor, String descendant) {
    ObjectId a = store.resolveSnapshot(ancestor);
    ObjectId d = store.resolveSnapshot(descendant);
    return io(() -> merges.isAncestor(a, d), ancestor);
  }

  @Override
  public Optional<String> commonAncestor(String a, String b) {
    ObjectId x = store.resolveSnapshot(a);
    ObjectId y = store.resolveSnapshot(b);
    return io(() -> Optional.ofNullable(merges.mergeBase(x, y)).map(ObjectId::name), a);
  }

  @Override
  public CommitGraph commitGraph() {
    return io(graph::commitGraph, "the commit graph");
  }

  // ---- Mergeable

  @Override
  public MergeOutcome merge(String source, MergePolicy policy, String message) {
    requireBranchValue();
    ObjectId theirs = store.resolveBranchOrSnapshot(source);
    store.writeLock.lock();
    try (ObjectInserter inserter = store.repo.newObjectInserter()) {
      ObjectId ours = store.existingHead(branch);
      MergeOutcome outcome = switch (merges.relation(ours, theirs)) {
        case UP_TO_DATE -> new MergeOutcome(ours.name(), "up-to-date", List.of());
        case FAST_FORWARD -> {
          GitCommits.moveBranch(store, branch, ours, theirs, "merge " + source + ": fast-forward");
          yield new MergeOutcome(theirs.name(), "fast-forward", List.of());
        }
        case DIVERGED -> {
          GitMerges.Result result = merges.merge(inserter, ours, theirs, policy);
          if (result.tree() == null) {
            yield new MergeOutcome(null, "conflicts", result.conflicts());
          }
          String text = message == null || message.isBlank()
              ? "Merge " + source + " into " + branch : message;
          ObjectId commit = GitCommits.write(inserter, result.tree(), List.of(ours, theirs),
              GitCommits.ident(null), text);
          inserter.flush();
          GitCommits.moveBranch(store, branch, ours, commit, "merge " + source);
          yield new MergeOutcome(commit.name(), "merge", result.conflicts());
        }
      };
      if (!outcome.stopped() && !outcome.kind().equals("up-to-date")) {
        store.publish(new SystemEvent(SystemEvent.COMMIT, store.systemId, branch, snapshotRef(outcome.snapshotId())));
      }
      return outcome;
    } catch (IOException e) {
      throw GitErrors.io("cannot merge " + source + " into branch \"" + branch + "\"", e);
    } finally {
      store.writeLock.unlock();
    }
  }

  @Override
  public MergeOutcome pick(String from, String to, MergePolicy policy, String message) {
    requireBranchValue();
    MergeOutcome outcome = picks.pick(branch, from, to, policy, message);
    if (!outcome.stopped() && !outcome.kind().equals("up-to-date")) {
      store.publish(new SystemEvent(SystemEvent.COMMIT, store.systemId, branch,
          snapshotRef(outcome.snapshotId())));
    }
    return outcome;
  }

  @Override
  public List<Conflict> pickConflicts(String onto, String from, String to) {
    return picks.conflicts(onto, from, to);
  }

  @Override
  public List<Conflict> conflicts(String a, String b) {
    ObjectId ours = store.resolveBranchOrSnapshot(a);
    ObjectId theirs = store.resolveBranchOrSnapshot(b);
    store.writeLock.lock();
    try (ObjectInserter inserter = store.repo.newObjectInserter()) {
      if (merges.relation(ours, theirs) != GitMerges.Relation.DIVERGED) {
        return List.of();
      }
      List<Conflict> found = merges.merge(inserter, ours, theirs, MergePolicy.FAIL).conflicts();
      inserter.flush();
      return found;
    } catch (IOException e) {
      throw GitErrors.io("cannot compare " + a + " and " + b, e);
    } finally {
      store.writeLock.unlock();
    }
  }

  @Override
  public Delta diff(String a, String b) {
    ObjectId from = store.resolveBranchOrSnapshot(a);
    ObjectId to = store.resolveBranchOrSnapshot(b);
    return io(() -> new Delta(store.systemId, from.name(), to.name(),
        GitTrees.diff(store.repo, GitTrees.treeOf(store.repo, from), GitTrees.treeOf(store.repo, to))), a);
  }

  // ---- Overlayable

  /** An overlay of this value's branch: a hidden ref {@code refs/ygg/overlays/<n>} (see {@link GitOverlay}). */
  @Override
  public Overlay overlay(OverlayMode mode) {
    requireBranchValue();
    return GitOverlay.open(this, mode);
  }

  /** The empty root commit when {@code id} is the empty snapshot (a ref cannot point at nothing). */
  ObjectId startOf(ObjectId id) {
    return id.equals(GitStore.EMPTY) ? io(this::emptyRoot, "the empty snapshot") : id;
  }

  // ---- Committable, Addressable, GarbageCollectable, Watchable

  /**
   * Git systems take writes through {@link #writer()}, whose commit makes the Git commit; so
   * nothing is pending here and this returns the head as it is, making no empty commit.
   */
  @Override
  public SnapshotRef commit(String message, String author) {
    return snapshotRef(snapshotId());
  }

  @Override
  public Optional<String> contentHash(String snapshotId) {
    ObjectId id = store.resolveSnapshot(snapshotId);
    return Optional.of(io(() -> GitTrees.treeOf(store.repo, id).name(), snapshotId));
  }

  @Override
  public Set<String> gcRoots() {
    return store.roots();
  }

  @Override
  public long gcSweep() {
    return GitGc.sweep(store);
  }

  @Override
  public AutoCloseable watch(Consumer<SystemEvent> listener) {
    return store.watch(listener);
  }

  /** Closes the repository (every value of this attached system). */
  @Override
  public void close() {
    store.close();
  }

  GitStore store() {
    return store;
  }

  /** The repository's directory (its .git directory, or itself when bare). */
  public java.io.File directory() {
    return store.repo.getDirectory();
  }

  @Override
  public String toString() {
    return "GitSystem[" + store.systemId + " " + (pinned != null ? "@" + pinned.name() : branch) + "]";
  }

  private interface IoCall<T> {
    T call() throws IOException;
  }

  private <T> T io(IoCall<T> call, String what) {
    try {
      return call.call();
    } catch (org.eclipse.jgit.errors.MissingObjectException e) {
      throw GitErrors.unknownSnapshot(store.systemId, what);
    } catch (IOException e) {
      throw GitErrors.io("cannot read " + what + " of Git system \"" + store.systemId + "\"", e);
    }
  }
}
