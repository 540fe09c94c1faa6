package org.yggdrasil.storage.nativestore;

import org.yggdrasil.storage.nativestore.chunk.ChunkStats;
import org.yggdrasil.storage.nativestore.chunk.ColumnChunk;
import org.yggdrasil.storage.nativestore.chunk.DeleteVector;
import org.yggdrasil.storage.nativestore.chunk.ValueOrder;

/**
 * Finds the live row holding a key by reading the chunks, for a table read from disk whose key
 * indexes are not built yet: chunks whose stats exclude the key's first column are skipped (all but
 * one for keys that grow with insertion order, like serial ids), the rest compared row by row
 * (raw bits for an exact integer-like key). Far cheaper for one lookup than building the index.
 */
final class KeyScan {
  private KeyScan() {}

  /** Position of the live row whose key columns equal {@code key} (canonical, non-null), or -1. */
  static long find(TableState t, KeyIndex k, Object[] key) {
    int first = k.columns[0];
    long cr = t.config.chunkRows();
    long bits = k.exact() ? k.exactBits(key[0]) : 0;
    for (int ci = 0; ci < t.chunkCount(); ci++) {
      ColumnChunk c = t.chunk(first, ci);
      if (excludes(c.stats(), k.types[0], key[0])) {
        continue;
      }
      DeleteVector dv = t.deleteVector(ci);
      boolean nulls = c.stats().nullCount() > 0;
      for (int r = 0; r < c.rows(); r++) {
        if ((nulls && c.isNull(r)) || (dv != null && dv.isDeleted(r))) {
          continue;
        }
        boolean candidate = k.exact() ? c.bits(r) == bits : ValueOrder.equal(k.types[0], c.get(r), key[0]);
        if (!candidate) {
          continue;
        }
        if (restMatches(t, k, key, ci, r)) {
          return ci * cr + r;
        }
      }
    }
    return -1;
  }

  /** True when the chunk's stats show it cannot hold this value (no non-null value, or out of range). */
  private static boolean excludes(ChunkStats s, ColumnType type, Object value) {
    if (s.nullCount() == s.rowCount()) {
      return true;
    }
    if (s.min() == null || s.max() == null) {
      return false; // an unordered type: no range to test
    }
    return ValueOrder.compare(type, value, s.min()) < 0 || ValueOrder.compare(type, value, s.max()) > 0;
  }

  private static boolean restMatches(TableState t, KeyIndex k, Object[] key, int ci, int r) {
    for (int i = 1; i < key.length; i++) {
      Object v = t.chunk(k.columns[i], ci).get(r);
      if (v == null || !ValueOrder.equal(k.types[i], v, key[i])) {
        return false;
      }
    }
    return true;
  }
}
