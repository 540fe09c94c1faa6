package org.yggdrasil.accel.iforest;

/**
 * The top levels of every tree as lookup tables of split keys ({@link #key}), one per (tree, level, feature): entry {@code j}
 * is the split of node {@code j} of that level when the node tests that feature, and +infinity
 * otherwise (so only the node's own feature can send a row right). A table holds at least
 * {@code lanes} entries (padded with +infinity), so {@link VectorTraversal} walks a level with
 * lane permutes over whole vectors instead of gathers.
 */
final class TopLevels {
  final int levels;
  final int lanes;
  final int features;
  /** Per tree, then level, then feature: the table of {@link #width}(level) entries, as {@link #key}s. */
  final long[] splits;
  /** Offset of level {@code k}'s tables within a tree's block. */
  private final int[] levelOffset;
  private final int treeStride;

  private TopLevels(int levels, int lanes, int features, long[] splits, int[] levelOffset, int treeStride) {
    this.levels = levels;
    this.lanes = lanes;
    this.features = features;
    this.splits = splits;
    this.levelOffset = levelOffset;
    this.treeStride = treeStride;
  }

  /** Tables for the first {@code min(depth, maxLevels)} levels of {@code forest}. */
  static TopLevels of(PackedForest forest, int lanes, int maxLevels) {
    int levels = Math.min(forest.depth, maxLevels);
    int nf = forest.features;
    int[] levelOffset = new int[levels];
    int stride = 0;
    for (int k = 0; k < levels; k++) {
      levelOffset[k] = stride;
      stride += nf * Math.max(lanes, 1 << k);
    }
    long[] splits = new long[forest.trees * stride];
    java.util.Arrays.fill(splits, key(Double.POSITIVE_INFINITY));
    TopLevels top = new TopLevels(levels, lanes, nf, splits, levelOffset, stride);
    for (int t = 0; t < forest.trees; t++) {
      for (int k = 0; k < levels; k++) {
        int first = (1 << k) - 1;
        for (int j = 0; j < 1 << k; j++) {
          int node = t * forest.internal + first + j;
          splits[top.offset(t, k, forest.feature[node]) + j] = key(forest.split[node]);
        }
      }
    }
    return top;
  }

  /**
   * A long that orders like the double: {@code a > b} exactly when {@code key(a) > key(b)}, for
   * any non-NaN {@code a} and {@code b} (-0.0 counts as 0.0). NaN maps below every key, so NaN
   * is never greater than a split, as in double comparison. Long lanes index permutes directly,
   * where double lanes would first be converted.
   */
  static long key(double v) {
    if (v != v) {
      return Long.MIN_VALUE;
    }
    long bits = Double.doubleToRawLongBits(v + 0.0);
    return bits ^ ((bits >> 63) & Long.MAX_VALUE);
  }

  /** Entries per table at level {@code k}: its nodes, at least one vector. */
  int width(int k) {
    return Math.max(lanes, 1 << k);
  }

  int offset(int tree, int level, int feature) {
    return tree * treeStride + levelOffset[level] + feature * width(level);
  }
}
