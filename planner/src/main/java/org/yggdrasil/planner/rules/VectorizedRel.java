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
import org.yggdrasil.planner.vexec.VectorizedPlan;

/**
 * A leaf of the Enumerable plan that a vectorized operator runs: generated code stashes the
 * plan and calls the runner's static {@code run(DataContext, plan)} (or {@code runScalar} when
 * the operator makes scalar rows for a single column), so each operator only names its plan and
 * runner classes.
 */
abstract class VectorizedRel<P extends VectorizedPlan> extends AbstractRelNode
    implements EnumerableRel {
  private final P plan;
  private final Class<P> planClass;
  private final Class<?> runner;
  private final RelDataType outputType;

  VectorizedRel(RelOptCluster cluster, RelTraitSet traits, RelDataType outputType, P plan,
      Class<P> planClass, Class<?> runner) {
    super(cluster, traits);
    this.outputType = outputType;
    this.plan = plan;
    this.planClass = planClass;
    this.runner = runner;
  }

  public final P plan() {
    return plan;
  }

  /**
   * Whether one output column is produced as scalar rows, as Calcite's own operators produce
   * them: parents such as EnumerableSort re-derive the physical type from the row type and would
   * misread Object[]. Such runners have a {@code runScalar} method.
   */
  boolean scalarRowsForOneColumn() {
    return false;
  }

  @Override
  protected final RelDataType deriveRowType() {
    return outputType;
  }

  @Override
  public final RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("table", plan.tableName())
        .item("vectorized", plan.describe());
  }

  @Override
  public final Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        JavaRowFormat.ARRAY, scalarRowsForOneColumn());
    Expression planRef = implementor.stash(plan, planClass);
    Expression rows = Expressions.call(runner,
        physType.getFormat() == JavaRowFormat.SCALAR ? "runScalar" : "run",
        implementor.getRootExpression(), planRef);
    return implementor.result(physType, Blocks.toBlock(rows));
  }
}
