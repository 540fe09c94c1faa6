package org.yggdrasil.planner.vexec;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import org.yggdrasil.accel.groupby.BytesGroupTable;
import org.yggdrasil.accel.groupby.ChunkDictionary;
import org.yggdrasil.accel.groupby.LongGroupTable;
import org.yggdrasil.accel.kernels.Bitmaps;
import org.yggdrasil.planner.schema.InternalValues;
import org.yggdrasil.storage.nativestore.chunk.ColumnChunk;

/**
 * Dense ids for the values of one GROUP BY column, in first-seen order, with NULL as a group of
 * its own. Integer-like columns hash their stored integers, text columns their bytes (through the
 * chunk's cached dictionary when it has few distinct values). A key computed from a column
 * ({@link KeyFunction}) is computed per chunk into a work vector and hashed like stored integers.
 */
final class KeyColumn {
  private final int slot;
  private final ColumnSlot column;
  /** The key computed from the column's values, or null to group on the values themselves. */
  private final KeyFunction function;
  private final LongGroupTable longs;
  private final BytesGroupTable bytes;
  /** The id of the NULL group, or -1 before a NULL is seen; table ids at or above it shift by one. */
  private int nullId = -1;

  KeyColumn(int slot, ColumnSlot column) {
    this(slot, column, null);
  }

  KeyColumn(int slot, ColumnSlot column, KeyFunction function) {
    this.slot = slot;
    this.column = column;
    this.function = function;
    this.longs = column.isText() ? null : new LongGroupTable();
    this.bytes = column.isText() ? new BytesGroupTable() : null;
  }

  int count() {
    return (longs != null ? longs.groupCount() : bytes.groupCount()) + (nullId >= 0 ? 1 : 0);
  }

  /** Writes the id of every selected row (all rows when {@code sel} is null) into {@code out}. */
  void assign(ChunkData chunk, long[] sel, int[] out, Scratch scratch) {
    int rows = chunk.rows();
    ColumnChunk c = chunk.chunk(slot);
    MemorySegment validity = c.validity();
    long[] live = sel;
    if (validity != null) {
      live = Selections.copyOrAll(sel, rows, scratch);
      Bitmaps.andValidity(live, validity, rows);
    }
    if (function != null) {
      computedIds(c, rows, live, out, scratch);
    } else if (longs != null) {
      if (!denseIds(chunk, c, live, out, scratch)) {
        longs.groupIds(c.data(), column.encoding().physical().width(), rows, live, out);
      }
    } else {
      ChunkDictionary dict = validity == null ? ChunkDictionaries.of(c) : null;
      if (dict != null) {
        DictionaryIds.groupIds(bytes, dict, rows, live, out);
      } else {
        bytes.groupIds(c.offsets(), c.data(), rows, live, out);
      }
    }
    if (nullId >= 0) {
      int n = nullId;
      for (int r = 0; r < rows; r++) {
        int g = out[r];
        out[r] = g >= n ? g + 1 : g;
      }
    }
    if (validity != null) {
      long[] nulls = Selections.copyOrAll(sel, rows, scratch);
      Bitmaps.andNot(nulls, live, rows);
      if (!Bitmaps.none(nulls, rows)) {
        if (nullId < 0) {
          nullId = longs != null ? longs.groupCount() : bytes.groupCount();
        }
        int id = nullId;
        forEach(nulls, rows, r -> out[r] = id);
      }
      scratch.releaseBitmap(nulls);
      scratch.releaseBitmap(live);
    }
  }

  /** Widest stored-value range a chunk maps through a direct array instead of hashing each row. */
  private static final int DENSE_RANGE = 1 << 16;

  /**
   * Ids through a per-chunk array indexed by value minus the chunk's minimum, when the chunk's
   * statistics bound its values to a small range: one hash lookup per distinct value, not per row.
   */
  private boolean denseIds(ChunkData chunk, ColumnChunk c, long[] sel, int[] out, Scratch scratch) {
    var stats = c.stats();
    if (stats.min() == null || stats.max() == null) {
      return false;
    }
    long min = column.encoding().toBits(stats.min());
    long max = column.encoding().toBits(stats.max());
    if (max - min >= DENSE_RANGE || max - min < 0) {
      return false;
    }
    int rows = chunk.rows();
    long[] values = scratch.longs();
    Kernels.Arith.loadLong(c.data(), column.lane(), rows, values);
    denseIds(values, min, max, rows, sel, out, scratch);
    scratch.release(values);
    return true;
  }

  /** Ids of {@code values} in [min, max] through a direct array: one lookup per distinct value. */
  private void denseIds(long[] values, long min, long max, int rows, long[] sel, int[] out,
      Scratch scratch) {
    int[] local = scratch.dense((int) (max - min) + 1);
    if (sel == null) {
      for (int r = 0; r < rows; r++) {
        int i = (int) (values[r] - min);
        int g = local[i];
        if (g < 0) {
          g = local[i] = longs.idOf(values[r]);
        }
        out[r] = g;
      }
    } else {
      for (int w = 0, words = Bitmaps.words(rows); w < words; w++) {
        long x = sel[w];
        while (x != 0) {
          int r = (w << 6) + Long.numberOfTrailingZeros(x);
          x &= x - 1;
          int i = (int) (values[r] - min);
          int g = local[i];
          if (g < 0) {
            g = local[i] = longs.idOf(values[r]);
          }
          out[r] = g;
        }
      }
    }
  }

  /**
   * Ids of the keys computed from the chunk's values: through a direct array when the chunk's
   * keys span a small range (extract and modulo keys mostly do), one lookup per run when equal
   * keys come in long runs (date_trunc over rows in time order), else one hash lookup a row.
   */
  private void computedIds(ColumnChunk c, int rows, long[] sel, int[] out, Scratch scratch) {
    long[] keys = scratch.longs();
    if (function.readsDoubles()) {
      double[] d = scratch.doubles();
      Kernels.Arith.loadDouble(c.data(), column.lane(), rows, d);
      for (int r = 0; r < rows; r++) {
        keys[r] = Double.doubleToRawLongBits(d[r]);
      }
      scratch.release(d);
    } else {
      Kernels.Arith.loadLong(c.data(), column.lane(), rows, keys);
    }
    function.apply(keys, rows);
    // over the selected rows only: NULL and deleted rows hold any value
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    if (sel == null) {
      for (int r = 0; r < rows; r++) {
        min = Math.min(min, keys[r]);
        max = Math.max(max, keys[r]);
      }
    } else {
      for (int w = 0, words = Bitmaps.words(rows); w < words; w++) {
        for (long x = sel[w]; x != 0; x &= x - 1) {
          long k = keys[(w << 6) + Long.numberOfTrailingZeros(x)];
          min = Math.min(min, k);
          max = Math.max(max, k);
        }
      }
    }
    // the difference overflows (goes negative) for keys spread over the whole long range
    if (min <= max && max - min >= 0 && max - min < DENSE_RANGE) {
      denseIds(keys, min, max, rows, sel, out, scratch);
    } else if (runs(keys, rows) <= rows / 8) {
      runIds(keys, rows, sel, out);
    } else {
      longs.groupIds(keys, rows, sel, out);
    }
    scratch.release(keys);
  }

  /** How many runs of equal adjacent keys the chunk holds. */
  private static int runs(long[] keys, int rows) {
    int runs = rows > 0 ? 1 : 0;
    for (int r = 1; r < rows; r++) {
      runs += keys[r] != keys[r - 1] ? 1 : 0;
    }
    return runs;
  }

  /**
   * Ids of keys that come in long runs (date_trunc of a table in time order): one hash lookup
   * per run, not per row.
   */
  private void runIds(long[] keys, int rows, long[] sel, int[] out) {
    long last = 0;
    int id = -1;
    if (sel == null) {
      for (int r = 0; r < rows; r++) {
        if (id < 0 || keys[r] != last) {
          last = keys[r];
          id = longs.idOf(last);
        }
        out[r] = id;
      }
      return;
    }
    for (int w = 0, words = Bitmaps.words(rows); w < words; w++) {
      for (long x = sel[w]; x != 0; x &= x - 1) {
        int r = (w << 6) + Long.numberOfTrailingZeros(x);
        if (id < 0 || keys[r] != last) {
          last = keys[r];
          id = longs.idOf(last);
        }
        out[r] = id;
      }
    }
  }

  private interface RowAction {
    void at(int row);
  }

  private static void forEach(long[] bits, int rows, RowAction a) {
    for (int w = 0, words = Bitmaps.words(rows); w < words; w++) {
      long x = bits[w];
      while (x != 0) {
        a.at((w << 6) + Long.numberOfTrailingZeros(x));
        x &= x - 1;
      }
    }
  }

  /** The stored key of id {@code id}: a Long, a byte[], or null for the NULL group. */
  Object raw(int id) {
    if (id == nullId) {
      return null;
    }
    int t = nullId >= 0 && id > nullId ? id - 1 : id;
    return longs != null ? (Object) longs.key(t) : bytes.key(t);
  }

  /** The id of a stored key (see {@link #raw}), adding it when new. */
  int idOfRaw(Object raw) {
    if (raw == null) {
      if (nullId < 0) {
        nullId = longs != null ? longs.groupCount() : bytes.groupCount();
      }
      return nullId;
    }
    int t = longs != null ? longs.idOf((Long) raw) : bytes.idOf((byte[]) raw);
    return nullId >= 0 && t >= nullId ? t + 1 : t;
  }

  /**
   * For each id of {@code other} (the same column in another worker), the id of its key here,
   * adding the keys not seen yet: one lookup per distinct value instead of one per group.
   */
  int[] idsOf(KeyColumn other) {
    int[] map = new int[other.count()];
    for (int id = 0; id < map.length; id++) {
      map[id] = idOfRaw(other.raw(id));
    }
    return map;
  }

  /** Decoded keys by id, so a key in many result groups becomes one String or boxed value. */
  private Object[] decoded = new Object[0];

  /** The key of id {@code id} as Calcite's runtime represents it. */
  Object value(int id) {
    if (id >= decoded.length) {
      decoded = java.util.Arrays.copyOf(decoded, Math.max(id + 1, Math.min(count(), decoded.length * 2 + 16)));
    }
    Object v = decoded[id];
    if (v == null) {
      v = decoded[id] = decode(id);
    }
    return v;
  }

  private Object decode(int id) {
    Object raw = raw(id);
    if (raw == null) {
      return null;
    }
    if (raw instanceof byte[] b) {
      return new String(b, StandardCharsets.UTF_8);
    }
    if (function != null) {
      return function.decode((Long) raw);
    }
    return InternalValues.fromStore(column.encoding().fromBits((Long) raw));
  }
}
