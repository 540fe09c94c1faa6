package org.yggdrasil.storage.git;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.SnapshotRef;
import org.yggdrasil.catalog.tables.TableWriter;

class GitWritesTest {
  @TempDir Path dir;

  static Object[] file(String path, String content) {
    return new Object[] {path, null, null, null, content, null};
  }

  /** What an UPDATE … SET content = text gives: the old row with only that column changed. */
  static Object[] withContent(Object[] old, String content) {
    Object[] row = old.clone();
    row[4] = content;
    return row;
  }

  static Map<String, String> texts(Iterable<Object[]> rows) {
    Map<String, String> files = new TreeMap<>();
    rows.forEach(r -> files.put((String) r[0], (String) r[4]));
    return files;
  }

  static Object[] row(GitSystem git, String path) {
    for (Object[] r : git.rows("files")) {
      if (r[0].equals(path)) {
        return r;
      }
    }
    throw new AssertionError("no file " + path);
  }

  private RevCommit seed() throws Exception {
    try (Git git = GitRepos.init(dir, "main")) {
      return GitRepos.commit(git, "seed", Map.of("a.txt", "a\n", "docs/b.txt", "b\n", "gone.txt", "x"));
    }
  }

  @Test
  void insertUpdateDeleteBecomeOneCommitThatGitSees() throws Exception {
    assumeTrue(GitCli.installed(), "the git command line checks what the adapter wrote");
    RevCommit seed = seed();
    try (GitSystem git = GitRepos.open(dir)) {
      TableWriter w = git.writer();
      w.insert("files", file("new/c.txt", "c\n"));
      Object[] a = row(git, "a.txt");
      w.update("files", a, withContent(a, "a2\n"));
      w.delete("files", row(git, "gone.txt"));
      assertEquals(Map.of("a.txt", "a2\n", "docs/b.txt", "b\n", "new/c.txt", "c\n"), texts(w.rows("files")),
          "the writer reads its own writes");
      assertEquals(seed.name(), git.snapshotId(), "nothing is visible before the commit");
      SnapshotRef ref = w.commit("Change three files", "Bob <bob@example.org>");
      assertEquals(ref.snapshotId(), git.snapshotId());
      assertEquals(List.of(seed.name()), ref.parentIds());
      assertEquals(Map.of("a.txt", "a2\n", "docs/b.txt", "b\n", "new/c.txt", "c\n"), texts(git.rows("files")));

      String log = GitCli.run(git.directory(), "log", "--format=%H %P %an <%ae> %s", "main");
      assertEquals(List.of(ref.snapshotId() + " " + seed.name() + " Bob <bob@example.org> Change three files",
          seed.name() + "  Alice <alice@example.org> seed"), log.lines().toList());
      assertEquals("a2\n", GitCli.run(git.directory(), "show", "main:a.txt"));
      assertEquals("c\n", GitCli.run(git.directory(), "show", "main:new/c.txt"));
      assertEquals("docs/b.txt\nnew/c.txt\na.txt\n".lines().sorted().toList(),
          GitCli.run(git.directory(), "ls-tree", "-r", "--name-only", "main").lines().sorted().toList());
      GitCli.run(git.directory(), "fsck", "--strict");
      assertEquals(ref.contentHash(), GitCli.run(git.directory(), "rev-parse", "main^{tree}").strip());
    }
    assertEquals("x", Files.readString(dir.resolve("gone.txt")), "the work tree is never touched");
    assertEquals("a\n", Files.readString(dir.resolve("a.txt")));
  }

  @Test
  void bytesModeAndRenameAreWritable() throws Exception {
    seed();
    try (GitSystem git = GitRepos.open(dir)) {
      byte[] binary = {1, 0, 2};
      TableWriter w = git.writer();
      w.insert("files", new Object[] {"bin/x", null, "100755", null, null, binary});
      Object[] old = row(git, "docs/b.txt");
      Object[] renamed = old.clone();
      renamed[0] = "docs/renamed.txt";
      w.update("files", old, renamed);
      w.commit("bytes, mode, rename", "alice");
      Object[] x = row(git, "bin/x");
      assertEquals("100755", x[2]);
      assertNull(x[4]);
      assertArrayEquals(binary, (byte[]) x[5]);
      assertEquals("b\n", row(git, "docs/renamed.txt")[4]);
      assertFalse(texts(git.rows("files")).containsKey("docs/b.txt"));

      TableWriter w2 = git.writer();
      Object[] before = row(git, "bin/x");
      Object[] after = before.clone();
      after[5] = new byte[] {9};
      w2.update("files", before, after);
      w2.commit("bytes only", "alice");
      assertArrayEquals(new byte[] {9}, (byte[]) row(git, "bin/x")[5]);
      assertEquals("100755", row(git, "bin/x")[2], "the mode stays when only the content changes");
    }
  }

  @Test
  void constraintsCarryTheirSqlStates() throws Exception {
    seed();
    try (GitSystem git = GitRepos.open(dir)) {
      TableWriter w = git.writer();
      assertEquals(SqlState.UNIQUE_VIOLATION,
          assertThrows(SqlStateException.class, () -> w.insert("files", file("a.txt", "again"))).state());
      assertEquals(SqlState.UNIQUE_VIOLATION,
          assertThrows(SqlStateException.class, () -> w.insert("files", file("a.txt/under", "x"))).state());
      assertEquals(SqlState.UNIQUE_VIOLATION,
          assertThrows(SqlStateException.class, () -> w.insert("files", file("docs", "x"))).state());
      assertEquals(SqlState.NOT_NULL_VIOLATION,
          assertThrows(SqlStateException.class, () -> w.insert("files", file("empty", null))).state());
      assertEquals(SqlState.INVALID_PARAMETER_VALUE,
          assertThrows(SqlStateException.class, () -> w.insert("files", file("../escape", "x"))).state());
      assertEquals(SqlState.INVALID_PARAMETER_VALUE,
          assertThrows(SqlStateException.class, () -> w.insert("files", file(".git/config", "x"))).state());
      assertEquals(SqlState.INVALID_PARAMETER_VALUE, assertThrows(SqlStateException.class,
          () -> w.insert("files", new Object[] {"m", null, "040000", null, "x", null})).state());
      assertEquals(SqlState.FEATURE_NOT_SUPPORTED, assertThrows(SqlStateException.class,
          () -> w.insert("commits", new Object[] {"x", "", "a", "b", null, "m"})).state());
      assertTrue(w.isEmpty(), "failed writes stage nothing");
    }
  }

  @Test
  void aWriteThatChangesNothingMakesNoCommit() throws Exception {
    RevCommit seed = seed();
    try (GitSystem git = GitRepos.open(dir)) {
      TableWriter w = git.writer();
      Object[] a = row(git, "a.txt");
      w.update("files", a, withContent(a, "a\n"));
      assertTrue(w.isEmpty());
      w.insert("files", file("tmp", "t"));
      w.delete("files", row(w, "tmp"));
      assertTrue(w.isEmpty());
      assertEquals(seed.name(), w.commit("nothing", "alice").snapshotId());
      assertEquals(seed.name(), git.snapshotId());
    }
  }

  private static Object[] row(TableWriter w, String path) {
    for (Object[] r : w.rows("files")) {
      if (r[0].equals(path)) {
        return r;
      }
    }
    throw new AssertionError(path);
  }

  @Test
  void rollbackDropsStagedWrites() throws Exception {
    RevCommit seed = seed();
    try (GitSystem git = GitRepos.open(dir)) {
      TableWriter w = git.writer();
      w.insert("files", file("tmp", "t"));
      w.rollback();
      assertTrue(w.isEmpty());
      assertEquals(seed.name(), w.commit("nothing", "alice").snapshotId());
    }
  }

  @Test
  void concurrentWritersToDifferentPathsBothCommitAndToTheSamePathTheSecondFails() throws Exception {
    seed();
    try (GitSystem git = GitRepos.open(dir)) {
      TableWriter first = git.writer();
      TableWriter second = git.writer();
      TableWriter third = git.writer();
      Object[] a = row(git, "a.txt");
      first.update("files", a, withContent(a, "first\n"));
      second.insert("files", file("second.txt", "s"));
      third.update("files", a, withContent(a, "third\n"));
      SnapshotRef one = first.commit("first", "alice");
      SnapshotRef two = second.commit("second", "bob");
      assertEquals(List.of(one.snapshotId()), two.parentIds(), "the later commit goes on top of the new head");
      assertEquals(Map.of("a.txt", "first\n", "docs/b.txt", "b\n", "gone.txt", "x", "second.txt", "s"),
          texts(git.rows("files")));
      var e = assertThrows(SqlStateException.class, () -> third.commit("third", "carol"));
      assertEquals(SqlState.SERIALIZATION_FAILURE, e.state());
      assertTrue(e.detail().contains("a.txt"), e.detail());
      assertEquals(two.snapshotId(), git.snapshotId());
    }
  }

  @Test
  void theFirstWriteToAnEmptyRepositoryMakesTheRootCommit() throws Exception {
    Path bare = dir.resolve("empty.git");
    try (GitSystem git = new GitSystemFactory().open("g", Map.of("path", bare.toString(), "create", "true"), null)) {
      TableWriter w = git.writer();
      w.insert("files", file("hello.txt", "hi"));
      SnapshotRef root = w.commit("root", "alice");
      assertEquals(List.of(), root.parentIds());
      assertEquals(root.snapshotId(), git.snapshotId());
      List<Object[]> commits = new ArrayList<>();
      git.rows("commits").forEach(commits::add);
      assertEquals(1, commits.size());
      assertEquals("alice", commits.get(0)[2]);
    }
  }

  @Test
  void anAsOfValueIsReadOnly() throws Exception {
    RevCommit seed = seed();
    try (GitSystem git = GitRepos.open(dir)) {
      var e = assertThrows(SqlStateException.class, () -> git.asOf(seed.name()).writer());
      assertEquals(SqlState.READ_ONLY_SQL_TRANSACTION, e.state());
    }
  }
}
