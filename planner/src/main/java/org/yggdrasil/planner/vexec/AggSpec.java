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
 * @param arg2 the second argument of a two-variable aggregate (X of corr(Y, X)), else null
 * @param fraction the fraction of percentile_cont / percentile_disc
 * @param descending whether a percentile's WITHIN GROUP order is descending
 */
public record AggSpec(Fn fn, VecExpr arg, int minMaxSlot, SqlTypeName resultType, int resultScale,
    VecExpr arg2, double fraction, boolean descending) {

  public AggSpec(Fn fn, VecExpr arg, int minMaxSlot, SqlTypeName resultType, int resultScale) {
    this(fn, arg, minMaxSlot, resultType, resultScale, null, 0, false);
  }

  public enum Fn {
    COUNT,
    /** SUM: NULL over no non-null input. */
    SUM,
    /** Calcite's $SUM0: 0 over no input (used where SUM is later divided by COUNT). */
    SUM0,
    MIN,
    MAX,
    /** PostgreSQL's percentile_cont over the argument as double precision. */
    PERCENTILE_CONT,
    /** percentile_disc over a column whose values doubles hold exactly (see minMaxSlot). */
    PERCENTILE_DISC,
    CORR,
    COVAR_POP,
    COVAR_SAMP,
    /** The variance family of double precision input, as PostgreSQL's float8_accum computes it. */
    VAR_POP,
    VAR_SAMP,
    STDDEV_POP,
    STDDEV_SAMP;

    /** Computed by {@link StatAggregates} rather than from counts, sums and extremes. */
    public boolean statistical() {
      return ordinal() >= PERCENTILE_CONT.ordinal();
    }
  }

  @Override
  public String toString() {
    String name = fn.name().toLowerCase(java.util.Locale.ROOT);
    if (fn == Fn.PERCENTILE_CONT || fn == Fn.PERCENTILE_DISC) {
      return name + "(" + fraction + ", " + arg + (descending ? " desc" : "") + ")";
    }
    return name + "(" + (arg == null ? "*" : arg) + (arg2 == null ? "" : ", " + arg2) + ")";
  }
}
