package org.yggdrasil.planner.vexec;

import org.apache.calcite.sql.type.SqlTypeName;

/**
 * One aggregate a vectorized aggregation computes.
 *
 * @param fn the function
 * @param arg its argument, or null for {@code count(*)}
 * @param minMaxSlot for MIN and MAX, the column slot whose values are compared; else -1
 * @param resultType the SQL type Calcite expects of the result
 * @param resultScale for a DECIMAL result of a scaled-integer sum, the scale of the unscaled sum
 */
public record AggSpec(Fn fn, VecExpr arg, int minMaxSlot, SqlTypeName resultType, int resultScale) {
  public enum Fn {
    COUNT,
    /** SUM: NULL over no non-null input. */
    SUM,
    /** Calcite's $SUM0: 0 over no input (used where SUM is later divided by COUNT). */
    SUM0,
    MIN,
    MAX
  }

  @Override
  public String toString() {
    return fn.name().toLowerCase(java.util.Locale.ROOT) + "(" + (arg == null ? "*" : arg) + ")";
  }
}
