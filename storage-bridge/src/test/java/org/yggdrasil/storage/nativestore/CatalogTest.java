package org.yggdrasil.storage.nativestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Database-level catalog objects (views, sequences, comments, schemas) and CREATE INDEX
 * definitions: versioned with the data, per branch, hidden from the table list, durable.
 */
class CatalogTest {
  @TempDir Path dir;

  private static void put(NativeDatabase db, String branch, CatalogEntry e) {
    Transaction tx = db.begin(branch);
    tx.putCatalogEntry(e);
    tx.commit();
  }

  @Test
  void catalogObjectsAreVersionedPerBranchAndHidden() {
    try (NativeDatabase db = NativeDatabase.inMemory("c")) {
      Transaction tx = db.begin("main");
      tx.createTable(TableSchema.of("t", List.of(ColumnDef.of("a", ColumnType.INT4))));
      long schemaVersion = tx.snapshot().schemaVersion();
      tx.putCatalogEntry(new ViewDef("v", "SELECT a FROM t", List.of("a"), 90000).toEntry());
      assertTrue(tx.snapshot().schemaVersion() != schemaVersion, "a catalog change is a schema change");
      tx.commit();
      db.createBranch("dev", "main");
      put(db, "dev", new CommentDef("table", "t", null, "on dev").toEntry());
      Snapshot main = db.snapshot("main");
      assertEquals(List.of("t"), main.tables().stream().map(TableSchema::name).toList());
      assertEquals("SELECT a FROM t", main.catalog().view("v").sql());
      assertEquals(90000, main.catalog().view("v").oid());
      assertNull(main.catalog().comment("t", null));
      assertEquals("on dev", db.snapshot("dev").catalog().comment("t", null).text());
      Transaction drop = db.begin("main");
      assertTrue(drop.removeCatalogEntry(ViewDef.KIND, "v"));
      assertFalse(drop.removeCatalogEntry(ViewDef.KIND, "v"));
      drop.rollback();
      assertEquals(1, db.snapshot("main").catalog().views().size(), "rolled back");
    }
  }

  @Test
  void catalogAndIndexesSurviveReopen() {
    Path path = dir.resolve("db");
    try (NativeDatabase db = NativeDatabase.open(path)) {
      Transaction tx = db.begin("main");
      tx.createTable(TableSchema.of("t", List.of(ColumnDef.of("a", ColumnType.INT4), ColumnDef.of("b", ColumnType.TEXT))));
      tx.insert("t", List.<Object[]>of(new Object[] {1, "x"}, new Object[] {2, "y"}));
      tx.createIndex("t", new IndexDef("t_b_key", List.of(IndexDef.Column.of("b")), true, "btree", null, 90001));
      tx.createIndex("t", new IndexDef("t_a_idx", List.of(new IndexDef.Column("a", true, true)), false, "btree", null, 90002));
      tx.putCatalogEntry(new SequenceDef("s", "bigint", 1, 1, 1, Long.MAX_VALUE, "k", "t", "a", 90003).toEntry());
      tx.putCatalogEntry(new SchemaDef("extra").toEntry());
      tx.putCatalogEntry(new CommentDef("column", "t", "b", "the b").toEntry());
      tx.commit();
    }
    try (NativeDatabase db = NativeDatabase.open(path)) {
      Snapshot s = db.snapshot("main");
      TableSchema t = s.table("t").schema();
      assertEquals(List.of("t_b_key", "t_a_idx"), t.indexes().stream().map(IndexDef::name).toList());
      assertEquals(new IndexDef.Column("a", true, true), t.index("t_a_idx").columns().get(0));
      assertEquals(90002, t.index("t_a_idx").oid());
      assertEquals("t", s.tableOfIndex("t_b_key").name());
      assertEquals("t", s.catalog().sequence("s").ownedByTable());
      assertEquals(List.of("extra"), s.catalog().schemas().stream().map(SchemaDef::name).toList());
      assertEquals("the b", s.catalog().comment("t", "b").text());
      Transaction tx = db.begin("main");
      var e = org.junit.jupiter.api.Assertions.assertThrows(org.yggdrasil.catalog.error.SqlStateException.class,
          () -> tx.insert("t", List.<Object[]>of(new Object[] {3, "x"})));
      assertEquals(org.yggdrasil.catalog.error.SqlState.UNIQUE_VIOLATION, e.state());
      tx.rollback();
      assertTrue(db.verify().problems().isEmpty(), () -> db.verify().toString());
    }
  }

  @Test
  void concurrentCatalogChangesMergeUnlessTheyTouchTheSameObject() {
    try (NativeDatabase db = NativeDatabase.inMemory("c")) {
      put(db, "main", new SchemaDef("first").toEntry());
      long before = db.snapshot("main").schemaVersion();
      Transaction a = db.begin("main");
      Transaction b = db.begin("main");
      Transaction c = db.begin("main");
      a.putCatalogEntry(new SchemaDef("a").toEntry());
      b.putCatalogEntry(new SchemaDef("b").toEntry());
      c.putCatalogEntry(new SchemaDef("a").toEntry());
      a.commit();
      b.commit();
      var e = org.junit.jupiter.api.Assertions.assertThrows(org.yggdrasil.catalog.error.SqlStateException.class, c::commit);
      assertEquals(org.yggdrasil.catalog.error.SqlState.SERIALIZATION_FAILURE, e.state());
      Snapshot s = db.snapshot("main");
      assertEquals(List.of("a", "b", "first"), s.catalog().schemas().stream().map(SchemaDef::name).toList());
      assertTrue(s.schemaVersion() != before);
    }
  }
}
