package org.yggdrasil.storage.nativestore;

import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * A read-write transaction on one branch, reading the branch head as of {@link
 * NativeDatabase#begin} plus its own writes. Each write builds a new immutable table version, so
 * {@link #snapshot()} views, savepoints and a failed statement's "before" all stay valid for free.
 * Every mutating call uses a fresh edit token: structures it creates may be updated in place within
 * that call only. Commit semantics are described on {@link NativeDatabase}. One session uses a
 * transaction at a time (not thread-safe); the snapshots it hands out are.
 */
public final class Transaction {
  private enum Status { ACTIVE, COMMITTED, ROLLED_BACK }

  private final NativeDatabase db;
  private final Branch branch;
  private final DbState base;
  private NavigableMap<String, TableState> tables;
  /** True while {@link #tables} is referenced by a view or savepoint and so must be copied first. */
  private boolean shared = true;
  private DbState view;
  private long schemaVersion;
  private boolean writes;
  private Status status = Status.ACTIVE;

  Transaction(NativeDatabase db, Branch branch, DbState base) {
    this.db = db;
    this.branch = branch;
    this.base = base;
    this.tables = base.tables;
    this.view = base;
    this.schemaVersion = base.schemaVersion;
  }

  /** The branch this transaction reads and commits to. */
  public String branch() {
    return branch.name;
  }

  public boolean isActive() {
    return status == Status.ACTIVE;
  }

  /** The immutable view of this transaction's current state, including its own writes. */
  public Snapshot snapshot() {
    ensureActive();
    if (view == null) {
      view = new DbState(db.nextVersion(), schemaVersion, tables);
      shared = true;
    }
    return view;
  }

  public boolean hasWrites() {
    return writes;
  }

  // ---- DDL ----

  public void createTable(TableSchema schema) {
    createTable(schema, KeyNames.DEFAULTS);
  }

  /** CREATE TABLE whose key constraints have the given names (see {@link KeyNames}). */
  public void createTable(TableSchema schema, KeyNames keyNames) {
    ensureActive();
    if (tables.containsKey(schema.name())) {
      throw Errors.duplicateTable(schema.name());
    }
    List<ForeignKeyDef> fks = schema.foreignKeys();
    TableState t = TableDdl.create(schema.withForeignKeys(List.of()), keyNames, db.allocateOid(),
        db.nextVersion(), db.config());
    mutable().put(schema.name(), t);
    // resolved once the table exists, so that a table may reference itself
    for (ForeignKeyDef fk : fks) {
      addForeignKey(schema.name(), fk);
    }
    schemaChanged();
  }

  public void dropTable(String name) {
    dropTable(name, false, java.util.Set.of());
  }

  /**
   * DROP TABLE: 2BP01 while another table's FOREIGN KEY references it, unless {@code cascade}
   * (which drops those constraints); tables in {@code droppedTogether} (the same DROP TABLE) do not count.
   */
  public void dropTable(String name, boolean cascade, java.util.Set<String> droppedTogether) {
    ensureActive();
    if (!tables.containsKey(name)) {
      throw SqlStateException.of(SqlState.UNDEFINED_TABLE, "table \"%s\" does not exist", name);
    }
    ForeignKeys.beforeDrop(tables, name, cascade, droppedTogether, (n, t) -> mutable().put(n, t));
    mutable().remove(name);
    schemaChanged();
  }

  /**
   * ADD FOREIGN KEY: the referenced columns default to the parent's primary key and must be its
   * primary key or a unique key (42830); existing rows must have their parents (23503).
   */
  public void addForeignKey(String table, ForeignKeyDef fk) {
    TableState t = table(table);
    if (t.schema.foreignKey(fk.name()) != null) {
      throw SqlStateException.of(SqlState.DUPLICATE_OBJECT,
          "constraint \"%s\" for relation \"%s\" already exists", fk.name(), table);
    }
    ForeignKeyDef resolved = ForeignKeys.resolve(tables, t.schema, fk);
    List<ForeignKeyDef> fks = new java.util.ArrayList<>(t.schema.foreignKeys());
    fks.add(resolved);
    TableState changed = t.withSchema(t.schema.withForeignKeys(fks), t.encodings, t.columns, t.keys());
    Savepoint before = savepoint();
    replace(table, changed);
    undoIfFails(before, () -> ForeignKeys.checkParents(tables, changed.schema, resolved, allRows(changed)));
  }

  /** DROP CONSTRAINT of a FOREIGN KEY; false if the table has none so named. */
  public boolean dropForeignKey(String table, String name) {
    TableState t = table(table);
    if (t.schema.foreignKey(name) == null) {
      return false;
    }
    List<ForeignKeyDef> fks = t.schema.foreignKeys().stream().filter(f -> !f.name().equals(name)).toList();
    replace(table, t.withSchema(t.schema.withForeignKeys(fks), t.encodings, t.columns, t.keys()));
    return true;
  }

  /** ADD CHECK: stored only; the statement layer evaluates the expression (and checks existing rows). */
  public void addCheck(String table, CheckDef check) {
    TableState t = table(table);
    List<CheckDef> checks = new java.util.ArrayList<>(t.schema.checks());
    checks.add(check);
    replace(table, t.withSchema(t.schema.withChecks(checks), t.encodings, t.columns, t.keys()));
  }

  /** DROP CONSTRAINT of a CHECK; false if the table has none so named. */
  public boolean dropCheck(String table, String name) {
    TableState t = table(table);
    List<CheckDef> checks = t.schema.checks().stream().filter(c -> !c.name().equals(name)).toList();
    if (checks.size() == t.schema.checks().size()) {
      return false;
    }
    replace(table, t.withSchema(t.schema.withChecks(checks), t.encodings, t.columns, t.keys()));
    return true;
  }

  /** Runs a check made after a write; if it fails, the write is undone so the call changed nothing. */
  private void undoIfFails(Savepoint before, Runnable check) {
    try {
      check.run();
    } catch (RuntimeException e) {
      rollbackTo(before);
      throw e;
    }
  }

  private static Object[][] allRows(TableState t) {
    int[] all = new int[t.schema.columns().size()];
    Arrays.setAll(all, i -> i);
    List<Object[]> rows = new java.util.ArrayList<>();
    try (RowCursor rc = t.scan(all)) {
      while (rc.next()) {
        Object[] row = new Object[all.length];
        for (int i = 0; i < all.length; i++) {
          row[i] = rc.value(i);
        }
        rows.add(row);
      }
    }
    return rows.toArray(Object[][]::new);
  }

  private static Object[][] rowsAt(TableState t, long[] positions) {
    int[] all = new int[t.schema.columns().size()];
    Arrays.setAll(all, i -> i);
    Object[][] out = new Object[positions.length][];
    for (int i = 0; i < positions.length; i++) {
      out[i] = t.row(positions[i], all);
    }
    return out;
  }

  /** True when some table's FOREIGN KEY references {@code table} (so its deletes need checking). */
  private boolean referenced(String table) {
    for (TableState t : tables.values()) {
      for (ForeignKeyDef fk : t.schema.foreignKeys()) {
        if (fk.refTable().equals(table)) {
          return true;
        }
      }
    }
    return false;
  }

  private final ForeignKeys.Writer fkWriter = new ForeignKeys.Writer() {
    @Override
    public NavigableMap<String, TableState> tables() {
      return tables;
    }

    @Override
    public void delete(String table, long[] positions) {
      Transaction.this.delete(table, positions);
    }

    @Override
    public void update(String table, long[] positions, List<Object[]> newRows) {
      Transaction.this.update(table, positions, newRows);
    }
  };

  public void truncate(String name) {
    truncate(name, java.util.Set.of());
  }

  /** TRUNCATE: 0A000 while a table outside {@code together} (the same TRUNCATE) references it. */
  public void truncate(String name, java.util.Set<String> together) {
    TableState t = table(name);
    ForeignKeys.beforeTruncate(tables, name, together);
    if (t.physicalRows == 0) {
      return;
    }
    mutable().put(name, TableDdl.truncate(t, db.nextVersion()));
  }

  public void addColumn(String table, ColumnDef col) {
    addColumn(table, col, null);
  }

  /** ADD COLUMN whose existing rows get {@code fillValue} (a constant DEFAULT), or NULL. */
  public void addColumn(String table, ColumnDef col, Object fillValue) {
    replace(table, TableDdl.addColumn(table(table), col, fillValue));
  }

  /** DROP COLUMN; 2BP01 while another table's FOREIGN KEY references the column. */
  public void dropColumn(String table, String col) {
    TableState t = table(table);
    ForeignKeys.beforeReferencedColumnDrop(tables, table, col);
    replace(table, TableDdl.dropColumn(t, col));
  }

  public void renameColumn(String table, String from, String to) {
    replace(table, TableDdl.renameColumn(table(table), from, to));
    ForeignKeys.renameReferencedColumn(mutable(), table, from, to);
  }

  public void renameTable(String from, String to) {
    TableState t = table(from);
    if (tables.containsKey(to)) {
      throw Errors.duplicateTable(to);
    }
    NavigableMap<String, TableState> m = mutable();
    m.remove(from);
    m.put(to, TableDdl.renameTable(t, to));
    ForeignKeys.renameParent(m, from, to);
    schemaChanged();
  }

  /** ALTER COLUMN SET DEFAULT (an SQL expression) or DROP DEFAULT (null). */
  public void setColumnDefault(String table, String column, String defaultSql) {
    TableState t = table(table);
    int idx = t.schema.columnIndex(column);
    boolean notNull = idx >= 0 && t.schema.column(idx).notNull();
    replace(table, TableDdl.alterColumn(t, column, defaultSql, notNull));
  }

  /** ALTER COLUMN SET NOT NULL (23502 if a row holds NULL) or DROP NOT NULL. */
  public void setColumnNotNull(String table, String column, boolean notNull) {
    TableState t = table(table);
    int idx = t.schema.columnIndex(column);
    String defaultSql = idx >= 0 ? t.schema.column(idx).defaultSql() : null;
    replace(table, TableDdl.alterColumn(t, column, defaultSql, notNull));
  }

  /** ALTER COLUMN … TYPE: converts every value (length, range and type errors as on INSERT). */
  public void alterColumnType(String table, String column, ColumnDef newType) {
    replace(table, ColumnTypeChange.apply(table(table), column, newType));
  }

  /** ADD PRIMARY KEY / UNIQUE with the given constraint (and index) name. */
  public void addKey(String table, String name, List<String> columns, boolean primary) {
    replace(table, KeyDdl.add(table(table), name, columns, primary));
  }

  /** DROP CONSTRAINT of a primary key or unique constraint; false if the table has none so named. */
  public boolean dropKey(String table, String name) {
    ForeignKeys.beforeKeyDrop(tables, table(table), name);
    TableState t = KeyDdl.drop(table(table), name);
    if (t == null) {
      return false;
    }
    replace(table, t);
    return true;
  }

  /** CREATE INDEX on {@code table}: a unique index is built from the rows now (23505 on duplicates). */
  public void createIndex(String table, IndexDef index) {
    replace(table, IndexDdl.create(table(table), index));
  }

  public void dropIndex(String table, String index) {
    replace(table, IndexDdl.drop(table(table), index));
  }

  /** A fresh object id for a new catalog object (an index, view or sequence), like a table's. */
  public long allocateOid() {
    ensureActive();
    return db.allocateOid();
  }

  /** Adds a catalog object, or replaces the one of the same kind and name. */
  public void putCatalogEntry(CatalogEntry entry) {
    ensureActive();
    if (!tables.containsKey(CatalogTable.NAME)) {
      mutable().put(CatalogTable.NAME,
          TableDdl.create(CatalogTable.SCHEMA, db.allocateOid(), db.nextVersion(), db.config()));
    }
    deleteCatalogRow(entry.kind(), entry.name());
    insert(CatalogTable.NAME, List.<Object[]>of(CatalogTable.row(entry)));
    schemaChanged();
  }

  /** Removes a catalog object; false if there was none. */
  public boolean removeCatalogEntry(String kind, String name) {
    ensureActive();
    if (!tables.containsKey(CatalogTable.NAME) || !deleteCatalogRow(kind, name)) {
      return false;
    }
    schemaChanged();
    return true;
  }

  private boolean deleteCatalogRow(String kind, String name) {
    long p = table(CatalogTable.NAME).lookupKey(0, CatalogTable.key(kind, name));
    if (p < 0) {
      return false;
    }
    delete(CatalogTable.NAME, new long[] {p});
    return true;
  }

  private void replace(String name, TableState t) {
    mutable().put(name, t);
    schemaChanged();
  }

  private void schemaChanged() {
    schemaVersion = db.nextVersion();
  }

  // ---- DML ----

  /** Inserts full rows (values in column order); returns their positions. */
  public long[] insert(String table, List<Object[]> rows) {
    TableState t = table(table);
    if (rows.isEmpty()) {
      return new long[0];
    }
    Object[][] coerced = coerceRows(t.schema, rows);
    long first = db.allocateRowIds(rows.size());
    long[] ids = new long[rows.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = first + i;
    }
    TableWrites.Applied a = TableWrites.apply(t, new long[0], coerced, ids, new Object(), false);
    Savepoint before = t.schema.foreignKeys().isEmpty() ? null : savepoint();
    mutable().put(table, a.table());
    if (!t.schema.foreignKeys().isEmpty()) {
      undoIfFails(before, () -> ForeignKeys.checkParents(tables, t.schema, coerced));
    }
    return a.positions();
  }

  /** Inserts rows keeping the row ids they have elsewhere (merges keep keyless rows' identity). */
  void insertWithRowIds(String table, List<Object[]> rows, long[] rowIds) {
    TableState t = table(table);
    if (rows.isEmpty()) {
      return;
    }
    TableWrites.Applied a = TableWrites.apply(t, new long[0], coerceRows(t.schema, rows),
        rowIds.clone(), new Object(), false);
    mutable().put(table, a.table());
  }

  /**
   * Replaces whole rows. Positions come from a scan of {@link #snapshot()}; a position listed twice
   * is updated once, with its first new row.
   */
  public void update(String table, long[] positions, List<Object[]> newRows) {
    TableState t = table(table);
    if (positions.length != newRows.size()) {
      throw Errors.internal("update of %s: %d positions but %d rows", table, positions.length, newRows.size());
    }
    long[] sorted = distinctLive(t, positions);
    if (sorted.length == 0) {
      return;
    }
    Object[][] rows = new Object[sorted.length][];
    long[] ids = new long[sorted.length];
    boolean[] taken = new boolean[sorted.length];
    long[] order = new long[sorted.length];
    int n = 0;
    for (int i = 0; i < positions.length; i++) {
      int at = Arrays.binarySearch(sorted, positions[i]);
      if (!taken[at]) {
        taken[at] = true;
        rows[n] = coerceRow(t.schema, newRows.get(i));
        order[n] = positions[i];
        ids[n++] = t.rowIdAt(positions[i]);
      }
    }
    Object[][] oldRows = referenced(table) ? rowsAt(t, order) : null;
    TableWrites.Applied a = TableWrites.apply(t, sorted, rows, ids, new Object(), false);
    boolean check = oldRows != null || !t.schema.foreignKeys().isEmpty();
    Savepoint before = check ? savepoint() : null;
    mutable().put(table, a.table());
    if (check) {
      undoIfFails(before, () -> {
        if (!t.schema.foreignKeys().isEmpty()) {
          ForeignKeys.checkParents(tables, t.schema, rows);
        }
        if (oldRows != null) {
          ForeignKeys.parentRowsChanged(fkWriter, table, oldRows, rows);
        }
      });
    }
  }

  public void delete(String table, long[] positions) {
    TableState t = table(table);
    long[] sorted = distinctLive(t, positions);
    if (sorted.length == 0) {
      return;
    }
    Object[][] oldRows = referenced(table) ? rowsAt(t, sorted) : null;
    TableWrites.Applied a = TableWrites.apply(t, sorted, new Object[0][], new long[0], new Object(), false);
    Savepoint before = oldRows != null ? savepoint() : null;
    mutable().put(table, a.table());
    if (oldRows != null) {
      undoIfFails(before, () -> ForeignKeys.parentRowsChanged(fkWriter, table, oldRows, null));
    }
  }

  private static long[] distinctLive(TableState t, long[] positions) {
    long[] sorted = Arrays.stream(positions).sorted().distinct().toArray();
    for (long p : sorted) {
      if (!t.isLive(p)) {
        throw Errors.internal("no live row at position %d of relation \"%s\"", p, t.schema.name());
      }
    }
    return sorted;
  }

  private static Object[][] coerceRows(TableSchema schema, List<Object[]> rows) {
    Object[][] out = new Object[rows.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = coerceRow(schema, rows.get(i));
    }
    return out;
  }

  private static Object[] coerceRow(TableSchema schema, Object[] row) {
    int n = schema.columns().size();
    if (row.length != n) {
      throw Errors.internal("relation \"%s\" has %d columns but the row has %d values", schema.name(), n, row.length);
    }
    Object[] out = new Object[n];
    for (int c = 0; c < n; c++) {
      out[c] = ValueCoercion.coerce(schema.column(c), row[c]);
    }
    for (int c = 0; c < n; c++) {
      if (out[c] == null && schema.column(c).notNull()) {
        throw Errors.notNull(schema.name(), schema.column(c).name(), "Failing row contains (" + ValueText.join(out) + ").");
      }
    }
    return out;
  }

  // ---- savepoints and the end ----

  public Savepoint savepoint() {
    ensureActive();
    shared = true;
    return new Savepoint(this, tables, view, schemaVersion, writes);
  }

  public void rollbackTo(Savepoint sp) {
    ensureActive();
    if (sp.owner != this) {
      throw SqlStateException.of(SqlState.INVALID_SAVEPOINT_SPECIFICATION, "savepoint does not belong to this transaction");
    }
    tables = sp.tables;
    shared = true;
    view = sp.view;
    schemaVersion = sp.schemaVersion;
    writes = sp.writes;
  }

  /**
   * Makes this transaction's writes the branch head (rebasing onto concurrent commits when they
   * are disjoint, else 40001). A transaction without writes commits nothing and returns the
   * version it read.
   */
  public CommitInfo commit() {
    return commit(null, null);
  }

  /**
   * Like {@link #commit()}, labelling the commit (if it wrote) with a message and an author (null:
   * empty message, author {@code ygg}).
   */
  public CommitInfo commit(String message, String author) {
    return commit(message, author, null);
  }

  /**
   * Commits with {@code mergeParent} as the second parent (a merge commit, made even when the
   * merge wrote nothing, so the source counts as merged); null for an ordinary commit.
   */
  CommitInfo commit(String message, String author, String mergeParent) {
    ensureActive();
    status = Status.ROLLED_BACK; // unless the commit below succeeds
    CommitInfo info = writes || mergeParent != null
        ? db.commit(branch, base, tables, schemaVersion, message, author, mergeParent)
        : new CommitInfo(base.version, base.commitId);
    shared = true;
    status = Status.COMMITTED;
    return info;
  }

  public void rollback() {
    if (status == Status.ACTIVE) {
      status = Status.ROLLED_BACK;
    }
  }

  private TableState table(String name) {
    ensureActive();
    TableState t = tables.get(name);
    if (t == null) {
      throw Errors.undefinedTable(name);
    }
    return t;
  }

  private NavigableMap<String, TableState> mutable() {
    if (shared) {
      tables = new TreeMap<>(tables);
      shared = false;
    }
    view = null;
    writes = true;
    return tables;
  }

  private void ensureActive() {
    if (status != Status.ACTIVE) {
      throw SqlStateException.of(SqlState.INVALID_TRANSACTION_STATE, "transaction is already %s",
          status == Status.COMMITTED ? "committed" : "rolled back");
    }
  }
}
