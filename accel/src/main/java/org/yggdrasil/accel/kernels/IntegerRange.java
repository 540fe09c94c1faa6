package org.yggdrasil.accel.kernels;

/**
 * An integer predicate in the one form every integer filter kernel evaluates:
 * {@code lo <= v <= hi}, negated when {@code negate}. A range with {@code lo > hi} is empty.
 * Vector kernels test it as {@code (v - lo) <=unsigned (hi - lo)}: one subtraction and one
 * compare per lane, correct in the lane's own wrapping arithmetic.
 */
record IntegerRange(long lo, long hi, boolean negate) {

  static IntegerRange of(CmpOp op, long c) {
    return switch (op) {
      case EQ -> new IntegerRange(c, c, false);
      case NE -> new IntegerRange(c, c, true);
      case LT -> c == Long.MIN_VALUE ? empty() : new IntegerRange(Long.MIN_VALUE, c - 1, false);
      case LE -> new IntegerRange(Long.MIN_VALUE, c, false);
      case GT -> c == Long.MAX_VALUE ? empty() : new IntegerRange(c + 1, Long.MAX_VALUE, false);
      case GE -> new IntegerRange(c, Long.MAX_VALUE, false);
    };
  }

  static IntegerRange empty() {
    return new IntegerRange(1, 0, false);
  }

  /** The same predicate with the bounds clipped to what the lane can hold. */
  IntegerRange clip(Lane lane) {
    return new IntegerRange(Math.max(lo, lane.minValue()), Math.min(hi, lane.maxValue()), negate);
  }

  boolean isEmpty() {
    return lo > hi;
  }

  /** {@code hi - lo} as an unsigned span (meaningful only when not empty). */
  long span() {
    return hi - lo;
  }
}
