package org.yggdrasil.accel.kernels;

/**
 * A floating-point predicate in the one form every floating filter kernel evaluates:
 * {@code (lo <= v <= hi) or (nan and v is NaN)}, negated when {@code negate}.
 * It encodes PostgreSQL's ordering of float8, where NaN equals NaN and is greater than every
 * other value, including +Infinity; -0.0 equals 0.0. An empty range has {@code lo > hi}.
 */
record FloatingRange(double lo, double hi, boolean nan, boolean negate) {
  private static final double INF = Double.POSITIVE_INFINITY;

  static FloatingRange of(CmpOp op, double c) {
    boolean cNaN = Double.isNaN(c);
    return switch (op) {
      case EQ -> cNaN ? new FloatingRange(INF, -INF, true, false) : new FloatingRange(c, c, false, false);
      case NE -> cNaN ? new FloatingRange(INF, -INF, true, true) : new FloatingRange(c, c, false, true);
      case LT -> cNaN ? new FloatingRange(-INF, INF, false, false)
          : c == -INF ? new FloatingRange(INF, -INF, false, false)
          : new FloatingRange(-INF, Math.nextDown(c), false, false);
      case LE -> cNaN ? new FloatingRange(-INF, INF, true, false) : new FloatingRange(-INF, c, false, false);
      case GT -> cNaN ? new FloatingRange(INF, -INF, false, false)
          : c == INF ? new FloatingRange(INF, -INF, true, false)
          : new FloatingRange(Math.nextUp(c), INF, true, false);
      case GE -> cNaN ? new FloatingRange(INF, -INF, true, false) : new FloatingRange(c, INF, true, false);
    };
  }

  /** {@code lo <= v AND v <= hi} in PostgreSQL order: GE(lo) contains NaN always, LE(hi) only when hi is NaN. */
  static FloatingRange between(double lo, double hi) {
    boolean hiNaN = Double.isNaN(hi);
    if (Double.isNaN(lo)) {
      // GE(NaN) is "v is NaN"; only LE(NaN) keeps it.
      return new FloatingRange(INF, -INF, hiNaN, false);
    }
    return new FloatingRange(lo, hiNaN ? INF : hi, hiNaN, false);
  }

  /** Smallest float that is >= d (as doubles); +Infinity when none is finite. */
  static float ceilFloat(double d) {
    float f = (float) d;
    return (double) f < d ? Math.nextUp(f) : f;
  }

  /** Largest float that is <= d (as doubles); -Infinity when none is finite. */
  static float floorFloat(double d) {
    float f = (float) d;
    return (double) f > d ? Math.nextDown(f) : f;
  }
}
