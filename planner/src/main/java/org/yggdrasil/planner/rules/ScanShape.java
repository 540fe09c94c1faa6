package org.yggdrasil.planner.rules;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.calcite.adapter.enumerable.EnumerableInterpreter;
import org.apache.calcite.adapter.enumerable.EnumerableTableScan;
import org.apache.calcite.interpreter.Bindables.BindableTableScan;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexNode;
import org.yggdrasil.planner.schema.NativeTable;

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
}
