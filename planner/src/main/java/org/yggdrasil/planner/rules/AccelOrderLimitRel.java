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
import org.yggdrasil.planner.vexec.OrderLimitPlan;
import org.yggdrasil.planner.vexec.OrderLimitRunner;

/**
 * ORDER BY … LIMIT over a scan of one native table (with pushed filters and projections), run as
 * a vectorized top-n heap ({@link OrderLimitRunner}). It replaces the Enumerable Limit, Sort,
 * [Calc] and scan it was matched from and returns the same rows in the same order; EXPLAIN shows
 * it as {@code AccelOrderLimit}.
 */
public final class AccelOrderLimitRel extends AbstractRelNode implements EnumerableRel {
  private final OrderLimitPlan plan;
  private final RelDataType outputType;

  AccelOrderLimitRel(RelOptCluster cluster, RelTraitSet traits, RelDataType outputType,
      OrderLimitPlan plan) {
    super(cluster, traits);
    this.outputType = outputType;
    this.plan = plan;
  }

  public OrderLimitPlan plan() {
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
    // one output column makes scalar rows, as Calcite's own operators produce them
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        JavaRowFormat.ARRAY);
    Expression planRef = implementor.stash(plan, OrderLimitPlan.class);
    Expression rows = Expressions.call(OrderLimitRunner.class,
        physType.getFormat() == JavaRowFormat.SCALAR ? "runScalar" : "run",
        implementor.getRootExpression(), planRef);
    return implementor.result(physType, Blocks.toBlock(rows));
  }
}
