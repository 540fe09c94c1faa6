package org.yggdrasil.planner.vexec;

import java.util.List;
import org.yggdrasil.planner.schema.NativeTable;

/**
 * A query that is nothing but stored columns of one native table's rows that {@code filter} keeps
 * (null: all of them), in position order: output field {@code i} is the column in slot {@code
 * outputs.get(i)}. Readers that need only some of those rows (a training sample) read them in
 * place by number instead of running the query; see {@link StoredTrainingRows}.
 */
public record ColumnReadPlan(NativeTable table, List<ColumnSlot> columns, VecPredicate filter,
    List<Integer> outputs) {}
