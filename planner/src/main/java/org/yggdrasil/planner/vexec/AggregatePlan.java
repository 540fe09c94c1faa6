package org.yggdrasil.planner.vexec;

import java.util.List;
import java.util.Map;
import org.yggdrasil.planner.schema.NativeTable;

/**
 * What a vectorized aggregation computes over one native table: the columns it reads, the
 * filter, the grouping columns (slots) and the aggregates. Output rows are the group keys then the
 * aggregates, as Calcite's Aggregate orders them. The plan holds no data: each run reads the
 * table version of the executing statement's snapshot, so a cached plan stays valid.
 *
 * @param keyFunctions by position in {@code groupSlots}: the keys computed from their slot's
 *     column ({@code date_trunc('month', ts)}, {@code id % 10}); other keys are the column itself
 */
public record AggregatePlan(NativeTable table, String tableName, List<ColumnSlot> columns,
    VecPredicate filter, List<Integer> groupSlots, List<AggSpec> aggs,
    Map<Integer, KeyFunction> keyFunctions) implements VectorizedPlan {

  /** A plan grouping on stored columns only. */
  public AggregatePlan(NativeTable table, String tableName, List<ColumnSlot> columns,
      VecPredicate filter, List<Integer> groupSlots, List<AggSpec> aggs) {
    this(table, tableName, columns, filter, groupSlots, aggs, Map.of());
  }

  /** The key functions as the statement of {@code root} runs them (see KeyFunction#bind). */
  public Map<Integer, KeyFunction> keyFunctions(org.apache.calcite.DataContext root) {
    Map<Integer, KeyFunction> bound = new java.util.HashMap<>();
    keyFunctions.forEach((position, f) -> bound.put(position, f.bind(root)));
    return bound;
  }

  /** Whether group key {@code position} is its column's stored value, not computed from it. */
  public boolean storedKey(int position) {
    return !keyFunctions.containsKey(position);
  }

  /** A one-line description for EXPLAIN. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    if (filter != null) {
      b.append("filter=").append(filter).append(", ");
    }
    if (!groupSlots.isEmpty()) {
      b.append("group=").append(keysText()).append(", ");
    }
    b.append("aggs=").append(aggs);
    return b.toString();
  }

  private String keysText() {
    List<String> keys = new java.util.ArrayList<>();
    for (int i = 0; i < groupSlots.size(); i++) {
      String column = String.valueOf(groupSlots.get(i));
      KeyFunction f = keyFunctions.get(i);
      keys.add(f == null ? column : f.describe("$" + column));
    }
    return keys.toString();
  }
}
