package org.yggdrasil.storage.nativestore;

import java.util.ArrayList;
import java.util.List;

/**
 * The FOREIGN KEY and CHECK constraints of a stored table version: the last schema section of
 * table record format 4 (see {@link TableRecords}). Tables without them keep their older format,
 * so their bytes and content hash do not change.
 */
final class ConstraintCodec {
  private ConstraintCodec() {}

  static boolean hasAny(TableSchema s) {
    return !s.foreignKeys().isEmpty() || !s.checks().isEmpty();
  }

  static void write(ObjectCodec.Out o, TableSchema s) {
    o.i32(s.foreignKeys().size());
    for (ForeignKeyDef f : s.foreignKeys()) {
      o.str(f.name());
      o.strs(f.columns());
      o.str(f.refTable());
      o.strs(f.refColumns());
      o.u8(f.onDelete().ordinal());
      o.u8(f.onUpdate().ordinal());
    }
    o.i32(s.checks().size());
    for (CheckDef c : s.checks()) {
      o.str(c.name());
      o.str(c.expression());
    }
  }

  static TableSchema read(ObjectCodec.In in, TableSchema s) {
    ForeignKeyDef.Action[] actions = ForeignKeyDef.Action.values();
    int nf = in.i32();
    List<ForeignKeyDef> fks = new ArrayList<>(nf);
    for (int i = 0; i < nf; i++) {
      String name = in.str();
      List<String> cols = in.strs();
      String ref = in.str();
      List<String> refCols = in.strs();
      ForeignKeyDef.Action onDelete = actions[in.u8()];
      ForeignKeyDef.Action onUpdate = actions[in.u8()];
      fks.add(new ForeignKeyDef(name, cols, ref, refCols, onDelete, onUpdate));
    }
    int nc = in.i32();
    List<CheckDef> checks = new ArrayList<>(nc);
    for (int i = 0; i < nc; i++) {
      checks.add(new CheckDef(in.str(), in.str()));
    }
    return s.withForeignKeys(fks).withChecks(checks);
  }
}
