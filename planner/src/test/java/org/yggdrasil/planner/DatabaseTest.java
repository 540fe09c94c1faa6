package org.yggdrasil.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

/** CREATE DATABASE / DROP DATABASE: each database is its own store and branch space. */
class DatabaseTest {

  private static StartupParameters connect(String db) {
    return new StartupParameters(Map.of("user", "ygg", "database", db));
  }

  @Test
  void createConnectDrop(@TempDir Path dir) {
    YggEngine engine = new YggEngine(new EngineOptions(dir, false, false));
    try (SqlDriver d = new SqlDriver(engine)) {
      d.run("CREATE DATABASE shop WITH ENCODING 'UTF8'");
      var e = assertThrows(SqlStateException.class, () -> d.run("CREATE DATABASE shop"));
      assertEquals(SqlState.DUPLICATE_DATABASE, e.state());
      assertEquals(List.of(List.of("postgres"), List.of("shop"), List.of("ygg")),
          d.run("SELECT datname FROM pg_database ORDER BY datname"));
      var shop = engine.open(connect("shop"));
      var ps = shop.prepare("CREATE TABLE only_in_shop (id int)", new int[0]);
      try (var p = ps.bind(new Object[0])) {
        p.execute(0, r -> { });
      }
      shop.sync();
      e = assertThrows(SqlStateException.class, () -> d.run("SELECT * FROM only_in_shop"));
      assertEquals(SqlState.UNDEFINED_TABLE, e.state());
      e = assertThrows(SqlStateException.class, () -> d.run("DROP DATABASE shop"));
      assertEquals(SqlState.OBJECT_IN_USE, e.state(), "another session is connected");
      shop.close();
      e = assertThrows(SqlStateException.class, () -> d.run("DROP DATABASE ygg"));
      assertEquals(SqlState.OBJECT_IN_USE, e.state(), "the caller's own database");
      d.run("DROP DATABASE shop");
      d.run("DROP DATABASE IF EXISTS shop");
      e = assertThrows(SqlStateException.class, () -> engine.open(connect("shop")));
      assertEquals(SqlState.INVALID_CATALOG_NAME, e.state());
      d.run("CREATE DATABASE kept");
    }
    YggEngine again = new YggEngine(new EngineOptions(dir, false, false));
    again.open(connect("kept")).close();
    again.close();
  }

  @Test
  void notInsideATransactionBlock() {
    try (SqlDriver d = new SqlDriver()) {
      d.runNoSync("BEGIN");
      var e = assertThrows(SqlStateException.class, () -> d.runNoSync("CREATE DATABASE x"));
      assertEquals(SqlState.ACTIVE_SQL_TRANSACTION, e.state());
      d.runNoSync("ROLLBACK");
      d.session().sync();
    }
  }
}
