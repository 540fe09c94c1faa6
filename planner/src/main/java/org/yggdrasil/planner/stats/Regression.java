package org.yggdrasil.planner.stats;

import org.yggdrasil.accel.agg.YoungsCramer;

/**
 * corr, covar_pop and covar_samp of one group on the generic path: PostgreSQL's transition
 * state (see {@link YoungsCramer}) fed pair by pair. Arguments are {@code (Y, X)}; a pair counts
 * only when both are non-null.
 */
abstract class Regression implements RowAccumulator {
  final YoungsCramer state = new YoungsCramer(1);

  @Override
  public final void add(Object y, Object x, Object unused) {
    if (y != null && x != null) {
      state.add(0, ((Number) y).doubleValue(), ((Number) x).doubleValue());
    }
  }

  /** corr(Y, X): NULL without pairs and for horizontal or vertical lines. */
  public static final class Corr extends Regression {
    @Override
    public Object result() {
      return state.corr(0);
    }
  }

  public static final class CovarPop extends Regression {
    @Override
    public Object result() {
      return state.covarPop(0);
    }
  }

  public static final class CovarSamp extends Regression {
    @Override
    public Object result() {
      return state.covarSamp(0);
    }
  }
}
