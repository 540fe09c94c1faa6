package org.yggdrasil.accel.iforest;

/**
 * The top levels of every tree as small lookup tables, one per (tree, level, feature): entry
 * {@code j} is the split of node {@code j} of that level when the node tests that feature, and
 * +infinity otherwise (so only the node's own feature can send a row right). A level of up to
 * {@code lanes} nodes fits one vector, and {@link VectorTraversal} walks it with lane permutes
 * instead of gathers.
 */
final class TopLevels {
  final int levels;
  final int lanes;
  final int features;
  /** [tree][level][feature][lane]. */
  final double[] splits;

  private TopLevels(int levels, int lanes, int features, double[] splits) {
    this.levels = levels;
    this.lanes = lanes;
    this.features = features;
    this.splits = splits;
  }

  /** Tables for the levels of {@code forest} that have at most {@code lanes} nodes. */
  static TopLevels of(PackedForest forest, int lanes) {
    int levels = Math.min(forest.depth, Integer.numberOfTrailingZeros(lanes) + 1);
    int nf = forest.features;
    double[] splits = new double[forest.trees * levels * nf * lanes];
    java.util.Arrays.fill(splits, Double.POSITIVE_INFINITY);
    for (int t = 0; t < forest.trees; t++) {
      for (int k = 0; k < levels; k++) {
        int first = (1 << k) - 1;
        for (int j = 0; j < 1 << k; j++) {
          int node = t * forest.internal + first + j;
          splits[offset(t, k, forest.feature[node], levels, nf, lanes) + j] = forest.split[node];
        }
      }
    }
    return new TopLevels(levels, lanes, nf, splits);
  }

  int offset(int tree, int level, int feature) {
    return offset(tree, level, feature, levels, features, lanes);
  }

  private static int offset(int tree, int level, int feature, int levels, int nf, int lanes) {
    return ((tree * levels + level) * nf + feature) * lanes;
  }
}
