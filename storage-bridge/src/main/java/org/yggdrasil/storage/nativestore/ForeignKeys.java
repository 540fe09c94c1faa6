package org.yggdrasil.storage.nativestore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * Enforces FOREIGN KEY constraints on a transaction's writes, right after each write call (a
 * statement's rows arrive in one call, so this is PostgreSQL's end-of-statement NO ACTION check;
 * a self-referencing table sees its own new rows). A child row's parent is found through the
 * parent's key index; a parent row's children are found by scanning the child table, since
 * foreign-key columns have no index of their own.
 */
final class ForeignKeys {
  private ForeignKeys() {}

  /** The key number of {@code parent} whose columns are {@code fk}'s referenced columns (they are validated to be one). */
  static int keyNumber(TableState parent, ForeignKeyDef fk) {
    int k = parent.keyColumns().indexOf(fk.refColumns());
    if (k < 0) {
      throw Errors.internal("foreign key \"%s\": no key (%s) on \"%s\"", fk.name(),
          String.join(", ", fk.refColumns()), parent.schema.name());
    }
    return k;
  }

  /**
   * Checks a new or changed FOREIGN KEY against the tables and normalises it: the referenced
   * columns default to the parent's primary key and are put in the order of the parent's matching
   * key (the referencing columns follow along). 42830 when no primary or unique key matches.
   */
  static ForeignKeyDef resolve(NavigableMap<String, TableState> tables, TableSchema child, ForeignKeyDef fk) {
    for (String c : fk.columns()) {
      if (child.columnIndex(c) < 0) {
        throw SqlStateException.of(SqlState.UNDEFINED_COLUMN,
            "column \"%s\" referenced in foreign key constraint does not exist", c);
      }
    }
    TableState parent = tables.get(fk.refTable());
    if (parent == null || fk.refTable().equals(CatalogTable.NAME)) {
      throw Errors.undefinedTable(fk.refTable());
    }
    TableSchema ps = parent.schema;
    List<String> refCols = fk.refColumns();
    if (refCols.isEmpty()) {
      if (ps.primaryKey().isEmpty()) {
        throw SqlStateException.of(SqlState.UNDEFINED_OBJECT,
            "there is no primary key for referenced table \"%s\"", ps.name());
      }
      refCols = ps.primaryKey();
    }
    for (String c : refCols) {
      if (ps.columnIndex(c) < 0) {
        throw SqlStateException.of(SqlState.UNDEFINED_COLUMN,
            "column \"%s\" referenced in foreign key constraint does not exist", c);
      }
    }
    if (refCols.size() != fk.columns().size()) {
      throw SqlStateException.of(SqlState.INVALID_FOREIGN_KEY,
          "number of referencing and referenced columns for foreign key disagree");
    }
    for (List<String> key : parent.keyColumns()) {
      if (key.size() == refCols.size() && new HashSet<>(key).equals(new HashSet<>(refCols))) {
        List<String> cols = new ArrayList<>();
        for (String k : key) {
          cols.add(fk.columns().get(refCols.indexOf(k)));
        }
        return new ForeignKeyDef(fk.name(), cols, fk.refTable(), key, fk.onDelete(), fk.onUpdate());
      }
    }
    throw SqlStateException.of(SqlState.INVALID_FOREIGN_KEY,
        "there is no unique constraint matching given keys for referenced table \"%s\"", ps.name());
  }

  /** 23503 unless every row (full rows of {@code child}) with a non-null key has its parent row. */
  static void checkParents(NavigableMap<String, TableState> tables, TableSchema child, Object[][] rows) {
    for (ForeignKeyDef fk : child.foreignKeys()) {
      checkParents(tables, child, fk, rows);
    }
  }

  static void checkParents(NavigableMap<String, TableState> tables, TableSchema child, ForeignKeyDef fk,
      Object[][] rows) {
    TableState parent = tables.get(fk.refTable());
    int keyNo = keyNumber(parent, fk);
    int[] cols = positions(child, fk.columns());
    for (Object[] row : rows) {
      Object[] key = pick(row, cols);
      if (key != null && parent.lookupKey(keyNo, key) < 0) {
        throw new SqlStateException(SqlState.FOREIGN_KEY_VIOLATION,
            "insert or update on table \"" + child.name() + "\" violates foreign key constraint \""
                + fk.name() + "\"",
            "Key (" + String.join(", ", fk.columns()) + ")=(" + ValueText.join(key)
                + ") is not present in table \"" + fk.refTable() + "\".", null, 0, null);
      }
    }
  }

  /** The write operations the referential actions need, implemented by the transaction. */
  interface Writer {
    NavigableMap<String, TableState> tables();

    void delete(String table, long[] positions);

    void update(String table, long[] positions, List<Object[]> newRows);
  }

  /**
   * Parent rows {@code oldRows} of {@code parent} were deleted ({@code newRows} null) or replaced by
   * {@code newRows}: children still pointing at a key that no longer exists get their constraint's
   * action (RESTRICT / NO ACTION: 23503; CASCADE; SET NULL).
   */
  static void parentRowsChanged(Writer w, String parent, Object[][] oldRows, Object[][] newRows) {
    TableState p = w.tables().get(parent);
    for (TableState child : List.copyOf(w.tables().values())) {
      for (ForeignKeyDef fk : child.schema.foreignKeys()) {
        if (!fk.refTable().equals(parent)) {
          continue;
        }
        TableState current = w.tables().get(parent);
        int keyNo = keyNumber(current, fk);
        int[] refCols = positions(p.schema, fk.refColumns());
        Map<List<Object>, Object[]> gone = new HashMap<>();
        for (int i = 0; i < oldRows.length; i++) {
          Object[] key = pick(oldRows[i], refCols);
          if (key != null && current.lookupKey(keyNo, key) < 0) {
            gone.put(Arrays.asList(key), newRows == null ? null : pick(newRows[i], refCols));
          }
        }
        if (!gone.isEmpty()) {
          applyAction(w, w.tables().get(child.schema.name()), fk, p.schema, gone, newRows == null);
        }
      }
    }
  }

  private static void applyAction(Writer w, TableState child, ForeignKeyDef fk, TableSchema parent,
      Map<List<Object>, Object[]> gone, boolean delete) {
    int[] cols = positions(child.schema, fk.columns());
    int[] refCols = positions(parent, fk.refColumns());
    List<Long> hits = new ArrayList<>();
    List<Object[]> hitKeys = new ArrayList<>();
    try (RowCursor rc = child.scan(cols)) {
      while (rc.next()) {
        Object[] key = new Object[cols.length];
        boolean hasNull = false;
        for (int i = 0; i < cols.length; i++) {
          Object v = rc.value(i);
          key[i] = v == null ? null : ValueCoercion.coerceForLookup(parent.column(refCols[i]), v);
          hasNull |= key[i] == null;
        }
        if (!hasNull && gone.containsKey(Arrays.asList(key))) {
          hits.add(rc.position());
          hitKeys.add(key);
        }
      }
    }
    if (hits.isEmpty()) {
      return;
    }
    ForeignKeyDef.Action action = delete ? fk.onDelete() : fk.onUpdate();
    long[] positions = hits.stream().mapToLong(Long::longValue).toArray();
    switch (action) {
      case CASCADE -> {
        if (delete) {
          w.delete(child.schema.name(), positions);
        } else {
          w.update(child.schema.name(), positions, changed(child, positions, cols, hitKeys, gone));
        }
      }
      case SET_NULL -> w.update(child.schema.name(), positions, changed(child, positions, cols, hitKeys, null));
      default -> throw new SqlStateException(SqlState.FOREIGN_KEY_VIOLATION,
          "update or delete on table \"" + parent.name() + "\" violates foreign key constraint \""
              + fk.name() + "\" on table \"" + child.schema.name() + "\"",
          "Key (" + String.join(", ", fk.refColumns()) + ")=(" + ValueText.join(hitKeys.get(0))
              + ") is still referenced from table \"" + child.schema.name() + "\".", null, 0, null);
    }
  }

  /** The child rows with their key set to the parent's new key ({@code gone} non-null) or to NULL. */
  private static List<Object[]> changed(TableState child, long[] positions, int[] cols, List<Object[]> keys,
      Map<List<Object>, Object[]> gone) {
    int[] all = new int[child.schema.columns().size()];
    Arrays.setAll(all, i -> i);
    List<Object[]> out = new ArrayList<>(positions.length);
    for (int i = 0; i < positions.length; i++) {
      Object[] row = child.row(positions[i], all);
      Object[] to = gone == null ? null : gone.get(Arrays.asList(keys.get(i)));
      for (int k = 0; k < cols.length; k++) {
        row[cols[k]] = to == null ? null : to[k];
      }
      out.add(row);
    }
    return out;
  }

  /** DROP TABLE {@code name}: 2BP01 for FOREIGN KEYs of other tables on it, or (cascade) drops them. */
  static void beforeDrop(NavigableMap<String, TableState> tables, String name, boolean cascade,
      Set<String> droppedTogether, java.util.function.BiConsumer<String, TableState> replace) {
    for (TableState child : List.copyOf(tables.values())) {
      String cn = child.schema.name();
      if (cn.equals(name) || droppedTogether.contains(cn)) {
        continue;
      }
      List<ForeignKeyDef> keep = new ArrayList<>();
      for (ForeignKeyDef fk : child.schema.foreignKeys()) {
        if (!fk.refTable().equals(name)) {
          keep.add(fk);
        } else if (!cascade) {
          throw new SqlStateException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
              "cannot drop table " + name + " because other objects depend on it",
              "constraint " + fk.name() + " on table " + cn + " depends on table " + name,
              "Use DROP ... CASCADE to drop the dependent objects too.", 0, null);
        }
      }
      if (keep.size() != child.schema.foreignKeys().size()) {
        replace.accept(cn, child.withSchema(child.schema.withForeignKeys(keep), child.encodings, child.columns,
            child.keys()));
      }
    }
  }

  /** DROP CONSTRAINT of a primary or unique key: 2BP01 while a FOREIGN KEY relies on it. */
  static void beforeKeyDrop(NavigableMap<String, TableState> tables, TableState parent, String keyName) {
    int at = parent.constraintIndexNames().indexOf(keyName);
    if (at < 0) {
      return;
    }
    List<String> keyCols = parent.keyColumns().get(at);
    String pn = parent.schema.name();
    for (TableState child : tables.values()) {
      for (ForeignKeyDef fk : child.schema.foreignKeys()) {
        if (fk.refTable().equals(pn) && fk.refColumns().equals(keyCols)) {
          throw new SqlStateException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
              "cannot drop constraint " + keyName + " on table " + pn + " because other objects depend on it",
              "constraint " + fk.name() + " on table " + child.schema.name() + " depends on index " + keyName,
              "Drop the foreign key constraint first.", 0, null);
        }
      }
    }
  }

  /** DROP COLUMN of a referenced column: 2BP01 (its key goes with it, the FOREIGN KEY could not be kept). */
  static void beforeReferencedColumnDrop(NavigableMap<String, TableState> tables, String table, String column) {
    for (TableState child : tables.values()) {
      for (ForeignKeyDef fk : child.schema.foreignKeys()) {
        if (fk.refTable().equals(table) && fk.refColumns().contains(column)
            && !(child.schema.name().equals(table) && fk.columns().contains(column))) {
          throw new SqlStateException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
              "cannot drop column " + column + " of table " + table + " because other objects depend on it",
              "constraint " + fk.name() + " on table " + child.schema.name() + " depends on column " + column
                  + " of table " + table,
              "Drop the foreign key constraint first.", 0, null);
        }
      }
    }
  }

  /** RENAME COLUMN of a parent: the FOREIGN KEYs referencing it follow the new name. */
  static void renameReferencedColumn(NavigableMap<String, TableState> tables, String table, String from, String to) {
    for (TableState child : List.copyOf(tables.values())) {
      if (child.schema.foreignKeys().stream().noneMatch(f -> f.refTable().equals(table))) {
        continue;
      }
      List<ForeignKeyDef> fks = child.schema.foreignKeys().stream()
          .map(f -> f.refTable().equals(table)
              ? f.withRefColumns(f.refColumns().stream().map(c -> c.equals(from) ? to : c).toList()) : f)
          .toList();
      tables.put(child.schema.name(), child.withSchema(child.schema.withForeignKeys(fks), child.encodings,
          child.columns, child.keys()));
    }
  }

  /** TRUNCATE: 0A000 while a table not truncated with it references it. */
  static void beforeTruncate(NavigableMap<String, TableState> tables, String name, Set<String> together) {
    for (TableState child : tables.values()) {
      String cn = child.schema.name();
      if (cn.equals(name) || together.contains(cn)) {
        continue;
      }
      for (ForeignKeyDef fk : child.schema.foreignKeys()) {
        if (fk.refTable().equals(name)) {
          throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
              "cannot truncate a table referenced in a foreign key constraint",
              "Table \"" + cn + "\" references \"" + name + "\".",
              "Truncate table \"" + cn + "\" at the same time.", 0, null);
        }
      }
    }
  }

  /** The FOREIGN KEYs of other tables naming {@code from}, renamed to {@code to}. */
  static void renameParent(NavigableMap<String, TableState> tables, String from, String to) {
    for (TableState child : List.copyOf(tables.values())) {
      if (child.schema.foreignKeys().stream().noneMatch(f -> f.refTable().equals(from))) {
        continue;
      }
      List<ForeignKeyDef> fks = child.schema.foreignKeys().stream()
          .map(f -> f.refTable().equals(from) ? f.withRefTable(to) : f).toList();
      tables.put(child.schema.name(), child.withSchema(child.schema.withForeignKeys(fks), child.encodings,
          child.columns, child.keys()));
    }
  }

  static int[] positions(TableSchema s, List<String> cols) {
    return cols.stream().mapToInt(s::columnIndex).toArray();
  }

  /** The values at {@code cols}, or null if one of them is NULL (MATCH SIMPLE: not checked). */
  private static Object[] pick(Object[] row, int[] cols) {
    Object[] key = new Object[cols.length];
    for (int i = 0; i < cols.length; i++) {
      key[i] = row[cols[i]];
      if (key[i] == null) {
        return null;
      }
    }
    return key;
  }
}
