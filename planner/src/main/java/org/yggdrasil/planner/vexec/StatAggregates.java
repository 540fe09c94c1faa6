package org.yggdrasil.planner.vexec;

import java.util.List;
import org.yggdrasil.accel.agg.VarianceStates;
import org.yggdrasil.accel.agg.YoungsCramer;
import org.yggdrasil.accel.groupby.Quantiles;
import org.yggdrasil.accel.kernels.Lane;

/**
 * The statistical aggregates of a vectorized aggregation (percentile_cont / percentile_disc with
 * accel's exact {@link Quantiles}, corr / covar_pop / covar_samp with PostgreSQL's
 * {@link YoungsCramer} states, the float8 variance family with {@link VarianceStates}), per group; a query without GROUP BY is group 0. Entries of other
 * aggregates stay null.
 */
final class StatAggregates {
  private final List<AggSpec> aggs;
  private final List<ColumnSlot> slots;
  private final Quantiles[] quantiles;
  private final YoungsCramer[] regressions;
  private final VarianceStates[] variances;
  /** Per percentile, its value for every group, computed once all rows are in. */
  private final double[][] percentiles;

  StatAggregates(List<AggSpec> aggs, List<ColumnSlot> slots) {
    this.aggs = aggs;
    this.slots = slots;
    int n = aggs.size();
    quantiles = new Quantiles[n];
    regressions = new YoungsCramer[n];
    variances = new VarianceStates[n];
    percentiles = new double[n][];
    for (int i = 0; i < n; i++) {
      switch (aggs.get(i).fn()) {
        case PERCENTILE_CONT, PERCENTILE_DISC -> quantiles[i] = new Quantiles();
        case CORR, COVAR_POP, COVAR_SAMP -> regressions[i] = new YoungsCramer(64);
        case VAR_POP, VAR_SAMP, STDDEV_POP, STDDEV_SAMP -> variances[i] = new VarianceStates(64);
        default -> {}
      }
    }
  }

  void ensure(int groups) {
    for (YoungsCramer r : regressions) {
      if (r != null) {
        r.ensure(groups);
      }
    }
    for (VarianceStates v : variances) {
      if (v != null) {
        v.ensure(groups);
      }
    }
  }

  /**
   * Adds the rows of {@code argSel} (where every argument is non-null) of aggregate {@code i}, row
   * r to group {@code gids[r]} ({@code gids} null: group 0).
   */
  void add(int i, ChunkData chunk, long[] argSel, int[] gids, ExprEvaluator eval, Scratch scratch) {
    AggSpec a = aggs.get(i);
    int rows = chunk.rows();
    if (quantiles[i] != null) {
      if (a.arg() instanceof VecExpr.Column c && slots.get(c.slot()).lane() == Lane.DOUBLE) {
        quantiles[i].addDoubles(gids, chunk.data(c.slot()), rows, argSel);
      } else {
        double[] v = eval.doubles(a.arg(), chunk);
        quantiles[i].add(gids, v, rows, argSel);
        scratch.release(v);
      }
    } else if (variances[i] != null) {
      double[] x = eval.doubles(a.arg(), chunk);
      variances[i].add(gids, x, rows, argSel);
      scratch.release(x);
    } else {
      double[] y = eval.doubles(a.arg(), chunk);
      double[] x = eval.doubles(a.arg2(), chunk);
      regressions[i].add(gids, y, x, rows, argSel);
      scratch.release(y);
      scratch.release(x);
    }
  }

  /** Adds another worker's states, its group g going to {@code map[g]} (map null: group 0 to 0). */
  void merge(StatAggregates o, int[] map) {
    int groups = map == null ? 1 : map.length;
    for (int i = 0; i < aggs.size(); i++) {
      if (quantiles[i] != null) {
        quantiles[i].addAll(o.quantiles[i], map);
      } else if (regressions[i] != null) {
        for (int g = 0; g < groups; g++) {
          regressions[i].merge(o.regressions[i], g, map == null ? g : map[g]);
        }
      } else if (variances[i] != null) {
        for (int g = 0; g < groups; g++) {
          variances[i].merge(o.variances[i], g, map == null ? g : map[g]);
        }
      }
    }
  }

  /** The value of aggregate {@code i} for group {@code g}, as Calcite expects its SQL type. */
  Object value(int i, int g) {
    AggSpec a = aggs.get(i);
    return switch (a.fn()) {
      case PERCENTILE_CONT, PERCENTILE_DISC -> percentile(i, a, g);
      case CORR -> regressions[i].corr(g);
      case COVAR_POP -> regressions[i].covarPop(g);
      case COVAR_SAMP -> regressions[i].covarSamp(g);
      case VAR_POP -> variances[i].varPop(g);
      case VAR_SAMP -> variances[i].varSamp(g);
      case STDDEV_POP -> variances[i].stddevPop(g);
      case STDDEV_SAMP -> variances[i].stddevSamp(g);
      default -> throw new IllegalStateException("not a statistical aggregate: " + a);
    };
  }

  private Object percentile(int i, AggSpec a, int g) {
    Quantiles q = quantiles[i];
    if (g >= q.groupCount() || q.count(g) == 0) {
      return null;
    }
    if (percentiles[i] == null) {
      percentiles[i] = a.fn() == AggSpec.Fn.PERCENTILE_CONT
          ? q.percentileCont(a.fraction(), a.descending())
          : q.percentileDisc(a.fraction(), a.descending());
    }
    double v = percentiles[i][g];
    if (a.fn() == AggSpec.Fn.PERCENTILE_CONT) {
      return v;
    }
    // percentile_disc returns the input value in the input's own type
    ColumnSlot column = slots.get(a.minMaxSlot());
    return column.isFloating() ? ResultValues.doubleExtreme(column, v, true)
        : ResultValues.exactExtreme(column, (long) v, true);
  }
}
