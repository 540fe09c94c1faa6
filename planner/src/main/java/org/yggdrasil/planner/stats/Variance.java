package org.yggdrasil.planner.stats;

import org.yggdrasil.accel.agg.VarianceStates;

/**
 * var_pop, var_samp, stddev_pop and stddev_samp of double precision input on the generic path:
 * PostgreSQL's float8_accum state (see {@link VarianceStates}) fed value by value; NULLs skipped.
 */
abstract class Variance implements RowAccumulator {
  final VarianceStates state = new VarianceStates(1);

  @Override
  public final void add(Object x, Object unused, Object unused2) {
    if (x != null) {
      state.add(0, ((Number) x).doubleValue());
    }
  }

  public static final class VarPop extends Variance {
    @Override
    public Object result() {
      return state.varPop(0);
    }
  }

  public static final class VarSamp extends Variance {
    @Override
    public Object result() {
      return state.varSamp(0);
    }
  }

  public static final class StddevPop extends Variance {
    @Override
    public Object result() {
      return state.stddevPop(0);
    }
  }

  public static final class StddevSamp extends Variance {
    @Override
    public Object result() {
      return state.stddevSamp(0);
    }
  }
}
