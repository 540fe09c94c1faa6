package org.yggdrasil.storage.nativestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yggdrasil.storage.nativestore.Fixtures.col;
import static org.yggdrasil.storage.nativestore.Fixtures.row;
import static org.yggdrasil.storage.nativestore.Fixtures.rows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

class TransactionTest {
  private final NativeDatabase db = NativeDatabase.inMemory("db", 4);

  private static void fails(SqlState state, org.junit.jupiter.api.function.Executable e) {
    assertEquals(state, assertThrows(SqlStateException.class, e).state());
  }

  @Test
  void snapshotsNeverSeeLaterWrites() {
    Transaction tx = db.begin("main");
    tx.createTable(Fixtures.kv("t"));
    tx.insert("t", rows(row(1L, "a"), row(2L, "b"), row(3L, "c")));
    Snapshot view = tx.snapshot();
    TableVersion t = view.table("t");
    // a statement scanning `view` while the transaction keeps writing
    try (RowCursor c = t.scan(new int[] {0})) {
      assertTrue(c.next());
      tx.insert("t", rows(row(4L, "d"), row(5L, "e")));
      tx.delete("t", new long[] {1});
      tx.update("t", new long[] {0}, rows(row(1L, "A")));
      int n = 1;
      while (c.next()) {
        n++;
      }
      assertEquals(3, n, "the scan sees exactly the rows of its view");
    }
    assertEquals(List.of(List.of(1L, "a"), List.of(2L, "b"), List.of(3L, "c")), Fixtures.scan(t));
    assertEquals(3, view.table("t").rowCount());
    Snapshot later = tx.snapshot();
    assertEquals(List.of(List.of(3L, "c"), List.of(4L, "d"), List.of(5L, "e"), List.of(1L, "A")), Fixtures.scan(later.table("t")));
    assertTrue(later.version() > view.version());
    assertSame(later, tx.snapshot(), "no writes in between, same view");
    // committed data is invisible to others until commit, and readers keep their snapshot
    Snapshot mainBefore = db.snapshot("main");
    assertNull(mainBefore.table("t"));
    tx.commit();
    assertNull(mainBefore.table("t"));
    assertEquals(4, db.snapshot("main").table("t").rowCount());
  }

  @Test
  void savepointsRestoreTheViewAndCanBeReused() {
    Transaction tx = db.begin("main");
    Savepoint empty = tx.savepoint();
    tx.createTable(Fixtures.kv("t"));
    tx.insert("t", rows(row(1L, "a")));
    Savepoint one = tx.savepoint();
    tx.insert("t", rows(row(2L, "b")));
    tx.delete("t", new long[] {0});
    tx.dropTable("t");
    tx.rollbackTo(one);
    assertEquals(List.of(List.of(1L, "a")), Fixtures.scan(tx.snapshot().table("t")));
    tx.insert("t", rows(row(2L, "c")));
    tx.rollbackTo(one);
    tx.insert("t", rows(row(2L, "d"), row(3L, "e")));
    assertEquals(List.of(List.of(1L, "a"), List.of(2L, "d"), List.of(3L, "e")), Fixtures.scan(tx.snapshot().table("t")));
    tx.rollbackTo(empty);
    assertNull(tx.snapshot().table("t"));
    assertFalse(tx.hasWrites());
    long before = db.snapshot("main").version();
    assertEquals(before, tx.commit().version(), "nothing to commit");
    assertEquals(before, db.snapshot("main").version());
    Transaction other = db.begin("main");
    fails(SqlState.INVALID_SAVEPOINT_SPECIFICATION, () -> other.rollbackTo(one));
  }

  @Test
  void ddlAndItsErrors() {
    Transaction tx = db.begin("main");
    long v0 = tx.snapshot().schemaVersion();
    tx.createTable(Fixtures.kv("t"));
    fails(SqlState.DUPLICATE_TABLE, () -> tx.createTable(Fixtures.kv("t")));
    fails(SqlState.UNDEFINED_COLUMN, () -> tx.createTable(new TableSchema("u", List.of(col("a", ColumnType.INT4)), List.of("b"), List.of())));
    fails(SqlState.DUPLICATE_COLUMN, () -> tx.createTable(TableSchema.of("u", List.of(col("a", ColumnType.INT4), col("a", ColumnType.TEXT)))));
    fails(SqlState.UNDEFINED_TABLE, () -> tx.dropTable("nope"));
    fails(SqlState.UNDEFINED_TABLE, () -> tx.truncate("nope"));
    fails(SqlState.UNDEFINED_TABLE, () -> tx.insert("nope", rows(row(1))));
    tx.insert("t", rows(row(1L, "a"), row(2L, "b"), row(3L, "c"), row(4L, "d"), row(5L, "e")));
    long v1 = tx.snapshot().schemaVersion();
    assertNotEquals(v0, v1);
    long oid = tx.snapshot().table("t").tableOid();
    assertTrue(oid >= NativeDatabase.FIRST_OID);

    tx.addColumn("t", new ColumnDef("n", ColumnType.INT4, -1, -1, true, "7"), 7);
    fails(SqlState.NOT_NULL_VIOLATION, () -> tx.addColumn("t", new ColumnDef("m", ColumnType.INT4, -1, -1, true, null)));
    fails(SqlState.DUPLICATE_COLUMN, () -> tx.addColumn("t", ColumnDef.of("n", ColumnType.TEXT)));
    tx.addColumn("t", ColumnDef.of("z", ColumnType.TEXT));
    TableVersion t = tx.snapshot().table("t");
    assertEquals(java.util.Arrays.asList(1L, "a", 7, null), Fixtures.scan(t).get(0));
    assertEquals(java.util.Arrays.asList(5L, "e", 7, null), Fixtures.scan(t).get(4));
    assertSame(t.chunk(2, 0), t.chunk(2, 0));
    tx.insert("t", rows(row(6L, "f", 8, "zz")));
    assertEquals(List.of(6L, "f", 8, "zz"), Fixtures.scan(tx.snapshot().table("t")).get(5));

    tx.renameColumn("t", "v", "val");
    fails(SqlState.UNDEFINED_COLUMN, () -> tx.renameColumn("t", "v", "w"));
    fails(SqlState.DUPLICATE_COLUMN, () -> tx.renameColumn("t", "val", "id"));
    tx.renameTable("t", "t2");
    fails(SqlState.UNDEFINED_TABLE, () -> tx.renameTable("t", "t3"));
    TableVersion t2 = tx.snapshot().table("t2");
    assertNull(tx.snapshot().table("t"));
    assertEquals(oid, t2.tableOid(), "oid survives renames");
    assertEquals(3, t2.schema().columnIndex("z"));
    assertEquals(1, t2.schema().columnIndex("val"));
    assertEquals("b", t2.row(t2.lookupPrimaryKey(new Object[] {2L}), new int[] {1})[0]);

    tx.dropColumn("t2", "val");
    TableVersion t3 = tx.snapshot().table("t2");
    assertEquals(java.util.Arrays.asList(3L, 7, null), Fixtures.scan(t3).get(2));
    assertEquals(2, t3.lookupPrimaryKey(new Object[] {3L}), "the key index survives a dropped column");
    tx.dropColumn("t2", "id");
    assertEquals(List.of(), tx.snapshot().table("t2").schema().primaryKey(), "dropping a key column drops the key");
    assertEquals(-1, tx.snapshot().table("t2").lookupPrimaryKey(new Object[] {3L}));

    tx.truncate("t2");
    assertEquals(0, tx.snapshot().table("t2").rowCount());
    assertEquals(oid, tx.snapshot().table("t2").tableOid());
    tx.commit();
    assertEquals(List.of("t2"), db.snapshot("main").tables().stream().map(TableSchema::name).toList());
    assertEquals(oid, db.tableOid("t2"));
    fails(SqlState.INVALID_TRANSACTION_STATE, () -> tx.insert("t2", rows(row(1, 2))));
  }

  @Test
  void branchesAreCheapPointers() {
    Fixtures.insertKv(dbWith("t"), "t", 0, 10);
    db.createBranch("dev", "main");
    fails(SqlState.DUPLICATE_OBJECT, () -> db.createBranch("dev", "main"));
    fails(SqlState.UNDEFINED_OBJECT, () -> db.begin("nope"));
    fails(SqlState.UNDEFINED_OBJECT, () -> db.snapshot("nope"));
    assertEquals(db.snapshot("main").version(), db.snapshot("dev").version());
    Transaction tx = db.begin("dev");
    tx.delete("t", new long[] {0, 1, 2});
    tx.commit();
    assertEquals(10, db.snapshot("main").table("t").rowCount());
    assertEquals(7, db.snapshot("dev").table("t").rowCount());
    assertEquals(List.of("dev", "main"), db.branches());
    Transaction open = db.begin("dev");
    open.delete("t", new long[] {3});
    db.dropBranch("dev");
    fails(SqlState.UNDEFINED_OBJECT, open::commit);
  }

  private NativeDatabase dbWith(String table) {
    Transaction tx = db.begin("main");
    tx.createTable(Fixtures.kv(table));
    tx.commit();
    return db;
  }

  @Test
  void lookupsCoerceTheKey() {
    Transaction tx = db.begin("main");
    tx.createTable(new TableSchema("n", List.of(new ColumnDef("k", ColumnType.NUMERIC, 6, 2, false, null)), List.of("k"), List.of()));
    tx.createTable(new TableSchema("c", List.of(new ColumnDef("k", ColumnType.BPCHAR, 4, -1, false, null)), List.of("k"), List.of()));
    tx.insert("n", rows(row(new java.math.BigDecimal("1.50")), row(new java.math.BigDecimal("2"))));
    tx.insert("c", rows(row("ab"), row("abcd")));
    TableVersion n = tx.snapshot().table("n");
    assertEquals(0, n.lookupPrimaryKey(new Object[] {new java.math.BigDecimal("1.5")}));
    assertEquals(1, n.lookupPrimaryKey(new Object[] {2}));
    assertEquals(-1, n.lookupPrimaryKey(new Object[] {new java.math.BigDecimal("1.501")}), "no rounding on lookup");
    assertEquals(-1, n.lookupPrimaryKey(new Object[] {new java.math.BigDecimal("123456")}));
    TableVersion c = tx.snapshot().table("c");
    assertEquals(0, c.lookupPrimaryKey(new Object[] {"ab"}));
    assertEquals(0, c.lookupPrimaryKey(new Object[] {"ab  "}));
    assertEquals(-1, c.lookupPrimaryKey(new Object[] {"abcde"}));
    assertEquals(-1, c.lookupPrimaryKey(new Object[] {null}));
  }
}
