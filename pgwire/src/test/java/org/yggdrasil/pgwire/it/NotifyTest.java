package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** LISTEN / NOTIFY between sessions, and the ygg_commits channel, through pgjdbc. */
class NotifyTest {
  @RegisterExtension static final TestServer server = new TestServer();

  @Test
  void notifyReachesListenersAtCommitOnly() throws SQLException {
    try (Connection listener = server.connect(); Connection sender = server.connect()) {
      exec(listener, "LISTEN jobs");
      exec(sender, "NOTIFY jobs, 'first'");
      assertEquals(List.of("jobs:first"), Db.notifications(listener, 5000));
      sender.setAutoCommit(false);
      exec(sender, "NOTIFY jobs, 'rolled back'");
      sender.rollback();
      exec(sender, "NOTIFY jobs, 'committed'");
      assertEquals(List.of(), Db.notifications(listener, 300), "nothing before COMMIT");
      sender.commit();
      assertEquals(List.of("jobs:committed"), Db.notifications(listener, 5000));
      exec(listener, "UNLISTEN *");
      sender.setAutoCommit(true);
      exec(sender, "NOTIFY jobs");
      assertEquals(List.of(), Db.notifications(listener, 300));
    }
  }

  @Test
  void everyCommitIsAnnouncedOnYggCommits() throws SQLException {
    try (Connection listener = server.connect(); Connection writer = server.connect()) {
      exec(writer, "CREATE TABLE notify_t (id int PRIMARY KEY)");
      exec(listener, "LISTEN ygg_commits");
      exec(writer, "INSERT INTO notify_t VALUES (1)");
      String commit = one(writer, "SELECT ygg.commit_id()");
      assertEquals(List.of("ygg_commits:{\"branch\": \"main\", \"commit\": \"" + commit
          + "\", \"database\": \"ygg\"}"), Db.notifications(listener, 5000));
      exec(writer, "SELECT ygg.create_branch('notify_b', 'main')", "SET ygg.branch = 'notify_b'",
          "INSERT INTO notify_t VALUES (2)");
      List<String> got = Db.notifications(listener, 5000);
      assertEquals(1, got.size(), got::toString);
      assertEquals(true, got.get(0).contains("\"branch\": \"notify_b\""), got.get(0));
    }
  }
}
