package org.yggdrasil.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.engine.EngineOptions;
import org.yggdrasil.planner.engine.YggEngine;
import org.yggdrasil.planner.session.StartupParameters;

/** SET ygg.branch moves reads and writes; DESIGN §4's session rules. */
class BranchTest {

  @Test
  void writesLandOnTheSessionsBranchOnly() {
    try (SqlDriver d = new SqlDriver()) {
      d.run("CREATE TABLE orders (id int PRIMARY KEY, price int)");
      d.run("INSERT INTO orders VALUES (1, 100), (2, 200)");
      assertEquals("experiment", d.value("SELECT ygg.create_branch('experiment', 'main')"));
      d.run("SET ygg.branch = 'experiment'");
      assertEquals("experiment", d.value("SELECT ygg.current_branch()"));
      assertEquals(List.of(List.of("experiment")), d.run("SHOW ygg.branch"));
      d.run("UPDATE orders SET price = price * 2");
      d.run("CREATE TABLE only_here (x int)");
      assertEquals(600L, d.value("SELECT sum(price) FROM orders"));
      d.run("RESET ygg.branch");
      assertEquals(300L, d.value("SELECT sum(price) FROM orders"));
      var e = assertThrows(SqlStateException.class, () -> d.run("SELECT * FROM only_here"));
      assertEquals(SqlState.UNDEFINED_TABLE, e.state());
      assertEquals(List.of(List.of("experiment", false), List.of("main", true)),
          d.run("SELECT name, \"current\" FROM ygg.branches ORDER BY name"));
    }
  }

  @Test
  void branchCanChangeUntilTheTransactionReads() {
    try (SqlDriver d = new SqlDriver()) {
      d.run("CREATE TABLE t (id int PRIMARY KEY)");
      d.run("SELECT ygg.create_branch('b', 'main')");
      d.runNoSync("BEGIN");
      d.runNoSync("SET ygg.branch = 'b'");
      d.runNoSync("INSERT INTO t VALUES (1)");
      var e = assertThrows(SqlStateException.class, () -> d.runNoSync("SET ygg.branch = 'main'"));
      assertEquals(SqlState.ACTIVE_SQL_TRANSACTION, e.state());
      d.runNoSync("ROLLBACK");
      d.session().sync();
      assertEquals("main", d.value("SHOW ygg.branch"), "ROLLBACK undoes the SET");
      e = assertThrows(SqlStateException.class, () -> d.run("SET ygg.branch = 'nope'"));
      assertEquals(SqlState.UNDEFINED_OBJECT, e.state());
      d.run("SET ygg.branch = 'b'");
      e = assertThrows(SqlStateException.class, () -> d.run("SELECT ygg.delete_branch('b')"));
      assertEquals(SqlState.OBJECT_IN_USE, e.state());
      d.run("RESET ygg.branch");
      d.run("SELECT ygg.delete_branch('b')");
      assertEquals(1L, d.value("SELECT count(*) FROM ygg.branches"));
    }
  }

  @Test
  void databaseNameCanPinTheBranch() {
    YggEngine engine = new YggEngine(EngineOptions.memory());
    try (SqlDriver main = new SqlDriver(engine)) {
      main.run("CREATE TABLE t (id int PRIMARY KEY)");
      main.run("SELECT ygg.create_branch('dev', 'main')");
      var pinned = engine.open(new StartupParameters(Map.of("user", "ygg", "database", "ygg:dev")));
      var ps = pinned.prepare("SELECT ygg.current_branch(), current_database()", new int[0]);
      List<Object> row = new java.util.ArrayList<>();
      try (var portal = ps.bind(new Object[0])) {
        portal.execute(0, r -> row.addAll(List.of(r)));
      }
      assertEquals(List.of("dev", "ygg"), row);
      pinned.close();
      var e = assertThrows(SqlStateException.class, () -> engine.open(
          new StartupParameters(Map.of("user", "ygg", "database", "ygg:nope"))));
      assertEquals(SqlState.UNDEFINED_OBJECT, e.state());
    }
  }
}
