package org.yggdrasil.planner.vexec;

import java.util.List;
import org.yggdrasil.planner.schema.NativeTable;

/**
 * What a vectorized aggregation computes over one native table: the columns it reads, the
 * filter, the grouping columns (slots) and the aggregates. Output rows are the group keys then the
 * aggregates, as Calcite's Aggregate orders them. The plan holds no data: each run reads the
 * table version of the executing statement's snapshot, so a cached plan stays valid.
 */
public record AggregatePlan(NativeTable table, String tableName, List<ColumnSlot> columns,
    VecPredicate filter, List<Integer> groupSlots, List<AggSpec> aggs) implements VectorizedPlan {

  /** A one-line description for EXPLAIN. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    if (filter != null) {
      b.append("filter=").append(filter).append(", ");
    }
    if (!groupSlots.isEmpty()) {
      b.append("group=").append(groupSlots).append(", ");
    }
    b.append("aggs=").append(aggs);
    return b.toString();
  }
}
