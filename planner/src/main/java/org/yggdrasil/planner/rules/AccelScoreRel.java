package org.yggdrasil.planner.rules;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.type.RelDataType;
import org.yggdrasil.planner.vexec.ScorePlan;
import org.yggdrasil.planner.vexec.ScoreRunner;

/**
 * A native table scan whose rows carry anomaly scores computed in batches per chunk, after the
 * vectorized filter ({@link ScoreRunner}); the Calc above reads the scores as columns.
 */
public final class AccelScoreRel extends VectorizedRel<ScorePlan> {
  AccelScoreRel(RelOptCluster cluster, RelTraitSet traits, RelDataType outputType, ScorePlan plan) {
    super(cluster, traits, outputType, plan, ScorePlan.class, ScoreRunner.class);
  }
}
