package org.yggdrasil.planner.exec;

import java.util.List;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.rules.SemiJoinRule;

/**
 * Calcite 1.42's SemiJoinRule turns {@code Join(left, Aggregate)} into a semi-join of
 * {@code left} with the aggregate's input when the join keys are the aggregate's group keys.
 * With no group keys at all (a cross join with a global aggregate, which always returns one
 * row) that is wrong: an empty aggregate input then removes every row. SubQueryRemoveRule
 * builds exactly that shape for {@code x IN (subquery) OR ...} (the global count of the
 * sub-query's rows), and once the OR folds to true the count is unused and the rule fires, so
 * {@code a IN (<no rows>) OR true} returned nothing. These replacements fire only for an
 * aggregate with group keys.
 */
final class GroupedSemiJoinRules {
  private GroupedSemiJoinRules() {}

  /** Replaces the planner's Project/Join-to-semi-join rules with the guarded versions. */
  static void install(RelOptPlanner planner) {
    for (RelOptRule rule : List.copyOf(planner.getRules())) {
      if (rule instanceof SemiJoinRule.ProjectToSemiJoinRule p
          && !(rule instanceof ProjectToSemiJoin)) {
        planner.removeRule(rule);
        planner.addRule(new ProjectToSemiJoin(p));
      } else if (rule instanceof SemiJoinRule.JoinToSemiJoinRule j
          && !(rule instanceof JoinToSemiJoin)) {
        planner.removeRule(rule);
        planner.addRule(new JoinToSemiJoin(j));
      }
    }
  }

  private static boolean grouped(Aggregate aggregate) {
    return !aggregate.getGroupSet().isEmpty();
  }

  /** Operands: project, join, left, aggregate. */
  private static final class ProjectToSemiJoin extends SemiJoinRule.ProjectToSemiJoinRule {
    ProjectToSemiJoin(SemiJoinRule.ProjectToSemiJoinRule original) {
      super((ProjectToSemiJoinRuleConfig) original.config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      if (grouped(call.rel(3))) {
        super.onMatch(call);
      }
    }
  }

  /** Operands: join, left, aggregate. */
  private static final class JoinToSemiJoin extends SemiJoinRule.JoinToSemiJoinRule {
    JoinToSemiJoin(SemiJoinRule.JoinToSemiJoinRule original) {
      super((JoinToSemiJoinRuleConfig) original.config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      if (grouped(call.rel(2))) {
        super.onMatch(call);
      }
    }
  }
}
