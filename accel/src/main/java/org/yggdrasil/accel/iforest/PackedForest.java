package org.yggdrasil.accel.iforest;

/**
 * The trees of a forest as flat arrays, each tree a complete binary tree of depth {@code depth}
 * in heap order (children of node {@code i} at {@code 2i+1} and {@code 2i+2}). A row goes right
 * when its value is greater than the split. A leaf above the bottom level is padded with
 * always-left nodes (split = +infinity) down to the bottom, where its path length is stored, so
 * every row takes exactly {@code depth} steps in every tree and traversal needs no branches.
 * Nodes below the right child of a padding node are never reached and stay zero.
 */
final class PackedForest {
  final int trees;
  final int depth;
  final int features;
  /** Internal nodes per tree, 2^depth - 1. */
  final int internal;
  /** Bottom slots per tree, 2^depth. */
  final int leaves;
  /** trees * internal: feature tested by each node. */
  final int[] feature;
  /** trees * internal: split value of each node; +infinity for padding nodes. */
  final double[] split;
  /** trees * leaves: path length of the leaf that ends at this bottom slot: its depth + c(size). */
  final double[] pathLength;
  /** trees * leaves: training rows in the leaf that ends at this slot (kept to encode the model). */
  final int[] leafSize;

  PackedForest(int trees, int depth, int features) {
    if (depth < 1 || depth > 17) {
      throw new IllegalArgumentException("tree depth must be between 1 and 17, got " + depth);
    }
    this.trees = trees;
    this.depth = depth;
    this.features = features;
    this.internal = (1 << depth) - 1;
    this.leaves = 1 << depth;
    this.feature = new int[trees * internal];
    this.split = new double[trees * internal];
    this.pathLength = new double[trees * leaves];
    this.leafSize = new int[trees * leaves];
  }

  /** Makes node {@code node} (heap index within tree {@code tree}, at {@code level}) a leaf of {@code size} rows. */
  void setLeaf(int tree, int node, int level, int size) {
    setLeaf(tree, node, level, size, PathLength.average(size));
  }

  /** {@link #setLeaf(int, int, int, int)} with {@code averagePath} = c(size) known. */
  void setLeaf(int tree, int node, int level, int size, double averagePath) {
    int h = node;
    for (int l = level; l < depth; l++) {
      feature[tree * internal + h] = 0;
      split[tree * internal + h] = Double.POSITIVE_INFINITY;
      h = 2 * h + 1;
    }
    int slot = tree * leaves + h - internal;
    pathLength[slot] = level + averagePath;
    leafSize[slot] = size;
  }

  void setSplit(int tree, int node, int feat, double value) {
    feature[tree * internal + node] = feat;
    split[tree * internal + node] = value;
  }

  boolean isPadding(int tree, int node) {
    return split[tree * internal + node] == Double.POSITIVE_INFINITY;
  }

  /**
   * Each node's feature times {@code stride}: where the node's value of row {@code r} sits in a
   * column-major batch ({@code + r}); saves the traversal a multiply per step.
   */
  int[] featureOffsets(int stride) {
    int[] out = new int[feature.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = feature[i] * stride;
    }
    return out;
  }

  /** The path length of one row (values in training feature order) in one tree. */
  double pathLength(int tree, double[] row) {
    int base = tree * internal;
    int h = 0;
    for (int l = 0; l < depth; l++) {
      h = 2 * h + (row[feature[base + h]] > split[base + h] ? 2 : 1);
    }
    return pathLength[tree * leaves + h - internal];
  }
}
