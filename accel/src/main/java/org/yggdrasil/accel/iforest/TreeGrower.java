package org.yggdrasil.accel.iforest;

/**
 * Grows one isolation tree (Liu, Ting and Zhou 2008) from its sample: at each node a feature
 * chosen uniformly among those not constant in the node's rows, a split uniform in [min, max) of
 * that feature over those rows; a node becomes a leaf at the depth limit, with one row, or when
 * every feature is constant.
 */
final class TreeGrower {
  private final PackedForest forest;
  private final int tree;
  private final SplitMix64 rng;
  /** sample[feature][i]: the sampled rows' values. */
  private final double[][] sample;
  /** Positions into the sample, partitioned in place as the tree grows. */
  private final int[] order;
  private final int[] candidates;
  private final double[] mins;
  private final double[] maxs;

  private TreeGrower(PackedForest forest, int tree, SplitMix64 rng, double[][] sample, int n) {
    this.forest = forest;
    this.tree = tree;
    this.rng = rng;
    this.sample = sample;
    this.order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    this.candidates = new int[sample.length];
    this.mins = new double[sample.length];
    this.maxs = new double[sample.length];
  }

  static void grow(PackedForest forest, int tree, SplitMix64 rng, double[][] sample, int n) {
    new TreeGrower(forest, tree, rng, sample, n).node(0, 0, 0, n);
  }

  private void node(int node, int level, int lo, int hi) {
    int n = hi - lo;
    if (level == forest.depth || n <= 1) {
      forest.setLeaf(tree, node, level, n);
      return;
    }
    int k = 0;
    for (int f = 0; f < sample.length; f++) {
      double[] col = sample[f];
      double min = col[order[lo]];
      double max = min;
      for (int i = lo + 1; i < hi; i++) {
        double v = col[order[i]];
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      if (min < max) {
        mins[f] = min;
        maxs[f] = max;
        candidates[k++] = f;
      }
    }
    if (k == 0) {
      forest.setLeaf(tree, node, level, n);
      return;
    }
    int f = candidates[rng.nextInt(k)];
    double min = mins[f];
    double max = maxs[f];
    double u = rng.nextDouble();
    double span = max - min;
    // max - min overflows for values near +-Double.MAX_VALUE: interpolate without the difference
    double split = Double.isFinite(span) ? min + u * span : (1 - u) * min + u * max;
    if (!(split >= min && split < max)) { // rounding; keep min <= split < max so both sides get rows
      split = min;
    }
    forest.setSplit(tree, node, f, split);
    double[] col = sample[f];
    int mid = lo;
    for (int i = lo; i < hi; i++) {
      int o = order[i];
      if (col[o] <= split) {
        order[i] = order[mid];
        order[mid++] = o;
      }
    }
    node(2 * node + 1, level + 1, lo, mid);
    node(2 * node + 2, level + 1, mid, hi);
  }
}
