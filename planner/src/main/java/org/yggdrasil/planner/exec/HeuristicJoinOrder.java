package org.yggdrasil.planner.exec;

import java.util.List;
import org.apache.calcite.plan.RelOptLattice;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelVisitor;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.JoinAssociateRule;
import org.apache.calcite.rel.rules.JoinCommuteRule;
import org.apache.calcite.rel.rules.JoinPushThroughJoinRule;
import org.apache.calcite.rel.rules.JoinToMultiJoinRule;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;

/**
 * Join order for queries with many inner joins. The cost-based (Volcano) phase reorders
 * joins by exhaustive search (commute, associate, push-through-join), which grows
 * exponentially: five tables could take over ten seconds on a busy machine, six many more.
 * From {@link #MIN_INNER_JOINS} inner joins on, this program instead gathers each tree of
 * inner joins into a MultiJoin, with the WHERE clause's predicates pushed into it first so
 * that equalities become join conditions, and lets {@link GreedyJoinOrder} pick the order
 * (it joins connected tables before resorting to a cross product). The reordering rules are
 * then taken out of the Volcano planner, which still picks the join algorithms and pushes
 * filters. Smaller queries are left to the exhaustive search, which is fast there.
 */
final class HeuristicJoinOrder implements Program {
  /** Inner joins (tables minus one) from which the heuristic order is used. */
  static final int MIN_INNER_JOINS = 4;

  static final HeuristicJoinOrder INSTANCE = new HeuristicJoinOrder();

  private static final HepProgram MULTI_JOIN = new HepProgramBuilder()
      // WHERE predicates into the joins' conditions, and single-table ones below them.
      .addRuleCollection(List.of(CoreRules.FILTER_INTO_JOIN, CoreRules.JOIN_CONDITION_PUSH))
      .addMatchOrder(HepMatchOrder.BOTTOM_UP)
      .addRuleInstance(InnerJoinToMultiJoin.INSTANCE)
      .build();

  private HeuristicJoinOrder() {}

  @Override
  public RelNode run(RelOptPlanner planner, RelNode rel, RelTraitSet requiredOutputTraits,
      List<RelOptMaterialization> materializations, List<RelOptLattice> lattices) {
    if (innerJoins(rel) < MIN_INNER_JOINS) {
      return rel;
    }
    RelNode ordered = GreedyJoinOrder.apply(
        Programs.of(MULTI_JOIN, false, DefaultRelMetadataProvider.INSTANCE)
            .run(planner, rel, requiredOutputTraits, materializations, lattices));
    for (RelOptRule rule : List.copyOf(planner.getRules())) {
      if (rule instanceof JoinCommuteRule || rule instanceof JoinAssociateRule
          || rule instanceof JoinPushThroughJoinRule) {
        planner.removeRule(rule);
      }
    }
    return ordered;
  }

  /** The number of inner joins anywhere in the tree (sub-queries are already joins here). */
  static int innerJoins(RelNode rel) {
    int[] count = {0};
    new RelVisitor() {
      @Override
      public void visit(RelNode node, int ordinal, RelNode parent) {
        if (node instanceof Join join && join.getJoinType() == JoinRelType.INNER) {
          count[0]++;
        }
        super.visit(node, ordinal, parent);
      }
    }.go(rel);
    return count[0];
  }

  /**
   * JoinToMultiJoinRule for inner joins only: outer, semi and anti joins stay as they are
   * (a MultiJoin below them is still ordered), so their semantics never depend on the
   * MultiJoin's outer-join bookkeeping.
   */
  private static final class InnerJoinToMultiJoin extends JoinToMultiJoinRule {
    static final InnerJoinToMultiJoin INSTANCE =
        new InnerJoinToMultiJoin(JoinToMultiJoinRule.Config.DEFAULT);

    private InnerJoinToMultiJoin(Config config) {
      super(config);
    }

    @Override
    public boolean matches(RelOptRuleCall call) {
      Join join = call.rel(0);
      return join.getJoinType() == JoinRelType.INNER && super.matches(call);
    }
  }
}
