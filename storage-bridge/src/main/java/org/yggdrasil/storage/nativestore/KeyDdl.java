package org.yggdrasil.storage.nativestore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * ALTER TABLE ADD PRIMARY KEY / UNIQUE and DROP CONSTRAINT on one table version. The key index is
 * built from the live rows (23505 on duplicates, 23502 for NULLs in a new primary key) and keeps
 * the key order of {@link TableState}: primary key, unique keys, unique indexes.
 */
final class KeyDdl {
  private KeyDdl() {}

  static TableState add(TableState t, String name, List<String> columns, boolean primary) {
    TableSchema s = t.schema;
    Set<String> seen = new HashSet<>();
    for (String c : columns) {
      int idx = s.columnIndex(c);
      if (idx < 0) {
        throw SqlStateException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" named in key does not exist", c);
      }
      if (!seen.add(c)) {
        throw SqlStateException.of(SqlState.DUPLICATE_COLUMN, "column \"%s\" appears twice in %s constraint",
            c, primary ? "primary key" : "unique");
      }
    }
    if (primary && t.hasPrimaryKey()) {
      throw SqlStateException.of(SqlState.INVALID_TABLE_DEFINITION,
          "multiple primary keys for table \"%s\" are not allowed", s.name());
    }
    List<ColumnDef> cols = new ArrayList<>(s.columns());
    if (primary) {
      for (String c : columns) {
        int idx = s.columnIndex(c);
        if (!cols.get(idx).notNull()) {
          t = TableDdl.alterColumn(t, c, cols.get(idx).defaultSql(), true);
          cols.set(idx, cols.get(idx).withNotNull(true));
        }
      }
    }
    TableSchema schema = primary ? t.schema.withPrimaryKey(columns) : t.schema.withUniqueKeys(append(t.schema.uniqueKeys(), columns));
    int[] positions = columns.stream().mapToInt(s::columnIndex).toArray();
    KeyIndex key = IndexDdl.build(t, KeyIndex.create(name, schema, positions, t.config.keyHashMask()));
    List<KeyIndex> keys = new ArrayList<>(Arrays.asList(t.keys()));
    keys.add(primary ? 0 : (t.hasPrimaryKey() ? 1 : 0) + s.uniqueKeys().size(), key);
    return t.withSchema(schema, t.encodings, t.columns, keys.toArray(KeyIndex[]::new));
  }

  private static List<List<String>> append(List<List<String>> keys, List<String> key) {
    List<List<String>> out = new ArrayList<>(keys);
    out.add(key);
    return out;
  }

  /** Drops the primary key or unique constraint whose index is named {@code name}; false if none is. */
  static TableState drop(TableState t, String name) {
    List<String> names = t.constraintIndexNames();
    int at = names.indexOf(name);
    if (at < 0) {
      return null;
    }
    List<KeyIndex> keys = new ArrayList<>(Arrays.asList(t.keys()));
    keys.remove(at);
    TableSchema schema;
    if (at == 0 && t.hasPrimaryKey()) {
      schema = t.schema.withPrimaryKey(List.of());
    } else {
      List<List<String>> uniques = new ArrayList<>(t.schema.uniqueKeys());
      uniques.remove(at - (t.hasPrimaryKey() ? 1 : 0));
      schema = t.schema.withUniqueKeys(uniques);
    }
    return t.withSchema(schema, t.encodings, t.columns, keys.toArray(KeyIndex[]::new));
  }
}
