package org.yggdrasil.accel.iforest;

/**
 * Grows one isolation tree (Liu, Ting and Zhou 2008) from its sample: at each node a feature
 * chosen uniformly among those not constant in the node's rows, a split uniform in [min, max) of
 * that feature over those rows; a node becomes a leaf at the depth limit, with one row, or when
 * every feature is constant.
 *
 * <p>The sample is one column-major array that the grower partitions in place (each node's rows
 * are a contiguous range of every feature), so the min/max scans read consecutive doubles
 * instead of chasing an index per value. The model depends only on which rows each node holds,
 * never on their order within it.
 */
final class TreeGrower {
  private final PackedForest forest;
  private final int tree;
  private final SplitMix64 rng;
  /** x[f * stride + i]: feature f of the sample's row at position i, reordered as the tree grows. */
  private final double[] x;
  private final int features;
  private final int stride;
  /** averagePath[n]: c(n) for a leaf of n rows, n up to the sample size. */
  private final double[] averagePath;
  /** The features not yet ruled out at the node being split, in {@code [0, k)}. */
  private final int[] candidates;

  private TreeGrower(PackedForest forest, int tree, SplitMix64 rng, double[] x, int stride,
      double[] averagePath) {
    this.forest = forest;
    this.tree = tree;
    this.rng = rng;
    this.x = x;
    this.features = forest.features;
    this.stride = stride;
    this.averagePath = averagePath;
    this.candidates = new int[features];
  }

  /**
   * Grows tree {@code tree} of {@code forest} from the {@code stride} rows in {@code x}
   * (column-major, permuted in place); {@code averagePath} is {@link #averagePaths}{@code (stride)}.
   */
  static void grow(PackedForest forest, int tree, SplitMix64 rng, double[] x, int stride, double[] averagePath) {
    new TreeGrower(forest, tree, rng, x, stride, averagePath).node(0, 0, 0, stride);
  }

  /** c(n) for n = 0..psi, computed once per training instead of once per leaf. */
  static double[] averagePaths(int psi) {
    double[] c = new double[psi + 1];
    for (int n = 0; n <= psi; n++) {
      c[n] = PathLength.average(n);
    }
    return c;
  }

  private void node(int node, int level, int lo, int hi) {
    int n = hi - lo;
    if (level == forest.depth || n <= 1) {
      forest.setLeaf(tree, node, level, n, averagePath[n]);
      return;
    }
    // A feature uniform among the non-constant ones, drawn by rejection: draw among the features
    // not yet ruled out and rule the draw out when it is constant here. Usually the first draw
    // stands, so only one feature's min and max are computed instead of every feature's.
    int k = features;
    for (int f = 0; f < features; f++) {
      candidates[f] = f;
    }
    int f;
    double min;
    double max;
    while (true) {
      if (k == 0) {
        forest.setLeaf(tree, node, level, n, averagePath[n]);
        return;
      }
      int pick = rng.nextInt(k);
      f = candidates[pick];
      min = min(f * stride + lo, f * stride + hi);
      max = max(f * stride + lo, f * stride + hi);
      if (min < max) {
        break;
      }
      candidates[pick] = candidates[--k];
    }
    double u = rng.nextDouble();
    double span = max - min;
    // max - min overflows for values near +-Double.MAX_VALUE: interpolate without the difference
    double split = Double.isFinite(span) ? min + u * span : (1 - u) * min + u * max;
    if (!(split >= min && split < max)) { // rounding; keep min <= split < max so both sides get rows
      split = min;
    }
    forest.setSplit(tree, node, f, split);
    int mid = partition(f * stride, lo, hi, split);
    node(2 * node + 1, level + 1, lo, mid);
    node(2 * node + 2, level + 1, mid, hi);
  }

  /** The least of {@code x[from..to)}; one simple loop, which C2 turns into a vector reduction. */
  private double min(int from, int to) {
    double[] x = this.x;
    double m = x[from];
    for (int i = from + 1; i < to; i++) {
      m = Math.min(m, x[i]);
    }
    return m;
  }

  private double max(int from, int to) {
    double[] x = this.x;
    double m = x[from];
    for (int i = from + 1; i < to; i++) {
      m = Math.max(m, x[i]);
    }
    return m;
  }

  /**
   * Moves the rows of {@code lo..hi)} whose value at {@code col} is at most {@code split} to the
   * front; returns where the rest start. Branch-free (Lomuto with an unconditional swap): every
   * row is swapped with the first row not yet known to go right, and that boundary advances when
   * the row goes left. A random split sends rows either way unpredictably, so a branch on it would
   * be mispredicted for about half of them.
   */
  private int partition(int col, int lo, int hi, double split) {
    double[] x = this.x;
    int mid = lo;
    for (int i = lo; i < hi; i++) {
      int left = x[col + i] <= split ? 1 : 0;
      for (int b = 0; b < features * stride; b += stride) {
        double t = x[b + i];
        x[b + i] = x[b + mid];
        x[b + mid] = t;
      }
      mid += left;
    }
    return mid;
  }
}
