package org.yggdrasil.storage.nativestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.yggdrasil.storage.nativestore.Fixtures.col;
import static org.yggdrasil.storage.nativestore.Fixtures.row;
import static org.yggdrasil.storage.nativestore.Fixtures.rows;
import static org.yggdrasil.storage.nativestore.Fixtures.scan;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.storage.nativestore.ForeignKeyDef.Action;

class ForeignKeyStoreTest {
  @TempDir
  Path dir;

  private static SqlStateException fails(SqlState state, Executable e) {
    SqlStateException ex = assertThrows(SqlStateException.class, e);
    assertEquals(state, ex.state(), ex.getMessage());
    return ex;
  }

  private static void createParentAndChild(Transaction tx, Action onDelete) {
    tx.createTable(new TableSchema("p", List.of(col("id", ColumnType.INT4)), List.of("id"), List.of()));
    tx.createTable(new TableSchema("c", List.of(col("id", ColumnType.INT4), col("p", ColumnType.INT8)),
        List.of("id"), List.of(), List.of(),
        List.of(new ForeignKeyDef("c_p_fkey", List.of("p"), "p", List.of(), onDelete, null)), List.of()));
  }

  @Test
  void childRowsNeedTheirParentAndParentsCannotGoWhileReferenced() {
    NativeDatabase db = NativeDatabase.inMemory("db", 4);
    Transaction tx = db.begin("main");
    createParentAndChild(tx, null);
    assertEquals(List.of("id"), tx.snapshot().table("c").schema().foreignKeys().get(0).refColumns());
    tx.insert("p", rows(row(1), row(2)));
    tx.insert("c", rows(row(10, 1L), row(11, null)));
    SqlStateException e = fails(SqlState.FOREIGN_KEY_VIOLATION, () -> tx.insert("c", rows(row(12, 5L))));
    assertEquals("insert or update on table \"c\" violates foreign key constraint \"c_p_fkey\"", e.getMessage());
    assertEquals("Key (p)=(5) is not present in table \"p\".", e.detail());
    e = fails(SqlState.FOREIGN_KEY_VIOLATION, () -> tx.delete("p", Fixtures.positions(tx.snapshot().table("p"))));
    assertEquals("update or delete on table \"p\" violates foreign key constraint \"c_p_fkey\" on table \"c\"",
        e.getMessage());
    assertEquals("Key (id)=(1) is still referenced from table \"c\".", e.detail());
    assertEquals(2, tx.snapshot().table("p").rowCount(), "the failed delete changed nothing");
    long two = tx.snapshot().table("p").lookupPrimaryKey(new Object[] {2});
    tx.delete("p", new long[] {two});
    fails(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, () -> tx.dropTable("p"));
    tx.dropTable("p", false, Set.of("c"));
  }

  @Test
  void cascadeDeletesChildrenAndSetNullClearsThem() {
    NativeDatabase db = NativeDatabase.inMemory("db", 4);
    Transaction tx = db.begin("main");
    createParentAndChild(tx, Action.CASCADE);
    tx.createTable(new TableSchema("n", List.of(col("p", ColumnType.INT4)), List.of(), List.of(), List.of(),
        List.of(new ForeignKeyDef("n_p_fkey", List.of("p"), "p", List.of("id"), Action.SET_NULL, null)),
        List.of()));
    tx.insert("p", rows(row(1), row(2)));
    tx.insert("c", rows(row(10, 1L), row(11, 2L), row(12, 1L)));
    tx.insert("n", rows(row(1), row(2)));
    tx.delete("p", new long[] {tx.snapshot().table("p").lookupPrimaryKey(new Object[] {1})});
    assertEquals(List.of(List.of(11, 2L)), scan(tx.snapshot().table("c")));
    assertEquals(Set.of(Arrays.asList((Object) null), List.of(2)), Set.copyOf(scan(tx.snapshot().table("n"))));
  }

  @Test
  void referencedColumnsCanBeRenamedButNotDropped() {
    NativeDatabase db = NativeDatabase.inMemory("db", 4);
    Transaction tx = db.begin("main");
    createParentAndChild(tx, null);
    tx.insert("p", rows(row(1)));
    tx.insert("c", rows(row(10, 1L)));
    fails(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, () -> tx.dropColumn("p", "id"));
    tx.renameColumn("p", "id", "pid");
    assertEquals(List.of("pid"), tx.snapshot().table("c").schema().foreignKeys().get(0).refColumns());
    SqlStateException e = fails(SqlState.FOREIGN_KEY_VIOLATION, () -> tx.delete("p", Fixtures.positions(tx.snapshot().table("p"))));
    assertEquals("Key (pid)=(1) is still referenced from table \"c\".", e.detail());
    tx.dropColumn("c", "p");
    assertEquals(List.of(), tx.snapshot().table("c").schema().foreignKeys());
    tx.dropColumn("p", "pid");
  }

  @Test
  void referencedColumnsMustBeAKey() {
    NativeDatabase db = NativeDatabase.inMemory("db", 4);
    Transaction tx = db.begin("main");
    tx.createTable(new TableSchema("p", List.of(col("id", ColumnType.INT4), col("v", ColumnType.INT4)),
        List.of(), List.of()));
    tx.createTable(TableSchema.of("c", List.of(col("p", ColumnType.INT4))));
    fails(SqlState.UNDEFINED_OBJECT,
        () -> tx.addForeignKey("c", new ForeignKeyDef("f", List.of("p"), "p", List.of(), null, null)));
    fails(SqlState.INVALID_FOREIGN_KEY,
        () -> tx.addForeignKey("c", new ForeignKeyDef("f", List.of("p"), "p", List.of("v"), null, null)));
  }

  @Test
  void addingAForeignKeyChecksExistingRows() {
    NativeDatabase db = NativeDatabase.inMemory("db", 4);
    Transaction tx = db.begin("main");
    tx.createTable(new TableSchema("p", List.of(col("id", ColumnType.INT4)), List.of("id"), List.of()));
    tx.createTable(TableSchema.of("c", List.of(col("p", ColumnType.INT4))));
    tx.insert("c", rows(row(7)));
    fails(SqlState.FOREIGN_KEY_VIOLATION,
        () -> tx.addForeignKey("c", new ForeignKeyDef("f", List.of("p"), "p", List.of(), null, null)));
  }

  @Test
  void definitionsSurviveReopen() {
    try (NativeDatabase db = NativeDatabase.open(dir)) {
      Transaction tx = db.begin("main");
      createParentAndChild(tx, Action.CASCADE);
      tx.addCheck("c", new CheckDef("c_id_check", "id > 0"));
      tx.commit();
    }
    try (NativeDatabase db = NativeDatabase.open(dir)) {
      TableSchema c = db.begin("main").snapshot().table("c").schema();
      assertEquals(List.of(new ForeignKeyDef("c_p_fkey", List.of("p"), "p", List.of("id"), Action.CASCADE,
          Action.NO_ACTION)), c.foreignKeys());
      assertEquals(List.of(new CheckDef("c_id_check", "id > 0")), c.checks());
      Transaction tx = db.begin("main");
      fails(SqlState.FOREIGN_KEY_VIOLATION, () -> tx.insert("c", rows(row(1, 1L))));
    }
  }
}
