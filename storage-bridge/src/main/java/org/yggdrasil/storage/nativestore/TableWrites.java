package org.yggdrasil.storage.nativestore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yggdrasil.storage.nativestore.chunk.ColumnChunk;
import org.yggdrasil.storage.nativestore.chunk.DeleteVector;
import org.yggdrasil.storage.nativestore.chunk.Encoding;
import org.yggdrasil.storage.nativestore.persistent.PVector;

/**
 * The one row-write primitive: delete some live positions and append some rows (an UPDATE is
 * both, the new row versions keeping their row ids), producing a new {@link TableState}. Keys are
 * checked against the input version first; duplicates within the batch of an exact index surface
 * while building. Everything built is new or owned by this call's edit token, and appended chunk
 * rows lie past every existing view's end, so a failure at any point leaves the input version
 * untouched (statement atomicity).
 */
final class TableWrites {
  private TableWrites() {}

  /** The new version and the positions of the appended rows. */
  record Applied(TableState table, long[] positions) {}

  /**
   * @param deletes sorted, distinct, live positions of {@code t}
   * @param rows canonical full rows (already coerced and NOT NULL-checked)
   * @param rowIds the row id of each appended row
   * @param rebase true when re-applying a transaction at commit: a key collision is then a
   *     serialization failure (40001), not a unique violation
   */
  static Applied apply(TableState t, long[] deletes, Object[][] rows, long[] rowIds, Object edit, boolean rebase) {
    checkKeys(t, deletes, rows, rebase);
    int cr = t.config.chunkRows();
    KeyIndex[] keys = t.keys().clone();
    PVector<DeleteVector> dvs = t.deletes;
    for (long p : deletes) {
      int ci = (int) (p / cr);
      DeleteVector d = dvs.get(ci);
      DeleteVector nd = DeleteVector.with(d, (int) (p % cr), edit);
      if (nd != d) {
        dvs = dvs.set(ci, nd);
      }
      for (int k = 0; k < keys.length; k++) {
        Object[] key = t.row(p, keys[k].columns);
        if (!hasNull(key)) {
          keys[k] = keys[k].remove(key, p, edit);
        }
      }
    }
    List<PVector<ColumnChunk>> cols = new ArrayList<>(t.columns);
    PVector<ColumnChunk> ids = t.rowIds;
    long[] positions = new long[rows.length];
    long pos = t.physicalRows;
    for (int i = 0; i < rows.length; ) {
      int ci = (int) (pos / cr);
      int n = (int) Math.min(rows.length - i, cr - pos % cr);
      boolean fresh = ci == ids.size();
      for (int c = 0; c < cols.size(); c++) {
        Object[] values = new Object[n];
        for (int j = 0; j < n; j++) {
          values[j] = rows[i + j][c];
        }
        cols.set(c, appendTo(cols.get(c), ci, fresh, t.encodings[c], values, cr));
      }
      Object[] idValues = new Object[n];
      for (int j = 0; j < n; j++) {
        idValues[j] = rowIds[i + j];
        positions[i + j] = pos + j;
      }
      ids = appendTo(ids, ci, fresh, Encoding.ROW_ID, idValues, cr);
      if (fresh) {
        dvs = dvs.append(null);
      }
      pos += n;
      i += n;
    }
    for (int k = 0; k < keys.length; k++) {
      for (int j = 0; j < rows.length; j++) {
        Object[] key = keys[k].extract(rows[j]);
        if (key != null) {
          KeyIndex added = keys[k].add(key, positions[j], edit);
          if (added == null) {
            throw duplicate(t, keys[k], key, rebase);
          }
          keys[k] = added;
        }
      }
    }
    long live = t.liveRows - deletes.length + rows.length;
    return new Applied(t.withData(cols, ids, dvs, pos, live, keys), positions);
  }

  private static PVector<ColumnChunk> appendTo(PVector<ColumnChunk> v, int ci, boolean fresh,
      Encoding enc, Object[] values, int chunkRows) {
    ColumnChunk chunk = fresh ? ColumnChunk.empty(enc) : v.get(ci);
    ColumnChunk grown = chunk.append(values, 0, values.length, chunkRows);
    return fresh ? v.append(grown) : v.set(ci, grown);
  }

  private static void checkKeys(TableState t, long[] deletes, Object[][] rows, boolean rebase) {
    for (KeyIndex k : t.keys()) {
      // duplicates within the batch: exact indexes notice them when the keys are added
      Set<KeyTuple> batch = rows.length > 1 && !k.exact() ? new HashSet<>() : null;
      for (Object[] row : rows) {
        Object[] key = k.extract(row);
        if (key == null) {
          continue;
        }
        long p = k.find(key, t);
        boolean duplicate = p >= 0 && Arrays.binarySearch(deletes, p) < 0;
        if (!duplicate && batch != null) {
          duplicate = !batch.add(new KeyTuple(k.types, key));
        }
        if (duplicate) {
          throw duplicate(t, k, key, rebase);
        }
      }
    }
  }

  private static RuntimeException duplicate(TableState t, KeyIndex k, Object[] key, boolean rebase) {
    return rebase
        ? Errors.serialization()
        : Errors.uniqueViolation(k.name, "Key (" + k.columnList(t.schema) + ")=(" + ValueText.join(key) + ") already exists.");
  }

  private static boolean hasNull(Object[] values) {
    for (Object v : values) {
      if (v == null) {
        return true;
      }
    }
    return false;
  }
}
