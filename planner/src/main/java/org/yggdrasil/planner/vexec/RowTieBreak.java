package org.yggdrasil.planner.vexec;

import java.util.List;
import org.yggdrasil.accel.groupby.TopNPerGroup;
import org.yggdrasil.storage.nativestore.ColumnType;
import org.yggdrasil.storage.nativestore.TableVersion;
import org.yggdrasil.storage.nativestore.chunk.ValueOrder;

/**
 * Ranks two rows that tie on the first ORDER BY key by the further keys, reading just those
 * columns of the two rows from the table version (only ties pay for it), compared as the store
 * orders values ({@link ValueOrder}: PostgreSQL's order) with each key's direction and NULLs.
 */
final class RowTieBreak implements TopNPerGroup.TieBreak {
  private final TableVersion table;
  private final int[] columns;
  private final ColumnType[] types;
  private final List<SortKey> keys;

  private RowTieBreak(TableVersion table, List<ColumnSlot> slots, List<SortKey> keys) {
    this.table = table;
    this.keys = keys;
    this.columns = new int[keys.size()];
    this.types = new ColumnType[keys.size()];
    for (int i = 0; i < columns.length; i++) {
      ColumnSlot slot = slots.get(keys.get(i).slot());
      columns[i] = slot.tableColumn();
      types[i] = slot.encoding().type();
    }
  }

  /** The tie-break over {@code keys}, or null when there are none. */
  static TopNPerGroup.TieBreak of(TableVersion table, List<ColumnSlot> slots, List<SortKey> keys) {
    return keys.isEmpty() ? null : new RowTieBreak(table, slots, keys);
  }

  @Override
  public int compare(long positionA, long positionB) {
    Object[] a = table.row(positionA, columns);
    Object[] b = table.row(positionB, columns);
    for (int i = 0; i < columns.length; i++) {
      SortKey key = keys.get(i);
      int c;
      if (a[i] == null || b[i] == null) {
        c = a[i] == b[i] ? 0 : (a[i] == null) == key.nullsFirst() ? -1 : 1;
      } else {
        c = ValueOrder.compare(types[i], a[i], b[i]);
        c = key.descending() ? -c : c;
      }
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
