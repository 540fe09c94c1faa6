package org.yggdrasil.planner.vexec;

import org.yggdrasil.planner.schema.InternalValues;
import org.yggdrasil.storage.nativestore.TableVersion;

/** The rows a top-n operator picked, read back whole from the table once the winners are known. */
final class StoredRows {
  private StoredRows() {}

  /**
   * The {@code columns} of the row at {@code position} in Calcite's representation, in an array
   * with {@code extra} more slots at the end for the operator's own values (a row number).
   */
  static Object[] read(TableVersion table, long position, int[] columns, int extra) {
    Object[] stored = table.row(position, columns);
    Object[] row = extra == 0 ? stored : new Object[columns.length + extra];
    for (int i = 0; i < columns.length; i++) {
      row[i] = InternalValues.fromStore(stored[i]);
    }
    return row;
  }
}
