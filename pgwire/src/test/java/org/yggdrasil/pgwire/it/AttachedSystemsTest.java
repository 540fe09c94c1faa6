package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.failsWith;
import static org.yggdrasil.pgwire.it.Db.lines;
import static org.yggdrasil.pgwire.it.Db.list;
import static org.yggdrasil.pgwire.it.Db.one;
import static org.yggdrasil.pgwire.it.Db.update;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attached systems (CREATE SERVER) and composite branching through pgjdbc, with the test-only
 * {@code memtest} wrapper: one branchable table {@code items(id, name)} per system.
 */
class AttachedSystemsTest {
  @RegisterExtension static final TestServer server = new TestServer();

  @BeforeAll
  static void skipOnPostgres() {
    Assumptions.assumeFalse(TestServer.isReferencePostgres(), "Yggdrasil's own surface");
  }

  private static void attach(Connection c, String name, String options) throws SQLException {
    exec(c, "CREATE SERVER " + name + " FOREIGN DATA WRAPPER memtest OPTIONS (path '" + name
        + "'" + (options.isEmpty() ? "" : ", " + options) + ")");
  }

  @Test
  void attachedTablesJoinNativeTablesAndAreListed() throws SQLException {
    try (Connection c = server.connect()) {
      attach(c, "at_join", "rows 'apple,pear'");
      exec(c, "CREATE TABLE at_prices (id bigint PRIMARY KEY, price int)",
          "INSERT INTO at_prices VALUES (1, 10), (2, 20)");
      assertEquals(list("apple|10", "pear|20"), lines(c,
          "SELECT i.name, p.price FROM at_join.items i JOIN at_prices p ON p.id = i.id"
              + " ORDER BY i.id"));
      assertEquals(list("native|native", "at_join|memtest"), lines(c,
          "SELECT name, type FROM ygg.systems WHERE name IN ('native', 'at_join')"
              + " ORDER BY name <> 'native', name"));
      assertEquals("snapshotable,branchable,graphable,mergeable,committable",
          one(c, "SELECT capabilities FROM ygg.systems WHERE name = 'at_join'"));
      assertNotNull(one(c, "SELECT snapshot_id FROM ygg.systems WHERE name = 'at_join'"));
      assertEquals("FOREIGN|YES", one(c, "SELECT table_type || '|' || is_insertable_into"
          + " FROM information_schema.tables WHERE table_schema = 'at_join'"
          + " AND table_name = 'items'"));
      assertEquals(one(c, "SELECT ygg.commit_id()"),
          one(c, "SELECT snapshot_id FROM ygg.systems WHERE name = 'native'"));
    }
  }

  @Test
  void writesAreStagedPerTransactionAndCommitWithTheDatabase() throws SQLException {
    try (Connection c = server.connect(); Connection other = server.connect()) {
      attach(c, "at_tx", "rows 'a,b'");
      c.setAutoCommit(false);
      exec(c, "INSERT INTO at_tx.items VALUES (3, 'c')");
      assertEquals("3", one(c, "SELECT count(*) FROM at_tx.items"), "own writes are visible");
      assertEquals("2", one(other, "SELECT count(*) FROM at_tx.items"), "others' are not");
      c.rollback();
      assertEquals("2", one(c, "SELECT count(*) FROM at_tx.items"), "ROLLBACK drops them");
      exec(c, "INSERT INTO at_tx.items (name, id) VALUES ('c', 3), ('d', 4)");
      c.commit();
      assertEquals("4", one(other, "SELECT count(*) FROM at_tx.items"));
      c.setAutoCommit(true);
      assertEquals(1, update(c, "UPDATE at_tx.items SET name = upper(name) WHERE id = ?", 1));
      assertEquals(2, update(c, "DELETE FROM at_tx.items WHERE id >= 3"));
      assertEquals(list("1|A", "2|b"), lines(other, "SELECT * FROM at_tx.items ORDER BY id"));
      failsWith("23505", () -> exec(c, "INSERT INTO at_tx.items VALUES (1, 'dup')"));
      failsWith("23502", () -> exec(c, "INSERT INTO at_tx.items (name) VALUES ('no id')"));
    }
  }

  @Test
  void rollbackToSavepointUndoesMemberWritesMadeAfterIt() throws SQLException {
    try (Connection c = server.connect(); Connection other = server.connect()) {
      attach(c, "at_sp", "rows 'a,b'");
      c.setAutoCommit(false);
      exec(c, "UPDATE at_sp.items SET name = 'A' WHERE id = 1", "SAVEPOINT s1",
          "INSERT INTO at_sp.items VALUES (3, 'c')", "DELETE FROM at_sp.items WHERE id = 2",
          "SAVEPOINT s2", "INSERT INTO at_sp.items VALUES (4, 'd')");
      assertEquals(list("1|A", "3|c", "4|d"), lines(c, "SELECT * FROM at_sp.items ORDER BY id"));
      exec(c, "ROLLBACK TO SAVEPOINT s2");
      assertEquals(list("1|A", "3|c"), lines(c, "SELECT * FROM at_sp.items ORDER BY id"));
      exec(c, "ROLLBACK TO SAVEPOINT s1");
      assertEquals(list("1|A", "2|b"), lines(c, "SELECT * FROM at_sp.items ORDER BY id"));
      exec(c, "INSERT INTO at_sp.items VALUES (5, 'e')");
      c.commit();
      assertEquals(list("1|A", "2|b", "5|e"), lines(other, "SELECT * FROM at_sp.items ORDER BY id"));
      c.setAutoCommit(true);
    }
  }

  @Test
  void theCommitRecordsMemberHeadsSoCommitIdsTimeTravel() throws SQLException {
    try (Connection c = server.connect()) {
      attach(c, "at_tt", "rows 'old'");
      String before = one(c, "SELECT ygg.commit_id()");
      String memberBefore = one(c, "SELECT snapshot_id FROM ygg.systems WHERE name = 'at_tt'");
      exec(c, "UPDATE at_tt.items SET name = 'new'");
      String after = one(c, "SELECT ygg.commit_id()");
      assertNotEquals(before, after, "a member-only write is a database commit");
      assertNotEquals(memberBefore,
          one(c, "SELECT snapshot_id FROM ygg.systems WHERE name = 'at_tt'"));
      exec(c, "SET ygg.commit_id = '" + before + "'");
      assertEquals("old", one(c, "SELECT name FROM at_tt.items"));
      assertEquals(memberBefore,
          one(c, "SELECT snapshot_id FROM ygg.systems WHERE name = 'at_tt'"));
      failsWith("25006", () -> exec(c, "UPDATE at_tt.items SET name = 'x'"));
      exec(c, "RESET ygg.commit_id");
      assertEquals("new", one(c, "SELECT name FROM at_tt.items"));
    }
  }

  @Test
  void branchesMoveEveryMemberAndMergeBack() throws SQLException {
    try (Connection c = server.connect()) {
      attach(c, "at_br", "rows 'one,two'");
      exec(c, "CREATE TABLE at_br_native (id int PRIMARY KEY, v text)",
          "INSERT INTO at_br_native VALUES (1, 'n1')");
      String base = one(c, "SELECT ygg.commit_id()");
      exec(c, "SELECT ygg.create_branch('at_br_dev', 'main')", "SET ygg.branch = 'at_br_dev'");
      exec(c, "UPDATE at_br.items SET name = 'ONE' WHERE id = 1",
          "INSERT INTO at_br.items VALUES (3, 'three')",
          "UPDATE at_br_native SET v = 'dev'");
      assertEquals(list("1|ONE", "2|two", "3|three"),
          lines(c, "SELECT * FROM at_br.items ORDER BY id"));
      exec(c, "RESET ygg.branch");
      assertEquals(list("1|one", "2|two"), lines(c, "SELECT * FROM at_br.items ORDER BY id"),
          "main does not see the branch's member writes");
      exec(c, "INSERT INTO at_br.items VALUES (4, 'four')");
      assertNotNull(one(c, "SELECT ygg.merge('at_br_dev', 'main')"));
      assertEquals(list("1|ONE", "2|two", "3|three", "4|four"),
          lines(c, "SELECT * FROM at_br.items ORDER BY id"), "merged both lines of work");
      assertEquals("dev", one(c, "SELECT v FROM at_br_native"));
      assertEquals(list("at_br|added|items/3|NULL|three", "at_br|added|items/4|NULL|four",
              "at_br|modified|items/1|one|ONE"),
          lines(c, "SELECT system, kind, path, old, new FROM ygg.diff_systems('" + base
              + "', 'main') WHERE system = 'at_br' ORDER BY kind, path"));
      exec(c, "SELECT ygg.delete_branch('at_br_dev')");
      failsWith("42704", () -> exec(c, "SET ygg.branch = 'at_br_dev'"));
    }
  }

  @Test
  void memberConflictsStopTheMergeWithNothingChanged() throws SQLException {
    try (Connection c = server.connect()) {
      attach(c, "at_cf", "rows 'x'");
      exec(c, "SELECT ygg.create_branch('at_cf_dev', 'main')");
      exec(c, "UPDATE at_cf.items SET name = 'main side'");
      String mainHead = one(c, "SELECT ygg.commit_id()");
      exec(c, "SET ygg.branch = 'at_cf_dev'", "UPDATE at_cf.items SET name = 'dev side'",
          "RESET ygg.branch");
      failsWith("YG001", () -> exec(c, "SELECT ygg.merge('at_cf_dev', 'main')"));
      assertEquals(list("at_cf|items/1|main side|dev side"),
          lines(c, "SELECT table_name, key, ours, theirs FROM ygg.conflicts"));
      assertEquals(mainHead, one(c, "SELECT ygg.commit_id()"));
      assertEquals("main side", one(c, "SELECT name FROM at_cf.items"));
      exec(c, "SELECT ygg.merge('at_cf_dev', 'main', 'theirs')");
      assertEquals("dev side", one(c, "SELECT name FROM at_cf.items"));
    }
  }

  @Test
  void aFailingMemberLeavesNothingHalfApplied() throws SQLException {
    try (Connection c = server.connect()) {
      attach(c, "at_fa", "rows 'a1'");
      attach(c, "at_fb", "rows 'b1', fail_on 'boom'");
      exec(c, "CREATE TABLE at_f_native (id int PRIMARY KEY)");
      String head = one(c, "SELECT ygg.commit_id()");
      c.setAutoCommit(false);
      exec(c, "INSERT INTO at_f_native VALUES (1)", "INSERT INTO at_fa.items VALUES (2, 'a2')",
          "INSERT INTO at_fb.items VALUES (2, 'boom')");
      failsWith("58030", c::commit);
      c.setAutoCommit(true);
      assertEquals(head, one(c, "SELECT ygg.commit_id()"));
      assertEquals("0", one(c, "SELECT count(*) FROM at_f_native"));
      assertEquals(list("1|a1"), lines(c, "SELECT * FROM at_fa.items"),
          "the member committed first was reset");
      assertEquals(list("1|b1"), lines(c, "SELECT * FROM at_fb.items"));
      exec(c, "INSERT INTO at_fa.items VALUES (3, 'a3')");
      assertEquals(list("1|a1", "3|a3"), lines(c, "SELECT * FROM at_fa.items ORDER BY id"),
          "the reset member takes writes again");
    }
  }

  @Test
  void dropServerDetachesButHistoryKeepsIt() throws SQLException {
    try (Connection c = server.connect()) {
      attach(c, "at_drop", "rows 'kept'");
      String attached = one(c, "SELECT ygg.commit_id()");
      exec(c, "DROP SERVER at_drop CASCADE");
      assertEquals("0", one(c, "SELECT count(*) FROM ygg.systems WHERE name = 'at_drop'"));
      failsWith("42P01", () -> exec(c, "SELECT * FROM at_drop.items"));
      failsWith("42704", () -> exec(c, "DROP SERVER at_drop"));
      exec(c, "DROP SERVER IF EXISTS at_drop");
      exec(c, "SET ygg.commit_id = '" + attached + "'");
      assertEquals("kept", one(c, "SELECT name FROM at_drop.items"));
      exec(c, "RESET ygg.commit_id");
      attach(c, "at_drop", "");
      assertEquals("kept", one(c, "SELECT name FROM at_drop.items"), "same store again");
    }
  }

  @Test
  void attachingIsTransactional() throws SQLException {
    try (Connection c = server.connect()) {
      c.setAutoCommit(false);
      attach(c, "at_rb", "rows 'r'");
      assertEquals("r", one(c, "SELECT name FROM at_rb.items"));
      c.rollback();
      c.setAutoCommit(true);
      failsWith("42P01", () -> exec(c, "SELECT * FROM at_rb.items"));
    }
  }

  @Test
  void asOfAndBranchResetMoveMembersToo() throws SQLException, InterruptedException {
    try (Connection c = server.connect()) {
      attach(c, "at_asof", "rows 'first'");
      String first = one(c, "SELECT ygg.commit_id()");
      Thread.sleep(1100); // now()::text may print whole seconds only
      String between = one(c, "SELECT now()::text");
      Thread.sleep(1100);
      exec(c, "UPDATE at_asof.items SET name = 'second'");
      exec(c, "SET ygg.as_of = '" + between + "'");
      assertEquals("first", one(c, "SELECT name FROM at_asof.items"));
      exec(c, "RESET ygg.as_of");
      assertEquals("second", one(c, "SELECT name FROM at_asof.items"));
      exec(c, "SELECT ygg.reset_branch('main', '" + first + "')");
      assertEquals("first", one(c, "SELECT name FROM at_asof.items"));
      exec(c, "INSERT INTO at_asof.items VALUES (2, 'after reset')");
      assertEquals(list("1|first", "2|after reset"),
          lines(c, "SELECT * FROM at_asof.items ORDER BY id"),
          "writes build on the member snapshot the reset commit records");
    }
  }

  @Test
  void attachmentsSurviveARestartWithStateUnderTheDataDirectory(@TempDir Path dir)
      throws SQLException {
    try (DiskServer s = new DiskServer(dir); Connection c = s.connect()) {
      attach(c, "at_disk", "rows 'persisted'");
      exec(c, "INSERT INTO at_disk.items VALUES (2, 'written')");
    }
    assertTrue(Files.exists(dir.resolve("ygg/systems/at_disk/memtest-at_disk")));
    try (DiskServer s = new DiskServer(dir); Connection c = s.connect()) {
      assertEquals(list("1|persisted", "2|written"),
          lines(c, "SELECT * FROM at_disk.items ORDER BY id"));
      assertEquals("memtest", one(c, "SELECT type FROM ygg.systems WHERE name = 'at_disk'"));
    }
  }

  @Test
  void errorsCarryTheirSqlStates() throws SQLException {
    try (Connection c = server.connect()) {
      failsWith("42704", () -> exec(c,
          "CREATE SERVER at_e FOREIGN DATA WRAPPER nosuch OPTIONS (path 'x')"));
      failsWith("22023", () -> exec(c, "CREATE SERVER at_e FOREIGN DATA WRAPPER memtest"));
      failsWith("42601", () -> exec(c,
          "CREATE SERVER at_e FOREIGN DATA WRAPPER memtest OPTIONS (path 'x', colour 'red')"));
      failsWith("42P06", () -> exec(c,
          "CREATE SERVER public FOREIGN DATA WRAPPER memtest OPTIONS (path 'x')"));
      attach(c, "at_e", "");
      failsWith("42710", () -> attach(c, "at_e", ""));
      exec(c, "CREATE SERVER IF NOT EXISTS at_e FOREIGN DATA WRAPPER memtest OPTIONS (path 'y')");
      attach(c, "at_ro", "readonly 'true'");
      failsWith("0A000", () -> exec(c, "INSERT INTO at_ro.items VALUES (1, 'x')"));
      failsWith("42P01", () -> exec(c, "INSERT INTO at_e.nothing VALUES (1)"));
      failsWith("42601", () -> exec(c, "CREATE SERVER at_x FOREIGN WRAPPER memtest"));
    }
  }
}
