package org.yggdrasil.storage.nativestore;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.yggdrasil.storage.nativestore.chunk.Encoding;
import org.yggdrasil.storage.nativestore.chunk.ValueOrder;
import org.yggdrasil.storage.nativestore.persistent.LongHamt;

/**
 * A primary-key or unique index: a persistent map from a 64-bit key code to the position of the
 * live row holding that key. A single integer-like column (int, date, timestamp, scaled numeric)
 * is coded exactly (a bijection of its bits), so a hit needs no check. Other keys are coded by a
 * hash; a hit is verified against the row's stored key, and distinct keys sharing a code (rare)
 * sit in a small side map. Rows with a NULL in the key are not indexed (NULLs never collide).
 * Lookups and updates are O(log n) and share structure with the previous version.
 */
final class KeyIndex {
  private static final long ABSENT = -1;
  private static final long COLLIDED = Long.MIN_VALUE;

  final String name;
  final int[] columns;
  final ColumnType[] types;
  private final Encoding exact;
  private final long hashMask;
  private final LongHamt map;
  private final Map<Long, long[]> collisions;

  private KeyIndex(String name, int[] columns, ColumnType[] types, Encoding exact, long hashMask,
      LongHamt map, Map<Long, long[]> collisions) {
    this.name = name;
    this.columns = columns;
    this.types = types;
    this.exact = exact;
    this.hashMask = hashMask;
    this.map = map;
    this.collisions = collisions;
  }

  static KeyIndex create(String name, TableSchema schema, int[] columns, long hashMask) {
    ColumnType[] types = new ColumnType[columns.length];
    for (int i = 0; i < columns.length; i++) {
      types[i] = schema.column(columns[i]).type();
    }
    Encoding exact = null;
    if (columns.length == 1) {
      Encoding e = Encoding.of(schema.column(columns[0]));
      exact = e.exactBits() ? e : null;
    }
    return new KeyIndex(name, columns, types, exact, hashMask, LongHamt.EMPTY, Map.of());
  }

  /** The same index over renumbered columns (after a column was dropped). */
  KeyIndex withColumns(int[] newColumns) {
    return new KeyIndex(name, newColumns, types, exact, hashMask, map, collisions);
  }

  /** The same (empty) index definition, for a truncated table. */
  KeyIndex cleared() {
    return new KeyIndex(name, columns, types, exact, hashMask, LongHamt.EMPTY, Map.of());
  }

  int size() {
    return map.size() + collisions.values().stream().mapToInt(l -> l.length - 1).sum();
  }

  /** The key values of a full row, or null if any is NULL. */
  Object[] extract(Object[] row) {
    Object[] key = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      key[i] = row[columns[i]];
      if (key[i] == null) {
        return null;
      }
    }
    return key;
  }

  private long code(Object[] key) {
    if (exact != null) {
      return ValueOrder.mix(exact.toBits(key[0]));
    }
    long h = 0;
    for (int i = 0; i < key.length; i++) {
      h = h * 0x9E3779B97F4A7C15L + ValueOrder.hash(types[i], key[i]);
    }
    return ValueOrder.mix(h) & hashMask;
  }

  /** Position of the live row with this (canonical, non-null) key, or -1. */
  long find(Object[] key, TableState rows) {
    long c = code(key);
    long v = map.get(c, ABSENT);
    if (v == ABSENT) {
      return -1;
    }
    if (v != COLLIDED) {
      return exact != null || matches(rows, v, key) ? v : -1;
    }
    for (long p : collisions.get(c)) {
      if (matches(rows, p, key)) {
        return p;
      }
    }
    return -1;
  }

  private boolean matches(TableState rows, long position, Object[] key) {
    Object[] stored = rows.row(position, columns);
    if (stored == null) {
      return false;
    }
    for (int i = 0; i < key.length; i++) {
      if (!ValueOrder.equal(types[i], stored[i], key[i])) {
        return false;
      }
    }
    return true;
  }

  /** For an {@link #exact()} index: the stored bits of a (canonical) key value. */
  long exactBits(Object value) {
    return exact.toBits(value);
  }

  /** True when codes are exact (one integer-like column): equal codes mean equal keys. */
  boolean exact() {
    return exact != null;
  }

  /**
   * Adds a key. The caller checked it against the index before the statement; for an {@link
   * #exact()} index a key added earlier in the same statement is detected here and the result is
   * null (a duplicate), for hashed indexes the caller must have checked the batch too.
   */
  KeyIndex add(Object[] key, long position, Object edit) {
    long c = code(key);
    long v = map.get(c, ABSENT);
    if (v == ABSENT) {
      return with(map.put(c, position, edit), collisions);
    }
    if (exact != null) {
      return null;
    }
    long[] list = v == COLLIDED ? collisions.get(c) : new long[] {v};
    long[] grown = Arrays.copyOf(list, list.length + 1);
    grown[list.length] = position;
    Map<Long, long[]> nc = new HashMap<>(collisions);
    nc.put(c, grown);
    return with(v == COLLIDED ? map : map.put(c, COLLIDED, edit), Map.copyOf(nc));
  }

  /**
   * For an empty {@link #exact()} index: adds every live non-null key of {@code t} straight from
   * the chunks' bits (no boxing), or returns null if two live rows share a key.
   */
  KeyIndex addAllExact(TableState t, Object edit) {
    if (map.size() > 0 || t.liveRows > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("addAllExact needs an empty index");
    }
    long[] codes = new long[(int) t.liveRows];
    long[] positions = new long[codes.length];
    int n = 0;
    int col = columns[0];
    long cr = t.config.chunkRows();
    for (int ci = 0; ci < t.chunkCount(); ci++) {
      org.yggdrasil.storage.nativestore.chunk.ColumnChunk ch = t.chunk(col, ci);
      org.yggdrasil.storage.nativestore.chunk.DeleteVector dv = t.deleteVector(ci);
      boolean nulls = ch.stats().nullCount() > 0;
      int rows = ch.rows();
      for (int r = 0; r < rows; r++) {
        if ((dv != null && dv.isDeleted(r)) || (nulls && ch.isNull(r))) {
          continue;
        }
        codes[n] = ValueOrder.mix(ch.bits(r));
        positions[n++] = ci * cr + r;
      }
    }
    try {
      return with(LongHamt.build(codes, positions, n), collisions);
    } catch (IllegalArgumentException duplicate) {
      return null;
    }
  }

  /** Removes the entry of this key at this position (if present). */
  KeyIndex remove(Object[] key, long position, Object edit) {
    long c = code(key);
    long v = map.get(c, ABSENT);
    if (v == position) {
      return with(map.remove(c, edit), collisions);
    }
    if (v != COLLIDED) {
      return this;
    }
    long[] list = collisions.get(c);
    long[] rest = Arrays.stream(list).filter(p -> p != position).toArray();
    Map<Long, long[]> nc = new HashMap<>(collisions);
    LongHamt m = map;
    if (rest.length == 1) {
      nc.remove(c);
      m = m.put(c, rest[0], edit);
    } else {
      nc.put(c, rest);
    }
    return with(m, Map.copyOf(nc));
  }

  private KeyIndex with(LongHamt m, Map<Long, long[]> c) {
    return m == map && c == collisions ? this : new KeyIndex(name, columns, types, exact, hashMask, m, c);
  }

  /** The column names of this key, for messages. */
  String columnList(TableSchema schema) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < columns.length; i++) {
      sb.append(i > 0 ? ", " : "").append(schema.column(columns[i]).name());
    }
    return sb.toString();
  }
}
