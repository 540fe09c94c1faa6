package org.yggdrasil.planner.vexec;

import java.util.List;
import org.yggdrasil.planner.schema.NativeTable;

/**
 * {@code ROW_NUMBER() OVER (PARTITION BY keys ORDER BY column [, tieKeys]) <= k} over one
 * native table: the rows ranked within the first k of their partition, as the table's
 * {@code outputColumns} followed by the row number. Rows whose ORDER BY value is NULL rank first
 * when {@code nullsFirst} (PostgreSQL's default for DESC), else last. Rows equal on the first key
 * rank by the further keys, read only for such ties.
 */
public record TopNPlan(NativeTable table, String tableName, List<ColumnSlot> columns,
    VecPredicate filter, List<Integer> partitionSlots, int orderSlot, boolean descending,
    boolean nullsFirst, List<SortKey> tieKeys, int k, List<Integer> outputColumns)
    implements VectorizedPlan {

  public String describe() {
    return (filter == null ? "" : "filter=" + filter + ", ") + "partition=" + partitionSlots
        + ", order=" + orderSlot + (descending ? " DESC" : " ASC")
        + (nullsFirst ? " NULLS FIRST" : " NULLS LAST")
        + (tieKeys.isEmpty() ? "" : ", then " + tieKeys) + ", row_number <= " + k;
  }
}
