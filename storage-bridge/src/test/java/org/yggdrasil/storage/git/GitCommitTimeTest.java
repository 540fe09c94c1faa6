package org.yggdrasil.storage.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yggdrasil.storage.git.GitWritesTest.file;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yggdrasil.catalog.protocol.Hlc;
import org.yggdrasil.catalog.tables.TableWriter;

/**
 * Git stores commit times in whole seconds; the commits the adapter writes keep their
 * milliseconds in a {@code Ygg-Time} trailer, so their HLC does not trail the moment they were
 * made, while the message the adapter shows stays the one given.
 */
class GitCommitTimeTest {
  @TempDir Path dir;

  @Test
  void adapterCommitsKeepTheirMillisecondsInTheHlc() throws Exception {
    Path repo = dir.resolve("r.git");
    try (GitSystem git = new GitSystemFactory().open("g",
        Map.of("path", repo.toString(), "create", "true"), null)) {
      String id = null;
      Hlc hlc = null;
      long before = 0;
      long after = 0;
      // a commit made exactly on a second boundary needs no trailer: try until one is not
      for (int attempt = 0; attempt < 5 && (hlc == null || hlc.physical() % 1000 == 0);
          attempt++) {
        before = System.currentTimeMillis();
        TableWriter w = git.writer();
        w.insert("files", file("f" + attempt, "x"));
        id = w.commit("precise", "alice").snapshotId();
        after = System.currentTimeMillis();
        hlc = git.snapshotRef(id).hlc();
      }
      String window = hlc + " within [" + before + ", " + after + "]";
      assertTrue(hlc.physical() >= before && hlc.physical() <= after, window);
      RevCommit c = parse(repo, id);
      assertEquals(c.getCommitTime(), hlc.physical() / 1000, "the trailer refines Git's second");
      assertTrue(c.getFullMessage().startsWith("precise\n\nYgg-Time: " + hlc.physical()),
          c.getFullMessage());
      assertEquals("precise\n", git.snapshotMeta(id).message(), "shown without the trailer");
      assertEquals(Instant.ofEpochMilli(hlc.physical()), git.snapshotMeta(id).time());
      Object[] newest = git.rows("commits").iterator().next();
      assertEquals("precise\n", newest[5]);
      assertEquals(hlc.physical(), ((OffsetDateTime) newest[4]).toInstant().toEpochMilli());
    }
  }

  @Test
  void aTrailerOutsideTheCommitsOwnSecondIsIgnored() throws Exception {
    PersonIdent alice = GitRepos.ALICE; // 2025-01-02T03:04:05Z
    RevCommit forged;
    try (Git git = GitRepos.init(dir, "main")) {
      forged = GitRepos.commit(git, "forged\n\nYgg-Time: 1900000000123\n", Map.of("a", "1"),
          alice);
    }
    try (GitSystem git = GitRepos.open(dir)) {
      assertEquals(new Hlc(alice.getWhenAsInstant().toEpochMilli(), 0),
          git.snapshotRef(forged.name()).hlc(), "Git's own time wins");
      assertEquals("forged\n\nYgg-Time: 1900000000123\n",
          git.snapshotMeta(forged.name()).message(), "and the message is shown as written");
    }
  }

  private static RevCommit parse(Path repo, String id) throws Exception {
    try (Repository r = new FileRepositoryBuilder().setGitDir(repo.toFile()).build();
        RevWalk walk = new RevWalk(r)) {
      return walk.parseCommit(ObjectId.fromString(id));
    }
  }
}
