package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Assumptions;

/**
 * {@code LISTEN ygg_commits} for commits that move attached systems: the database commit is the
 * composite commit, so there is one notification, whose {@code systems} field names the members
 * the commit moved and their new snapshot ids (test-only {@code memtest} wrapper).
 */
class MemberCommitNotifyTest {
  @RegisterExtension static final TestServer server = new TestServer();

  @BeforeAll
  static void skipOnPostgres() {
    Assumptions.assumeFalse(TestServer.isReferencePostgres(), "Yggdrasil's own channel");
  }

  private static String payload(String branch, String commit, String systems) {
    return "ygg_commits:{\"branch\": \"" + branch + "\", \"commit\": \"" + commit + "\", "
        + (systems == null ? "" : "\"systems\": {" + systems + "}, ") + "\"database\": \"ygg\"}";
  }

  private static String head(Connection c, String system) throws SQLException {
    return one(c, "SELECT snapshot_id FROM ygg.systems WHERE name = ?", system);
  }

  @Test
  void commitsThatMoveMembersNameThemAndTheirNewSnapshots() throws SQLException {
    try (Connection listener = server.connect(); Connection writer = server.connect()) {
      exec(writer, "CREATE TABLE n_native (id int)",
          "CREATE SERVER n_a FOREIGN DATA WRAPPER memtest OPTIONS (path 'n_a', rows 'x')",
          "CREATE SERVER n_b FOREIGN DATA WRAPPER memtest OPTIONS (path 'n_b', rows 'y')");
      exec(listener, "LISTEN ygg_commits");

      exec(writer, "INSERT INTO n_a.items VALUES (2, 'x2')");
      assertEquals(List.of(payload("main", one(writer, "SELECT ygg.commit_id()"),
          "\"n_a\": \"" + head(writer, "n_a") + "\"")), Db.notifications(listener, 5000),
          "a write to one member: that member and its new head");

      writer.setAutoCommit(false);
      exec(writer, "INSERT INTO n_native VALUES (1)", "INSERT INTO n_a.items VALUES (3, 'x3')",
          "INSERT INTO n_b.items VALUES (2, 'y2')");
      writer.commit();
      writer.setAutoCommit(true);
      assertEquals(List.of(payload("main", one(writer, "SELECT ygg.commit_id()"),
          "\"n_a\": \"" + head(writer, "n_a") + "\", \"n_b\": \"" + head(writer, "n_b") + "\"")),
          Db.notifications(listener, 5000), "one transaction over three systems: one notification");

      exec(writer, "INSERT INTO n_native VALUES (2)");
      assertEquals(List.of(payload("main", one(writer, "SELECT ygg.commit_id()"), null)),
          Db.notifications(listener, 5000), "native-only commits keep issue 5's payload");
    }
  }

  @Test
  void aMergeAnnouncesTheMembersItMovedOnTheTarget() throws SQLException {
    try (Connection listener = server.connect(); Connection writer = server.connect()) {
      exec(writer, "CREATE SERVER n_m FOREIGN DATA WRAPPER memtest OPTIONS (path 'n_m', rows 'p')",
          "SELECT ygg.create_branch('n_feature', 'main')", "SET ygg.branch = 'n_feature'",
          "INSERT INTO n_m.items VALUES (2, 'q')");
      String featureHead = head(writer, "n_m");
      exec(writer, "RESET ygg.branch");
      exec(listener, "LISTEN ygg_commits");
      exec(writer, "SELECT ygg.merge('n_feature', 'main')");
      List<String> got = Db.notifications(listener, 5000);
      String mainHead = head(writer, "n_m");
      assertEquals(featureHead, mainHead, "the member fast-forwarded");
      assertEquals(payload("main", one(writer, "SELECT ygg.commit_id()"),
          "\"n_m\": \"" + mainHead + "\""), got.get(got.size() - 1),
          "the commit recording the merged member heads names them: " + got);
    }
  }
}
