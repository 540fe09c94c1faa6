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
import org.yggdrasil.planner.vexec.AggregatePlan;
import org.yggdrasil.planner.vexec.AggregateRunner;

/**
 * Scan, filter, project and aggregate of one native table, fused into a vectorized operator that
 * runs on the accel kernels ({@link AggregateRunner}). It replaces the Enumerable subtree it was
 * matched from and produces the same rows; EXPLAIN shows it as {@code AccelAggregate}.
 */
public final class AccelAggregateRel extends AbstractRelNode implements EnumerableRel {
  private final AggregatePlan plan;
  private final RelDataType outputType;

  AccelAggregateRel(RelOptCluster cluster, RelTraitSet traits, RelDataType outputType,
      AggregatePlan plan) {
    super(cluster, traits);
    this.outputType = outputType;
    this.plan = plan;
  }

  public AggregatePlan plan() {
    return plan;
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
    // One output column makes scalar rows, as Calcite's own operators produce them: parents such
    // as EnumerableSort re-derive the physical type from the row type and would misread Object[].
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        JavaRowFormat.ARRAY);
    Expression planRef = implementor.stash(plan, AggregatePlan.class);
    Expression rows = Expressions.call(AggregateRunner.class,
        physType.getFormat() == JavaRowFormat.SCALAR ? "runScalar" : "run",
        implementor.getRootExpression(), planRef);
    return implementor.result(physType, Blocks.toBlock(rows));
  }
}
