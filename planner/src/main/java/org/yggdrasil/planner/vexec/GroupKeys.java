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
  /** Packed keys of few bits map to ids through a direct array. */
  private final DensePackedIds dense = new DensePackedIds();

  GroupKeys(List<Integer> slots, List<ColumnSlot> columnSlots) {
    columns = new KeyColumn[slots.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = new KeyColumn(slots.get(i), columnSlots.get(slots.get(i)));
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
    return true;
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

  /** The key values of group {@code gid} as Calcite represents them, written from {@code at}. */
  void values(int gid, Object[] row, int at) {
    int[] ids = columnIds(gid);
    for (int i = 0; i < columns.length; i++) {
      row[at + i] = columns[i].value(ids[i]);
    }
  }

  private int[] columnIds(int gid) {
    int[] ids = new int[columns.length];
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
    return ids;
  }
}
