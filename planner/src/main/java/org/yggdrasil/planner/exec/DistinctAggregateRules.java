package org.yggdrasil.planner.exec;

import java.util.List;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.rules.AggregateExpandDistinctAggregatesRule;
import org.apache.calcite.rel.rules.CoreRules;

/**
 * {@code count(DISTINCT x)} beside other aggregates ({@code SELECT k, count(DISTINCT u),
 * sum(v) … GROUP BY k}) is expanded into plain aggregates joined on the group keys rather than
 * into one aggregate over GROUPING SETS: plain aggregates over a native table run on the
 * vectorized executor, which has no grouping sets, so the whole query ran row by row before.
 */
final class DistinctAggregateRules {
  private DistinctAggregateRules() {}

  static void install(RelOptPlanner planner) {
    for (RelOptRule rule : List.copyOf(planner.getRules())) {
      if (rule instanceof AggregateExpandDistinctAggregatesRule) {
        planner.removeRule(rule);
      }
    }
    planner.addRule(CoreRules.AGGREGATE_EXPAND_DISTINCT_AGGREGATES_TO_JOIN);
  }
}
