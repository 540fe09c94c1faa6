package org.yggdrasil.storage.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.yggdrasil.storage.git.GitWritesTest.row;
import static org.yggdrasil.storage.git.GitWritesTest.withContent;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yggdrasil.catalog.protocol.MergeOutcome;
import org.yggdrasil.catalog.protocol.MergePolicy;
import org.yggdrasil.catalog.protocol.SnapshotRef;
import org.yggdrasil.catalog.tables.TableWriter;

/** Cherry-pick and revert of one commit's change onto another branch, in the object database. */
class GitPicksTest {
  @TempDir Path dir;

  private static SnapshotRef edit(GitSystem git, String path, String content) {
    TableWriter w = git.writer();
    w.update("files", row(git, path), withContent(row(git, path), content));
    return w.commit("edit " + path, "alice");
  }

  @Test
  void pickAppliesOnlyTheChangeAndRevertTakesItBack() throws Exception {
    try (Git git = GitRepos.init(dir, "main")) {
      GitRepos.commit(git, "seed", Map.of("a.txt", "1\n2\n3\n4\n5\n", "b.txt", "b\n"));
    }
    try (GitSystem main = GitRepos.open(dir)) {
      String seed = main.snapshotId();
      main.branch("feature", null);
      GitSystem feature = main.checkout("feature");
      SnapshotRef first = edit(feature, "b.txt", "feature b\n");
      SnapshotRef second = edit(feature, "a.txt", "1\n2\n3\n4\nfive\n");
      edit(main, "a.txt", "one\n2\n3\n4\n5\n"); // main edits another line of a.txt
      String mainHead = main.snapshotId();

      MergeOutcome picked = main.pick(first.snapshotId(), second.snapshotId(), MergePolicy.FAIL, "pick");
      assertEquals("pick", picked.kind());
      assertEquals(List.of(mainHead), main.parentIds(picked.snapshotId()), "one parent: no merge");
      assertEquals("one\n2\n3\n4\nfive\n", row(main, "a.txt")[4], "line-level three-way");
      assertEquals("b\n", row(main, "b.txt")[4], "the earlier commit's change is not picked");

      MergeOutcome reverted = main.pick(second.snapshotId(), first.snapshotId(), MergePolicy.FAIL,
          "revert");
      assertEquals("one\n2\n3\n4\n5\n", row(main, "a.txt")[4]);
      assertEquals(List.of(picked.snapshotId()), main.parentIds(reverted.snapshotId()));
      assertEquals("up-to-date",
          main.pick(second.snapshotId(), first.snapshotId(), MergePolicy.FAIL, "again").kind(),
          "nothing left to revert");
      assertEquals(seed, main.parentIds(mainHead).get(0));
    }
  }

  @Test
  void conflictsStopAFailPickAndPoliciesResolveThem() throws Exception {
    try (Git git = GitRepos.init(dir, "main")) {
      GitRepos.commit(git, "seed", Map.of("b.txt", "b\n"));
    }
    try (GitSystem main = GitRepos.open(dir)) {
      String seed = main.snapshotId();
      main.branch("feature", null);
      SnapshotRef change = edit(main.checkout("feature"), "b.txt", "feature\n");
      edit(main, "b.txt", "main\n");
      String head = main.snapshotId();

      assertEquals(1, main.pickConflicts("main", seed, change.snapshotId()).size());
      MergeOutcome stopped = main.pick(seed, change.snapshotId(), MergePolicy.FAIL, "pick");
      assertNull(stopped.snapshotId());
      assertEquals("b.txt", stopped.conflicts().get(0).path());
      assertEquals(head, main.snapshotId(), "nothing changed");

      assertEquals("up-to-date", main.pick(seed, change.snapshotId(), MergePolicy.OURS, "p").kind());
      main.pick(seed, change.snapshotId(), MergePolicy.THEIRS, "pick");
      assertEquals("feature\n", row(main, "b.txt")[4]);
    }
  }
}
