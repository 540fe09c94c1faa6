package org.yggdrasil.planner.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.calcite.adapter.enumerable.EnumerableInterpreter;
import org.apache.calcite.adapter.enumerable.EnumerableTableScan;
import org.apache.calcite.interpreter.Bindables.BindableTableScan;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.yggdrasil.planner.schema.NativeTable;
import org.yggdrasil.planner.vexec.VecPredicate;

/**
 * A scan of a native table as Calcite planned it: an interpreted scan with pushed projections and
 * filters, or a plain scan of every column.
 *
 * @param projects the table column behind each output field of the scan
 * @param filters conditions over table columns every returned row satisfies
 */
record ScanShape(NativeTable table, List<String> qualifiedName, List<Integer> projects,
    List<RexNode> filters) {

  /** The scan {@code node} is, or null when it is not a scan of a native table's visible columns. */
  static ScanShape of(RelNode node) {
    if (node instanceof EnumerableInterpreter interpreter
        && interpreter.getInput() instanceof BindableTableScan scan) {
      NativeTable table = scan.getTable().unwrap(NativeTable.class);
      return table == null || table.withPosition() ? null
          : new ScanShape(table, scan.getTable().getQualifiedName(), scan.projects, scan.filters);
    }
    if (node instanceof EnumerableTableScan scan) {
      NativeTable table = scan.getTable().unwrap(NativeTable.class);
      if (table == null || table.withPosition()) {
        return null;
      }
      List<Integer> all = IntStream.range(0, scan.getRowType().getFieldCount()).boxed().toList();
      return new ScanShape(table, scan.getTable().getQualifiedName(), all, List.of());
    }
    return null;
  }

  /** {@code node} over the scan's output fields rewritten over the table's columns (as the scan's filters are). */
  RexNode toTableColumns(RexNode node) {
    return node.accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(projects.get(ref.getIndex()), ref.getType());
      }
    });
  }

  /** The table's name as EXPLAIN shows it, schema-qualified. */
  String tableName() {
    return String.join(".", qualifiedName);
  }

  /**
   * The pushed filters as vectorized predicates (a mutable list, for callers that add more), or
   * null when one of them cannot run vectorized.
   */
  List<VecPredicate> vectorFilters(RexToVec rex) {
    List<VecPredicate> out = new ArrayList<>();
    for (RexNode f : filters) {
      VecPredicate p = rex.predicate(f);
      if (p == null) {
        return null;
      }
      out.add(p);
    }
    return out;
  }

  /** Where NULLs go under {@code order}: PostgreSQL sorts them as the largest value by default. */
  static boolean nullsFirst(RelFieldCollation order) {
    return switch (order.nullDirection) {
      case FIRST -> true;
      case LAST -> false;
      case UNSPECIFIED -> order.getDirection().isDescending();
    };
  }
}
