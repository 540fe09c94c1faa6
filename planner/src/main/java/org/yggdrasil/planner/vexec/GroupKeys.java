package org.yggdrasil.planner.vexec;

import java.util.List;
import org.yggdrasil.accel.groupby.LongGroupTable;

/**
 * Dense group ids for a GROUP BY over one or more columns: each column gives its own ids
 * ({@link KeyColumn}), and pairs of ids are folded left to right through a hash table into one id.
 */
final class GroupKeys {
  private final KeyColumn[] columns;
  /** folds[i] maps (id so far, id of column i + 1) to the id over columns 0..i+1. */
  private final LongGroupTable[] folds;

  GroupKeys(List<Integer> slots, List<ColumnSlot> columnSlots) {
    columns = new KeyColumn[slots.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = new KeyColumn(slots.get(i), columnSlots.get(slots.get(i)));
    }
    folds = new LongGroupTable[Math.max(0, columns.length - 1)];
    for (int i = 0; i < folds.length; i++) {
      folds[i] = new LongGroupTable();
    }
  }

  int count() {
    return folds.length == 0 ? columns[0].count() : folds[folds.length - 1].groupCount();
  }

  /** Writes the group id of every selected row into {@code gids}. */
  void assign(ChunkData chunk, long[] sel, int[] gids, Scratch scratch) {
    columns[0].assign(chunk, sel, gids, scratch);
    if (folds.length == 0) {
      return;
    }
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
    int id = columns[0].idOfRaw(raw[0]);
    for (int i = 0; i < folds.length; i++) {
      int c = columns[i + 1].idOfRaw(raw[i + 1]);
      id = folds[i].idOf(((long) id << 32) | (c & 0xffffffffL));
    }
    return id;
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
    int id = gid;
    for (int i = folds.length - 1; i >= 0; i--) {
      long pair = folds[i].key(id);
      ids[i + 1] = (int) pair;
      id = (int) (pair >>> 32);
    }
    ids[0] = id;
    return ids;
  }
}
