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
import org.yggdrasil.planner.vexec.TopNPlan;
import org.yggdrasil.planner.vexec.TopNRunner;

/**
 * A window {@code ROW_NUMBER() OVER (PARTITION BY … ORDER BY …)} over a native table whose
 * consumer keeps only row numbers up to k, computed as a vectorized top-n per partition
 * ({@link TopNRunner}). It outputs exactly the kept rows with their row numbers.
 */
public final class AccelTopNRel extends AbstractRelNode implements EnumerableRel {
  private final TopNPlan plan;
  private final RelDataType outputType;

  AccelTopNRel(RelOptCluster cluster, RelTraitSet traits, RelDataType outputType, TopNPlan plan) {
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
    Expression planRef = implementor.stash(plan, TopNPlan.class);
    Expression rows = Expressions.call(TopNRunner.class, "run",
        implementor.getRootExpression(), planRef);
    return implementor.result(physType, Blocks.toBlock(rows));
  }
}
