package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.failsWith;
import static org.yggdrasil.pgwire.it.Db.one;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code ygg.threads}: how many threads one query may use. It defaults to the cores the server
 * sees (the server runs in this JVM), takes integers from 1, and refuses anything else with 22023
 * as PostgreSQL refuses out-of-range integer settings.
 */
class ThreadsSettingTest {

  @RegisterExtension static final TestServer server = new TestServer();

  @BeforeAll
  static void ownSurface() {
    Assumptions.assumeFalse(TestServer.isReferencePostgres(), "Yggdrasil's own setting");
  }

  @Test
  void defaultsToTheCoresAndCanBeLowered() throws SQLException {
    String cores = Integer.toString(Runtime.getRuntime().availableProcessors());
    try (Connection c = server.connect()) {
      assertEquals(cores, one(c, "SHOW ygg.threads"));
      exec(c, "SET ygg.threads = 1");
      assertEquals("1", one(c, "SHOW ygg.threads"));
      assertEquals("1", one(c, "SELECT current_setting('ygg.threads')"));
      exec(c, "SET ygg.threads TO '3'");
      assertEquals("3", one(c, "SHOW YGG.THREADS"));
      exec(c, "RESET ygg.threads");
      assertEquals(cores, one(c, "SHOW ygg.threads"));
    }
  }

  @Test
  void refusesValuesBelowOneAndNonIntegers() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "SET ygg.threads = 2");
      failsWith("22023", () -> exec(c, "SET ygg.threads = 0"));
      failsWith("22023", () -> exec(c, "SET ygg.threads = -4"));
      failsWith("22023", () -> exec(c, "SET ygg.threads = 'many'"));
      failsWith("22023", () -> exec(c, "SET ygg.threads = 1.5"));
      assertEquals("2", one(c, "SHOW ygg.threads"));
    }
  }

  @Test
  void startupOptionSetsTheSessionDefault() throws SQLException {
    try (Connection c = server.connect("options", "-c ygg.threads=1")) {
      assertEquals("1", one(c, "SHOW ygg.threads"));
      exec(c, "SET ygg.threads = 2");
      exec(c, "RESET ygg.threads");
      assertEquals("1", one(c, "SHOW ygg.threads"));
    }
  }
}
