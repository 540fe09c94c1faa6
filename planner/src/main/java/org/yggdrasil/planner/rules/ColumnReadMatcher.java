package org.yggdrasil.planner.rules;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.yggdrasil.planner.vexec.ColumnReadPlan;
import org.yggdrasil.planner.vexec.VecPredicate;

/**
 * Recognises a physical plan that only reads numeric columns of one native table, optionally
 * filtered: {@code [Calc] (native table scan)} where the Calc projects columns (or casts them to
 * double precision, which reads the same value as a double) and its condition and the scan's
 * filters all run vectorized. CREATE MODEL uses it to read its training sample in place.
 */
public final class ColumnReadMatcher {
  private ColumnReadMatcher() {}

  /** The plan as a column read, or null when it is anything else. */
  public static ColumnReadPlan match(RelNode plan) {
    EnumerableCalc calc = plan instanceof EnumerableCalc c ? c : null;
    ScanShape scan = ScanShape.of(calc == null ? plan : calc.getInput());
    if (scan == null) {
      return null;
    }
    RexToVec rex = new RexToVec(plan.getCluster().getRexBuilder(), scan.table().version().schema());
    List<VecPredicate> filters = scan.vectorFilters(rex);
    if (filters == null) {
      return null;
    }
    List<RexNode> projects = new ArrayList<>();
    if (calc == null) {
      for (int i = 0; i < plan.getRowType().getFieldCount(); i++) {
        projects.add(scan.toTableColumns(new RexInputRef(i, plan.getRowType().getFieldList().get(i).getType())));
      }
    } else {
      RexProgram program = calc.getProgram();
      if (program.getCondition() != null) {
        for (RexNode c : RelOptUtil.conjunctions(
            scan.toTableColumns(program.expandLocalRef(program.getCondition())))) {
          VecPredicate p = rex.predicate(c);
          if (p == null) {
            return null;
          }
          filters.add(p);
        }
      }
      for (var ref : program.getProjectList()) {
        projects.add(scan.toTableColumns(program.expandLocalRef(ref)));
      }
    }
    List<Integer> outputs = new ArrayList<>();
    for (RexNode p : projects) {
      RexInputRef column = numericColumn(p, rex);
      if (column == null) {
        return null;
      }
      outputs.add(rex.slot(column.getIndex(), column.getType().getSqlTypeName()));
    }
    return new ColumnReadPlan(scan.table(), List.copyOf(rex.slots()), VecPredicate.allOf(filters),
        List.copyOf(outputs));
  }

  /** A numeric column, as it is or cast to double precision; else null. */
  private static RexInputRef numericColumn(RexNode node, RexToVec rex) {
    if (node instanceof RexCall cast && cast.getKind() == SqlKind.CAST
        && cast.getType().getSqlTypeName() == SqlTypeName.DOUBLE) {
      node = cast.getOperands().get(0);
    }
    return node instanceof RexInputRef ref && rex.isNumber(ref.getIndex()) ? ref : null;
  }
}
