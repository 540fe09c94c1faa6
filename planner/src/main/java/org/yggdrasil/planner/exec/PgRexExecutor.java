package org.yggdrasil.planner.exec;

import java.util.List;
import org.apache.calcite.DataContexts;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexExecutorImpl;
import org.apache.calcite.rex.RexNode;

/**
 * Folds constant expressions as the plan would evaluate them: PostgreSQL's casts and numeric
 * division ({@link PgNumericRewrite}) and overflow-checked integers ({@link CheckedIntegers}) are
 * applied before Calcite compiles the expression. Calcite
 * folds constants while it converts a query (its RelBuilder simplifies every projection), before
 * the rewrite sees the plan, so without this {@code SELECT true::text} gave Calcite's 'TRUE' and
 * {@code 3.5::float8::int} truncated to 3, while the same casts of a column gave 'true' and 4.
 */
final class PgRexExecutor implements RexExecutor {
  private final RexExecutor calcite = new RexExecutorImpl(DataContexts.EMPTY);

  @Override
  public void reduce(RexBuilder rexBuilder, List<RexNode> constExps, List<RexNode> reducedValues) {
    CheckedIntegers checked = new CheckedIntegers(rexBuilder);
    calcite.reduce(rexBuilder, PgNumericRewrite.rewrite(rexBuilder, constExps).stream()
        .map(e -> e.accept(checked)).toList(), reducedValues);
  }
}
