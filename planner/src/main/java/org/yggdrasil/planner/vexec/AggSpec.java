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
 * @param filter the rows the aggregate reads ({@code FILTER (WHERE ...)}, or the condition of
 *     {@code CASE WHEN c THEN x ...}), or null for all the query's rows
 * @param zeroOutside whether rows outside {@code filter} count as zeros rather than being left
 *     out: {@code CASE WHEN c THEN x ELSE 0 END}, where they make a sum 0 rather than NULL
 */
public record AggSpec(Fn fn, VecExpr arg, int minMaxSlot, SqlTypeName resultType, int resultScale,
    VecExpr arg2, double fraction, boolean descending, VecPredicate filter, boolean zeroOutside) {

  public AggSpec(Fn fn, VecExpr arg, int minMaxSlot, SqlTypeName resultType, int resultScale) {
    this(fn, arg, minMaxSlot, resultType, resultScale, null, 0, false);
  }

  public AggSpec(Fn fn, VecExpr arg, int minMaxSlot, SqlTypeName resultType, int resultScale,
      VecExpr arg2, double fraction, boolean descending) {
    this(fn, arg, minMaxSlot, resultType, resultScale, arg2, fraction, descending, null, false);
  }

  /** This aggregate over the rows of {@code only} (see {@link #filter} and {@link #zeroOutside}). */
  public AggSpec onlyWhere(VecPredicate only, boolean zerosOutside) {
    return new AggSpec(fn, arg, minMaxSlot, resultType, resultScale, arg2, fraction, descending,
        only, zerosOutside);
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
    String call = name + "(" + (arg == null ? "*" : arg) + (arg2 == null ? "" : ", " + arg2) + ")";
    if (filter == null) {
      return call;
    }
    return call + (zeroOutside ? " zero unless " : " filter ") + filter;
  }
}
