package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.failsWith;
import static org.yggdrasil.pgwire.it.Db.lines;
import static org.yggdrasil.pgwire.it.Db.list;
import static org.yggdrasil.pgwire.it.Db.one;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ygg.diff, ygg.merge, ygg.conflicts, cherry-pick and revert through pgjdbc. */
class MergeTest {
  @RegisterExtension static final TestServer server = new TestServer();

  @BeforeAll
  static void skipOnPostgres() {
    Assumptions.assumeFalse(TestServer.isReferencePostgres(), "Yggdrasil's own surface");
  }

  /** Table {@code name} with three rows on main and branch {@code name_x} from there. */
  private static void setUp(Connection c, String name) throws SQLException {
    exec(c, "CREATE TABLE " + name + " (id int PRIMARY KEY, price numeric(10,2), note text)",
        "INSERT INTO " + name + " VALUES (1, 10.00, 'a'), (2, 20.00, 'b'), (3, 30.00, 'c')",
        "SELECT ygg.create_branch('" + name + "_x', 'main')");
  }

  @Test
  void diffShowsEveryChangedRowAsJson() throws SQLException {
    try (Connection c = server.connect()) {
      setUp(c, "m_diff");
      exec(c, "SET ygg.branch = 'm_diff_x'",
          "UPDATE m_diff SET price = 11.50 WHERE id = 1",
          "DELETE FROM m_diff WHERE id = 2",
          "INSERT INTO m_diff VALUES (4, 40.00, 'd')",
          "RESET ygg.branch");
      assertEquals(list(
              "m_diff|added|{\"id\": 4}|NULL|{\"id\": 4, \"note\": \"d\", \"price\": 40.00}",
              "m_diff|changed|{\"id\": 1}|{\"id\": 1, \"note\": \"a\", \"price\": 10.00}"
                  + "|{\"id\": 1, \"note\": \"a\", \"price\": 11.50}",
              "m_diff|removed|{\"id\": 2}|{\"id\": 2, \"note\": \"b\", \"price\": 20.00}|NULL"),
          lines(c, "SELECT table_name, kind, key, old, new FROM ygg.diff('main', 'm_diff_x',"
              + " 'm_diff') ORDER BY kind"));
      assertEquals("0", one(c, "SELECT count(*) FROM ygg.diff('main', 'main', 'm_diff')"));
      failsWith("42704", () -> lines(c, "SELECT * FROM ygg.diff('main', 'no_such_branch')"));
      failsWith("42P01", () -> lines(c, "SELECT * FROM ygg.diff('main', 'main', 'no_table')"));
    }
  }

  @Test
  void diffReportsSchemaChanges() throws SQLException {
    try (Connection c = server.connect()) {
      setUp(c, "m_schema");
      exec(c, "SET ygg.branch = 'm_schema_x'", "ALTER TABLE m_schema ADD COLUMN flag boolean",
          "RESET ygg.branch");
      assertEquals(list("column added|{\"column\": \"flag\"}|{\"type\": \"bool\"}"),
          lines(c, "SELECT kind, key, new FROM ygg.diff('main', 'm_schema_x', 'm_schema')"));
    }
  }

  @Test
  void mergeCombinesChangesToDifferentCells() throws SQLException {
    try (Connection c = server.connect()) {
      setUp(c, "m_cells");
      exec(c, "SET ygg.branch = 'm_cells_x'", "UPDATE m_cells SET price = 11.50 WHERE id = 1",
          "INSERT INTO m_cells VALUES (4, 40.00, 'd')", "RESET ygg.branch",
          "UPDATE m_cells SET note = 'ours' WHERE id = 1");
      String merge = one(c, "SELECT ygg.merge('m_cells_x', 'main')");
      assertEquals(merge, one(c, "SELECT ygg.commit_id()"));
      assertEquals(list("1|11.50|ours", "2|20.00|b", "3|30.00|c", "4|40.00|d"),
          lines(c, "SELECT * FROM m_cells ORDER BY id"));
      assertEquals("2", one(c, "SELECT cardinality(parents) FROM ygg.log LIMIT 1"));
      assertEquals(merge, one(c, "SELECT ygg.merge('m_cells_x', 'main')"), "merging twice");
    }
  }

  @Test
  void conflictsFailWithYg001AndAreListed() throws SQLException {
    try (Connection c = server.connect()) {
      setUp(c, "m_conf");
      exec(c, "SET ygg.branch = 'm_conf_x'", "UPDATE m_conf SET note = 'theirs' WHERE id = 3",
          "DELETE FROM m_conf WHERE id = 2", "RESET ygg.branch",
          "UPDATE m_conf SET note = 'mine' WHERE id = 3",
          "UPDATE m_conf SET price = 0 WHERE id = 2");
      String head = one(c, "SELECT ygg.commit_id()");
      SQLException e = failsWith("YG001", () -> one(c, "SELECT ygg.merge('m_conf_x', 'main')"));
      assertTrue(e.getMessage().contains("2 conflicts"), e.getMessage());
      assertEquals(head, one(c, "SELECT ygg.commit_id()"), "nothing changed");
      assertEquals(list("m_conf|cell|{\"id\": 3}|both sides changed note",
              "m_conf|delete/change|{\"id\": 2}|deleted on the source, changed on the target"),
          lines(c, "SELECT table_name, kind, key, detail FROM ygg.conflicts ORDER BY kind"));
      assertEquals("{\"id\": 3, \"note\": \"c\", \"price\": 30.00}|"
              + "{\"id\": 3, \"note\": \"mine\", \"price\": 30.00}|"
              + "{\"id\": 3, \"note\": \"theirs\", \"price\": 30.00}",
          one(c, "SELECT base || '|' || ours || '|' || theirs FROM ygg.conflicts"
              + " WHERE kind = 'cell'"));
      exec(c, "SELECT ygg.merge('m_conf_x', 'main', 'theirs')");
      assertEquals(list("1|a", "3|theirs"), lines(c, "SELECT id, note FROM m_conf ORDER BY id"));
      failsWith("22023", () -> one(c, "SELECT ygg.merge('m_conf_x', 'main', 'bogus')"));
    }
  }

  @Test
  void mergeInTheOtherDirectionAndFastForward() throws SQLException {
    try (Connection c = server.connect()) {
      setUp(c, "m_ff");
      exec(c, "SET ygg.branch = 'm_ff_x'", "UPDATE m_ff SET note = 'x' WHERE id = 1",
          "RESET ygg.branch");
      String x = one(c, "SELECT commit_id FROM ygg.branches WHERE name = 'm_ff_x'");
      assertEquals(x, one(c, "SELECT ygg.merge('m_ff_x', 'main')"), "a fast-forward");
      assertEquals("x", one(c, "SELECT note FROM m_ff WHERE id = 1"));
    }
  }

  @Test
  void cherryPickAndRevert() throws SQLException {
    try (Connection c = server.connect()) {
      setUp(c, "m_pick");
      exec(c, "SET ygg.branch = 'm_pick_x'", "UPDATE m_pick SET note = 'one' WHERE id = 1",
          "UPDATE m_pick SET note = 'two' WHERE id = 2", "RESET ygg.branch");
      String two = one(c, "SELECT commit_id FROM ygg.branches WHERE name = 'm_pick_x'");
      String picked = one(c, "SELECT ygg.cherry_pick('" + two + "', 'main')");
      assertEquals(list("1|a", "2|two", "3|c"), lines(c, "SELECT id, note FROM m_pick ORDER BY id"));
      exec(c, "SELECT ygg.revert('" + picked + "', 'main')");
      assertEquals(list("1|a", "2|b", "3|c"), lines(c, "SELECT id, note FROM m_pick ORDER BY id"));
    }
  }

  @Test
  void aSessionReadingTheTargetKeepsItsSnapshot() throws SQLException {
    try (Connection reader = server.connect(); Connection c = server.connect()) {
      setUp(c, "m_snap");
      exec(c, "SET ygg.branch = 'm_snap_x'", "UPDATE m_snap SET note = 'new' WHERE id = 1",
          "RESET ygg.branch", "UPDATE m_snap SET note = 'main' WHERE id = 2");
      reader.setAutoCommit(false);
      assertEquals("a", one(reader, "SELECT note FROM m_snap WHERE id = 1"));
      exec(c, "SELECT ygg.merge('m_snap_x', 'main')");
      assertEquals("a", one(reader, "SELECT note FROM m_snap WHERE id = 1"));
      reader.commit();
      assertEquals("new", one(reader, "SELECT note FROM m_snap WHERE id = 1"));
    }
  }

  @Test
  void versionsSideBySideWithForSystemTimeAsOf() throws SQLException {
    try (Connection c = server.connect()) {
      setUp(c, "m_side");
      String before = one(c, "SELECT ygg.commit_id()");
      exec(c, "SET ygg.branch = 'm_side_x'", "UPDATE m_side SET price = 99 WHERE id = 2",
          "RESET ygg.branch");
      String query = "SELECT m.id, m.price, e.price FROM m_side m"
          + " JOIN m_side FOR SYSTEM_TIME AS OF 'm_side_x' e USING (id)"
          + " WHERE m.price <> e.price ORDER BY 1";
      assertEquals(list("2|20.00|99.00"), lines(c, query));
      exec(c, "SET ygg.branch = 'm_side_x'", "UPDATE m_side SET price = 0 WHERE id = 3",
          "RESET ygg.branch");
      assertEquals(list("2|20.00|99.00", "3|30.00|0.00"), lines(c, query), "the branch moved");
      exec(c, "DELETE FROM m_side WHERE id = 1");
      assertEquals("3", one(c, "SELECT count(*) FROM m_side FOR SYSTEM_TIME AS OF '"
          + before.substring(0, 12) + "'"));
      failsWith("42704", () -> lines(c, "SELECT * FROM m_side FOR SYSTEM_TIME AS OF 'nope'"));
    }
  }

  @Test
  void everyConflictKindIsListed() throws SQLException {
    try (Connection c = server.connect()) {
      setUp(c, "m_kinds");
      exec(c, "CREATE TABLE m_kinds_u (id int PRIMARY KEY, code text UNIQUE)",
          "CREATE TABLE m_kinds_gone (id int PRIMARY KEY, v int)",
          "INSERT INTO m_kinds_gone VALUES (1, 1)",
          "SELECT ygg.create_branch('m_kinds_y', 'main')",
          "SET ygg.branch = 'm_kinds_y'",
          "INSERT INTO m_kinds VALUES (9, 1.00, 'theirs')",
          "DROP TABLE m_kinds_gone",
          "RESET ygg.branch",
          "INSERT INTO m_kinds VALUES (9, 2.00, 'ours')",
          "UPDATE m_kinds_gone SET v = 2");
      failsWith("YG001", () -> one(c, "SELECT ygg.merge('m_kinds_y', 'main')"));
      assertEquals(list("m_kinds|add/add|{\"id\": 9}", "m_kinds_gone|schema|NULL"),
          lines(c, "SELECT table_name, kind, key FROM ygg.conflicts ORDER BY kind"));
      // A merge whose rows would break a unique constraint stops, whatever the strategy.
      exec(c, "SELECT ygg.create_branch('m_kinds_z', 'main')", "SET ygg.branch = 'm_kinds_z'",
          "INSERT INTO m_kinds_u VALUES (1, 'same')", "RESET ygg.branch",
          "INSERT INTO m_kinds_u VALUES (2, 'same')");
      failsWith("YG001", () -> one(c, "SELECT ygg.merge('m_kinds_z', 'main', 'theirs')"));
      assertEquals(list("m_kinds_u|constraint"),
          lines(c, "SELECT table_name, kind FROM ygg.conflicts"));
    }
  }
}
