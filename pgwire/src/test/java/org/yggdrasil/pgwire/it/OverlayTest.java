package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

/**
 * Session overlays (SET ygg.overlay): an agent forks its branch over the database and every
 * attached system, tests changes in isolation, then merges them down or discards them.
 */
class OverlayTest {
  @RegisterExtension static final TestServer server = new TestServer();

  @BeforeAll
  static void skipOnPostgres() {
    Assumptions.assumeFalse(TestServer.isReferencePostgres(), "Yggdrasil's own surface");
  }

  private static void setUp(Connection c, String name) throws SQLException {
    exec(c, "CREATE SERVER " + name + " FOREIGN DATA WRAPPER memtest OPTIONS (path '" + name
        + "', rows 'base')", "CREATE TABLE " + name + "_t (id int PRIMARY KEY, v text)");
  }

  @Test
  void followingOverlaySeesTheParentAndMergesDown() throws SQLException {
    try (Connection agent = server.connect(); Connection other = server.connect()) {
      setUp(agent, "ov_f");
      exec(agent, "SET ygg.overlay = 'following'");
      assertEquals("following", one(agent, "SHOW ygg.overlay"));
      String hidden = one(agent, "SELECT ygg.current_branch()");
      assertTrue(hidden.startsWith("main+overlay-"), hidden);
      exec(agent, "INSERT INTO ov_f.items VALUES (2, 'mine')", "INSERT INTO ov_f_t VALUES (1, 'a')");
      exec(other, "INSERT INTO ov_f.items VALUES (3, 'theirs')");
      assertEquals(list("1|base", "2|mine", "3|theirs"),
          lines(agent, "SELECT * FROM ov_f.items ORDER BY id"), "parent's commits show through");
      assertEquals(list("1|base", "3|theirs"),
          lines(other, "SELECT * FROM ov_f.items ORDER BY id"), "the overlay is private");
      assertEquals("0", one(other, "SELECT count(*) FROM ov_f_t"));
      exec(agent, "SELECT ygg.merge_down()");
      assertEquals("main", one(agent, "SELECT ygg.current_branch()"));
      assertEquals("", one(agent, "SHOW ygg.overlay"));
      assertEquals(list("1|base", "2|mine", "3|theirs"),
          lines(other, "SELECT * FROM ov_f.items ORDER BY id"));
      assertEquals("a", one(other, "SELECT v FROM ov_f_t"));
      assertEquals("0", one(other, "SELECT count(*) FROM ygg.branches WHERE name = ?", hidden),
          "the hidden branch is gone");
    }
  }

  @Test
  void frozenOverlayIsDiscardedWithItsWrites() throws SQLException {
    try (Connection agent = server.connect(); Connection other = server.connect()) {
      setUp(agent, "ov_z");
      exec(agent, "SET ygg.overlay = 'frozen'", "UPDATE ov_z.items SET name = 'tried'");
      exec(other, "INSERT INTO ov_z.items VALUES (2, 'later')");
      assertEquals(list("1|tried"), lines(agent, "SELECT * FROM ov_z.items ORDER BY id"),
          "a frozen overlay never sees the parent's later commits");
      failsWith("55000", () -> exec(agent, "SELECT ygg.advance()"));
      failsWith("55000", () -> exec(agent, "SET ygg.branch = 'main'"));
      assertEquals("main", one(agent, "SELECT ygg.discard()"));
      assertEquals(list("1|base", "2|later"), lines(agent, "SELECT * FROM ov_z.items ORDER BY id"));
      failsWith("55000", () -> exec(agent, "SELECT ygg.discard()"));
    }
  }

  @Test
  void gatedOverlayAdvancesWhenAsked() throws SQLException {
    try (Connection agent = server.connect(); Connection other = server.connect()) {
      setUp(agent, "ov_g");
      exec(agent, "SET ygg.overlay = 'gated'", "INSERT INTO ov_g.items VALUES (2, 'mine')");
      exec(other, "INSERT INTO ov_g.items VALUES (3, 'theirs')");
      assertEquals("2", one(agent, "SELECT count(*) FROM ov_g.items"));
      assertNotEquals(one(agent, "SELECT base_commit FROM ygg.overlay"),
          one(agent, "SELECT parent_head FROM ygg.overlay"));
      exec(agent, "SELECT ygg.advance()");
      assertEquals(list("1|base", "2|mine", "3|theirs"),
          lines(agent, "SELECT * FROM ov_g.items ORDER BY id"));
      assertEquals(one(agent, "SELECT parent_head FROM ygg.overlay"),
          one(agent, "SELECT base_commit FROM ygg.overlay"));
      assertEquals("gated|main", String.join("|",
          lines(agent, "SELECT mode || '|' || parent_branch FROM ygg.overlay")));
      exec(agent, "SELECT ygg.discard()");
      assertEquals("0", one(agent, "SELECT count(*) FROM ygg.overlay"));
    }
  }

  @Test
  void overlayErrors() throws SQLException {
    try (Connection c = server.connect()) {
      failsWith("55000", () -> exec(c, "SELECT ygg.merge_down()"));
      failsWith("22023", () -> exec(c, "SET ygg.overlay = 'sideways'"));
      c.setAutoCommit(false);
      failsWith("25001", () -> exec(c, "SET ygg.overlay = 'frozen'"));
      c.rollback();
      c.setAutoCommit(true);
      exec(c, "SET ygg.overlay = 'frozen'");
      failsWith("55000", () -> exec(c, "SET ygg.overlay = 'gated'"));
      exec(c, "DISCARD ALL");
      assertEquals("main", one(c, "SELECT ygg.current_branch()"), "DISCARD ALL drops the overlay");
    }
  }
}
