package org.yggdrasil.accel.iforest;

/**
 * Sorts doubles, held as order-preserving unsigned longs, together with an int payload: a
 * least-significant-digit radix sort over bytes that skips the bytes every key shares. A forest's
 * splits (tens of thousands of random doubles) sort this way in a fraction of a comparison sort's
 * time, and the payload says which node each split came from.
 */
final class RadixOrder {
  private static final int RADIX = 256;

  private final long[] keysScratch;
  private final int[] payloadScratch;
  private final int[] counts = new int[RADIX];

  /** Scratch space for sorting up to {@code capacity} keys at a time. */
  RadixOrder(int capacity) {
    keysScratch = new long[capacity];
    payloadScratch = new int[capacity];
  }

  /** The key of {@code v} (not NaN, not -0.0): unsigned order of keys is the order of the doubles. */
  static long unsignedKey(double v) {
    long bits = Double.doubleToRawLongBits(v);
    // negative: flip every bit (larger magnitude sorts lower); positive: set the sign bit
    return bits < 0 ? ~bits : bits | Long.MIN_VALUE;
  }

  /** The double of {@link #unsignedKey}. */
  static double value(long key) {
    return Double.longBitsToDouble(key < 0 ? key & Long.MAX_VALUE : ~key);
  }

  /** Sorts {@code keys[from..from+n)} as unsigned longs, moving {@code payload} alongside (stable). */
  void sort(long[] keys, int[] payload, int from, int n) {
    if (n < 2) {
      return;
    }
    long anyOne = 0;
    long allOnes = -1L;
    for (int i = from; i < from + n; i++) {
      anyOne |= keys[i];
      allOnes &= keys[i];
    }
    long varying = anyOne ^ allOnes; // the bits that differ between some keys
    long[] srcKeys = keys;
    int[] srcPayload = payload;
    int srcFrom = from;
    long[] dstKeys = keysScratch;
    int[] dstPayload = payloadScratch;
    int dstFrom = 0;
    for (int shift = 0; shift < Long.SIZE; shift += 8) {
      if ((varying >>> shift & 0xFF) == 0) {
        continue; // every key has this byte: the pass would not move anything
      }
      java.util.Arrays.fill(counts, 0);
      for (int i = srcFrom; i < srcFrom + n; i++) {
        counts[(int) (srcKeys[i] >>> shift & 0xFF)]++;
      }
      int at = dstFrom;
      for (int d = 0; d < RADIX; d++) {
        int c = counts[d];
        counts[d] = at;
        at += c;
      }
      for (int i = srcFrom; i < srcFrom + n; i++) {
        long k = srcKeys[i];
        int to = counts[(int) (k >>> shift & 0xFF)]++;
        dstKeys[to] = k;
        dstPayload[to] = srcPayload[i];
      }
      long[] tk = srcKeys;
      srcKeys = dstKeys;
      dstKeys = tk;
      int[] tp = srcPayload;
      srcPayload = dstPayload;
      dstPayload = tp;
      int tf = srcFrom;
      srcFrom = dstFrom;
      dstFrom = tf;
    }
    if (srcKeys != keys) {
      System.arraycopy(srcKeys, srcFrom, keys, from, n);
      System.arraycopy(srcPayload, srcFrom, payload, from, n);
    }
  }
}
