package org.yggdrasil.planner.rules;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.type.RelDataType;
import org.yggdrasil.planner.vexec.AggregatePlan;
import org.yggdrasil.planner.vexec.AggregateRunner;

/**
 * Scan, filter, project and aggregate of one native table, fused into a vectorized operator that
 * runs on the accel kernels ({@link AggregateRunner}). It replaces the Enumerable subtree it was
 * matched from and produces the same rows; EXPLAIN shows it as {@code AccelAggregate}.
 */
public final class AccelAggregateRel extends VectorizedRel<AggregatePlan> {
  AccelAggregateRel(RelOptCluster cluster, RelTraitSet traits, RelDataType outputType,
      AggregatePlan plan) {
    super(cluster, traits, outputType, plan, AggregatePlan.class, AggregateRunner.class);
  }

  @Override
  boolean scalarRowsForOneColumn() {
    return true;
  }
}
