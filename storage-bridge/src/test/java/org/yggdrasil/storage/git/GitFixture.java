package org.yggdrasil.storage.git;

import java.nio.file.Path;
import java.util.Map;
import java.util.StringJoiner;
import org.yggdrasil.catalog.compliance.SystemFixture;
import org.yggdrasil.catalog.protocol.SnapshotRef;
import org.yggdrasil.catalog.protocol.VersionedSystem;
import org.yggdrasil.catalog.tables.TableWriter;

/**
 * The Git adapter for the compliance suite, through its SQL-facing surface: a token is a file
 * named after it holding it, the shared item the file {@code shared}; every change is one
 * commit written through {@link GitSystem#writer()}, so {@link #commit} returns the head. The
 * repository is a bare one the factory creates, given a first commit (a README) so that main
 * has a snapshot in its history.
 */
final class GitFixture implements SystemFixture {
  @Override
  public VersionedSystem create(Path dir) {
    GitSystem git = new GitSystemFactory().open("git-compliance",
        Map.of("path", dir.resolve("repo.git").toString(), "create", "true"), dir.resolve("state"));
    TableWriter w = git.writer();
    w.insert(GitTables.FILES, GitWritesTest.file("README", "compliance"));
    w.commit("first commit", "fixture");
    return git;
  }

  @Override
  public void mutate(VersionedSystem system, String token) {
    TableWriter w = ((GitSystem) system).writer();
    w.insert(GitTables.FILES, GitWritesTest.file(token, token));
    w.commit("add " + token, "fixture");
  }

  @Override
  public void overwrite(VersionedSystem system, String token) {
    GitSystem git = (GitSystem) system;
    TableWriter w = git.writer();
    Object[] shared = null;
    for (Object[] row : git.rows(GitTables.FILES)) {
      if (row[GitTables.PATH].equals("shared")) {
        shared = row;
      }
    }
    if (shared == null) {
      w.insert(GitTables.FILES, GitWritesTest.file("shared", token));
    } else {
      w.update(GitTables.FILES, shared, GitWritesTest.withContent(shared, token));
    }
    w.commit("set shared to " + token, "fixture");
  }

  @Override
  public SnapshotRef commit(VersionedSystem system, String message) {
    GitSystem git = (GitSystem) system;
    return git.commit(message, "fixture");
  }

  @Override
  public String read(VersionedSystem system) {
    StringJoiner content = new StringJoiner(", ", "{", "}");
    for (Object[] row : ((GitSystem) system).rows(GitTables.FILES)) {
      content.add(row[GitTables.PATH] + "=" + row[GitTables.CONTENT]);
    }
    return content.toString();
  }

  @Override
  public void close(VersionedSystem system) {
    ((GitSystem) system).close();
  }
}
