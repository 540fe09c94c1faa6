package org.yggdrasil.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.engine.EngineOptions;
import org.yggdrasil.planner.engine.YggEngine;
import org.yggdrasil.planner.session.StartupParameters;

/** Commits, history, pins and time travel from SQL (DESIGN §4). */
class VersioningTest {

  @Test
  void everyWritingTransactionIsACommitWithItsMessageAndAuthor() {
    try (SqlDriver d = new SqlDriver()) {
      String start = (String) d.value("SELECT ygg.commit_id()");
      d.run("CREATE TABLE t (id int PRIMARY KEY, v text)");
      String afterDdl = (String) d.value("SELECT ygg.commit_id()");
      assertNotEquals(start, afterDdl);
      d.run("SELECT count(*) FROM t");
      assertEquals(afterDdl, d.value("SELECT ygg.commit_id()"), "a read-only statement commits nothing");
      d.run("SET ygg.commit_message = 'first rows'");
      d.run("INSERT INTO t VALUES (1, 'a')");
      List<List<Object>> log = d.run("SELECT commit_id, message, author, branch FROM ygg.log");
      assertEquals(d.value("SELECT ygg.commit_id()"), log.get(0).get(0), "newest first");
      assertEquals("first rows", log.get(0).get(1));
      assertEquals("ygg", log.get(0).get(2));
      assertEquals("main", log.get(0).get(3));
      assertEquals(afterDdl, log.get(1).get(0));
      assertEquals(List.of(afterDdl),
          d.run("SELECT commit_id FROM ygg.ancestors('main~1') LIMIT 1").get(0));
    }
  }

  @Test
  void pinsReadThePastAndRefuseWrites() {
    try (SqlDriver d = new SqlDriver()) {
      d.run("CREATE TABLE t (id int PRIMARY KEY, v text)");
      d.run("INSERT INTO t VALUES (1, 'old')");
      String old = (String) d.value("SELECT ygg.commit_id()");
      d.run("UPDATE t SET v = 'new'");
      d.run("SET ygg.commit_id = '" + old.substring(0, 12) + "'");
      assertEquals(old, d.value("SHOW ygg.commit_id"), "a prefix resolves to the full id");
      assertEquals("old", d.value("SELECT v FROM t WHERE id = 1"));
      var e = assertThrows(SqlStateException.class, () -> d.run("INSERT INTO t VALUES (2, 'x')"));
      assertEquals(SqlState.READ_ONLY_SQL_TRANSACTION, e.state());
      d.run("RESET ygg.commit_id");
      assertEquals("new", d.value("SELECT v FROM t WHERE id = 1"));
      e = assertThrows(SqlStateException.class, () -> d.run("SET ygg.commit_id = 'ffffffff0000'"));
      assertEquals(SqlState.UNDEFINED_OBJECT, e.state());
      // Before the database existed there is nothing to read: 42704.
      e = assertThrows(SqlStateException.class,
          () -> d.run("SET ygg.as_of = '2000-01-01 00:00:00+00'"));
      assertEquals(SqlState.UNDEFINED_OBJECT, e.state());
    }
  }

  @Test
  void asOfReadsWhatTheBranchShowedThen() throws Exception {
    try (SqlDriver d = new SqlDriver()) {
      d.run("CREATE TABLE t (id int PRIMARY KEY, v text)");
      d.run("INSERT INTO t VALUES (1, 'then')");
      Thread.sleep(20);
      String then = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).toString();
      Thread.sleep(20);
      d.run("UPDATE t SET v = 'now'");
      d.run("SET ygg.as_of = '" + then + "'");
      assertEquals("then", d.value("SELECT v FROM t"));
      d.run("RESET ygg.as_of");
      assertEquals("now", d.value("SELECT v FROM t"));
    }
  }

  @Test
  void resetBranchTagsAndCommonAncestor() {
    try (SqlDriver d = new SqlDriver()) {
      d.run("CREATE TABLE t (id int PRIMARY KEY)");
      String base = (String) d.value("SELECT ygg.commit_id()");
      d.run("SELECT ygg.create_branch('feature', 'main')");
      d.run("INSERT INTO t VALUES (1)");
      assertEquals(base, d.value("SELECT ygg.tag('v1', '" + base + "')"));
      assertEquals(List.of(List.of("v1", base)), d.run("SELECT name, commit_id FROM ygg.tags"));
      d.run("SET ygg.branch = 'feature'");
      d.run("INSERT INTO t VALUES (2)");
      assertEquals(base, d.value("SELECT ygg.common_ancestor('main', 'feature')"));
      d.run("RESET ygg.branch");
      assertEquals(base, d.value("SELECT ygg.reset_branch('main', 'v1')"));
      assertEquals(0L, d.value("SELECT count(*) FROM t"));
      assertEquals(List.of(List.of("feature", false), List.of("main", true)),
          d.run("SELECT name, \"current\" FROM ygg.branches ORDER BY name"));
    }
  }

  @Test
  void databasesSurviveARestart(@TempDir Path dir) {
    String commit;
    YggEngine first = new YggEngine(new EngineOptions(dir, false, false));
    try (SqlDriver d = new SqlDriver(first)) {
      d.run("CREATE TABLE t (id int PRIMARY KEY, v text)");
      d.run("INSERT INTO t VALUES (1, 'kept')");
      d.run("SELECT ygg.create_branch('b', 'main')");
      commit = (String) d.value("SELECT ygg.commit_id()");
    }
    YggEngine second = new YggEngine(new EngineOptions(dir, false, false));
    try (SqlDriver d = new SqlDriver(second)) {
      assertEquals("kept", d.value("SELECT v FROM t WHERE id = 1"));
      assertEquals(commit, d.value("SELECT ygg.commit_id()"));
      assertTrue(d.run("SELECT name FROM ygg.branches").contains(List.of("b")));
      assertTrue(((String) d.value("SELECT ygg.verify()")).startsWith("ok"));
      d.run("SELECT ygg.delete_branch('b')");
      assertTrue((Long) d.value("SELECT ygg.gc()") >= 0);
      assertEquals("kept", d.value("SELECT v FROM t WHERE id = 1"));
      var pinned = second.open(new StartupParameters(
          Map.of("user", "ygg", "database", "ygg@" + commit.substring(0, 10))));
      pinned.close();
    }
  }

  /** A read-only server beside a writer sees its commits and refuses writes at the statement. */
  @Test
  void readOnlyServerFollowsTheWriter(@TempDir Path dir) {
    YggEngine writer = new YggEngine(new EngineOptions(dir, false, false));
    try (SqlDriver w = new SqlDriver(writer)) {
      w.run("CREATE TABLE t (id int PRIMARY KEY)");
      w.run("INSERT INTO t VALUES (1)");
      try (SqlDriver r = new SqlDriver(new YggEngine(new EngineOptions(dir, false, true)))) {
        assertEquals(1L, r.value("SELECT count(*) FROM t"));
        w.run("INSERT INTO t VALUES (2)");
        assertEquals(2L, r.value("SELECT count(*) FROM t"));
        var e = assertThrows(SqlStateException.class, () -> r.runNoSync("INSERT INTO t VALUES (3)"));
        assertEquals(SqlState.READ_ONLY_SQL_TRANSACTION, e.state());
        r.session().sync();
      }
    }
  }
}
