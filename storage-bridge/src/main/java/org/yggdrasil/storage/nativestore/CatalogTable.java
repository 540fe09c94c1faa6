package org.yggdrasil.storage.nativestore;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the {@link Catalog} in a hidden table of the database state, so catalog objects are
 * versioned, branched, committed, persisted, garbage-collected and verified exactly like rows,
 * with no format of their own. Its name holds a NUL, which no SQL identifier can, and {@link
 * Snapshot#tables()} leaves it out. Primary key (kind, name): two transactions creating the same
 * object conflict.
 */
final class CatalogTable {
  static final String NAME = "\u0000catalog";
  /** Separates the fields of an entry (a control character no identifier or SQL text uses). */
  private static final char SEPARATOR = '\u001f';

  static final TableSchema SCHEMA = new TableSchema(NAME, List.of(
      new ColumnDef("kind", ColumnType.TEXT, -1, -1, true, null),
      new ColumnDef("name", ColumnType.TEXT, -1, -1, true, null),
      new ColumnDef("fields", ColumnType.TEXT, -1, -1, true, null)),
      List.of("kind", "name"), List.of());

  private CatalogTable() {}

  static boolean is(TableState t) {
    return t != null && t.schema.name().equals(NAME);
  }

  static Object[] row(CatalogEntry e) {
    for (String f : e.fields()) {
      if (f.indexOf(SEPARATOR) >= 0) {
        throw Errors.internal("catalog field of %s holds a U+001F", e.name());
      }
    }
    return new Object[] {e.kind(), e.name(), String.join(String.valueOf(SEPARATOR), e.fields())};
  }

  static Object[] key(String kind, String name) {
    return new Object[] {kind, name};
  }

  static Catalog read(TableState t) {
    if (t == null) {
      return Catalog.EMPTY;
    }
    List<CatalogEntry> list = new ArrayList<>();
    try (RowCursor cur = t.scan(new int[] {0, 1, 2})) {
      while (cur.next()) {
        String fields = (String) cur.value(2);
        list.add(new CatalogEntry((String) cur.value(0), (String) cur.value(1),
            List.of(fields.split(String.valueOf(SEPARATOR), -1))));
      }
    }
    return Catalog.of(list);
  }
}
