package org.yggdrasil.storage.nativestore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.storage.nativestore.chunk.ColumnChunk;
import org.yggdrasil.storage.nativestore.chunk.Encoding;
import org.yggdrasil.storage.nativestore.persistent.PVector;

/**
 * Schema changes of one table: CREATE (validating columns and keys), TRUNCATE and the ALTER TABLE
 * forms. None copies row data except ADD COLUMN, which builds one constant chunk and shares it
 * across all full chunks.
 */
final class TableDdl {
  private TableDdl() {}

  static TableState create(TableSchema schema, long oid, long lineage, StoreConfig config) {
    return create(schema, KeyNames.DEFAULTS, oid, lineage, config);
  }

  /** As above, with the key constraints named as CREATE TABLE asked. */
  static TableState create(TableSchema schema, KeyNames given, long oid, long lineage,
      StoreConfig config) {
    Set<String> names = new HashSet<>();
    for (ColumnDef col : schema.columns()) {
      validateColumn(col);
      if (!names.add(col.name())) {
        throw SqlStateException.of(SqlState.DUPLICATE_COLUMN, "column \"%s\" specified more than once", col.name());
      }
    }
    checkKey(schema, schema.primaryKey(), "primary key");
    for (List<String> key : schema.uniqueKeys()) {
      if (key.isEmpty()) {
        throw SqlStateException.of(SqlState.INVALID_TABLE_DEFINITION, "unique constraint needs at least one column");
      }
      checkKey(schema, key, "unique");
    }
    List<ColumnDef> cols = new ArrayList<>(schema.columns());
    for (String pk : schema.primaryKey()) {
      int i = schema.columnIndex(pk);
      cols.set(i, cols.get(i).withNotNull(true));
    }
    TableSchema normalized = schema.withColumns(cols);
    List<KeyIndex> keys = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (String name : given.given()) {
      if (!used.add(name)) {
        throw SqlStateException.of(SqlState.DUPLICATE_TABLE, "relation \"%s\" already exists", name);
      }
    }
    if (!normalized.primaryKey().isEmpty()) {
      String name = given.primaryKey() != null ? given.primaryKey()
          : unique(used, schema.name() + "_pkey");
      keys.add(KeyIndex.create(name, normalized,
          indexes(normalized, normalized.primaryKey()), config.keyHashMask()));
    }
    for (int k = 0; k < normalized.uniqueKeys().size(); k++) {
      List<String> key = normalized.uniqueKeys().get(k);
      String name = given.uniqueKey(k) != null ? given.uniqueKey(k)
          : unique(used, schema.name() + "_" + String.join("_", key) + "_key");
      keys.add(KeyIndex.create(name, normalized, indexes(normalized, key), config.keyHashMask()));
    }
    return TableState.empty(config, normalized, oid, lineage, keys.toArray(KeyIndex[]::new));
  }

  static TableState truncate(TableState t, long lineage) {
    KeyIndex[] keys = Arrays.stream(t.keys()).map(KeyIndex::cleared).toArray(KeyIndex[]::new);
    return TableState.empty(t.config, t.schema, t.oid, lineage, keys);
  }

  static TableState addColumn(TableState t, ColumnDef col, Object fillValue) {
    validateColumn(col);
    if (t.schema.columnIndex(col.name()) >= 0) {
      throw Errors.duplicateColumn(t.schema.name(), col.name());
    }
    Object fill = ValueCoercion.coerce(col, fillValue);
    if (fill == null && col.notNull() && t.liveRows > 0) {
      throw SqlStateException.of(SqlState.NOT_NULL_VIOLATION,
          "column \"%s\" of relation \"%s\" contains null values", col.name(), t.schema.name());
    }
    Encoding enc = Encoding.of(col);
    int cr = t.config.chunkRows();
    PVector<ColumnChunk> chunks = PVector.empty();
    ColumnChunk full = null;
    for (int i = 0; i < t.chunkCount(); i++) {
      int rows = t.rowIds.get(i).rows();
      if (rows == cr) {
        full = full != null ? full : constant(enc, fill, rows, cr);
        chunks = chunks.append(full);
      } else {
        chunks = chunks.append(constant(enc, fill, rows, cr));
      }
    }
    List<ColumnDef> defs = new ArrayList<>(t.schema.columns());
    defs.add(col);
    List<PVector<ColumnChunk>> cols = new ArrayList<>(t.columns);
    cols.add(chunks);
    Encoding[] encs = Arrays.copyOf(t.encodings, t.encodings.length + 1);
    encs[encs.length - 1] = enc;
    return t.withSchema(t.schema.withColumns(defs), encs, cols, t.keys());
  }

  private static ColumnChunk constant(Encoding enc, Object value, int rows, int chunkRows) {
    Object[] values = new Object[rows];
    Arrays.fill(values, value);
    return ColumnChunk.empty(enc).append(values, 0, rows, chunkRows);
  }

  static TableState dropColumn(TableState t, String column) {
    int idx = t.schema.columnIndex(column);
    if (idx < 0) {
      throw Errors.undefinedColumn(t.schema.name(), column);
    }
    List<ColumnDef> defs = new ArrayList<>(t.schema.columns());
    defs.remove(idx);
    List<PVector<ColumnChunk>> cols = new ArrayList<>(t.columns);
    cols.remove(idx);
    Encoding[] encs = new Encoding[t.encodings.length - 1];
    for (int i = 0, j = 0; i < t.encodings.length; i++) {
      if (i != idx) {
        encs[j++] = t.encodings[i];
      }
    }
    List<String> pk = t.schema.primaryKey().contains(column) ? List.of() : t.schema.primaryKey();
    List<List<String>> uniques = new ArrayList<>();
    List<KeyIndex> keys = new ArrayList<>();
    int k = 0;
    if (t.hasPrimaryKey()) {
      if (!pk.isEmpty()) {
        keys.add(renumber(t.keys()[0], idx));
      }
      k = 1;
    }
    for (List<String> key : t.schema.uniqueKeys()) {
      if (!key.contains(column)) {
        uniques.add(key);
        keys.add(renumber(t.keys()[k], idx));
      }
      k++;
    }
    // As in PostgreSQL, an index on the dropped column goes with it.
    List<IndexDef> indexes = new ArrayList<>();
    for (IndexDef index : t.schema.indexes()) {
      boolean keep = !index.covers(column);
      if (keep) {
        indexes.add(index);
      }
      if (index.unique()) {
        if (keep) {
          keys.add(renumber(t.keys()[k], idx));
        }
        k++;
      }
    }
    // A FOREIGN KEY on the dropped column goes with it too (as PostgreSQL's DROP COLUMN does).
    List<ForeignKeyDef> fks = t.schema.foreignKeys().stream().filter(f -> !f.columns().contains(column)).toList();
    TableSchema schema = new TableSchema(t.schema.name(), defs, pk, uniques, indexes, fks, t.schema.checks());
    return t.withSchema(schema, encs, cols, keys.toArray(KeyIndex[]::new));
  }

  private static KeyIndex renumber(KeyIndex key, int dropped) {
    return key.withColumns(Arrays.stream(key.columns).map(c -> c > dropped ? c - 1 : c).toArray());
  }

  static TableState renameColumn(TableState t, String from, String to) {
    int idx = t.schema.columnIndex(from);
    if (idx < 0) {
      throw Errors.undefinedColumn(t.schema.name(), from);
    }
    if (t.schema.columnIndex(to) >= 0) {
      throw Errors.duplicateColumn(t.schema.name(), to);
    }
    List<ColumnDef> defs = new ArrayList<>(t.schema.columns());
    defs.set(idx, defs.get(idx).withName(to));
    List<String> pk = t.schema.primaryKey().stream().map(c -> c.equals(from) ? to : c).toList();
    List<List<String>> uniques = t.schema.uniqueKeys().stream()
        .map(key -> key.stream().map(c -> c.equals(from) ? to : c).toList())
        .toList();
    List<IndexDef> indexes = t.schema.indexes().stream().map(i -> i.withColumnRenamed(from, to)).toList();
    List<ForeignKeyDef> fks = t.schema.foreignKeys().stream().map(f -> f.withColumnRenamed(from, to)).toList();
    return t.withSchema(new TableSchema(t.schema.name(), defs, pk, uniques, indexes, fks, t.schema.checks()),
        t.encodings, t.columns, t.keys());
  }

  /** ALTER COLUMN SET/DROP DEFAULT and SET/DROP NOT NULL: the definition changes, no data does. */
  static TableState alterColumn(TableState t, String column, String defaultSql, boolean notNull) {
    int idx = t.schema.columnIndex(column);
    if (idx < 0) {
      throw Errors.undefinedColumn(t.schema.name(), column);
    }
    ColumnDef before = t.schema.column(idx);
    if (before.notNull() && !notNull && t.schema.primaryKey().contains(column)) {
      throw SqlStateException.of(SqlState.INVALID_TABLE_DEFINITION,
          "column \"%s\" is in a primary key", column);
    }
    if (notNull && !before.notNull() && hasNull(t, idx)) {
      throw SqlStateException.of(SqlState.NOT_NULL_VIOLATION,
          "column \"%s\" of relation \"%s\" contains null values", column, t.schema.name());
    }
    List<ColumnDef> defs = new ArrayList<>(t.schema.columns());
    defs.set(idx, before.withDefaultSql(defaultSql).withNotNull(notNull));
    return t.withSchema(t.schema.withColumns(defs), t.encodings, t.columns, t.keys());
  }

  private static boolean hasNull(TableState t, int column) {
    try (RowCursor cur = t.scan(new int[] {column})) {
      while (cur.next()) {
        if (cur.value(0) == null) {
          return true;
        }
      }
    }
    return false;
  }

  static TableState renameTable(TableState t, String to) {
    return t.withSchema(t.schema.withName(to), t.encodings, t.columns, t.keys());
  }

  private static void validateColumn(ColumnDef col) {
    if (col.name().isEmpty()) {
      throw SqlStateException.of(SqlState.INVALID_COLUMN_DEFINITION, "zero-length column name");
    }
    switch (col.type()) {
      case VARCHAR, BPCHAR -> {
        if (col.length() == 0 || col.length() < -1 || col.length() > 10_485_760) {
          throw SqlStateException.of(SqlState.INVALID_PARAMETER_VALUE,
              "length for type %s must be between 1 and 10485760", col.type() == ColumnType.VARCHAR ? "varchar" : "char");
        }
      }
      case NUMERIC -> {
        if (col.length() == -1 && col.scale() > 0) {
          throw SqlStateException.of(SqlState.INVALID_PARAMETER_VALUE, "NUMERIC scale %d needs a precision", col.scale());
        }
        if (col.length() != -1 && (col.length() < 1 || col.length() > 1000)) {
          throw SqlStateException.of(SqlState.INVALID_PARAMETER_VALUE, "NUMERIC precision %d must be between 1 and 1000", col.length());
        }
        if (col.length() > 0 && col.scale() > col.length()) {
          throw SqlStateException.of(SqlState.INVALID_PARAMETER_VALUE,
              "NUMERIC scale %d must be between 0 and precision %d", col.scale(), col.length());
        }
      }
      default -> {}
    }
  }

  private static void checkKey(TableSchema schema, List<String> key, String kind) {
    Set<String> seen = new HashSet<>();
    for (String c : key) {
      if (schema.columnIndex(c) < 0) {
        throw SqlStateException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" named in key does not exist", c);
      }
      if (!seen.add(c)) {
        throw SqlStateException.of(SqlState.DUPLICATE_COLUMN, "column \"%s\" appears twice in %s constraint", c, kind);
      }
    }
  }

  private static int[] indexes(TableSchema schema, List<String> key) {
    return key.stream().mapToInt(schema::columnIndex).toArray();
  }

  private static String unique(Set<String> used, String name) {
    String candidate = name;
    for (int i = 1; !used.add(candidate); i++) {
      candidate = name + i;
    }
    return candidate;
  }
}
