package org.yggdrasil.storage.nativestore;

import java.util.ArrayList;
import java.util.List;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.storage.nativestore.chunk.ColumnChunk;
import org.yggdrasil.storage.nativestore.chunk.DeleteVector;
import org.yggdrasil.storage.nativestore.chunk.Encoding;
import org.yggdrasil.storage.nativestore.persistent.PVector;

/**
 * ALTER COLUMN … TYPE: rewrites one column's chunks with every live value converted by the
 * store's own assignment rules (so an out-of-range value fails with 22003, a too-long string with
 * 22001); positions, the other columns and deleted rows stay as they are. Key indexes over the
 * column are rebuilt for the new type.
 */
final class ColumnTypeChange {
  private ColumnTypeChange() {}

  static TableState apply(TableState t, String column, ColumnDef newType) {
    int idx = t.schema.columnIndex(column);
    if (idx < 0) {
      throw Errors.undefinedColumn(t.schema.name(), column);
    }
    ColumnDef before = t.schema.column(idx);
    ColumnDef after = new ColumnDef(before.name(), newType.type(), newType.length(), newType.scale(),
        before.notNull(), before.defaultSql(), newType.userType());
    Encoding enc = Encoding.of(after);
    int cr = t.config.chunkRows();
    PVector<ColumnChunk> chunks = PVector.empty();
    for (int ci = 0; ci < t.chunkCount(); ci++) {
      ColumnChunk old = t.chunk(idx, ci);
      DeleteVector dv = t.deleteVector(ci);
      Object[] values = new Object[old.rows()];
      for (int r = 0; r < values.length; r++) {
        if (dv == null || !dv.isDeleted(r)) {
          values[r] = convert(after, old.get(r), before);
        }
      }
      chunks = chunks.append(ColumnChunk.empty(enc).append(values, 0, values.length, cr));
    }
    List<ColumnDef> defs = new ArrayList<>(t.schema.columns());
    defs.set(idx, after);
    TableSchema schema = t.schema.withColumns(defs);
    List<PVector<ColumnChunk>> cols = new ArrayList<>(t.columns);
    cols.set(idx, chunks);
    Encoding[] encs = t.encodings.clone();
    encs[idx] = enc;
    KeyIndex[] defsOfKeys = t.keyDefinitions();
    KeyIndex[] keys = new KeyIndex[defsOfKeys.length];
    for (int k = 0; k < keys.length; k++) {
      keys[k] = KeyIndex.create(defsOfKeys[k].name, schema, defsOfKeys[k].columns, t.config.keyHashMask());
    }
    TableState changed = t.withSchema(schema, encs, cols, keys);
    for (int k = 0; k < keys.length; k++) {
      keys[k] = IndexDdl.build(changed, keys[k]);
    }
    return changed.withKeys(keys);
  }

  private static Object convert(ColumnDef to, Object value, ColumnDef from) {
    if (value == null) {
      return null;
    }
    if (to.type().isString() && !from.type().isString()) {
      value = ValueText.format(value);
    }
    try {
      return ValueCoercion.coerce(to, value);
    } catch (SqlStateException e) {
      if (e.state() == SqlState.DATATYPE_MISMATCH) {
        throw new SqlStateException(SqlState.DATATYPE_MISMATCH, "column \"" + from.name()
            + "\" cannot be cast automatically to type " + to.typeName(), null,
            "Only conversions the store makes on assignment are supported; USING is not supported yet.",
            0, null);
      }
      throw e;
    }
  }
}
