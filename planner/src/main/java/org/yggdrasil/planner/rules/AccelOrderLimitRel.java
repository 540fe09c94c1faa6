package org.yggdrasil.planner.rules;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.type.RelDataType;
import org.yggdrasil.planner.vexec.OrderLimitPlan;
import org.yggdrasil.planner.vexec.OrderLimitRunner;

/**
 * ORDER BY … LIMIT over a scan of one native table (with pushed filters and projections), run as
 * a vectorized top-n heap ({@link OrderLimitRunner}). It replaces the Enumerable Limit, Sort,
 * [Calc] and scan it was matched from and returns the same rows in the same order; EXPLAIN shows
 * it as {@code AccelOrderLimit}.
 */
public final class AccelOrderLimitRel extends VectorizedRel<OrderLimitPlan> {
  AccelOrderLimitRel(RelOptCluster cluster, RelTraitSet traits, RelDataType outputType,
      OrderLimitPlan plan) {
    super(cluster, traits, outputType, plan, OrderLimitPlan.class, OrderLimitRunner.class);
  }

  @Override
  boolean scalarRowsForOneColumn() {
    return true;
  }
}
