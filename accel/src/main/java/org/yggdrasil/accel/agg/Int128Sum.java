package org.yggdrasil.accel.agg;

/**
 * An exact 128-bit two's-complement running sum of longs, for combining per-lane partial sums:
 * lanes may hold large values of opposite signs whose total still fits a long.
 */
final class Int128Sum {
  private long hi;
  private long lo;

  void add(long x) {
    long r = lo + x;
    long carry = Long.compareUnsigned(r, lo) < 0 ? 1 : 0;
    hi += (x >> 63) + carry;
    lo = r;
  }

  /** The sum as a long; throws ArithmeticException when it does not fit. */
  long longValueExact() {
    if (hi != (lo >> 63)) {
      throw new ArithmeticException("long overflow");
    }
    return lo;
  }
}
