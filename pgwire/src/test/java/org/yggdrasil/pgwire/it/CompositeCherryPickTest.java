package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yggdrasil.pgwire.testing.GitProbe;

/**
 * {@code ygg.cherry_pick} and {@code ygg.revert} through pgjdbc on a database with a Git
 * repository and a directory of CSV files attached: one database commit's change is applied to
 * (or taken back from) every member as well as the native tables, all or nothing, with member
 * conflicts reported before anything changes.
 */
class CompositeCherryPickTest {
  @TempDir Path tmp;
  Path repoDir;
  Path sheetDir;
  DiskServer server;
  Connection main;

  @BeforeEach
  void start() throws Exception {
    repoDir = tmp.resolve("repo.git");
    sheetDir = Files.createDirectories(tmp.resolve("sheet"));
    Files.writeString(sheetDir.resolve("prices.csv"), "sku,price\nA,10\nB,20\n");
    server = new DiskServer(tmp.resolve("data"));
    main = server.connect();
    exec(main, "CREATE TABLE orders (id int PRIMARY KEY, sku text)",
        "INSERT INTO orders VALUES (1, 'A')",
        "CREATE SERVER repo FOREIGN DATA WRAPPER git OPTIONS (path '" + repoDir
            + "', create 'true')",
        "CREATE SERVER sheet FOREIGN DATA WRAPPER files OPTIONS (path '" + sheetDir + "')",
        "INSERT INTO repo.files (path, content) VALUES ('README.md', 'ledger')",
        "SELECT ygg.create_branch('feature', 'main')");
  }

  @AfterEach
  void stop() throws SQLException {
    main.close();
    server.close();
  }

  /** Runs {@code sql} as one transaction on branch feature; returns the commit it made. */
  private String onFeature(String... sql) throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "SET ygg.branch = 'feature'", "BEGIN");
      exec(c, sql);
      exec(c, "COMMIT");
      return one(c, "SELECT ygg.commit_id()");
    }
  }

  @Test
  void cherryPickAndRevertApplyOneCommitToEveryMember() throws Exception {
    String picked = onFeature("INSERT INTO orders VALUES (3, 'B')",
        "INSERT INTO repo.files (path, content) VALUES ('NOTES.md', 'B repriced')",
        "UPDATE sheet.prices SET price = 25 WHERE sku = 'B'");
    onFeature("INSERT INTO repo.files (path, content) VALUES ('LATER.md', 'not picked')",
        "UPDATE sheet.prices SET price = 5 WHERE sku = 'A'");
    String gitMain = git().head("main");

    String before = one(main, "SELECT ygg.commit_id()");
    String head = one(main, "SELECT ygg.cherry_pick('" + picked + "', 'main')");
    assertEquals(head, one(main, "SELECT ygg.commit_id()"), "the answer is main's new head");
    assertEquals(before, one(main, "SELECT parents[1] FROM ygg.log WHERE commit_id = ?", head),
        "one database commit holds the native change and the members' new heads");
    assertEquals(list("1|A", "3|B"), lines(main, "SELECT * FROM orders ORDER BY id"));
    assertEquals(list("NOTES.md", "README.md"),
        lines(main, "SELECT path FROM repo.files ORDER BY path"));
    assertEquals(list("A|10", "B|25"), lines(main, "SELECT * FROM sheet.prices ORDER BY sku"));
    assertEquals("B repriced", git().file("main", "NOTES.md"));
    assertNull(git().file("main", "LATER.md"));
    assertEquals(List.of(gitMain), git().parents("main"), "Git's main got one commit on top, no merge");
    assertEquals(git().head("main"),
        one(main, "SELECT snapshot_id FROM ygg.systems WHERE name = 'repo'"));
    assertEquals("sku,price\nA,10\nB,25\n", prices(), "picking onto main writes the directory");

    String pickedOnMain = head;
    one(main, "SELECT ygg.revert('" + pickedOnMain + "', 'main')");
    assertEquals(list("1|A"), lines(main, "SELECT * FROM orders ORDER BY id"));
    assertEquals(list("README.md"), lines(main, "SELECT path FROM repo.files ORDER BY path"));
    assertEquals(list("A|10", "B|20"), lines(main, "SELECT * FROM sheet.prices ORDER BY sku"));
    assertNull(git().file("main", "NOTES.md"));
    assertEquals("sku,price\nA,10\nB,20\n", prices());
    assertEquals(git().head("main"),
        one(main, "SELECT snapshot_id FROM ygg.systems WHERE name = 'repo'"));
  }

  @Test
  void memberConflictsAreReportedBeforeAnythingChanges() throws Exception {
    String picked = onFeature("INSERT INTO orders VALUES (3, 'B')",
        "UPDATE repo.files SET content = 'ledger, feature' WHERE path = 'README.md'",
        "UPDATE sheet.prices SET price = 30 WHERE sku = 'A'");
    exec(main, "BEGIN", "UPDATE repo.files SET content = 'ledger, main' WHERE path = 'README.md'",
        "UPDATE sheet.prices SET price = 40 WHERE sku = 'A'", "COMMIT");
    String mainHead = one(main, "SELECT ygg.commit_id()");
    String gitMain = git().head("main");

    failsWith("YG001", () -> exec(main, "SELECT ygg.cherry_pick('" + picked + "', 'main')"));
    assertEquals(list("repo|member|README.md", "sheet|member|prices.csv"),
        lines(main, "SELECT table_name, kind, key FROM ygg.conflicts ORDER BY table_name"));
    assertEquals(mainHead, one(main, "SELECT ygg.commit_id()"), "the database is unchanged");
    assertEquals(gitMain, git().head("main"), "Git is unchanged");
    assertEquals("sku,price\nA,40\nB,20\n", prices(), "the directory is unchanged");
    assertEquals(list("1|A"), lines(main, "SELECT * FROM orders ORDER BY id"));

    one(main, "SELECT ygg.cherry_pick('" + picked + "', 'main', 'theirs')");
    assertEquals(list("1|A", "3|B"), lines(main, "SELECT * FROM orders ORDER BY id"));
    assertEquals("ledger, feature", git().file("main", "README.md"));
    assertEquals("sku,price\nA,30\nB,20\n", prices());
  }

  @Test
  void aMemberThatCannotApplyItsChangeLeavesEveryOtherUnchanged() throws Exception {
    // the native change conflicts; the members' would apply cleanly but must not be kept
    String picked = onFeature("UPDATE orders SET sku = 'feature' WHERE id = 1",
        "INSERT INTO repo.files (path, content) VALUES ('NOTES.md', 'feature')",
        "UPDATE sheet.prices SET price = 21 WHERE sku = 'B'");
    exec(main, "UPDATE orders SET sku = 'main' WHERE id = 1");
    String gitMain = git().head("main");
    String mainHead = one(main, "SELECT ygg.commit_id()");

    failsWith("YG001", () -> exec(main, "SELECT ygg.cherry_pick('" + picked + "', 'main')"));
    assertEquals(mainHead, one(main, "SELECT ygg.commit_id()"));
    assertEquals(gitMain, git().head("main"), "the Git member was put back");
    assertEquals("sku,price\nA,10\nB,20\n", prices(), "the files member was put back");
    assertEquals(list("README.md"), lines(main, "SELECT path FROM repo.files ORDER BY path"));
  }

  private String prices() throws Exception {
    return Files.readString(sheetDir.resolve("prices.csv"));
  }

  private GitProbe git() {
    return new GitProbe(repoDir);
  }
}
