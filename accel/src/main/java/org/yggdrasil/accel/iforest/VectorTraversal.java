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
 * picked with blends; two groups of rows are walked side by side. Deeper levels go on with the
 * scalar loop; rows that do not fill a whole vector take the scalar path from the root. Same leaves and same summation order as the scalar
 * twin, so the results are bit-identical.
 */
final class VectorTraversal {
  private static final VectorSpecies<Integer> I = Species.INT;
  private static final IntVector ONE = IntVector.broadcast(I, 1);

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
    for (int t = 0; t < forest.trees; t++) {
      int tab = top.offset(t, 0);
      int r = 0;
      if (nf <= 4) {
        // two groups of rows at once: their steps are independent, so one fills the other's latency
        for (; r + 2 * lanes <= whole; r += 2 * lanes) {
          int rb = r + lanes;
          IntVector a0 = IntVector.fromArray(I, keys, r);
          IntVector a1 = nf > 1 ? IntVector.fromArray(I, keys, stride + r) : a0;
          IntVector a2 = nf > 2 ? IntVector.fromArray(I, keys, 2 * stride + r) : a0;
          IntVector a3 = nf > 3 ? IntVector.fromArray(I, keys, 3 * stride + r) : a0;
          IntVector b0 = IntVector.fromArray(I, keys, rb);
          IntVector b1 = nf > 1 ? IntVector.fromArray(I, keys, stride + rb) : b0;
          IntVector b2 = nf > 2 ? IntVector.fromArray(I, keys, 2 * stride + rb) : b0;
          IntVector b3 = nf > 3 ? IntVector.fromArray(I, keys, 3 * stride + rb) : b0;
          IntVector la = IntVector.zero(I); // index of the node within its level
          IntVector lb = IntVector.zero(I);
          int at = tab;
          for (int k = 0; k < levels; k++) {
            int width = top.width(k);
            IntVector wa = pick(la, words, at, width, lanes);
            IntVector wb = pick(lb, words, at, width, lanes);
            at += width;
            la = step(la, wa, pickKey(wa, a0, a1, a2, a3, nf));
            lb = step(lb, wb, pickKey(wb, b0, b1, b2, b3, nf));
          }
          la.add(firstNode).intoArray(idx, r);
          lb.add(firstNode).intoArray(idx, rb);
        }
      }
      for (; r < whole; r += lanes) {
        IntVector k0 = IntVector.fromArray(I, keys, r);
        IntVector k1 = nf > 1 ? IntVector.fromArray(I, keys, stride + r) : k0;
        IntVector k2 = nf > 2 ? IntVector.fromArray(I, keys, 2 * stride + r) : k0;
        IntVector k3 = nf > 3 ? IntVector.fromArray(I, keys, 3 * stride + r) : k0;
        IntVector local = IntVector.zero(I);
        int at = tab;
        for (int k = 0; k < levels; k++) {
          int width = top.width(k);
          IntVector word = pick(local, words, at, width, lanes);
          at += width;
          IntVector key = pickKey(word, k0, k1, k2, k3, nf);
          if (nf > 4) {
            IntVector feature = word.and(TopLevels.MAX_FEATURES - 1);
            for (int f = 4; f < nf; f++) {
              key = key.blend(IntVector.fromArray(I, keys, f * stride + r), feature.compare(VectorOperators.EQ, f));
            }
          }
          local = step(local, word, key);
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

  /** Per lane, the key of the feature its node word tests, among the first four features. */
  private static IntVector pickKey(IntVector word, IntVector k0, IntVector k1, IntVector k2,
      IntVector k3, int nf) {
    if (nf == 1) {
      return k0;
    }
    IntVector feature = word.and(TopLevels.MAX_FEATURES - 1);
    IntVector key = k0.blend(k1, feature.compare(VectorOperators.EQ, 1));
    if (nf > 2) {
      key = key.blend(k2, feature.compare(VectorOperators.EQ, 2));
      if (nf > 3) {
        key = key.blend(k3, feature.compare(VectorOperators.EQ, 3));
      }
    }
    return key;
  }

  /** The child of each lane's node: left ({@code 2j}) unless the key is greater than the split. */
  private static IntVector step(IntVector local, IntVector word, IntVector key) {
    IntVector split = word.lanewise(VectorOperators.ASHR, TopLevels.FEATURE_BITS);
    return local.add(local).add(ONE, key.compare(VectorOperators.GT, split));
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
