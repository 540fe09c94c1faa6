package org.yggdrasil.storage.nativestore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** Small helpers for store tests. */
final class Fixtures {
  private Fixtures() {}

  static ColumnDef col(String name, ColumnType type) {
    return ColumnDef.of(name, type);
  }

  static ColumnDef col(String name, ColumnType type, int length, int scale) {
    return new ColumnDef(name, type, length, scale, false, null);
  }

  /** Table {@code name(id int8 primary key, v text)}. */
  static TableSchema kv(String name) {
    return new TableSchema(name, List.of(col("id", ColumnType.INT8), col("v", ColumnType.TEXT)), List.of("id"), List.of());
  }

  static Object[] row(Object... values) {
    return values;
  }

  static List<Object[]> rows(Object[]... rows) {
    return Arrays.asList(rows);
  }

  static int[] all(TableVersion t) {
    return IntStream.range(0, t.schema().columns().size()).toArray();
  }

  /** All live rows (all columns) in position order. */
  static List<List<Object>> scan(TableVersion t) {
    List<List<Object>> out = new ArrayList<>();
    int[] cols = all(t);
    try (RowCursor c = t.scan(cols)) {
      while (c.next()) {
        List<Object> r = new ArrayList<>();
        for (int i = 0; i < cols.length; i++) {
          r.add(c.value(i));
        }
        out.add(r);
      }
    }
    return out;
  }

  /** Positions of the live rows in order. */
  static long[] positions(TableVersion t) {
    List<Long> out = new ArrayList<>();
    try (RowCursor c = t.scan(new int[0])) {
      while (c.next()) {
        out.add(c.position());
      }
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  static void insertKv(NativeDatabase db, String table, long from, long to) {
    Transaction tx = db.begin("main");
    List<Object[]> rows = new ArrayList<>();
    for (long i = from; i < to; i++) {
      rows.add(row(i, "v" + i));
    }
    tx.insert(table, rows);
    tx.commit();
  }
}
