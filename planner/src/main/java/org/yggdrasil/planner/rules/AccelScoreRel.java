package org.yggdrasil.planner.rules;

import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.type.RelDataType;
import org.yggdrasil.planner.vexec.ScorePlan;
import org.yggdrasil.planner.vexec.ScoreRunner;

/**
 * A native table scan whose rows carry anomaly scores computed in batches per chunk, after the
 * vectorized filter ({@link ScoreRunner}); the Calc above reads the scores as columns.
 */
public final class AccelScoreRel extends AbstractRelNode implements EnumerableRel {
  private final ScorePlan plan;
  private final RelDataType outputType;

  AccelScoreRel(RelOptCluster cluster, RelTraitSet traits, RelDataType outputType, ScorePlan plan) {
    super(cluster, traits);
    this.outputType = outputType;
    this.plan = plan;
  }

  @Override
  protected RelDataType deriveRowType() {
    return outputType;
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("table", plan.tableName())
        .item("vectorized", plan.describe());
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        JavaRowFormat.ARRAY, false);
    Expression planRef = implementor.stash(plan, ScorePlan.class);
    Expression rows = Expressions.call(ScoreRunner.class, "run",
        implementor.getRootExpression(), planRef);
    return implementor.result(physType, Blocks.toBlock(rows));
  }
}
