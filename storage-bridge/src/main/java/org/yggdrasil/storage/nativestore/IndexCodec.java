package org.yggdrasil.storage.nativestore;

import java.util.ArrayList;
import java.util.List;

/**
 * The CREATE INDEX definitions of a stored table version: a section of table record format 3
 * (see {@link TableRecords}), after the unique keys. Tables without such indexes keep format 2,
 * so their bytes and content hash do not change.
 */
final class IndexCodec {
  private IndexCodec() {}

  static void write(ObjectCodec.Out o, TableSchema s) {
    if (s.indexes().isEmpty()) {
      return;
    }
    o.i32(s.indexes().size());
    for (IndexDef index : s.indexes()) {
      o.str(index.name());
      o.u8(index.unique() ? 1 : 0);
      o.str(index.method());
      o.nstr(index.predicate());
      o.i64(index.oid());
      o.i32(index.columns().size());
      for (IndexDef.Column c : index.columns()) {
        o.str(c.name());
        o.u8((c.descending() ? 1 : 0) | (c.nullsFirst() ? 2 : 0));
      }
    }
  }

  static List<IndexDef> read(ObjectCodec.In in) {
    int n = in.i32();
    List<IndexDef> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name = in.str();
      boolean unique = in.u8() != 0;
      String method = in.str();
      String predicate = in.nstr();
      long oid = in.i64();
      int nc = in.i32();
      List<IndexDef.Column> cols = new ArrayList<>(nc);
      for (int c = 0; c < nc; c++) {
        String cn = in.str();
        int flags = in.u8();
        cols.add(new IndexDef.Column(cn, (flags & 1) != 0, (flags & 2) != 0));
      }
      out.add(new IndexDef(name, cols, unique, method, predicate, oid));
    }
    return out;
  }
}
