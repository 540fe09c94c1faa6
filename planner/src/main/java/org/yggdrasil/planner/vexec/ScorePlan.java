package org.yggdrasil.planner.vexec;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.yggdrasil.accel.iforest.Measure;
import org.yggdrasil.planner.schema.NativeTable;

/**
 * A scan of one native table that keeps the rows {@code filter} selects and appends anomaly
 * scores computed in batches: output field {@code i < passThrough.size()} is the column in slot
 * {@code passThrough.get(i)} (or NULL when -1: nothing above reads it), then one field per
 * {@link Score}, NULL for a row where a feature is NULL.
 */
public record ScorePlan(NativeTable table, String tableName, List<ColumnSlot> columns,
    VecPredicate filter, List<Integer> passThrough, List<Score> scores) implements VectorizedPlan {

  /**
   * One anomaly function: the model's name, what it computes, and its features in order, each a
   * floating-point {@link VecExpr}: a column ({@link VecExpr.Column}, read for the kept rows
   * only) or arithmetic and math functions over columns (computed for the chunk).
   */
  public record Score(String model, Measure measure, List<VecExpr> features) {
    @Override
    public String toString() {
      return "anomaly_" + measure.name().toLowerCase(Locale.ROOT) + "('" + model + "', "
          + features.stream().map(Score::describe).collect(Collectors.joining(", ")) + ")";
    }

    private static String describe(VecExpr e) {
      return switch (e) {
        case VecExpr.Column c -> "$" + c.slot();
        case VecExpr.Constant k -> String.valueOf(k.value());
        case VecExpr.Arith a -> "(" + describe(a.left()) + " " + symbol(a.op()) + " " + describe(a.right()) + ")";
        case VecExpr.Exact x -> "(" + describe(x.left()) + " " + symbol(x.op()) + " " + describe(x.right()) + ")";
        case VecExpr.MathFn m -> m.op().name().toLowerCase(Locale.ROOT) + "(" + describe(m.arg()) + ")";
        case VecExpr.CharLength l -> "char_length($" + l.slot() + ")";
      };
    }

    private static String symbol(VecExpr.ArithOp op) {
      return switch (op) {
        case ADD -> "+";
        case SUB -> "-";
        case MUL -> "*";
        case DIV -> "/";
      };
    }
  }

  public String describe() {
    List<String> out = passThrough.stream().filter(slot -> slot >= 0).map(slot -> "$" + slot).toList();
    return (filter == null ? "" : "filter=" + filter + " first, ") + "batch scores=" + scores
        + (out.isEmpty() ? "" : ", columns out=" + out);
  }
}
