package org.yggdrasil.storage.nativestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.yggdrasil.storage.nativestore.Fixtures.col;
import static org.yggdrasil.storage.nativestore.Fixtures.row;
import static org.yggdrasil.storage.nativestore.Fixtures.rows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

class ConstraintTest {
  private NativeDatabase db;
  private Transaction tx;

  @BeforeEach
  void setUp() {
    db = NativeDatabase.inMemory("db", 4);
    tx = db.begin("main");
    tx.createTable(new TableSchema("t",
        List.of(col("id", ColumnType.INT4), col("email", ColumnType.VARCHAR, 8, -1),
            col("a", ColumnType.INT4), col("b", ColumnType.TEXT),
            new ColumnDef("price", ColumnType.NUMERIC, 5, 2, true, null)),
        List.of("id"), List.of(List.of("email"), List.of("a", "b"))));
    tx.insert("t", rows(row(1, "x@y", 1, "one", new BigDecimal("1"))));
    tx.commit();
    tx = db.begin("main");
  }

  private static SqlStateException fails(SqlState state, Executable e) {
    SqlStateException ex = assertThrows(SqlStateException.class, e);
    assertEquals(state, ex.state(), ex.getMessage());
    return ex;
  }

  @Test
  void primaryKeyDuplicateAgainstCommittedData() {
    SqlStateException e = fails(SqlState.UNIQUE_VIOLATION,
        () -> tx.insert("t", rows(row(1, "other", 2, "two", BigDecimal.ONE))));
    assertEquals("duplicate key value violates unique constraint \"t_pkey\"", e.getMessage());
    assertEquals("Key (id)=(1) already exists.", e.detail());
  }

  @Test
  void uniqueKeysAgainstOwnWritesAndWithinABatch() {
    tx.insert("t", rows(row(2, "a@b", 2, "two", BigDecimal.ONE)));
    SqlStateException e = fails(SqlState.UNIQUE_VIOLATION,
        () -> tx.insert("t", rows(row(3, "a@b", 3, "three", BigDecimal.ONE))));
    assertEquals("duplicate key value violates unique constraint \"t_email_key\"", e.getMessage());
    e = fails(SqlState.UNIQUE_VIOLATION, () -> tx.insert("t", rows(
        row(4, "q", 4, "x", BigDecimal.ONE), row(5, "r", 4, "x", BigDecimal.ONE))));
    assertEquals("duplicate key value violates unique constraint \"t_a_b_key\"", e.getMessage());
    assertEquals("Key (a, b)=(4, x) already exists.", e.detail());
    e = fails(SqlState.UNIQUE_VIOLATION, () -> tx.insert("t", rows(
        row(6, "q", 6, "x", BigDecimal.ONE), row(6, "r", 7, "x", BigDecimal.ONE))));
    assertEquals("Key (id)=(6) already exists.", e.detail());
  }

  @Test
  void nullsInUniqueKeysNeverCollide() {
    tx.insert("t", rows(
        row(2, null, null, "same", BigDecimal.ONE),
        row(3, null, null, "same", BigDecimal.ONE),
        row(4, null, 9, null, BigDecimal.ONE)));
    tx.insert("t", rows(row(5, null, 9, null, BigDecimal.ONE)));
    assertEquals(5, tx.snapshot().table("t").rowCount());
  }

  @Test
  void updateMayKeepOrSwapKeysButNotCollide() {
    TableVersion t = tx.snapshot().table("t");
    long p1 = t.lookupPrimaryKey(new Object[] {1});
    tx.update("t", new long[] {p1}, rows(row(1, "x@y", 1, "one!", BigDecimal.TEN)));
    long[] ps = tx.insert("t", rows(row(2, "b", 2, "b", BigDecimal.ONE)));
    p1 = tx.snapshot().table("t").lookupPrimaryKey(new Object[] {1});
    fails(SqlState.UNIQUE_VIOLATION, () -> tx.update("t", new long[] {ps[0]}, rows(row(1, "b", 2, "b", BigDecimal.ONE))));
    // swapping keys within one statement is fine (checked at the end of the statement)
    tx.update("t", new long[] {p1, ps[0]}, rows(row(2, "x@y", 1, "one", BigDecimal.ONE), row(1, "b", 2, "b", BigDecimal.ONE)));
    TableVersion after = tx.snapshot().table("t");
    assertEquals("b", after.row(after.lookupPrimaryKey(new Object[] {1}), new int[] {1})[0]);
  }

  @Test
  void notNull() {
    SqlStateException e = fails(SqlState.NOT_NULL_VIOLATION,
        () -> tx.insert("t", rows(row(9, "z", 9, "z", null))));
    assertEquals("null value in column \"price\" of relation \"t\" violates not-null constraint", e.getMessage());
    assertEquals("Failing row contains (9, z, 9, z, null).", e.detail());
    e = fails(SqlState.NOT_NULL_VIOLATION, () -> tx.insert("t", rows(row(null, "z", 9, "z", BigDecimal.ONE))));
    assertEquals("null value in column \"id\" of relation \"t\" violates not-null constraint", e.getMessage());
    assertEquals(true, tx.snapshot().table("t").schema().column(0).notNull(), "primary key columns become NOT NULL");
  }

  @Test
  void lengthAndNumericOverflow() {
    SqlStateException e = fails(SqlState.STRING_DATA_RIGHT_TRUNCATION,
        () -> tx.insert("t", rows(row(9, "123456789", 9, "z", BigDecimal.ONE))));
    assertEquals("value too long for type character varying(8)", e.getMessage());
    e = fails(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
        () -> tx.insert("t", rows(row(9, "z", 9, "z", new BigDecimal("999.995")))));
    assertEquals("numeric field overflow", e.getMessage());
    assertEquals("A field with precision 5, scale 2 must round to an absolute value less than 10^3.", e.detail());
    tx.insert("t", rows(row(9, "z", 9, "z", new BigDecimal("999.994"))));
    TableVersion t = tx.snapshot().table("t");
    assertEquals(new BigDecimal("999.99"), t.row(t.lookupPrimaryKey(new Object[] {9}), new int[] {4})[0]);
    fails(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, () -> tx.insert("t", rows(row(3_000_000_000L, "w", 1, "w", BigDecimal.ONE))));
  }

  @Test
  void wrongJavaClassIsADatatypeMismatch() {
    SqlStateException e = fails(SqlState.DATATYPE_MISMATCH,
        () -> tx.insert("t", rows(row("1", "z", 9, "z", BigDecimal.ONE))));
    assertEquals(true, e.getMessage().contains("column \"id\" is of type integer"), e.getMessage());
    fails(SqlState.DATATYPE_MISMATCH, () -> tx.insert("t", rows(row(1.5, "z", 9, "z", BigDecimal.ONE))));
  }

  @Test
  void aFailedStatementChangesNothing() {
    Snapshot before = tx.snapshot();
    fails(SqlState.UNIQUE_VIOLATION, () -> tx.insert("t", rows(
        row(10, "p", 10, "p", BigDecimal.ONE), row(11, "q", 11, "q", BigDecimal.ONE),
        row(12, "r", 12, "r", BigDecimal.ONE), row(1, "s", 13, "s", BigDecimal.ONE))));
    assertSame(before, tx.snapshot(), "the view is unchanged");
    assertEquals(false, tx.hasWrites());
    assertEquals(1, tx.snapshot().table("t").rowCount());
    // later writes still work, and the rows of the failed batch never appear
    tx.insert("t", rows(row(10, "p", 10, "p", BigDecimal.ONE)));
    assertEquals(2, Fixtures.scan(tx.snapshot().table("t")).size());
    tx.commit();
    assertEquals(2, db.snapshot("main").table("t").rowCount());
  }

  @Test
  void aDuplicateFoundLateInTheBatchChangesNothingEither() {
    tx.insert("t", rows(row(2, "b", 2, "b", BigDecimal.ONE)));
    Snapshot before = tx.snapshot();
    // id is an exact key: the in-batch duplicate surfaces only after the rows were appended
    SqlStateException e = fails(SqlState.UNIQUE_VIOLATION, () -> tx.insert("t", rows(
        row(20, "p", 20, "p", BigDecimal.ONE), row(21, "q", 21, "q", BigDecimal.ONE),
        row(22, "r", 22, "r", BigDecimal.ONE), row(20, "s", 23, "s", BigDecimal.ONE))));
    assertEquals("Key (id)=(20) already exists.", e.detail());
    assertSame(before, tx.snapshot());
    assertEquals(2, Fixtures.scan(before.table("t")).size());
    assertEquals(-1, before.table("t").lookupPrimaryKey(new Object[] {20}));
    tx.insert("t", rows(row(30, "z", 30, "z", BigDecimal.ONE)));
    TableVersion t = tx.snapshot().table("t");
    assertEquals(3, Fixtures.scan(t).size());
    assertEquals(-1, t.lookupPrimaryKey(new Object[] {21}));
    assertEquals(2, Fixtures.scan(before.table("t")).size(), "the earlier view is still intact");
  }
}
