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
    // Rows are Object[], except that a single column travels as the bare value: parents such as
    // EnumerableSort re-derive their physical type with Calcite's optimisation, which makes a
    // one-column row SCALAR, so rows declared as one-element arrays would reach them as arrays.
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        JavaRowFormat.ARRAY);
    boolean scalar = physType.getFormat() == JavaRowFormat.SCALAR;
    if (!scalar) {
      physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
          JavaRowFormat.ARRAY, false);
    }
    Expression planRef = implementor.stash(plan, AggregatePlan.class);
    Expression rows = Expressions.call(AggregateRunner.class, scalar ? "runScalar" : "run",
        implementor.getRootExpression(), planRef);
    return implementor.result(physType, Blocks.toBlock(rows));
  }
}
