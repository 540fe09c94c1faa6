package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.failsWith;
import static org.yggdrasil.pgwire.it.Db.lines;
import static org.yggdrasil.pgwire.it.Db.list;
import static org.yggdrasil.pgwire.it.Db.one;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yggdrasil.pgwire.testing.GitProbe;

/**
 * A server that dies in the middle of a composite commit, for real (a child JVM halted at the
 * fault-injection point between the members' commits and the database commit, or killed with
 * SIGKILL), then reopened from its data directory (in this JVM, as are the servers that set
 * the data up and stop cleanly): the database and every member — a Git
 * repository and a directory of CSV files — agree again, nothing acknowledged is lost and nothing
 * unacknowledged comes back.
 */
class CompositeCrashTest {
  @TempDir Path tmp;
  Path data;
  Path repoDir;
  Path sheetDir;

  @BeforeEach
  void dirs() throws Exception {
    data = tmp.resolve("data");
    repoDir = tmp.resolve("repo.git");
    sheetDir = Files.createDirectories(tmp.resolve("sheet"));
    Files.writeString(sheetDir.resolve("prices.csv"), "sku,price\nA,10\nB,20\n");
  }

  private void attachAndCommit(Connection c) throws SQLException {
    exec(c, "CREATE TABLE orders (id int PRIMARY KEY, note text)",
        "CREATE SERVER repo FOREIGN DATA WRAPPER git OPTIONS (path '" + repoDir
            + "', create 'true')",
        "CREATE SERVER sheet FOREIGN DATA WRAPPER files OPTIONS (path '" + sheetDir + "')",
        "INSERT INTO repo.files (path, content) VALUES ('kept.md', 'acknowledged')",
        "UPDATE sheet.prices SET price = 11 WHERE sku = 'A'",
        "INSERT INTO orders VALUES (1, 'acknowledged')");
  }

  @Test
  void aCrashBetweenMemberCommitsAndTheDatabaseCommitIsUndoneOnOpen() throws Exception {
    try (DiskServer s = new DiskServer(data); Connection c = s.connect()) {
      attachAndCommit(c);
    }
    String gitMain = git().head("main");
    String csv = prices();
    assertEquals("sku,price\nA,11\nB,20\n", csv);

    try (ServerProcess s = ServerProcess.start(data, "before-database-commit");
        Connection c = s.connect()) {
      c.setAutoCommit(false);
      exec(c, "INSERT INTO orders VALUES (2, 'never acknowledged')",
          "INSERT INTO repo.files (path, content) VALUES ('lost.md', 'never acknowledged')",
          "UPDATE sheet.prices SET price = 99 WHERE sku = 'B'");
      assertThrows(SQLException.class, c::commit, "the server dies before answering COMMIT");
      assertEquals(86, s.awaitExit(), "halted at the crash point");
    }
    // what the crash left: both members ran ahead of the database
    assertNotEquals(gitMain, git().head("main"));
    assertEquals("never acknowledged", git().file("main", "lost.md"));
    assertTrue(prices().contains("B,99"), prices());

    try (DiskServer s = new DiskServer(data); Connection c = s.connect()) {
      assertEquals(gitMain, git().head("main"), "Git's main is back at the recorded head");
      assertNull(git().file("main", "lost.md"));
      assertEquals(csv, prices(), "the directory is back at the recorded snapshot");
      assertEquals(gitMain, one(c, "SELECT snapshot_id FROM ygg.systems WHERE name = 'repo'"));
      assertEquals(list("1|acknowledged"), lines(c, "SELECT * FROM orders"));
      assertEquals(list("kept.md"), lines(c, "SELECT path FROM repo.files ORDER BY path"));
      assertEquals(list("A|11", "B|20"), lines(c, "SELECT * FROM sheet.prices ORDER BY sku"));

      // the next commit builds on what the database recorded: the lost writes stay lost
      exec(c, "INSERT INTO repo.files (path, content) VALUES ('next.md', 'after the crash')",
          "UPDATE sheet.prices SET price = 12 WHERE sku = 'A'");
      assertEquals(list("kept.md", "next.md"),
          lines(c, "SELECT path FROM repo.files ORDER BY path"));
      assertNull(git().file("main", "lost.md"));
      assertEquals(git().head("main"),
          one(c, "SELECT snapshot_id FROM ygg.systems WHERE name = 'repo'"));
      assertEquals("sku,price\nA,12\nB,20\n", prices());
    }
  }

  @Test
  void aCrashOnABranchPutsTheMembersBranchBackToo() throws Exception {
    try (DiskServer s = new DiskServer(data); Connection c = s.connect()) {
      attachAndCommit(c);
      exec(c, "SELECT ygg.create_branch('feature', 'main')");
    }
    String gitFeature = git().head("feature");
    try (ServerProcess s = ServerProcess.start(data, "before-database-commit");
        Connection c = s.connect()) {
      exec(c, "SET ygg.branch = 'feature'");
      assertThrows(SQLException.class, () -> exec(c,
          "UPDATE repo.files SET content = 'never acknowledged' WHERE path = 'kept.md'"));
      s.awaitExit();
    }
    assertEquals("never acknowledged", git().file("feature", "kept.md"));
    try (DiskServer s = new DiskServer(data); Connection c = s.connect()) {
      assertEquals(gitFeature, git().head("feature"));
      exec(c, "SET ygg.branch = 'feature'");
      assertEquals("acknowledged", one(c, "SELECT content FROM repo.files WHERE path = 'kept.md'"));
      exec(c, "INSERT INTO repo.files (path, content) VALUES ('f.md', 'on feature')");
      assertEquals("acknowledged", git().file("feature", "kept.md"));
      assertEquals("on feature", git().file("feature", "f.md"));
    }
  }

  @Test
  void aCrashInTheMiddleOfAMergeLeavesTheTargetAsTheDatabaseRecordedIt() throws Exception {
    try (DiskServer s = new DiskServer(data); Connection c = s.connect()) {
      attachAndCommit(c);
      exec(c, "SELECT ygg.create_branch('feature', 'main')", "SET ygg.branch = 'feature'",
          "INSERT INTO repo.files (path, content) VALUES ('feature.md', 'merged later')");
    }
    String gitMain = git().head("main");
    try (ServerProcess s = ServerProcess.start(data, "before-database-commit");
        Connection c = s.connect()) {
      assertThrows(SQLException.class, () -> exec(c, "SELECT ygg.merge('feature', 'main')"));
      s.awaitExit();
    }
    assertEquals("merged later", git().file("main", "feature.md"), "the member merged before the crash");
    try (DiskServer s = new DiskServer(data); Connection c = s.connect()) {
      assertEquals(gitMain, git().head("main"));
      assertEquals(list("kept.md"), lines(c, "SELECT path FROM repo.files ORDER BY path"));
      exec(c, "SELECT ygg.merge('feature', 'main')");
      assertEquals(list("feature.md", "kept.md"),
          lines(c, "SELECT path FROM repo.files ORDER BY path"));
      assertEquals(git().head("main"),
          one(c, "SELECT snapshot_id FROM ygg.systems WHERE name = 'repo'"));
    }
  }

  @Test
  void overlaysAKilledServerLeftBehindAreDroppedOnOpen() throws Exception {
    ServerProcess first = ServerProcess.start(data, null);
    try (Connection c = first.connect()) {
      attachAndCommit(c);
    }
    Connection agent = first.connect();
    exec(agent, "SET ygg.overlay = 'frozen'");
    String hidden = one(agent, "SELECT ygg.current_branch()");
    exec(agent, "INSERT INTO orders VALUES (7, 'overlay only')",
        "INSERT INTO repo.files (path, content) VALUES ('overlay.md', 'overlay only')");
    assertEquals("overlay only", git().file(hidden, "overlay.md"), "the overlay's Git branch");
    first.kill(); // the connection never closes cleanly: nothing discards the overlay
    try {
      agent.close();
    } catch (SQLException ignored) {
      // the server is gone
    }
    assertTrue(git().branches().contains(hidden), "precondition: the kill left the hidden branch");

    try (DiskServer s = new DiskServer(data); Connection c = s.connect()) {
      assertEquals(list("main"), lines(c, "SELECT name FROM ygg.branches ORDER BY name"));
      assertEquals(List.of("main"), git().branches(), "the Git member's hidden branch is gone too");
      // a new session gets an overlay (its hidden branch may have the old name) without the
      // old overlay's writes
      exec(c, "SET ygg.overlay = 'frozen'");
      assertEquals(list("1|acknowledged"), lines(c, "SELECT * FROM orders"));
      assertEquals(list("kept.md"), lines(c, "SELECT path FROM repo.files ORDER BY path"));
      exec(c, "SELECT ygg.discard()");
      failsWith("22023", () -> exec(c, "SELECT ygg.create_branch('main+overlay-1-1', 'main')"));
    }
  }

  private String prices() throws Exception {
    return Files.readString(sheetDir.resolve("prices.csv"));
  }

  private GitProbe git() {
    return new GitProbe(repoDir);
  }
}
