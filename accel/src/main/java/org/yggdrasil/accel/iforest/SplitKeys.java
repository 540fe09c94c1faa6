package org.yggdrasil.accel.iforest;

import java.util.Arrays;

/**
 * Small int keys that compare like the doubles they stand for, as far as the forest can tell:
 * for every value {@code x} and every split {@code s} of feature {@code f}, {@code x > s} exactly
 * when {@code valueKey(f, x) > splitKey(f, s)}. Keys are ranks among the distinct splits of the
 * feature: split number {@code i} (ascending) is {@code 2i+1}; a value equal to split {@code i}
 * is {@code 2i+1} too, and a value between splits {@code i-1} and {@code i} is {@code 2i}. NaN is
 * 0 (never greater than a split, as in double comparison) and -0.0 counts as 0.0. Int lanes are
 * twice as many per vector as double lanes and index lane permutes directly.
 */
final class SplitKeys {
  /** The key of a padding node (split = +infinity): no value's key is greater. */
  static final int NEVER = Integer.MAX_VALUE >>> TopLevels.FEATURE_BITS;

  /** Per feature, its distinct finite splits in ascending order. */
  private final double[][] sorted;

  /**
   * {@link #sorted} padded with +infinity to {@code 2^k - 1} entries and one more, so the search
   * runs a fixed number of steps without bounds tests and may look one past the last split.
   */
  private final double[][] padded;

  private SplitKeys(double[][] sorted) {
    this.sorted = sorted;
    this.padded = new double[sorted.length][];
    for (int f = 0; f < sorted.length; f++) {
      // 2^k entries with 2^k > length: the steps 2^(k-1) .. 1 reach below = 2^k - 1 >= length
      int size = Math.max(1, Integer.highestOneBit(sorted[f].length) * 2);
      double[] p = Arrays.copyOf(sorted[f], size);
      Arrays.fill(p, sorted[f].length, size, Double.POSITIVE_INFINITY);
      padded[f] = p;
    }
  }

  static SplitKeys of(PackedForest forest) {
    return rank(forest).keys();
  }

  /** The keys of a forest's splits, and each node's split key ({@link #NEVER} for padding nodes). */
  record Ranked(SplitKeys keys, int[] nodeKeys) {}

  /**
   * Sorts each feature's splits together with their nodes, so a node's key comes from its place
   * in the order: a search per node would cost more than the sort (see {@link RadixOrder}).
   */
  static Ranked rank(PackedForest forest) {
    int nodes = forest.feature.length;
    int[] counts = new int[forest.features + 1];
    for (int i = 0; i < nodes; i++) {
      if (forest.split[i] != Double.POSITIVE_INFINITY) {
        counts[forest.feature[i] + 1]++;
      }
    }
    for (int f = 0; f < forest.features; f++) {
      counts[f + 1] += counts[f];
    }
    // every feature's splits as order-preserving unsigned longs, grouped by feature
    long[] bits = new long[counts[forest.features]];
    int[] node = new int[bits.length];
    int[] fill = Arrays.copyOf(counts, forest.features);
    for (int i = 0; i < nodes; i++) {
      if (forest.split[i] != Double.POSITIVE_INFINITY) {
        int at = fill[forest.feature[i]]++;
        bits[at] = RadixOrder.unsignedKey(forest.split[i] + 0.0);
        node[at] = i;
      }
    }
    int[] nodeKeys = new int[nodes];
    Arrays.fill(nodeKeys, NEVER);
    double[][] sorted = new double[forest.features][];
    RadixOrder order = new RadixOrder(bits.length);
    for (int f = 0; f < forest.features; f++) {
      int from = counts[f];
      int n = counts[f + 1] - from;
      order.sort(bits, node, from, n);
      double[] distinct = new double[n];
      int d = 0;
      for (int i = from; i < from + n; i++) {
        if (d == 0 || bits[i] != bits[i - 1]) {
          distinct[d++] = RadixOrder.value(bits[i]);
        }
        nodeKeys[node[i]] = 2 * (d - 1) + 1;
      }
      sorted[f] = Arrays.copyOf(distinct, d);
    }
    return new Ranked(new SplitKeys(sorted), nodeKeys);
  }

  /** Whether every key fits below {@link #NEVER}. */
  boolean fits() {
    for (double[] s : sorted) {
      if (2L * s.length + 1 >= NEVER) {
        return false;
      }
    }
    return true;
  }

  /** The key of split {@code s} of feature {@code f} (+infinity for a padding node). */
  int splitKey(int f, double s) {
    if (s == Double.POSITIVE_INFINITY) {
      return NEVER;
    }
    // a split equals sorted[f][i], whose key as a value is 2i+1: the branch-free search of
    // valueKeys, much cheaper than a binary search's mispredicted branches for every node
    return key(padded[f], s + 0.0);
  }

  /** Writes the keys of {@code x[from..from+n)} (values of feature {@code f}) to {@code out[from..]}. */
  void valueKeys(int f, double[] x, int from, int n, int[] out) {
    double[] s = padded[f];
    for (int i = from; i < from + n; i++) {
      double v = x[i] + 0.0;
      out[i] = v != v ? 0 : key(s, v);
    }
  }

  /** The key of {@code v} (not NaN, not -0.0) among the splits {@code s} (one of {@link #padded}). */
  private static int key(double[] s, double v) {
    // branch-free lower bound with a fixed trip count: below = how many splits are < v
    int below = 0;
    for (int step = s.length >>> 1; step > 0; step >>>= 1) {
      int j = below + step;
      below = s[j - 1] < v ? j : below;
    }
    return 2 * below + (s[below] == v ? 1 : 0);
  }
}
