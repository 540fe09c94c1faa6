package org.yggdrasil.planner.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;

/** The walk that the rewrites of a finished (physical) plan share: inputs first, then the node. */
final class FinishedPlans {
  private FinishedPlans() {}

  /** {@code rel} over its inputs each rewritten by {@code rewrite}; copied only when one changed. */
  static RelNode withInputs(RelNode rel, UnaryOperator<RelNode> rewrite) {
    List<RelNode> inputs = rel.getInputs();
    List<RelNode> rewritten = new ArrayList<>(inputs.size());
    boolean changed = false;
    for (RelNode input : inputs) {
      RelNode r = rewrite.apply(input);
      changed |= r != input;
      rewritten.add(r);
    }
    return changed ? rel.copy(rel.getTraitSet(), rewritten) : rel;
  }

  /** {@code calc} with its projections and condition converted; the same calc when none changed. */
  static RelNode calc(EnumerableCalc calc, UnaryOperator<RexNode> convert) {
    RexProgram program = calc.getProgram();
    List<RexNode> projects = new ArrayList<>();
    boolean changed = false;
    for (var ref : program.getProjectList()) {
      RexNode expr = program.expandLocalRef(ref);
      RexNode r = convert.apply(expr);
      changed |= r != expr;
      projects.add(r);
    }
    RexNode condition = null;
    if (program.getCondition() != null) {
      RexNode expr = program.expandLocalRef(program.getCondition());
      condition = convert.apply(expr);
      changed |= condition != expr;
    }
    if (!changed) {
      return calc;
    }
    return EnumerableCalc.create(calc.getInput(), RexProgram.create(calc.getInput().getRowType(),
        projects, condition, calc.getRowType(), calc.getCluster().getRexBuilder()));
  }
}
