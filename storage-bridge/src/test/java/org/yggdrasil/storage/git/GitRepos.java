package org.yggdrasil.storage.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** Repositories the tests make themselves with JGit's porcelain, in a work tree. */
final class GitRepos {
  private GitRepos() {}

  static final PersonIdent ALICE = new PersonIdent("Alice", "alice@example.org", Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);

  static Git init(Path dir, String branch) throws GitAPIException {
    return Git.init().setDirectory(dir.toFile()).setInitialBranch(branch).call();
  }

  /** Writes the files (null content deletes) in the work tree and commits them all. */
  static RevCommit commit(Git git, String message, Map<String, String> files) throws IOException, GitAPIException {
    return commit(git, message, files, ALICE);
  }

  static RevCommit commit(Git git, String message, Map<String, String> files, PersonIdent who)
      throws IOException, GitAPIException {
    Path root = git.getRepository().getWorkTree().toPath();
    for (var e : files.entrySet()) {
      Path file = root.resolve(e.getKey());
      if (e.getValue() == null) {
        Files.delete(file);
        git.rm().addFilepattern(e.getKey()).call();
      } else {
        Files.createDirectories(file.getParent());
        Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
        git.add().addFilepattern(e.getKey()).call();
      }
    }
    return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
  }

  static GitSystem open(Path repo) {
    return new GitSystemFactory().open("repo", Map.of("path", repo.toString()), null);
  }
}
