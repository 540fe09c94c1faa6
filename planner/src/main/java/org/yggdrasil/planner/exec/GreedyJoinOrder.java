package org.yggdrasil.planner.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.rules.MultiJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.tools.RelBuilder;

/**
 * Replaces a MultiJoin of inner joins by a left-deep tree of joins in a greedy order, in time
 * quadratic in the number of tables (Calcite's LoptOptimizeJoinRule took seconds for 64).
 * It starts from the input with the fewest estimated rows and then adds, at each step, the
 * input that shares a join condition with those already joined and gives the smallest
 * estimated result; only when no remaining input is connected does it add one as a cross
 * product. Each conjunct of the join condition is applied at the first join that has all the
 * inputs it refers to, whatever their number. A projection on top restores the MultiJoin's
 * field order.
 */
final class GreedyJoinOrder {
  private GreedyJoinOrder() {}

  /**
   * Replaces every MultiJoin in the tree by ordered joins.
   *
   * @throws IllegalStateException for a MultiJoin that is not all inner joins (none is built)
   */
  static RelNode apply(RelNode rel) {
    return rel.accept(new RelHomogeneousShuttle() {
      @Override
      public RelNode visit(RelNode other) {
        RelNode visited = super.visit(other);
        return visited instanceof MultiJoin m ? ordered(m) : visited;
      }
    });
  }

  private static boolean innerOnly(MultiJoin join) {
    return !join.isFullOuterJoin() && join.getPostJoinFilter() == null
        && join.getJoinTypes().stream().allMatch(t -> t == JoinRelType.INNER);
  }

  private static RelNode ordered(MultiJoin multiJoin) {
    if (!innerOnly(multiJoin)) {
      throw new IllegalStateException("a MultiJoin with outer joins: " + multiJoin);
    }
    List<RelNode> inputs = multiJoin.getInputs();
    int n = inputs.size();
    int[] offsets = new int[n + 1];
    for (int i = 0; i < n; i++) {
      offsets[i + 1] = offsets[i] + inputs.get(i).getRowType().getFieldCount();
    }
    List<RexNode> conjuncts = RelOptUtil.conjunctions(multiJoin.getJoinFilter());
    List<BitSet> conjunctInputs = new ArrayList<>();
    for (RexNode c : conjuncts) {
      BitSet refs = new BitSet(n);
      for (int field : RelOptUtil.InputFinder.bits(c)) {
        refs.set(inputOf(field, offsets));
      }
      conjunctInputs.add(refs);
    }
    RelMetadataQuery mq = multiJoin.getCluster().getMetadataQuery();
    double[] rows = new double[n];
    for (int i = 0; i < n; i++) {
      Double r = mq.getRowCount(inputs.get(i));
      rows[i] = r == null ? 1e6 : r;
    }

    int[] order = order(n, rows, conjuncts, conjunctInputs);

    RexBuilder rexBuilder = multiJoin.getCluster().getRexBuilder();
    RelBuilder builder = RelFactories.LOGICAL_BUILDER.create(multiJoin.getCluster(), null);
    // newPosition[f]: where MultiJoin field f is in the tree built so far (-1: not yet).
    int[] newPosition = new int[offsets[n]];
    Arrays.fill(newPosition, -1);
    boolean[] applied = new boolean[conjuncts.size()];
    BitSet joined = new BitSet(n);
    int width = 0;
    RelNode tree = null;
    for (int input : order) {
      for (int f = offsets[input]; f < offsets[input + 1]; f++) {
        newPosition[f] = width++;
      }
      joined.set(input);
      List<RexNode> now = new ArrayList<>();
      for (int c = 0; c < conjuncts.size(); c++) {
        if (!applied[c] && subset(conjunctInputs.get(c), joined)) {
          applied[c] = true;
          now.add(conjuncts.get(c).accept(new Renumber(newPosition)));
        }
      }
      RexNode condition = RexUtil.composeConjunction(rexBuilder, now);
      if (tree == null) {
        builder.push(inputs.get(input));
        if (!now.isEmpty()) {
          builder.filter(condition);
        }
      } else {
        builder.push(tree).push(inputs.get(input)).join(JoinRelType.INNER, condition);
      }
      tree = builder.build();
    }
    List<RexNode> fields = new ArrayList<>();
    for (int f = 0; f < newPosition.length; f++) {
      fields.add(RexInputRef.of(newPosition[f], tree.getRowType()));
    }
    builder.push(tree).project(fields, multiJoin.getRowType().getFieldNames(), true);
    return builder.build();
  }

  /** The greedy order of the inputs; see the class comment. */
  static int[] order(int n, double[] rows, List<RexNode> conjuncts, List<BitSet> conjunctInputs) {
    int[] order = new int[n];
    BitSet joined = new BitSet(n);
    int first = 0;
    for (int i = 1; i < n; i++) {
      if (rows[i] < rows[first]) {
        first = i;
      }
    }
    order[0] = first;
    joined.set(first);
    double current = rows[first];
    for (int step = 1; step < n; step++) {
      int best = -1;
      double bestRows = Double.MAX_VALUE;
      boolean bestConnected = false;
      for (int candidate = 0; candidate < n; candidate++) {
        if (joined.get(candidate)) {
          continue;
        }
        List<RexNode> newlyApplicable = new ArrayList<>();
        for (int c = 0; c < conjuncts.size(); c++) {
          BitSet refs = conjunctInputs.get(c);
          if (refs.get(candidate) && refs.cardinality() > 1 && coveredWith(refs, joined, candidate)) {
            newlyApplicable.add(conjuncts.get(c));
          }
        }
        boolean connected = !newlyApplicable.isEmpty();
        double selectivity = 1.0;
        for (RexNode c : newlyApplicable) {
          selectivity *= RelMdUtil.guessSelectivity(c);
        }
        double estimate = current * rows[candidate] * selectivity;
        if ((connected && !bestConnected) || (connected == bestConnected && estimate < bestRows)) {
          best = candidate;
          bestRows = estimate;
          bestConnected = connected;
        }
      }
      order[step] = best;
      joined.set(best);
      current = Math.max(bestRows, 1.0);
    }
    return order;
  }

  private static boolean coveredWith(BitSet refs, BitSet joined, int candidate) {
    for (int i = refs.nextSetBit(0); i >= 0; i = refs.nextSetBit(i + 1)) {
      if (i != candidate && !joined.get(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean subset(BitSet refs, BitSet joined) {
    BitSet rest = (BitSet) refs.clone();
    rest.andNot(joined);
    return rest.isEmpty();
  }

  private static int inputOf(int field, int[] offsets) {
    int i = Arrays.binarySearch(offsets, field);
    if (i >= 0) {
      // field is the first of input i (skipping inputs without fields)
      while (i + 1 < offsets.length && offsets[i + 1] == field) {
        i++;
      }
      return i;
    }
    return -i - 2;
  }

  /** Renumbers MultiJoin field references to their places in the tree being built. */
  private static final class Renumber extends RexShuttle {
    private final int[] newPosition;

    Renumber(int[] newPosition) {
      this.newPosition = newPosition;
    }

    @Override
    public RexNode visitInputRef(RexInputRef ref) {
      return new RexInputRef(newPosition[ref.getIndex()], ref.getType());
    }
  }
}
