package org.yggdrasil.accel.iforest;

/**
 * The top levels of every tree as lookup tables for {@link VectorTraversal}, one per (tree,
 * level): entry {@code j} is node {@code j} of that level as one int, its split's {@link
 * SplitKeys} key shifted left by {@link #FEATURE_BITS} with the node's feature in the low bits.
 * A table holds at least {@code lanes} entries, so a level is walked with lane permutes over
 * whole vectors instead of gathers.
 */
final class TopLevels {
  static final int FEATURE_BITS = 4;
  /** Features a node word can name. */
  static final int MAX_FEATURES = 1 << FEATURE_BITS;

  final int levels;
  final int lanes;
  final SplitKeys keys;
  /** Per tree, then level: the table of {@link #width}(level) node words. */
  final int[] words;
  private final int[] levelOffset;
  private final int treeStride;

  private TopLevels(int levels, int lanes, SplitKeys keys, int[] words, int[] levelOffset, int treeStride) {
    this.levels = levels;
    this.lanes = lanes;
    this.keys = keys;
    this.words = words;
    this.levelOffset = levelOffset;
    this.treeStride = treeStride;
  }

  /**
   * Tables for the first {@code min(depth, maxLevels)} levels of {@code forest}, or null when
   * its features or splits are too many for node words.
   */
  static TopLevels of(PackedForest forest, int lanes, int maxLevels) {
    if (forest.features > MAX_FEATURES) {
      return null;
    }
    SplitKeys.Ranked ranked = SplitKeys.rank(forest);
    SplitKeys keys = ranked.keys();
    if (!keys.fits()) {
      return null;
    }
    int levels = Math.min(forest.depth, maxLevels);
    int[] levelOffset = new int[levels];
    int stride = 0;
    for (int k = 0; k < levels; k++) {
      levelOffset[k] = stride;
      stride += Math.max(lanes, 1 << k);
    }
    int[] words = new int[forest.trees * stride];
    java.util.Arrays.fill(words, SplitKeys.NEVER << FEATURE_BITS);
    TopLevels top = new TopLevels(levels, lanes, keys, words, levelOffset, stride);
    for (int t = 0; t < forest.trees; t++) {
      for (int k = 0; k < levels; k++) {
        int first = (1 << k) - 1;
        for (int j = 0; j < 1 << k; j++) {
          int node = t * forest.internal + first + j;
          words[top.offset(t, k) + j] = ranked.nodeKeys()[node] << FEATURE_BITS | forest.feature[node];
        }
      }
    }
    return top;
  }

  /** Entries per table at level {@code k}: its nodes, at least one vector. */
  int width(int k) {
    return Math.max(lanes, 1 << k);
  }

  int offset(int tree, int level) {
    return tree * treeStride + levelOffset[level];
  }
}
