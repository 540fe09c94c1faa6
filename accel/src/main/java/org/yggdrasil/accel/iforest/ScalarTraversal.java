package org.yggdrasil.accel.iforest;

/**
 * Walks a batch of rows through every tree with plain loops: per tree, level by level over the
 * whole batch, so the tree stays in L1 and the rows' steps are independent of each other (the
 * CPU overlaps them; a row-at-a-time walk would wait on each load). The scalar twin of {@link
 * VectorTraversal}: both reach the same leaves and add the trees in the same order, so their sums
 * are bit-identical.
 */
final class ScalarTraversal {
  private ScalarTraversal() {}

  /**
   * For rows {@code 0..n)} of the batch {@code x} (column-major: feature {@code f} of row {@code
   * r} at {@code x[f * stride + r]}; {@code offsets[node]} is the node's feature times {@code
   * stride}, see {@link PackedForest#featureOffsets}), adds each tree's path length to {@code sum[r]} and, when
   * {@code votes} is not null, counts in {@code votes[r]} the trees whose path length is at most
   * {@code votePath}. {@code idx} is scratch of at least {@code n} ints.
   */
  static void accumulate(PackedForest forest, int[] offsets, double[] x, int n, double[] sum,
      int[] votes, double votePath, int[] idx) {
    for (int t = 0; t < forest.trees; t++) {
      java.util.Arrays.fill(idx, 0, n, 0);
      descend(forest, offsets, t, 0, x, 0, n, idx);
      addLeaves(forest, t, 0, n, sum, votes, votePath, idx);
    }
  }

  /** Moves rows {@code from..n)} of the batch from level {@code level} down to the bottom of tree {@code t}. */
  static void descend(PackedForest forest, int[] offsets, int t, int level, double[] x, int from,
      int n, int[] idx) {
    double[] split = forest.split;
    int base = t * forest.internal;
    for (int l = level; l < forest.depth; l++) {
      for (int r = from; r < n; r++) {
        int h = idx[r];
        idx[r] = 2 * h + (x[offsets[base + h] + r] > split[base + h] ? 2 : 1);
      }
    }
  }

  /** Adds the path lengths of the leaves {@code idx[from..n)} (heap indexes) of tree {@code t} to {@code sum}. */
  static void addLeaves(PackedForest forest, int t, int from, int n, double[] sum, int[] votes,
      double votePath, int[] idx) {
    double[] path = forest.pathLength;
    int leafBase = t * forest.leaves - forest.internal;
    if (votes == null) {
      for (int r = from; r < n; r++) {
        sum[r] += path[leafBase + idx[r]];
      }
      return;
    }
    for (int r = from; r < n; r++) {
      double p = path[leafBase + idx[r]];
      sum[r] += p;
      votes[r] += p <= votePath ? 1 : 0;
    }
  }
}
