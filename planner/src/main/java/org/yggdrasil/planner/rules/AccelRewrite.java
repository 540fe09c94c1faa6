package org.yggdrasil.planner.rules;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableAggregate;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableInterpreter;
import org.apache.calcite.adapter.enumerable.EnumerableLimit;
import org.apache.calcite.adapter.enumerable.EnumerableLimitSort;
import org.apache.calcite.rel.RelNode;

/**
 * Moves the hot shapes of an optimised Enumerable plan onto the vectorized executor: every
 * {@code Aggregate [Calc] (native table scan)} subtree the accel operators support is replaced
 * by an {@link AccelAggregateRel}, every ROW_NUMBER() top-n per partition by an
 * {@link AccelTopNRel}, every ORDER BY … LIMIT over a native table scan by an
 * {@link AccelOrderLimitRel}, every scan with anomaly functions over it by an
 * {@link AccelScoreRel}; everything else stays as Calcite planned it. Runs after
 * cost-based optimisation so that it never changes which plan Calcite picks, only how the
 * chosen subtree executes.
 */
public final class AccelRewrite {
  private AccelRewrite() {}

  public static RelNode apply(RelNode plan) {
    return rewrite(plan);
  }

  private static RelNode rewrite(RelNode node) {
    if (node instanceof EnumerableAggregate agg) {
      AccelAggregateRel accel = AggregateMatcher.match(agg);
      if (accel != null) {
        return accel;
      }
      RelNode scored = ScoreMatcher.matchUnder(agg);
      if (scored != null) {
        return scored;
      }
    }
    if (node instanceof EnumerableLimit || node instanceof EnumerableLimitSort) {
      AccelOrderLimitRel accel = OrderLimitMatcher.match(node);
      if (accel != null) {
        return accel;
      }
    }
    if (node instanceof EnumerableCalc calc) {
      EnumerableCalc topN = TopNMatcher.match(calc);
      if (topN != null) {
        return topN;
      }
      EnumerableCalc scored = ScoreMatcher.match(calc);
      if (scored != null) {
        return scored;
      }
    }
    if (node instanceof EnumerableInterpreter scan) {
      EnumerableCalc scored = ScoreMatcher.match(scan);
      if (scored != null) {
        return scored;
      }
    }
    List<RelNode> inputs = node.getInputs();
    List<RelNode> rewritten = new ArrayList<>(inputs.size());
    boolean changed = false;
    for (RelNode in : inputs) {
      RelNode r = rewrite(in);
      changed |= r != in;
      rewritten.add(r);
    }
    return changed ? node.copy(node.getTraitSet(), rewritten) : node;
  }
}
