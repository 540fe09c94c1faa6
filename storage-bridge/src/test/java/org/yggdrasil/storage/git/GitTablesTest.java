package org.yggdrasil.storage.git;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

class GitTablesTest {
  @TempDir Path dir;

  static List<Object[]> rows(GitSystem git, String table) {
    List<Object[]> rows = new ArrayList<>();
    git.rows(table).forEach(rows::add);
    return rows;
  }

  @Test
  void filesShowPathSizeModeBlobAndContentTextOrBytes() throws Exception {
    byte[] binary = {0x00, (byte) 0xff, 0x10};
    RevCommit c;
    try (Git git = GitRepos.init(dir, "main")) {
      Files.createDirectories(dir.resolve("bin"));
      Files.write(dir.resolve("bin/blob.dat"), binary);
      git.add().addFilepattern("bin/blob.dat").call();
      c = GitRepos.commit(git, "files", Map.of("README.md", "héllo\n", "src/a/b.txt", "b"));
    }
    try (GitSystem git = GitRepos.open(dir)) {
      List<Object[]> files = rows(git, "files");
      assertEquals(List.of("README.md", "bin/blob.dat", "src/a/b.txt"), files.stream().map(r -> r[0]).toList());
      Object[] readme = files.get(0);
      assertEquals(7L, readme[1], "size in bytes, not characters");
      assertEquals("100644", readme[2]);
      assertEquals("héllo\n", readme[4]);
      assertArrayEquals("héllo\n".getBytes(StandardCharsets.UTF_8), (byte[]) readme[5]);
      Object[] blob = files.get(1);
      assertNull(blob[4], "binary content has no text");
      assertArrayEquals(binary, (byte[]) blob[5]);
      assertEquals(3L, blob[1]);
      if (GitCli.installed()) {
        String lsTree = GitCli.run(git.directory(), "ls-tree", "-r", c.name());
        assertEquals(lsTree.lines().map(l -> l.split("\\s+")[2]).toList(), files.stream().map(r -> r[3]).toList(),
            "blob ids as git ls-tree shows them");
      }
    }
  }

  @Test
  void commitsAreTheHistoryOfTheSnapshotNewestFirst() throws Exception {
    RevCommit first;
    RevCommit second;
    try (Git git = GitRepos.init(dir, "main")) {
      first = GitRepos.commit(git, "first\n\nbody", Map.of("a", "1"));
      second = GitRepos.commit(git, "second", Map.of("a", "2"));
    }
    try (GitSystem git = GitRepos.open(dir)) {
      List<Object[]> commits = rows(git, "commits");
      assertEquals(2, commits.size());
      Object[] newest = commits.get(0);
      assertEquals(second.name(), newest[0]);
      assertEquals(first.name(), newest[1]);
      assertEquals("Alice", newest[2]);
      assertEquals("alice@example.org", newest[3]);
      assertEquals(OffsetDateTime.parse("2025-01-02T03:04:05Z"), newest[4]);
      assertEquals("second", newest[5]);
      assertEquals("", commits.get(1)[1], "a root has no parents");
      assertEquals("first\n\nbody", commits.get(1)[5]);
    }
  }

  @Test
  void refsListBranchesAndTagsWithTheirTargets() throws Exception {
    RevCommit c;
    try (Git git = GitRepos.init(dir, "main")) {
      c = GitRepos.commit(git, "first", Map.of("a", "1"));
      git.branchCreate().setName("feature").call();
      git.tag().setName("v1").setMessage("release").setAnnotated(true).setSigned(false).call();
      git.tag().setName("light").setAnnotated(false).call();
    }
    try (GitSystem git = GitRepos.open(dir)) {
      List<String> refs = rows(git, "refs").stream().map(r -> r[2] + ":" + r[0] + "=" + r[1]).sorted().toList();
      assertEquals(List.of("branch:feature=" + c.name(), "branch:main=" + c.name(),
          "tag:light=" + c.name(), "tag:v1=" + c.name()), refs);
    }
  }

  /** The SQL layer checks NOT NULL before the adapter: INSERT (path, content) must pass it. */
  @Test
  void onlyThePathIsNotNullInFiles() {
    var notNull = GitTables.FILES_SPEC.columns().stream().filter(c -> !c.nullable()).map(c -> c.name()).toList();
    assertEquals(List.of("path"), notNull);
    assertEquals(List.of(0), GitTables.FILES_SPEC.key());
  }

  @Test
  void unknownTableIsUndefinedTable() throws Exception {
    try (Git git = GitRepos.init(dir, "main")) {
      GitRepos.commit(git, "first", Map.of("a", "1"));
    }
    try (GitSystem git = GitRepos.open(dir)) {
      var e = assertThrows(SqlStateException.class, () -> git.rows("nope"));
      assertEquals(SqlState.UNDEFINED_TABLE, e.state());
      assertEquals(List.of("commits", "refs", "files"), git.tables().stream().map(t -> t.name()).toList());
    }
  }
}
