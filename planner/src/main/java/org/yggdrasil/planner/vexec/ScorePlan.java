package org.yggdrasil.planner.vexec;

import java.util.List;
import java.util.stream.Collectors;
import org.yggdrasil.accel.iforest.Measure;
import org.yggdrasil.planner.schema.NativeTable;

/**
 * A scan of one native table that keeps the rows {@code filter} selects and appends anomaly
 * scores computed in batches: output field {@code i < passThrough.size()} is the column in slot
 * {@code passThrough.get(i)} (or NULL when -1: nothing above reads it), then one field per
 * {@link Score}, NULL for a row where a feature is NULL.
 */
public record ScorePlan(NativeTable table, String tableName, List<ColumnSlot> columns,
    VecPredicate filter, List<Integer> passThrough, List<Score> scores) implements VectorizedPlan {

  /** One anomaly function: the model's name, what it computes, and the slots of its features in order. */
  public record Score(String model, Measure measure, List<Integer> featureSlots) {
    @Override
    public String toString() {
      return "anomaly_" + measure.name().toLowerCase(java.util.Locale.ROOT) + "('" + model + "', "
          + featureSlots.stream().map(s -> "$" + s).collect(Collectors.joining(", ")) + ")";
    }
  }

  public String describe() {
    return (filter == null ? "" : "filter=" + filter + " first, ") + "batch scores=" + scores;
  }
}
