package org.yggdrasil.planner.vexec;

import java.util.Arrays;
import java.util.List;
import org.yggdrasil.accel.groupby.LongGroupTable;

/**
 * Dense group ids for a GROUP BY over one or more columns: each column gives its own ids
 * ({@link KeyColumn}). Over several columns, the ids of a row are packed side by side into one
 * long ({@link PackedLayout}) and hashed once; when the columns' id counts need more than 64
 * bits together, the groups move to pairwise folds: (id so far, id of the next column) through
 * one hash table per column.
 */
final class GroupKeys {
  private final KeyColumn[] columns;
  /** The packed key of every group, or null once the keys no longer fit a long. */
  private LongGroupTable packed;
  private PackedLayout layout;
  /** folds[i] maps (id so far, id of column i + 1) to the id over columns 0..i+1; null while packed. */
  private LongGroupTable[] folds;
  private final int[] valueIds;
  /** Packed keys of few bits map to ids through a direct array. */
  private final DensePackedIds dense = new DensePackedIds();

  GroupKeys(List<Integer> slots, List<ColumnSlot> columnSlots) {
    this(slots, columnSlots, java.util.Map.of());
  }

  /** Keys over {@code slots}, where {@code functions} computes key i from its column, if any. */
  GroupKeys(List<Integer> slots, List<ColumnSlot> columnSlots,
      java.util.Map<Integer, KeyFunction> functions) {
    columns = new KeyColumn[slots.size()];
    valueIds = new int[columns.length];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = new KeyColumn(slots.get(i), columnSlots.get(slots.get(i)), functions.get(i));
    }
    if (columns.length > 1) {
      packed = new LongGroupTable();
      layout = new PackedLayout(new int[columns.length]);
    }
  }

  int count() {
    if (columns.length == 1) {
      return columns[0].count();
    }
    return packed != null ? packed.groupCount() : folds[folds.length - 1].groupCount();
  }

  /** Writes the group id of every selected row into {@code gids}. */
  void assign(ChunkData chunk, long[] sel, int[] gids, Scratch scratch) {
    if (columns.length == 1) {
      columns[0].assign(chunk, sel, gids, scratch);
      return;
    }
    if (packed != null && assignPacked(chunk, sel, gids, scratch)) {
      return;
    }
    assignFolded(chunk, sel, gids, scratch);
  }

  /** One hash lookup per row over the packed column ids; false when they stopped fitting a long. */
  private boolean assignPacked(ChunkData chunk, long[] sel, int[] gids, Scratch scratch) {
    int rows = chunk.rows();
    long[] keys = scratch.longs();
    Arrays.fill(keys, 0, rows, 0L);
    int[] ids = scratch.ints;
    for (int i = 0; i < columns.length; i++) {
      columns[i].assign(chunk, sel, ids, scratch);
      if (!fits(i)) {
        scratch.release(keys);
        return false;
      }
      // widening column i moves only the columns after it, so the bits packed so far stay valid
      Kernels.Keys.pack(keys, ids, layout.shift(i), rows);
    }
    if (!dense.groupIds(packed, layout, keys, rows, sel, gids)) {
      packed.groupIds(keys, rows, sel, gids);
    }
    scratch.release(keys);
    if (!reserved) {
      reserveAhead(sel == null ? rows : org.yggdrasil.accel.kernels.Bitmaps.count(sel, rows));
    }
    return true;
  }

  /** At most this many groups are reserved ahead (about 0.5 GB of keys, as much of states). */
  private static final int MAX_RESERVED_GROUPS = 1 << 24;
  /** Rows this worker may aggregate in all (0 = unknown), for sizing the packed table ahead. */
  private long rowsExpected;
  private long rowsSeen;
  private boolean reserved;
  /** The groups the packed table was sized for ahead, or 0. */
  private int reservedGroups;

  /** Tells how many rows this worker may aggregate in all (an upper bound is fine). */
  void expectRows(long rows) {
    rowsExpected = rows;
  }

  /**
   * After the first chunk: when most of its rows made new groups (H2O q10 makes one per row),
   * sizes the packed table for the groups the remaining rows will make at that rate, so it is
   * allocated once instead of rehashing 10M keys at each doubling.
   */
  private void reserveAhead(int selectedRows) {
    rowsSeen += selectedRows;
    if (reserved || rowsExpected <= rowsSeen) {
      return;
    }
    reserved = true;
    long groups = packed.groupCount();
    if (groups * 2 > rowsSeen) {
      long estimate = Math.min(rowsExpected, distinctEstimate(groups, rowsSeen, rowsExpected));
      // a misjudged estimate must not take gigabytes up front: past this, the table grows
      reservedGroups = (int) Math.min(estimate, MAX_RESERVED_GROUPS);
      packed.reserve(reservedGroups);
    }
  }

  /**
   * How many distinct keys a table holds when {@code seen} rows drawn from it showed
   * {@code distinct} of them: the domain size D for which D·(1 − e^(−seen/D)) distinct values
   * are expected, solved by bisection (at most {@code limit}). Scaling the groups linearly
   * instead sized H2O's 100,000-key id6 for 7 million groups after a first chunk of 65,536 rows
   * with 48,000 keys, and the oversized table and states slowed the whole query.
   */
  static long distinctEstimate(long distinct, long seen, long limit) {
    if (distinct >= seen) {
      return limit;
    }
    double lo = distinct;
    double hi = limit;
    if (hi * -Math.expm1(-(double) seen / hi) < distinct) {
      return limit;
    }
    for (int i = 0; i < 60 && hi - lo > 1; i++) {
      double mid = (lo + hi) / 2;
      if (mid * -Math.expm1(-(double) seen / mid) < distinct) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (long) Math.ceil(hi);
  }

  /**
   * The groups to size aggregate states for: the groups so far, or more when the keys were
   * sized ahead (see {@link #expectRows}), so the states too are allocated once.
   */
  int groupsAhead() {
    return Math.max(count(), reservedGroups);
  }

  /**
   * Whether column i's ids fit its bits, widening the layout (and re-keying the groups) when
   * they outgrew them; false after moving the groups to folds because the widths passed 64 bits.
   */
  private boolean fits(int column) {
    int need = PackedLayout.bitsFor(columns[column].count());
    if (need <= layout.width(column)) {
      return true;
    }
    PackedLayout wider = layout.widen(column, need);
    if (wider.totalBits() > Long.SIZE) {
      toFolds();
      return false;
    }
    LongGroupTable rekeyed = new LongGroupTable(packed.groupCount());
    for (int g = 0, n = packed.groupCount(); g < n; g++) {
      // every key is distinct, so inserting in id order gives each group its old id
      rekeyed.idOf(layout.repack(packed.key(g), wider));
    }
    packed = rekeyed;
    layout = wider;
    return true;
  }

  /** Moves the groups from the packed table to folds, keeping their ids. */
  private void toFolds() {
    folds = new LongGroupTable[columns.length - 1];
    for (int i = 0; i < folds.length; i++) {
      folds[i] = new LongGroupTable();
    }
    int[] ids = new int[columns.length];
    for (int g = 0, n = packed.groupCount(); g < n; g++) {
      layout.unpack(packed.key(g), ids);
      // all tuples are distinct, so the last fold numbers them in this (id) order
      fold(ids);
    }
    packed = null;
    layout = null;
  }

  private int fold(int[] ids) {
    int id = ids[0];
    for (int i = 0; i < folds.length; i++) {
      id = folds[i].idOf(((long) id << 32) | (ids[i + 1] & 0xffffffffL));
    }
    return id;
  }

  private void assignFolded(ChunkData chunk, long[] sel, int[] gids, Scratch scratch) {
    columns[0].assign(chunk, sel, gids, scratch);
    int rows = chunk.rows();
    long[] pairs = scratch.longs();
    int[] next = scratch.ints;
    for (int i = 0; i < folds.length; i++) {
      columns[i + 1].assign(chunk, sel, next, scratch);
      for (int r = 0; r < rows; r++) {
        pairs[r] = ((long) gids[r] << 32) | (next[r] & 0xffffffffL);
      }
      folds[i].groupIds(pairs, rows, sel, gids);
    }
    scratch.release(pairs);
  }

  /** The stored keys of group {@code gid}, one per column (see {@link KeyColumn#raw}). */
  Object[] raw(int gid) {
    int[] ids = columnIds(gid);
    Object[] out = new Object[columns.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = columns[i].raw(ids[i]);
    }
    return out;
  }

  /** The group id of stored keys taken from another worker's {@link #raw}, adding it when new. */
  int idOfRaw(Object[] raw) {
    if (columns.length == 1) {
      return columns[0].idOfRaw(raw[0]);
    }
    int[] ids = new int[columns.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = columns[i].idOfRaw(raw[i]);
    }
    if (packed != null) {
      boolean fit = true;
      for (int i = 0; i < ids.length && fit; i++) {
        fit = fits(i);
      }
      if (fit) {
        return packed.idOf(layout.pack(ids));
      }
    }
    return fold(ids);
  }

  /**
   * Adds the groups of {@code other} (another worker's keys over the same columns) and returns,
   * for each of its group ids, the id here. Column ids are translated once per distinct value;
   * while both sides pack their keys, each group then costs one unpack, repack and lookup, with
   * no per-group objects.
   */
  int[] absorb(GroupKeys other) {
    int[][] columnMaps = new int[columns.length][];
    for (int i = 0; i < columns.length; i++) {
      columnMaps[i] = columns[i].idsOf(other.columns[i]);
    }
    int n = other.count();
    if (columns.length == 1) {
      return columnMaps[0];
    }
    boolean fit = packed != null && packsAll();
    int[] map = new int[n];
    int[] ids = new int[columns.length];
    if (fit && other.packed != null) {
      packed.reserve(packed.groupCount() + n);
      PackedLayout from = other.layout;
      // re-keyed a batch at a time, then looked up in one tight loop whose independent probes
      // the CPU overlaps (a lookup per re-keyed group stalls on each cache miss in turn)
      long[] batch = new long[Math.min(n, 1 << 16)];
      int[] out = new int[batch.length];
      for (int start = 0; start < n; start += batch.length) {
        int len = Math.min(batch.length, n - start);
        for (int j = 0; j < len; j++) {
          from.unpack(other.packed.key(start + j), ids);
          for (int i = 0; i < ids.length; i++) {
            ids[i] = columnMaps[i][ids[i]];
          }
          batch[j] = layout.pack(ids);
        }
        packed.groupIds(batch, len, null, out);
        System.arraycopy(out, 0, map, start, len);
      }
      return map;
    }
    for (int g = 0; g < n; g++) {
      int[] theirs = other.columnIds(g);
      for (int i = 0; i < ids.length; i++) {
        ids[i] = columnMaps[i][theirs[i]];
      }
      map[g] = fit ? packed.idOf(layout.pack(ids)) : fold(ids);
    }
    return map;
  }

  /** Whether every column's ids still fit the packed layout (moving to folds when not). */
  private boolean packsAll() {
    for (int i = 0; i < columns.length; i++) {
      if (!fits(i)) {
        return false;
      }
    }
    return true;
  }

  /** The key values of group {@code gid} as Calcite represents them, written from {@code at}. */
  void values(int gid, Object[] row, int at) {
    // result rows are read one at a time, so one array serves them all (10M rows: no garbage)
    int[] ids = valueIds;
    columnIds(gid, ids);
    for (int i = 0; i < columns.length; i++) {
      row[at + i] = columns[i].value(ids[i]);
    }
  }

  private int[] columnIds(int gid) {
    int[] ids = new int[columns.length];
    columnIds(gid, ids);
    return ids;
  }

  private void columnIds(int gid, int[] ids) {
    if (columns.length == 1) {
      ids[0] = gid;
    } else if (packed != null) {
      layout.unpack(packed.key(gid), ids);
    } else {
      int id = gid;
      for (int i = folds.length - 1; i >= 0; i--) {
        long pair = folds[i].key(id);
        ids[i + 1] = (int) pair;
        id = (int) (pair >>> 32);
      }
      ids[0] = id;
    }
  }
}
