package org.yggdrasil.storage.nativestore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yggdrasil.storage.nativestore.chunk.ColumnChunk;
import org.yggdrasil.storage.nativestore.chunk.ValueOrder;

/**
 * The rows that differ between two versions of one table. Versions share every chunk neither
 * changed (copy-on-write), so chunk i holding the same column chunks, row ids and delete vector
 * on both sides cannot contain a difference and is skipped unread: the cost follows what
 * changed, not the table's size. A row that moved (an update appends its new version) lives in
 * a changed chunk on both sides, so comparing the rows of changed chunks by identity finds
 * every difference.
 */
final class TableDiff {
  /** A row's values by column name, and its row id. */
  record Row(Map<String, Object> values, long rowId) {}

  private final TableState from;
  private final TableState to;
  private final String[] keyColumns;
  private final Map<String, ColumnType> types = new HashMap<>();

  /** Either side may be null (the table does not exist there). */
  TableDiff(TableState from, TableState to) {
    this.from = from;
    this.to = to;
    this.keyColumns = identity(from, to);
    for (TableState t : new TableState[] {from, to}) {
      if (t != null) {
        for (ColumnDef c : t.schema.columns()) {
          types.putIfAbsent(c.name(), c.type());
        }
      }
    }
  }

  /** The primary key columns both sides share, or empty (identity by row id). */
  private static String[] identity(TableState a, TableState b) {
    TableState s = b != null ? b : a;
    List<String> pk = s.schema.primaryKey();
    if (pk.isEmpty()) {
      return new String[0];
    }
    TableState other = s == b ? a : b;
    if (other != null && !other.schema.primaryKey().equals(pk)) {
      return new String[0];
    }
    return pk.toArray(String[]::new);
  }

  List<String> keyColumns() {
    return keyColumns.length == 0 ? List.of(RowChange.ROW_ID) : List.of(keyColumns);
  }

  /** Rows by identity on each side, from the chunks that differ only. */
  Map<Object, Row[]> changedRows() {
    Map<Object, Row[]> rows = new LinkedHashMap<>();
    boolean comparable = from != null && to != null && from.lineage == to.lineage
        && from.schema.columns().equals(to.schema.columns());
    int chunks = Math.max(from == null ? 0 : from.chunkCount(), to == null ? 0 : to.chunkCount());
    for (int i = 0; i < chunks; i++) {
      if (comparable && sameData(from, to, i)) {
        if (!sameDeletes(from, to, i)) {
          collectLivenessChanges(i, from.chunkRows(), rows);
        }
        continue;
      }
      int shared = comparable ? sharedPrefix(from, to, i) : 0;
      if (shared > 0) {
        collectLivenessChanges(i, shared, rows);
      }
      collect(from, i, shared, rows, 0);
      collect(to, i, shared, rows, 1);
    }
    return rows;
  }

  /** Leading rows of chunk i that hold the same values and row ids on both sides. */
  private static int sharedPrefix(TableState a, TableState b, int i) {
    if (i >= a.chunkCount() || i >= b.chunkCount()) {
      return 0;
    }
    int shared = a.rowIdChunk(i).sharedPrefixRows(b.rowIdChunk(i));
    for (int c = 0; c < a.columns.size() && shared > 0; c++) {
      shared = Math.min(shared, a.chunk(c, i).sharedPrefixRows(b.chunk(c, i)));
    }
    return shared;
  }

  /**
   * Same values and row ids, different delete vectors (rows deleted, or updated and so moved
   * to a later chunk): only rows live on exactly one side can differ, so only those are read.
   */
  private void collectLivenessChanges(int chunk, int count, Map<Object, Row[]> rows) {
    long start = (long) chunk * from.chunkRows();
    long end = Math.min(start + count, Math.min(from.physicalRows, to.physicalRows));
    for (int offset : org.yggdrasil.storage.nativestore.chunk.DeleteVector.differences(
        from.deleteVector(chunk), to.deleteVector(chunk), (int) Math.max(0, end - start))) {
      long p = start + offset;
      boolean a = from.isLive(p);
      if (a != to.isLive(p)) {
        TableState side = a ? from : to;
        Row row = rowAt(side, p);
        rows.computeIfAbsent(identityOf(row), k -> new Row[2])[a ? 0 : 1] = row;
      }
    }
  }

  /** The changes, in identity order of discovery. */
  List<RowChange> changes(String table) {
    List<RowChange> out = new ArrayList<>();
    for (Map.Entry<Object, Row[]> e : changedRows().entrySet()) {
      Row before = e.getValue()[0];
      Row after = e.getValue()[1];
      if (before != null && after != null && sameCommonValues(before.values(), after.values())) {
        continue;
      }
      RowChange.Kind kind = before == null ? RowChange.Kind.ADDED
          : after == null ? RowChange.Kind.REMOVED : RowChange.Kind.CHANGED;
      out.add(new RowChange(table, kind, key(before != null ? before : after),
          before == null ? null : before.values(), after == null ? null : after.values()));
    }
    return out;
  }

  /** The identifying values of a row, by column name. */
  Map<String, Object> key(Row row) {
    Map<String, Object> key = new LinkedHashMap<>();
    if (keyColumns.length == 0) {
      key.put(RowChange.ROW_ID, row.rowId());
    } else {
      for (String k : keyColumns) {
        key.put(k, row.values().get(k));
      }
    }
    return key;
  }

  /**
   * True when the rows hold equal values (1.0 = 1.00, bytes by content) in every column either
   * has; a column one side lacks (added or dropped between the versions) counts as NULL there,
   * so a value set in a new column is a change.
   */
  boolean sameCommonValues(Map<String, Object> a, Map<String, Object> b) {
    for (Map.Entry<String, Object> e : a.entrySet()) {
      if (!sameValue(e.getKey(), e.getValue(), b.get(e.getKey()))) {
        return false;
      }
    }
    for (Map.Entry<String, Object> e : b.entrySet()) {
      if (!a.containsKey(e.getKey()) && e.getValue() != null) {
        return false;
      }
    }
    return true;
  }

  boolean sameValue(String column, Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    ColumnType type = types.get(column);
    return type == null ? a.equals(b) : ValueOrder.equal(type, a, b);
  }

  private static boolean sameDeletes(TableState a, TableState b, int i) {
    return a.deleteVector(i) == b.deleteVector(i)
        || sameHash(a.deleteVector(i), b.deleteVector(i));
  }

  /** True when chunk i holds the same values and row ids on both sides (deletes aside). */
  private static boolean sameData(TableState a, TableState b, int i) {
    if (i >= a.chunkCount() || i >= b.chunkCount()) {
      return false;
    }
    if (!same(a.rowIdChunk(i), b.rowIdChunk(i))) {
      return false;
    }
    for (int c = 0; c < a.columns.size(); c++) {
      if (!same(a.chunk(c, i), b.chunk(c, i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean same(ColumnChunk x, ColumnChunk y) {
    if (x == y) {
      return true;
    }
    byte[] hx = x == null ? null : x.cachedHash();
    byte[] hy = y == null ? null : y.cachedHash();
    return hx != null && hy != null && java.util.Arrays.equals(hx, hy);
  }

  private static boolean sameHash(org.yggdrasil.storage.nativestore.chunk.DeleteVector x,
      org.yggdrasil.storage.nativestore.chunk.DeleteVector y) {
    byte[] hx = x == null ? null : x.cachedHash();
    byte[] hy = y == null ? null : y.cachedHash();
    return hx != null && hy != null && java.util.Arrays.equals(hx, hy);
  }

  private void collect(TableState t, int chunk, int skip, Map<Object, Row[]> rows, int side) {
    if (t == null || chunk >= t.chunkCount()) {
      return;
    }
    long start = (long) chunk * t.chunkRows() + skip;
    long end = Math.min((long) chunk * t.chunkRows() + t.chunkRows(), t.physicalRows);
    for (long p = start; p < end; p++) {
      if (!t.isLive(p)) {
        continue;
      }
      Row row = rowAt(t, p);
      rows.computeIfAbsent(identityOf(row), k -> new Row[2])[side] = row;
    }
  }

  private static Row rowAt(TableState t, long p) {
    List<ColumnDef> cols = t.schema.columns();
    Object[] full = t.fullRow(p);
    Map<String, Object> values = new LinkedHashMap<>();
    for (int c = 0; c < cols.size(); c++) {
      values.put(cols.get(c).name(), full[c]);
    }
    return new Row(values, t.rowIdAt(p));
  }

  /** A hashable identity: the key tuple, or the row id. */
  Object identityOf(Row row) {
    if (keyColumns.length == 0) {
      return row.rowId();
    }
    ColumnType[] kt = new ColumnType[keyColumns.length];
    Object[] kv = new Object[keyColumns.length];
    for (int i = 0; i < kt.length; i++) {
      kt[i] = types.get(keyColumns[i]);
      kv[i] = row.values().get(keyColumns[i]);
    }
    return new KeyTuple(kt, kv);
  }
}
