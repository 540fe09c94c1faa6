package org.yggdrasil.planner.vexec;

import java.util.List;
import java.util.stream.Collectors;
import org.yggdrasil.planner.schema.NativeTable;

/**
 * {@code SELECT outputColumns FROM table [WHERE filter] ORDER BY keys LIMIT fetch OFFSET offset}
 * over one native table, every sort key a fixed-width number, date or timestamp column.
 */
public record OrderLimitPlan(NativeTable table, String tableName, List<ColumnSlot> columns,
    VecPredicate filter, List<SortKey> keys, long offset, long fetch, List<Integer> outputColumns) implements VectorizedPlan {

  /** The rows the heap keeps: the offset ones too, dropped when the result is read. */
  public int kept() {
    return Math.toIntExact(offset + fetch);
  }

  public String describe() {
    return (filter == null ? "" : "filter=" + filter + ", ") + "order="
        + keys.stream().map(SortKey::toString).collect(Collectors.joining(", ", "[", "]"))
        + (offset > 0 ? ", offset=" + offset : "") + ", fetch=" + fetch + ", top-n heap";
  }
}
