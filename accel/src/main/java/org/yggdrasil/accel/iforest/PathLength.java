package org.yggdrasil.accel.iforest;

/** The average path length of an unsuccessful search in a binary search tree, c(n) of Liu et al. */
final class PathLength {
  private static final double EULER_GAMMA = 0.5772156649015329;

  private PathLength() {}

  /** c(n) = 2 H(n-1) - 2 (n-1) / n with H(i) ~ ln(i) + gamma; c(2) = 1; c(n <= 1) = 0. */
  static double average(long n) {
    if (n <= 1) {
      return 0.0;
    }
    if (n == 2) {
      return 1.0;
    }
    double m = n - 1;
    return 2.0 * (Math.log(m) + EULER_GAMMA) - 2.0 * m / n;
  }
}
