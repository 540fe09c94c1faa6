package org.yggdrasil.accel.iforest;

/**
 * Walks a batch of rows through every tree with plain loops: per tree, level by level over the
 * whole batch, so the tree stays in L1 and the rows' steps are independent of each other.
 * The scalar twin of {@code VectorTraversal}; both add the trees in the same order, so they give
 * bit-identical sums.
 */
final class ScalarTraversal {
  private ScalarTraversal() {}

  /**
   * For rows {@code 0..n) of {@code x} (row-major, {@code forest.features} values per row), adds
   * each tree's path length to {@code sum[r]} and, when {@code votes} is not null, counts in
   * {@code votes[r]} the trees whose path length is at most {@code votePath}. {@code idx} is
   * scratch of at least {@code n} ints.
   */
  static void accumulate(PackedForest forest, double[] x, int n, double[] sum, int[] votes,
      double votePath, int[] idx) {
    int nf = forest.features;
    int[] feature = forest.feature;
    double[] split = forest.split;
    double[] path = forest.pathLength;
    for (int t = 0; t < forest.trees; t++) {
      int base = t * forest.internal;
      java.util.Arrays.fill(idx, 0, n, 0);
      for (int level = 0; level < forest.depth; level++) {
        for (int r = 0; r < n; r++) {
          int h = idx[r];
          idx[r] = 2 * h + (x[r * nf + feature[base + h]] > split[base + h] ? 2 : 1);
        }
      }
      int leafBase = t * forest.leaves - forest.internal;
      for (int r = 0; r < n; r++) {
        double p = path[leafBase + idx[r]];
        sum[r] += p;
        if (votes != null && p <= votePath) {
          votes[r]++;
        }
      }
    }
  }
}
