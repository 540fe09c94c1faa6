package org.yggdrasil.pgwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yggdrasil.pgwire.it.Db.exec;
import static org.yggdrasil.pgwire.it.Db.failsWith;
import static org.yggdrasil.pgwire.it.Db.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Branches, pins and history through pgjdbc, as an application would use them. */
class BranchingTest {
  @RegisterExtension static final TestServer server = new TestServer();

  @BeforeAll
  static void skipOnPostgres() {
    Assumptions.assumeFalse(TestServer.isReferencePostgres(), "Yggdrasil's own surface");
  }

  @Test
  void branchPinnedByDatabaseNameAndStartupOption() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE br_orders (id int PRIMARY KEY, price int)",
          "INSERT INTO br_orders VALUES (1, 10), (2, 20)",
          "SELECT ygg.create_branch('br_exp', 'main')");
    }
    try (Connection c = server.connect("ygg:br_exp", new Properties())) {
      assertEquals("br_exp", one(c, "SELECT ygg.current_branch()"));
      assertEquals("ygg", one(c, "SELECT current_database()"));
      exec(c, "UPDATE br_orders SET price = price * 10");
      assertEquals("300", one(c, "SELECT sum(price) FROM br_orders"));
    }
    Properties options = new Properties();
    options.setProperty("options", "-c ygg.branch=br_exp");
    try (Connection c = server.connect(options)) {
      assertEquals("300", one(c, "SELECT sum(price) FROM br_orders"));
    }
    try (Connection c = server.connect()) {
      assertEquals("30", one(c, "SELECT sum(price) FROM br_orders"), "main is untouched");
    }
    failsWith("42704", () -> server.connect("ygg:nope", new Properties()).close());
  }

  @Test
  void ormStyleBeginThenSetBranch() throws SQLException {
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE br_orm (id int PRIMARY KEY)", "SELECT ygg.create_branch('br_orm_b', 'main')");
      c.setAutoCommit(false);
      exec(c, "SET ygg.branch = 'br_orm_b'");
      exec(c, "INSERT INTO br_orm VALUES (1)");
      failsWith("25001", () -> exec(c, "SET ygg.branch = 'main'"));
      c.rollback();
      exec(c, "SET ygg.branch = 'br_orm_b'");
      exec(c, "INSERT INTO br_orm VALUES (2)");
      c.commit();
      c.setAutoCommit(true);
      assertEquals("br_orm_b", one(c, "SHOW ygg.branch"));
      assertEquals("1", one(c, "SELECT count(*) FROM br_orm"));
      exec(c, "RESET ygg.branch");
      assertEquals("0", one(c, "SELECT count(*) FROM br_orm"));
    }
  }

  @Test
  void commitPinsAreReadOnly() throws SQLException {
    String old;
    try (Connection c = server.connect()) {
      exec(c, "CREATE TABLE br_pin (id int PRIMARY KEY, v text)", "INSERT INTO br_pin VALUES (1, 'old')");
      old = one(c, "SELECT ygg.commit_id()");
      exec(c, "SET ygg.commit_message = 'make it new'", "UPDATE br_pin SET v = 'new'");
      assertEquals("make it new", one(c, "SELECT message FROM ygg.log LIMIT 1"));
    }
    try (Connection c = server.connect("ygg@" + old.substring(0, 16), new Properties())) {
      assertEquals("old", one(c, "SELECT v FROM br_pin"));
      failsWith("25006", () -> exec(c, "UPDATE br_pin SET v = 'x'"));
    }
  }
}
