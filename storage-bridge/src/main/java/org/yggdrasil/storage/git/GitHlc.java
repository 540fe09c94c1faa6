package org.yggdrasil.storage.git;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.yggdrasil.catalog.protocol.Hlc;

/**
 * The HLC of a Git commit, derived from the commit graph so it is the same every time and
 * never decreases along history: a commit <em>receives</em> the HLCs of its parents and ticks
 * at its committer time ({@code l = max(parents' l, commit time ms)}, the milliseconds from
 * {@link CommitTime} when the adapter wrote the commit; the logical counter is
 * one more than the parents' when their time is not earlier). Two commits made in the same
 * second (Git keeps seconds) or with a clock that went backwards still get ordered HLCs.
 */
final class GitHlc {
  private final Repository repo;
  private final Map<ObjectId, Hlc> known = new ConcurrentHashMap<>();

  GitHlc(Repository repo) {
    this.repo = repo;
  }

  Hlc of(ObjectId commit) {
    if (commit.equals(GitStore.EMPTY)) {
      return Hlc.ZERO;
    }
    Hlc cached = known.get(commit);
    if (cached != null) {
      return cached;
    }
    try (RevWalk walk = new RevWalk(repo)) {
      // Iterative post-order over the ancestors not yet known (histories are deeper than the stack).
      Deque<RevCommit> pending = new ArrayDeque<>();
      pending.push(walk.parseCommit(commit));
      while (!pending.isEmpty()) {
        RevCommit c = pending.peek();
        boolean parentsKnown = true;
        for (RevCommit parent : c.getParents()) {
          if (!known.containsKey(parent)) {
            walk.parseHeaders(parent);
            pending.push(parent);
            parentsKnown = false;
          }
        }
        if (parentsKnown) {
          pending.pop();
          known.computeIfAbsent(c.copy(), id -> stamp(c));
        }
      }
    } catch (IOException e) {
      throw GitErrors.io("cannot read commit " + commit.name(), e);
    }
    return known.get(commit);
  }

  private Hlc stamp(RevCommit c) {
    Hlc received = Hlc.ZERO;
    for (RevCommit parent : c.getParents()) {
      received = Hlc.max(received, known.get(parent));
    }
    return received.tick(CommitTime.millis(c));
  }
}
