package org.yggdrasil.storage.nativestore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * CREATE INDEX and DROP INDEX on one table version. A unique index gets a {@link KeyIndex} built
 * from the live rows (existing duplicates fail the statement with 23505) and placed after the
 * unique keys' indexes, in the order of {@link TableSchema#uniqueIndexes()}.
 */
final class IndexDdl {
  private IndexDdl() {}

  static TableState create(TableState t, IndexDef index) {
    TableSchema schema = t.schema;
    if (index.columns().isEmpty()) {
      throw SqlStateException.of(SqlState.SYNTAX_ERROR, "an index needs at least one column");
    }
    int[] cols = new int[index.columns().size()];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = schema.columnIndex(index.columns().get(i).name());
      if (cols[i] < 0) {
        throw SqlStateException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" does not exist", index.columns().get(i).name());
      }
    }
    List<IndexDef> indexes = new ArrayList<>(schema.indexes());
    indexes.add(index);
    TableSchema withIndex = schema.withIndexes(indexes);
    KeyIndex[] keys = t.keys();
    if (index.unique()) {
      keys = Arrays.copyOf(keys, keys.length + 1);
      keys[keys.length - 1] = build(t, KeyIndex.create(index.name(), schema, cols, t.config.keyHashMask()));
    }
    return t.withSchema(withIndex, t.encodings, t.columns, keys);
  }

  /** The key index filled with every live row's key; 23505 if two rows share one. */
  static KeyIndex build(TableState t, KeyIndex empty) {
    KeyIndex k = empty;
    Object edit = new Object();
    try (RowCursor cur = t.scan(k.columns)) {
      while (cur.next()) {
        Object[] key = new Object[k.columns.length];
        boolean hasNull = false;
        for (int i = 0; i < key.length; i++) {
          key[i] = cur.value(i);
          hasNull |= key[i] == null;
        }
        if (hasNull) {
          continue;
        }
        KeyIndex added = k.find(key, t) >= 0 ? null : k.add(key, cur.position(), edit);
        if (added == null) {
          throw new SqlStateException(SqlState.UNIQUE_VIOLATION,
              "could not create unique index \"" + k.name + "\"",
              "Key (" + k.columnList(t.schema) + ")=(" + ValueText.join(key) + ") is duplicated.", null, 0, null);
        }
        k = added;
      }
    }
    return k;
  }

  static TableState drop(TableState t, String name) {
    TableSchema schema = t.schema;
    IndexDef index = schema.index(name);
    if (index == null) {
      throw SqlStateException.of(SqlState.UNDEFINED_OBJECT, "index \"%s\" does not exist", name);
    }
    List<IndexDef> indexes = new ArrayList<>(schema.indexes());
    indexes.remove(index);
    KeyIndex[] keys = t.keyDefinitions();
    if (index.unique()) {
      int at = (t.hasPrimaryKey() ? 1 : 0) + schema.uniqueKeys().size() + schema.uniqueIndexes().indexOf(index);
      List<KeyIndex> rest = new ArrayList<>(Arrays.asList(t.keys()));
      rest.remove(at);
      keys = rest.toArray(KeyIndex[]::new);
    } else {
      keys = t.keys();
    }
    return t.withSchema(schema.withIndexes(indexes), t.encodings, t.columns, keys);
  }
}
