package org.yggdrasil.accel.agg;

/**
 * Neumaier's compensated summation of doubles: the running sum plus the rounding error lost so
 * far. Once the sum is infinite or NaN it is returned as is, as plain summation would give it
 * (the compensation of an infinite sum is meaningless).
 */
final class CompensatedSum {
  private double sum;
  private double comp;

  void add(double x) {
    double t = sum + x;
    if (Math.abs(sum) >= Math.abs(x)) {
      comp += (sum - t) + x;
    } else {
      comp += (x - t) + sum;
    }
    sum = t;
  }

  /** Adds a value already known to carry a separate compensation term. */
  void addCompensation(double c) {
    comp += c;
  }

  double result() {
    return Double.isFinite(sum) ? sum + comp : sum;
  }
}
