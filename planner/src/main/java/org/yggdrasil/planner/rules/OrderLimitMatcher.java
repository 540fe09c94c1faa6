package org.yggdrasil.planner.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableLimit;
import org.apache.calcite.adapter.enumerable.EnumerableLimitSort;
import org.apache.calcite.adapter.enumerable.EnumerableSort;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.yggdrasil.planner.schema.NativeTable;
import org.yggdrasil.planner.vexec.ColumnSlot;
import org.yggdrasil.planner.vexec.OrderLimitPlan;
import org.yggdrasil.planner.vexec.SortKey;
import org.yggdrasil.planner.vexec.VecPredicate;

/**
 * Recognises {@code Limit(fetch[, offset]) (Sort (keys) ([Calc] (native table scan)))}, or
 * Calcite's fused LimitSort, where every sort key is a fixed-width number, date or timestamp
 * column and the Calc only filters and picks columns, and builds the equivalent
 * {@link AccelOrderLimitRel}. Null when the shape differs (the Enumerable plan then stays).
 */
final class OrderLimitMatcher {
  /** Beyond this many kept rows a heap stops beating a sort. */
  private static final long MAX_KEPT = 100_000;

  private OrderLimitMatcher() {}

  static AccelOrderLimitRel match(RelNode node) {
    RelCollation collation;
    RexNode offset;
    RexNode fetch;
    RelNode input;
    if (node instanceof EnumerableLimit limit && limit.getInput() instanceof EnumerableSort sort
        && sort.offset == null && sort.fetch == null) {
      collation = sort.getCollation();
      offset = limit.offset;
      fetch = limit.fetch;
      input = sort.getInput();
    } else if (node instanceof EnumerableLimitSort sort) {
      collation = sort.getCollation();
      offset = sort.offset;
      fetch = sort.fetch;
      input = sort.getInput();
    } else {
      return null;
    }
    Long rows = count(fetch);
    Long skip = offset == null ? Long.valueOf(0) : count(offset);
    if (rows == null || skip == null || rows == 0 || rows + skip > MAX_KEPT
        || collation.getFieldCollations().isEmpty() || collation.getFieldCollations().size() > 64) {
      return null;
    }
    EnumerableCalc calc = null;
    if (input instanceof EnumerableCalc c) {
      calc = c;
      input = c.getInput();
    }
    ScanShape scan = ScanShape.of(input);
    if (scan == null) {
      return null;
    }
    NativeTable table = scan.table();
    RexToVec rex = new RexToVec(node.getCluster().getRexBuilder(), table.version().schema());
    List<Integer> projects = scan.projects();
    List<VecPredicate> filters = scan.vectorFilters(rex);
    if (filters == null) {
      return null;
    }
    // the table column behind each field the Sort sees
    List<Integer> fields = new ArrayList<>(projects);
    if (calc != null) {
      RexProgram program = calc.getProgram();
      if (program.getCondition() != null) {
        VecPredicate p = rex.predicate(scan.toTableColumns(program.expandLocalRef(program.getCondition())));
        if (p == null) {
          return null;
        }
        filters.add(p);
      }
      fields.clear();
      for (var ref : program.getProjectList()) {
        if (!(program.expandLocalRef(ref) instanceof RexInputRef r)) {
          return null;
        }
        fields.add(projects.get(r.getIndex()));
      }
    }
    List<SortKey> keys = new ArrayList<>();
    for (RelFieldCollation fc : collation.getFieldCollations()) {
      int column = fields.get(fc.getFieldIndex());
      Integer slot = rex.columnSlot(new RexInputRef(column, table.getRowType(
          node.getCluster().getTypeFactory()).getFieldList().get(column).getType()), false);
      if (slot == null || !sortable(rex.column(slot))) {
        return null;
      }
      boolean descending = fc.getDirection().isDescending();
      boolean nullsFirst = ScanShape.nullsFirst(fc);
      keys.add(new SortKey(slot, descending, nullsFirst));
    }
    VecPredicate filter = VecPredicate.allOf(filters);
    OrderLimitPlan plan = new OrderLimitPlan(table, scan.tableName(),
        List.copyOf(rex.slots()), filter, List.copyOf(keys), skip, rows, List.copyOf(fields));
    return new AccelOrderLimitRel(node.getCluster(), node.getTraitSet(), node.getRowType(), plan);
  }

  /** Fixed-width values whose stored order is their SQL order: numbers, dates, timestamps. */
  private static boolean sortable(ColumnSlot c) {
    return c.lane() != null && (c.isFloating() || c.isExactNumber());
  }

  /** A non-negative literal row count, or null (parameters and expressions stay on Calcite). */
  private static Long count(RexNode n) {
    if (!(n instanceof RexLiteral lit)) {
      return null;
    }
    BigDecimal v = lit.getValueAs(BigDecimal.class);
    if (v == null || v.signum() < 0 || v.stripTrailingZeros().scale() > 0
        || v.compareTo(BigDecimal.valueOf(MAX_KEPT)) > 0) {
      return null;
    }
    return v.longValue();
  }
}
