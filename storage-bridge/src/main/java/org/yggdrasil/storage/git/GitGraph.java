package org.yggdrasil.storage.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.yggdrasil.catalog.protocol.CommitGraph;

/** Walks of a repository's commit DAG: newest first, children before their parents. */
final class GitGraph {
  private final GitStore store;

  GitGraph(GitStore store) {
    this.store = store;
  }

  /** {@code from} and its ancestors, newest first, at most {@code limit} (≤ 0: all). */
  List<String> history(ObjectId from, int limit) throws IOException {
    List<String> ids = new ArrayList<>();
    if (from.equals(GitStore.EMPTY)) {
      return ids;
    }
    try (RevWalk walk = newestFirst()) {
      walk.markStart(walk.parseCommit(from));
      for (RevCommit c : walk) {
        ids.add(c.name());
        if (limit > 0 && ids.size() >= limit) {
          break;
        }
      }
    }
    return ids;
  }

  List<String> parents(ObjectId commit) throws IOException {
    List<String> ids = new ArrayList<>();
    if (commit.equals(GitStore.EMPTY)) {
      return ids;
    }
    try (RevWalk walk = new RevWalk(store.repo)) {
      for (RevCommit p : walk.parseCommit(commit).getParents()) {
        ids.add(p.name());
      }
    }
    return ids;
  }

  /** Every commit reachable from a branch head, with its parents; and the heads. */
  CommitGraph commitGraph() throws IOException {
    Map<String, String> heads = new LinkedHashMap<>(store.branchHeads());
    Map<String, List<String>> parents = new LinkedHashMap<>();
    if (store.head(org.yggdrasil.catalog.protocol.Branchable.DEFAULT_BRANCH).equals(GitStore.EMPTY)) {
      heads.put(org.yggdrasil.catalog.protocol.Branchable.DEFAULT_BRANCH, GitStore.EMPTY.name());
      parents.put(GitStore.EMPTY.name(), List.of());
    }
    try (RevWalk walk = newestFirst()) {
      for (String head : store.branchHeads().values()) {
        walk.markStart(walk.parseCommit(ObjectId.fromString(head)));
      }
      for (RevCommit c : walk) {
        List<String> ps = new ArrayList<>();
        for (RevCommit p : c.getParents()) {
          ps.add(p.name());
        }
        parents.put(c.name(), ps);
      }
    }
    return new CommitGraph(parents, heads);
  }

  private RevWalk newestFirst() {
    RevWalk walk = new RevWalk(store.repo);
    walk.sort(RevSort.TOPO);
    walk.sort(RevSort.COMMIT_TIME_DESC, true);
    return walk;
  }
}
