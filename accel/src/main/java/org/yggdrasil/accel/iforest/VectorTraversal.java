package org.yggdrasil.accel.iforest;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.yggdrasil.accel.kernels.Species;

/**
 * {@link ScalarTraversal} with the top levels of each tree (all of them for trees of depth up to
 * {@link #LEVELS}) done by the Vector API: one int lane per row, holding the row's {@link
 * SplitKeys} keys instead of doubles (twice the lanes, exact comparisons). Per level, one lane
 * permute over the level's node words ({@link TopLevels}; two-table permutes and blends for wide
 * levels) gives each lane its node's feature and split key; the row's key of that feature is
 * picked with blends. Deeper levels go on with the scalar loop; rows that do not fill a whole
 * vector take the scalar path from the root. Same leaves and same summation order as the scalar
 * twin, so the results are bit-identical.
 */
final class VectorTraversal {
  private static final VectorSpecies<Integer> I = Species.INT;

  /** Levels walked with vectors; the default covers trees of 256-row samples entirely. */
  static final int LEVELS = Integer.getInteger("ygg.iforest.vectorLevels", 8);

  private VectorTraversal() {}

  static int lanes() {
    return I.length();
  }

  /**
   * As {@link ScalarTraversal#accumulate}, with {@code keys} holding the {@link
   * SplitKeys#valueKeys} of every value of the batch {@code x}, in the same layout.
   */
  static void accumulate(PackedForest forest, TopLevels top, int[] offsets, double[] x, int[] keys,
      int stride, int n, double[] sum, int[] votes, double votePath, int[] idx) {
    int lanes = I.length();
    int whole = n - n % lanes;
    int nf = forest.features;
    int[] words = top.words;
    int levels = top.levels;
    IntVector firstNode = IntVector.broadcast(I, (1 << levels) - 1);
    IntVector one = IntVector.broadcast(I, 1);
    for (int t = 0; t < forest.trees; t++) {
      int tab = top.offset(t, 0);
      for (int r = 0; r < whole; r += lanes) {
        IntVector k0 = IntVector.fromArray(I, keys, r);
        IntVector k1 = nf > 1 ? IntVector.fromArray(I, keys, stride + r) : k0;
        IntVector k2 = nf > 2 ? IntVector.fromArray(I, keys, 2 * stride + r) : k0;
        IntVector k3 = nf > 3 ? IntVector.fromArray(I, keys, 3 * stride + r) : k0;
        IntVector local = IntVector.zero(I); // index of the node within its level
        int at = tab;
        for (int k = 0; k < levels; k++) {
          int width = top.width(k);
          IntVector word = pick(local, words, at, width, lanes);
          at += width;
          IntVector feature = word.and(TopLevels.MAX_FEATURES - 1);
          IntVector split = word.lanewise(VectorOperators.ASHR, TopLevels.FEATURE_BITS);
          IntVector key = k0;
          if (nf > 1) {
            key = key.blend(k1, feature.compare(VectorOperators.EQ, 1));
            if (nf > 2) {
              key = key.blend(k2, feature.compare(VectorOperators.EQ, 2));
              if (nf > 3) {
                key = key.blend(k3, feature.compare(VectorOperators.EQ, 3));
                for (int f = 4; f < nf; f++) {
                  key = key.blend(IntVector.fromArray(I, keys, f * stride + r), feature.compare(VectorOperators.EQ, f));
                }
              }
            }
          }
          VectorMask<Integer> right = key.compare(VectorOperators.GT, split);
          local = local.add(local).add(one, right);
        }
        local.add(firstNode).intoArray(idx, r);
      }
      ScalarTraversal.descend(forest, offsets, t, levels, x, 0, whole, idx);
      if (whole < n) {
        java.util.Arrays.fill(idx, whole, n, 0);
        ScalarTraversal.descend(forest, offsets, t, 0, x, whole, n, idx);
      }
      ScalarTraversal.addLeaves(forest, t, 0, n, sum, votes, votePath, idx);
    }
  }

  /** {@code table[at + local[lane]]} per lane, for a table of {@code width} entries (a multiple of lanes). */
  private static IntVector pick(IntVector local, int[] table, int at, int width, int lanes) {
    if (width == lanes) {
      return local.selectFrom(IntVector.fromArray(I, table, at));
    }
    // two vectors per permute (indexes wrap modulo 2 * lanes); later pairs override by range
    IntVector out = local.selectFrom(IntVector.fromArray(I, table, at), IntVector.fromArray(I, table, at + lanes));
    for (int p = 2 * lanes; p < width; p += 2 * lanes) {
      IntVector pair = local.selectFrom(IntVector.fromArray(I, table, at + p),
          IntVector.fromArray(I, table, at + p + lanes));
      out = out.blend(pair, local.compare(VectorOperators.GE, p));
    }
    return out;
  }
}
