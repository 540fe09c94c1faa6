package org.yggdrasil.storage.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yggdrasil.storage.git.GitWritesTest.file;
import static org.yggdrasil.storage.git.GitWritesTest.row;
import static org.yggdrasil.storage.git.GitWritesTest.texts;
import static org.yggdrasil.storage.git.GitWritesTest.withContent;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Conflict;
import org.yggdrasil.catalog.protocol.MergeOutcome;
import org.yggdrasil.catalog.protocol.MergePolicy;
import org.yggdrasil.catalog.protocol.SnapshotRef;
import org.yggdrasil.catalog.tables.TableWriter;

class GitBranchMergeTest {
  @TempDir Path dir;

  private RevCommit seed() throws Exception {
    try (Git git = GitRepos.init(dir, "main")) {
      return GitRepos.commit(git, "seed", Map.of("a.txt", "1\n2\n3\n4\n5\n", "b.txt", "b\n", "c.txt", "c\n"));
    }
  }

  private static SnapshotRef edit(GitSystem git, String path, String content) {
    TableWriter w = git.writer();
    if (content == null) {
      w.delete("files", row(git, path));
    } else {
      w.update("files", row(git, path), withContent(row(git, path), content));
    }
    return w.commit("edit " + path, "alice");
  }

  @Test
  void branchesAreRefsHeadsWithTheDatabasesNames() throws Exception {
    RevCommit seed = seed();
    try (GitSystem main = GitRepos.open(dir)) {
      SnapshotRef created = main.branch("feature-x", null);
      assertEquals(seed.name(), created.snapshotId());
      assertEquals(List.of("feature-x", "main"), List.copyOf(main.branches()));
      assertEquals(seed.name(), main.directory().toPath().resolve("refs/heads/feature-x").toFile().exists()
          ? java.nio.file.Files.readString(main.directory().toPath().resolve("refs/heads/feature-x")).strip()
          : null);
      assertEquals(SqlState.DUPLICATE_OBJECT, assertThrows(SqlStateException.class,
          () -> main.branch("feature-x", "main")).state());
      assertEquals(SqlState.UNDEFINED_OBJECT, assertThrows(SqlStateException.class,
          () -> main.checkout("nope")).state());
      assertEquals(SqlState.UNDEFINED_OBJECT, assertThrows(SqlStateException.class,
          () -> main.branch("other", "nope")).state());
      assertEquals(SqlState.INVALID_PARAMETER_VALUE, assertThrows(SqlStateException.class,
          () -> main.branch("bad..name", null)).state());

      GitSystem feature = main.checkout("feature-x");
      SnapshotRef onFeature = edit(feature, "b.txt", "feature\n");
      assertEquals(seed.name(), main.snapshotId(), "main does not move");
      assertEquals("b\n", row(main, "b.txt")[4]);
      assertEquals("feature\n", row(feature, "b.txt")[4]);
      assertEquals(onFeature.snapshotId(), main.branch("from-id", onFeature.snapshotId().substring(0, 10)).snapshotId());

      assertEquals(SqlState.INVALID_PARAMETER_VALUE,
          assertThrows(SqlStateException.class, () -> feature.deleteBranch("main")).state());
      assertEquals(SqlState.OBJECT_IN_USE,
          assertThrows(SqlStateException.class, () -> feature.deleteBranch("feature-x")).state());
      main.deleteBranch("from-id");
      assertFalse(main.branches().contains("from-id"));
      assertEquals(SqlState.UNDEFINED_OBJECT,
          assertThrows(SqlStateException.class, () -> main.deleteBranch("from-id")).state());

      main.resetBranch("feature-x", seed.name());
      assertEquals(seed.name(), feature.snapshotId(), "reset is the undo of a commit");
    }
  }

  @Test
  void mergeFastForwardsWhenTheTargetDidNotMove() throws Exception {
    seed();
    try (GitSystem main = GitRepos.open(dir)) {
      main.branch("f", null);
      SnapshotRef onF = edit(main.checkout("f"), "b.txt", "f\n");
      MergeOutcome outcome = main.merge("f", MergePolicy.FAIL, null);
      assertEquals("fast-forward", outcome.kind());
      assertEquals(onF.snapshotId(), main.snapshotId());
      assertEquals("up-to-date", main.merge("f", MergePolicy.FAIL, null).kind());
    }
  }

  @Test
  void divergedBranchesMergeCleanlyIntoATrueMergeCommitEvenInsideOneFile() throws Exception {
    seed();
    try (GitSystem main = GitRepos.open(dir)) {
      main.branch("f", null);
      GitSystem f = main.checkout("f");
      edit(f, "a.txt", "1\n2\n3\n4\nFIVE\n");
      edit(f, "c.txt", null);
      SnapshotRef ours = edit(main, "a.txt", "ONE\n2\n3\n4\n5\n");
      assertEquals(List.of(), main.conflicts("main", "f"));

      MergeOutcome outcome = main.merge("f", MergePolicy.FAIL, "Merge f");
      assertEquals("merge", outcome.kind());
      assertEquals(outcome.snapshotId(), main.snapshotId());
      assertEquals(List.of(ours.snapshotId(), f.snapshotId()),
          main.parentIds(outcome.snapshotId()));
      assertEquals(Map.of("a.txt", "ONE\n2\n3\n4\nFIVE\n", "b.txt", "b\n"), texts(main.rows("files")));
      assertEquals("Merge f\n", main.snapshotMeta(outcome.snapshotId()).message());
      if (GitCli.installed()) {
        String parents = GitCli.run(main.directory(), "log", "-1", "--format=%P", "main").strip();
        assertEquals(ours.snapshotId() + " " + f.snapshotId(), parents);
      }
    }
  }

  @Test
  void conflictsNamePathsWithBaseOursAndTheirsAndFailChangesNothing() throws Exception {
    RevCommit seed = seed();
    try (GitSystem main = GitRepos.open(dir)) {
      main.branch("f", null);
      GitSystem f = main.checkout("f");
      edit(f, "a.txt", "1\n2\nTHEIRS\n4\n5\n");
      edit(f, "b.txt", "theirs b\n");
      edit(f, "c.txt", null);
      edit(main, "a.txt", "1\n2\nOURS\n4\n5\n");
      SnapshotRef ours = edit(main, "c.txt", "ours c\n");
      ObjectId baseA = blob(main, "a.txt", seed.name());

      List<Conflict> predicted = main.conflicts("main", "f");
      MergeOutcome stopped = main.merge("f", MergePolicy.FAIL, null);
      assertTrue(stopped.stopped());
      assertEquals("conflicts", stopped.kind());
      assertEquals(ours.snapshotId(), main.snapshotId(), "a failed merge changes nothing");
      assertEquals(predicted, stopped.conflicts());
      assertEquals(List.of("a.txt", "c.txt"), stopped.conflicts().stream().map(Conflict::path).toList());
      Conflict a = stopped.conflicts().get(0);
      assertEquals("repo", a.systemId());
      assertEquals(row(main, "a.txt")[3], a.ours());
      assertEquals(row(f, "a.txt")[3], a.theirs());
      assertEquals(baseA.name(), a.base());
      Conflict c = stopped.conflicts().get(1);
      assertNull(c.theirs(), "deleted by them");
      assertEquals("modified by us, deleted by them", c.detail());
    }
  }

  private static ObjectId blob(GitSystem git, String path, String at) {
    return ObjectId.fromString((String) row(git.asOf(at), path)[3]);
  }

  @Test
  void oursAndTheirsResolveEachConflictingPathWhole() throws Exception {
    seed();
    try (GitSystem main = GitRepos.open(dir)) {
      main.branch("f", null);
      GitSystem f = main.checkout("f");
      edit(f, "a.txt", "1\n2\nTHEIRS\n4\n5\n");
      edit(f, "b.txt", "theirs b\n");
      edit(f, "c.txt", null);
      edit(main, "a.txt", "1\n2\nOURS\n4\n5\n");
      SnapshotRef ours = edit(main, "c.txt", "ours c\n");
      main.branch("main2", null);

      MergeOutcome kept = main.merge("f", MergePolicy.OURS, null);
      assertEquals("merge", kept.kind());
      assertEquals(2, kept.conflicts().size(), "the resolved conflicts are reported");
      assertEquals(Map.of("a.txt", "1\n2\nOURS\n4\n5\n", "b.txt", "theirs b\n", "c.txt", "ours c\n"),
          texts(main.rows("files")), "conflicts keep ours; the clean change to b.txt merges");

      GitSystem main2 = main.checkout("main2");
      MergeOutcome taken = main2.merge("f", MergePolicy.THEIRS, null);
      assertEquals("merge", taken.kind());
      assertEquals(Map.of("a.txt", "1\n2\nTHEIRS\n4\n5\n", "b.txt", "theirs b\n"), texts(main2.rows("files")),
          "conflicts take theirs, including their deletion of c.txt");
      assertEquals(List.of(ours.snapshotId(), f.snapshotId()), main2.parentIds(taken.snapshotId()));
    }
  }

  @Test
  void branchingTheUnbornMainStartsAtTheEmptyRootAndMergesBackByFastForward() throws Exception {
    Path bare = dir.resolve("empty.git");
    try (GitSystem main = new GitSystemFactory().open("g", Map.of("path", bare.toString(), "create", "true"), null)) {
      SnapshotRef start = main.branch("f", null);
      assertEquals(GitTrees.EMPTY_TREE.name(), start.contentHash());
      assertEquals(start.snapshotId(), main.branch("g", null).snapshotId(), "one shared empty root");
      assertEquals(GitStore.EMPTY.name(), main.snapshotId(), "main stays unborn");
      TableWriter w = main.checkout("f").writer();
      w.insert("files", file("x", "x"));
      SnapshotRef onF = w.commit("x", "alice");
      assertEquals("fast-forward", main.merge("f", MergePolicy.FAIL, null).kind());
      assertEquals(onF.snapshotId(), main.snapshotId());
      assertTrue(main.isAncestor(GitStore.EMPTY.name(), onF.snapshotId()));
    }
  }
}
