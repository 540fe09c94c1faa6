package org.yggdrasil.storage.git;

import java.io.IOException;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Conflict;
import org.yggdrasil.catalog.protocol.MergeOutcome;
import org.yggdrasil.catalog.protocol.MergePolicy;

/**
 * Cherry-pick and revert in the object database ({@link org.yggdrasil.catalog.protocol.Pickable}
 * for {@link GitSystem}): the change between two commits merged onto a branch head with the
 * first as the merge base, committed with the head as the only parent, as {@code git
 * cherry-pick} / {@code git revert} do, but without a work tree.
 */
final class GitPicks {
  private final GitStore store;
  private final GitMerges merges;

  GitPicks(GitStore store, GitMerges merges) {
    this.store = store;
    this.merges = merges;
  }

  MergeOutcome pick(String branch, String from, String to, MergePolicy policy, String message) {
    ObjectId base = store.resolveBranchOrSnapshot(from);
    ObjectId change = store.resolveBranchOrSnapshot(to);
    store.writeLock.lock();
    try (ObjectInserter inserter = store.repo.newObjectInserter()) {
      ObjectId ours = requireBorn(store.existingHead(branch), branch);
      GitMerges.Result r = merges.pick(inserter, ours, base, change,
          policy == null ? MergePolicy.FAIL : policy);
      if (r.tree() == null) {
        return new MergeOutcome(null, "conflicts", r.conflicts());
      }
      if (r.tree().equals(GitTrees.treeOf(store.repo, ours))) {
        return new MergeOutcome(ours.name(), "up-to-date", r.conflicts());
      }
      ObjectId commit = GitCommits.write(inserter, r.tree(), List.of(ours), GitCommits.ident(null),
          message == null || message.isBlank() ? "Apply " + from + ".." + to : message);
      inserter.flush();
      GitCommits.moveBranch(store, branch, ours, commit, "pick " + from + ".." + to);
      return new MergeOutcome(commit.name(), "pick", r.conflicts());
    } catch (IOException e) {
      throw GitErrors.io("cannot apply " + from + ".." + to + " to branch \"" + branch + "\"", e);
    } finally {
      store.writeLock.unlock();
    }
  }

  List<Conflict> conflicts(String onto, String from, String to) {
    ObjectId ours = store.resolveBranchOrSnapshot(onto);
    ObjectId base = store.resolveBranchOrSnapshot(from);
    ObjectId change = store.resolveBranchOrSnapshot(to);
    store.writeLock.lock();
    try (ObjectInserter inserter = store.repo.newObjectInserter()) {
      List<Conflict> found = merges.pick(inserter, requireBorn(ours, onto), base, change,
          MergePolicy.FAIL).conflicts();
      inserter.flush();
      return found;
    } catch (IOException e) {
      throw GitErrors.io("cannot compare " + from + ".." + to + " with " + onto, e);
    } finally {
      store.writeLock.unlock();
    }
  }

  private static ObjectId requireBorn(ObjectId head, String what) {
    if (head.equals(GitStore.EMPTY)) {
      throw new SqlStateException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "\"" + what + "\" has no commits to apply a change to");
    }
    return head;
  }
}
