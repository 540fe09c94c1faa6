package org.yggdrasil.storage.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.yggdrasil.catalog.protocol.Conflict;
import org.yggdrasil.catalog.protocol.MergePolicy;

/**
 * Three-way merges of two commits in the object database (JGit's recursive merger in core, no
 * work tree): the merged tree, or the paths both sides changed differently. A policy resolves
 * each conflicting path as a whole, taking our or their version of it; every other path merges
 * as Git merges it (including line-level merges of files both sides edited apart).
 */
final class GitMerges {
  private final GitStore store;

  GitMerges(GitStore store) {
    this.store = store;
  }

  /** A merge's result: the merged tree (null if conflicts stopped it) and the conflicts met. */
  record Result(ObjectId tree, List<Conflict> conflicts) {}

  /** The relation of two commits that decides whether a merge needs a merge commit. */
  enum Relation { UP_TO_DATE, FAST_FORWARD, DIVERGED }

  Relation relation(ObjectId ours, ObjectId theirs) throws IOException {
    if (theirs.equals(GitStore.EMPTY) || isAncestor(theirs, ours)) {
      return Relation.UP_TO_DATE;
    }
    if (ours.equals(GitStore.EMPTY) || isAncestor(ours, theirs)) {
      return Relation.FAST_FORWARD;
    }
    return Relation.DIVERGED;
  }

  boolean isAncestor(ObjectId ancestor, ObjectId descendant) throws IOException {
    if (ancestor.equals(GitStore.EMPTY) || ancestor.equals(descendant)) {
      return true;
    }
    if (descendant.equals(GitStore.EMPTY)) {
      return false;
    }
    try (RevWalk walk = new RevWalk(store.repo)) {
      return walk.isMergedInto(walk.parseCommit(ancestor), walk.parseCommit(descendant));
    }
  }

  /** The nearest common ancestor (the first merge base Git finds), or null for disjoint histories. */
  ObjectId mergeBase(ObjectId a, ObjectId b) throws IOException {
    if (a.equals(GitStore.EMPTY) || b.equals(GitStore.EMPTY)) {
      return GitStore.EMPTY;
    }
    try (RevWalk walk = new RevWalk(store.repo)) {
      walk.setRevFilter(RevFilter.MERGE_BASE);
      walk.markStart(walk.parseCommit(a));
      walk.markStart(walk.parseCommit(b));
      RevCommit base = walk.next();
      return base == null ? null : base.copy();
    }
  }

  /** Merges two diverged commits; with {@link MergePolicy#FAIL} conflicts leave the tree null. */
  Result merge(ObjectInserter inserter, ObjectId ours, ObjectId theirs, MergePolicy policy) throws IOException {
    return merge(inserter, ours, theirs, null, policy);
  }

  /**
   * Applies the change {@code from} → {@code to} to {@code ours}: a three-way merge whose base
   * is {@code from} instead of the merge base (what {@code git cherry-pick} and {@code git
   * revert} do), in core.
   */
  Result pick(ObjectInserter inserter, ObjectId ours, ObjectId from, ObjectId to, MergePolicy policy)
      throws IOException {
    return merge(inserter, ours, to, from, policy);
  }

  /** A three-way merge over {@code base}, or the merge base of the two when it is null. */
  private Result merge(ObjectInserter inserter, ObjectId ours, ObjectId theirs, ObjectId base,
      MergePolicy policy) throws IOException {
    ResolveMerger merger = newMerger(inserter, base);
    if (merger.merge(ours, theirs)) {
      return new Result(merger.getResultTreeId(), List.of());
    }
    List<String> paths = List.copyOf(new java.util.LinkedHashSet<>(merger.getUnmergedPaths()));
    ObjectId baseCommit = base != null ? base : mergeBase(ours, theirs);
    List<Conflict> conflicts = describe(baseCommit, ours, theirs, paths);
    if (policy == MergePolicy.FAIL) {
      return new Result(null, conflicts);
    }
    // Make the side that loses agree with the winner on the conflicting paths, then merge
    // again: those paths now merge to the winner's version and every other path as before.
    boolean keepOurs = policy == MergePolicy.OURS;
    ObjectId winner = keepOurs ? ours : theirs;
    ObjectId loser = keepOurs ? theirs : ours;
    ObjectId aligned = align(inserter, loser, winner, paths);
    ResolveMerger again = newMerger(inserter, base);
    boolean clean = keepOurs ? again.merge(ours, aligned) : again.merge(aligned, theirs);
    if (!clean) {
      throw GitErrors.io("cannot resolve the merge of " + theirs.name() + " into " + ours.name(),
          new IOException("conflicts remain on " + again.getUnmergedPaths()));
    }
    return new Result(again.getResultTreeId(), conflicts);
  }

  private ResolveMerger newMerger(ObjectInserter inserter, ObjectId base) throws IOException {
    ResolveMerger m = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(inserter,
        store.repo.getConfig());
    if (base != null) {
      m.setBase(base.equals(GitStore.EMPTY) ? null : base); // null: the empty tree
    }
    return m;
  }

  /** A child commit of {@code side} whose conflicting paths are as in {@code winner}. */
  private ObjectId align(ObjectInserter inserter, ObjectId side, ObjectId winner, List<String> paths)
      throws IOException {
    ObjectId winnerTree = GitTrees.treeOf(store.repo, winner);
    List<FileEdit> edits = new ArrayList<>();
    for (String path : paths) {
      FileEntry entry = GitTrees.entry(store.repo, winnerTree, path);
      edits.add(entry == null ? FileEdit.delete(path) : new FileEdit(path, entry.mode(), null, entry.blob()));
    }
    try (ObjectReader reader = inserter.newReader()) {
      ObjectId tree = GitTrees.apply(reader, inserter, GitTrees.treeOf(store.repo, side), edits);
      ObjectId commit = GitCommits.write(inserter, tree, List.of(side), GitCommits.ident(null),
          "Yggdrasil: conflict resolution (not on any branch)");
      inserter.flush();
      return commit;
    }
  }

  /** Each conflicting path with its base, our and their blob ids (null where absent). */
  private List<Conflict> describe(ObjectId base, ObjectId ours, ObjectId theirs, List<String> paths)
      throws IOException {
    ObjectId baseTree = base == null || base.equals(GitStore.EMPTY) ? GitTrees.EMPTY_TREE
        : GitTrees.treeOf(store.repo, base);
    ObjectId ourTree = GitTrees.treeOf(store.repo, ours);
    ObjectId theirTree = GitTrees.treeOf(store.repo, theirs);
    List<Conflict> conflicts = new ArrayList<>();
    for (String path : paths) {
      String b = blob(baseTree, path);
      String o = blob(ourTree, path);
      String t = blob(theirTree, path);
      String detail = o == null ? "deleted by us, modified by them"
          : t == null ? "modified by us, deleted by them"
          : b == null ? "added by both with different content"
          : "modified by both";
      conflicts.add(new Conflict(store.systemId, path, b, o, t, detail));
    }
    return conflicts;
  }

  private String blob(ObjectId tree, String path) throws IOException {
    FileEntry entry = GitTrees.entry(store.repo, tree, path);
    return entry == null || entry.mode() == FileMode.TREE ? null : entry.blob().name();
  }
}
