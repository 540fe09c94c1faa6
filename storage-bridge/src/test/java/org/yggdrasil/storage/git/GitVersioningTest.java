package org.yggdrasil.storage.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yggdrasil.storage.git.GitWritesTest.file;
import static org.yggdrasil.storage.git.GitWritesTest.texts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Change;
import org.yggdrasil.catalog.protocol.CommitGraph;
import org.yggdrasil.catalog.protocol.Delta;
import org.yggdrasil.catalog.protocol.Hlc;
import org.yggdrasil.catalog.protocol.SnapshotRef;
import org.yggdrasil.catalog.protocol.SystemEvent;
import org.yggdrasil.catalog.tables.TableWriter;

class GitVersioningTest {
  @TempDir Path dir;

  @Test
  void asOfReadsTheSnapshotWhileTheBranchMovesOn() throws Exception {
    RevCommit first;
    try (Git git = GitRepos.init(dir, "main")) {
      first = GitRepos.commit(git, "first", Map.of("a", "1"));
      GitRepos.commit(git, "second", Map.of("a", "2", "b", "2"));
    }
    try (GitSystem main = GitRepos.open(dir)) {
      GitSystem then = main.asOf(first.name().substring(0, 8));
      assertEquals(first.name(), then.snapshotId());
      assertEquals(Map.of("a", "1"), texts(then.rows("files")));
      assertEquals(1, count(then.rows("commits")));
      assertEquals(Map.of("a", "2", "b", "2"), texts(main.rows("files")));
      assertEquals(List.of(first.name()), then.history(0));
      assertEquals(SqlState.UNDEFINED_OBJECT,
          assertThrows(SqlStateException.class, () -> main.asOf("deadbeefdeadbeef")).state());
      assertEquals(SqlState.UNDEFINED_OBJECT,
          assertThrows(SqlStateException.class, () -> main.asOf("not-an-id")).state());
    }
  }

  private static int count(Iterable<Object[]> rows) {
    int n = 0;
    for (Object[] ignored : rows) {
      n++;
    }
    return n;
  }

  @Test
  void snapshotRefsCarryParentsTreeHashAndHlcsOrderedEvenWithinOneSecond() throws Exception {
    PersonIdent sameSecond = GitRepos.ALICE;
    PersonIdent earlier = new PersonIdent(sameSecond, sameSecond.getWhenAsInstant().minusSeconds(60));
    RevCommit a;
    RevCommit b;
    RevCommit c;
    try (Git git = GitRepos.init(dir, "main")) {
      a = GitRepos.commit(git, "a", Map.of("f", "a"), sameSecond);
      b = GitRepos.commit(git, "b", Map.of("f", "b"), sameSecond);
      c = GitRepos.commit(git, "c (clock went back)", Map.of("f", "c"), earlier);
    }
    try (GitSystem git = GitRepos.open(dir)) {
      SnapshotRef ra = git.snapshotRef(a.name());
      SnapshotRef rb = git.snapshotRef(b.name());
      SnapshotRef rc = git.snapshotRef(c.name());
      assertEquals(new Hlc(sameSecond.getWhenAsInstant().toEpochMilli(), 0), ra.hlc());
      assertTrue(rb.hlc().isAfter(ra.hlc()));
      assertTrue(rc.hlc().isAfter(rb.hlc()), "a child's HLC follows its parent's despite an earlier commit time");
      assertEquals(List.of(a.name()), rb.parentIds());
      assertEquals("repo", rb.systemId());
      assertEquals(b.getTree().name(), rb.contentHash());
      assertEquals(Optional.of(b.getTree().name()), git.contentHash(b.name()));
      assertEquals(rb, git.snapshotRef(b.name()), "stable across calls");
      assertEquals("b", git.snapshotMeta(b.name()).message());
      assertEquals("Alice <alice@example.org>", git.snapshotMeta(b.name()).author());
    }
  }

  @Test
  void historyAncestryAndTheCommitGraph() throws Exception {
    try (GitSystem main = new GitSystemFactory().open("g", Map.of("path", dir.resolve("r.git").toString(), "create", "true"), null)) {
      String c1 = write(main, "one");
      main.branch("f", null);
      String f1 = write(main.checkout("f"), "f-one");
      String c2 = write(main, "two");
      assertEquals(List.of(c2, c1), main.history(0));
      assertEquals(List.of(c2), main.history(1));
      assertEquals(List.of(c1), main.ancestors(c2));
      assertTrue(main.isAncestor(c1, f1));
      assertTrue(main.isAncestor(c2, c2));
      assertFalse(main.isAncestor(f1, c2));
      assertEquals(Optional.of(c1), main.commonAncestor(c2, f1));
      CommitGraph graph = main.commitGraph();
      assertEquals(Map.of("main", c2, "f", f1), graph.heads());
      assertEquals(Map.of(c1, List.of(), c2, List.of(c1), f1, List.of(c1)), graph.parents());

      Delta delta = main.diff(c1, f1);
      assertEquals(List.of(new Change(Change.Kind.ADDED, "f-one", null, (String) GitWritesTest.row(main.checkout("f"), "f-one")[3])),
          delta.changes());
      assertEquals(Change.Kind.DELETED, main.diff(f1, c1).changes().getFirst().kind());
      assertTrue(main.diff("main", c2).isEmpty());
    }
  }

  private static String write(GitSystem git, String path) {
    TableWriter w = git.writer();
    w.insert("files", file(path, path));
    return w.commit(path, "alice").snapshotId();
  }

  @Test
  void watchersSeeCommitsAndBranchEvents() throws Exception {
    try (GitSystem main = new GitSystemFactory().open("g", Map.of("path", dir.resolve("r.git").toString(), "create", "true"), null)) {
      List<String> events = new ArrayList<>();
      AutoCloseable handle = main.watch(e -> events.add(e.type() + " " + e.branch() + " " + (e.ref() == null ? "-" : e.ref().snapshotId())));
      String c1 = write(main, "one");
      main.branch("f", null);
      main.deleteBranch("f");
      handle.close();
      write(main, "two");
      assertEquals(List.of(SystemEvent.COMMIT + " main " + c1, SystemEvent.BRANCH_CREATED + " f " + c1,
          SystemEvent.BRANCH_DELETED + " f -"), events);
    }
  }

  @Test
  void gcRemovesWhatNoBranchReachesAndKeepsTheRest() throws Exception {
    try (GitSystem main = new GitSystemFactory().open("g", Map.of("path", dir.resolve("r.git").toString(), "create", "true"), null)) {
      String kept = write(main, "kept");
      main.branch("doomed", null);
      String lost = write(main.checkout("doomed"), "lost");
      assertTrue(main.gcRoots().containsAll(List.of(kept, lost)));
      main.deleteBranch("doomed");
      assertEquals(java.util.Set.of(kept), main.gcRoots());
      assertTrue(main.gcSweep() >= 3, "the lost commit, its tree and its blob");
      assertEquals(SqlState.UNDEFINED_OBJECT, assertThrows(SqlStateException.class, () -> main.asOf(lost)).state());
      assertEquals(Map.of("kept", "kept"), texts(main.rows("files")));
      if (GitCli.installed()) {
        GitCli.run(main.directory(), "fsck", "--strict");
      }
    }
  }
}
