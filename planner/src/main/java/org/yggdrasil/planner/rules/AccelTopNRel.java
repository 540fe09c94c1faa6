package org.yggdrasil.planner.rules;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.type.RelDataType;
import org.yggdrasil.planner.vexec.TopNPlan;
import org.yggdrasil.planner.vexec.TopNRunner;

/**
 * A window {@code ROW_NUMBER() OVER (PARTITION BY … ORDER BY …)} over a native table whose
 * consumer keeps only row numbers up to k, computed as a vectorized top-n per partition
 * ({@link TopNRunner}). It outputs exactly the kept rows with their row numbers.
 */
public final class AccelTopNRel extends VectorizedRel<TopNPlan> {
  AccelTopNRel(RelOptCluster cluster, RelTraitSet traits, RelDataType outputType, TopNPlan plan) {
    super(cluster, traits, outputType, plan, TopNPlan.class, TopNRunner.class);
  }
}
