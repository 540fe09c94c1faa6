package org.yggdrasil.accel.iforest;

/**
 * SplitMix64: a fixed, tiny generator, so a seed gives the same model on every JDK (the JDK's
 * generators are not promised to stay the same).
 */
final class SplitMix64 {
  private long state;

  SplitMix64(long seed) {
    this.state = seed;
  }

  long nextLong() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [0, bound) (multiply-shift; the bias is below 2^-32 * bound). */
  int nextInt(int bound) {
    return (int) (((nextLong() >>> 32) * bound) >>> 32);
  }

  /** Uniform in [0, 1). */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** An independent stream for the numbered sub-task, so trees can be grown in any order. */
  static SplitMix64 stream(long seed, long index) {
    SplitMix64 mix = new SplitMix64(seed ^ 0x5DEECE66DL);
    mix.state += index * 0x632BE59BD9B4E019L;
    return new SplitMix64(mix.nextLong());
  }
}
