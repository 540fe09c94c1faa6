package org.yggdrasil.planner.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Replaces var_pop / var_samp / stddev_pop / stddev_samp of double precision (and real) input by
 * aggregates that compute them as PostgreSQL does ({@link Variance}), before Calcite would reduce
 * them to {@code (sum(x*x) - sum(x)^2 / n) / …}, which loses every digit when the mean is large
 * against the spread. Other inputs (integers, numeric) keep Calcite's plan.
 */
public final class FloatVarianceRewrite extends RelHomogeneousShuttle {
  private FloatVarianceRewrite() {}

  /**
   * A new shuttle per plan: Calcite's shuttles keep a stack of the nodes being visited, so one
   * instance shared by concurrent sessions corrupted each other's walks (NoSuchElementException).
   */
  public static RelNode apply(RelNode rel) {
    return rel.accept(new FloatVarianceRewrite());
  }

  @Override
  public RelNode visit(RelNode other) {
    RelNode node = super.visit(other);
    if (!(node instanceof Aggregate agg)) {
      return node;
    }
    List<AggregateCall> calls = new ArrayList<>();
    boolean changed = false;
    for (AggregateCall call : agg.getAggCallList()) {
      AggregateCall replaced = replace(call, agg.getInput());
      changed |= replaced != call;
      calls.add(replaced);
    }
    return changed ? agg.copy(agg.getTraitSet(), agg.getInput(), agg.getGroupSet(),
        agg.getGroupSets(), calls) : agg;
  }

  private static AggregateCall replace(AggregateCall call, RelNode input) {
    SqlAggFunction fn = PgStatFunctions.floatVariance(call.getAggregation().getKind());
    if (fn == null || call.isDistinct() || call.getArgList().size() != 1
        || call.getType().getSqlTypeName() != SqlTypeName.DOUBLE) {
      return call;
    }
    SqlTypeName argType = input.getRowType().getFieldList().get(call.getArgList().get(0))
        .getType().getSqlTypeName();
    if (argType != SqlTypeName.DOUBLE && argType != SqlTypeName.REAL && argType != SqlTypeName.FLOAT) {
      return call;
    }
    return AggregateCall.create(fn, false, call.isApproximate(), call.ignoreNulls(), call.rexList,
        call.getArgList(), call.filterArg, call.distinctKeys, call.getCollation(), call.getType(),
        call.getName());
  }
}
