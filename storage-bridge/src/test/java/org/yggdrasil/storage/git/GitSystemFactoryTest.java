package org.yggdrasil.storage.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Layer;
import org.yggdrasil.catalog.tables.SystemFactory;

class GitSystemFactoryTest {
  @TempDir Path dir;

  @Test
  void serviceLoaderFindsTheGitWrapper() {
    List<String> wrappers = ServiceLoader.load(SystemFactory.class).stream()
        .map(p -> p.get().wrapper()).toList();
    assertTrue(wrappers.contains("git"), wrappers.toString());
  }

  @Test
  void missingPathNamesTheOption() {
    var e = assertThrows(SqlStateException.class, () -> new GitSystemFactory().open("g", Map.of(), null));
    assertEquals(SqlState.INVALID_PARAMETER_VALUE, e.state());
    assertTrue(e.getMessage().contains("\"path\""), e.getMessage());
  }

  @Test
  void unknownOptionIsASyntaxError() {
    var e = assertThrows(SqlStateException.class,
        () -> new GitSystemFactory().open("g", Map.of("path", dir.toString(), "colour", "red"), null));
    assertEquals(SqlState.SYNTAX_ERROR, e.state());
    assertTrue(e.getMessage().contains("colour"), e.getMessage());
  }

  @Test
  void aDirectoryThatIsNoRepositoryIsRefusedWithAHint() throws Exception {
    Files.writeString(dir.resolve("x.txt"), "x");
    var e = assertThrows(SqlStateException.class,
        () -> new GitSystemFactory().open("g", Map.of("path", dir.toString()), null));
    assertEquals(SqlState.IO_ERROR, e.state());
    assertTrue(e.getMessage().contains("not a Git repository"), e.getMessage());
    assertTrue(e.hint().contains("create 'true'"), e.hint());
    var notEmpty = assertThrows(SqlStateException.class,
        () -> new GitSystemFactory().open("g", Map.of("path", dir.toString(), "create", "true"), null));
    assertEquals(SqlState.IO_ERROR, notEmpty.state());
  }

  @Test
  void createInitialisesABareRepositoryWithAnUnbornMain() throws Exception {
    Path repo = dir.resolve("new.git");
    try (GitSystem git = new GitSystemFactory().open("g", Map.of("path", repo.toString(), "create", "true"), null)) {
      assertTrue(Files.isRegularFile(repo.resolve("HEAD")), "a bare repository's HEAD");
      assertEquals(GitStore.EMPTY.name(), git.snapshotId());
      assertEquals(List.of("main"), List.copyOf(git.branches()));
      assertFalse(git.rows("files").iterator().hasNext());
      assertEquals("git", git.systemType());
      assertEquals(java.util.EnumSet.allOf(Layer.class), java.util.EnumSet.copyOf(git.capabilities().layers()));
    }
    try (Git reopened = Git.open(repo.toFile())) {
      assertTrue(reopened.getRepository().isBare());
    }
  }

  @Test
  void aRepositoryWhoseDefaultBranchIsMasterAnswersToMain() throws Exception {
    Path work = dir.resolve("work");
    try (Git git = GitRepos.init(work, "master")) {
      GitRepos.commit(git, "first", Map.of("a.txt", "a"));
    }
    try (GitSystem git = GitRepos.open(work)) {
      assertEquals(List.of("main"), List.copyOf(git.branches()));
      assertEquals("a.txt", git.rows("files").iterator().next()[0]);
    }
    var explicit = new GitSystemFactory().open("g", Map.of("path", work.toString(), "default_branch", "other"), null);
    try (explicit) {
      assertEquals(GitStore.EMPTY.name(), explicit.snapshotId(), "main maps to the unborn branch named");
      assertTrue(explicit.branches().contains("master"));
    }
  }
}
