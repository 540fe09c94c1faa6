package org.yggdrasil.planner.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableWindow;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.SqlKind;
import org.yggdrasil.planner.schema.NativeTable;
import org.yggdrasil.planner.vexec.SortKey;
import org.yggdrasil.planner.vexec.TopNPlan;
import org.yggdrasil.planner.vexec.VecPredicate;

/**
 * Recognises {@code Calc[rn <= k] (Window[ROW_NUMBER() OVER (PARTITION BY cols ORDER BY col
 * [, more])] (native table scan))} and replaces the window and scan by an {@link AccelTopNRel}; the Calc
 * stays (its condition holds for every row the operator returns). Null when the shape differs.
 */
final class TopNMatcher {
  /** Above this k a per-partition array of k entries stops paying off. */
  private static final int MAX_K = 1024;

  private TopNMatcher() {}

  static EnumerableCalc match(EnumerableCalc calc) {
    if (!(calc.getInput() instanceof EnumerableWindow window) || window.groups.size() != 1) {
      return null;
    }
    ScanShape scan = ScanShape.of(window.getInput());
    if (scan == null) {
      return null;
    }
    NativeTable table = scan.table();
    RelDataType scanType = window.getInput().getRowType();
    Window.Group group = window.groups.get(0);
    int inputFields = window.getInput().getRowType().getFieldCount();
    if (group.aggCalls.size() != 1 || group.aggCalls.get(0).getKind() != SqlKind.ROW_NUMBER
        || group.keys.isEmpty() || group.orderKeys.getFieldCollations().isEmpty()
        || !window.constants.isEmpty()) {
      return null;
    }
    Integer k = rowNumberLimit(calc.getProgram(), inputFields);
    if (k == null) {
      return null;
    }
    List<Integer> projects = scan.projects();
    RexToVec rex = new RexToVec(calc.getCluster().getRexBuilder(), table.version().schema());
    List<VecPredicate> filters = scan.vectorFilters(rex);
    if (filters == null) {
      return null;
    }
    List<Integer> partition = new ArrayList<>();
    for (int key : group.keys) {
      RexInputRef ref = new RexInputRef(projects.get(key), scanType.getFieldList().get(key).getType());
      Integer slot = rex.columnSlot(ref, true);
      if (slot == null || rex.column(slot).isFloating()) {
        return null;
      }
      partition.add(slot);
    }
    RelFieldCollation order = group.orderKeys.getFieldCollations().get(0);
    RexInputRef orderRef = new RexInputRef(projects.get(order.getFieldIndex()),
        scanType.getFieldList().get(order.getFieldIndex()).getType());
    Integer orderSlot = rex.columnSlot(orderRef, false);
    if (orderSlot == null || rex.column(orderSlot).isText()
        || (rex.column(orderSlot).isFloating()
            && rex.column(orderSlot).encoding().physical().width() != 8)) {
      return null;
    }
    boolean descending = order.getDirection().isDescending();
    boolean nullsFirst = ScanShape.nullsFirst(order);
    List<SortKey> tieKeys = new ArrayList<>();
    for (RelFieldCollation tie : group.orderKeys.getFieldCollations().subList(1,
        group.orderKeys.getFieldCollations().size())) {
      RexInputRef ref = new RexInputRef(projects.get(tie.getFieldIndex()),
          scanType.getFieldList().get(tie.getFieldIndex()).getType());
      Integer slot = rex.columnSlot(ref, false);
      if (slot == null) {
        return null;
      }
      tieKeys.add(new SortKey(slot, tie.getDirection().isDescending(), ScanShape.nullsFirst(tie)));
    }
    VecPredicate filter = VecPredicate.allOf(filters);
    TopNPlan plan = new TopNPlan(table, scan.tableName(),
        List.copyOf(rex.slots()), filter, List.copyOf(partition), orderSlot, descending,
        nullsFirst, List.copyOf(tieKeys), k, List.copyOf(projects));
    AccelTopNRel topN = new AccelTopNRel(calc.getCluster(), window.getTraitSet(),
        window.getRowType(), plan);
    return (EnumerableCalc) calc.copy(calc.getTraitSet(), List.of(topN));
  }

  /** k when the program's condition is exactly {@code rn <= k}, {@code rn < k+1} or {@code rn = 1}. */
  private static Integer rowNumberLimit(RexProgram program, int rowNumberField) {
    if (program.getCondition() == null) {
      return null;
    }
    RexNode c = program.expandLocalRef(program.getCondition());
    if (!(c instanceof RexCall call) || call.getOperands().size() != 2) {
      return null;
    }
    RexNode a = call.getOperands().get(0);
    RexNode b = call.getOperands().get(1);
    if (!(a instanceof RexInputRef ref) || ref.getIndex() != rowNumberField
        || !(b instanceof RexLiteral lit)) {
      return null;
    }
    BigDecimal v = lit.getValueAs(BigDecimal.class);
    if (v == null || v.scale() > 0 && v.stripTrailingZeros().scale() > 0) {
      return null;
    }
    long n = v.longValue();
    long k = switch (call.getKind()) {
      case LESS_THAN_OR_EQUAL -> n;
      case LESS_THAN -> n - 1;
      case EQUALS -> n == 1 ? 1 : -1;
      default -> -1;
    };
    return k >= 1 && k <= MAX_K ? (int) k : null;
  }
}
