package org.yggdrasil.accel.iforest;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.yggdrasil.accel.kernels.Species;

/**
 * {@link ScalarTraversal} with the top levels of each tree done by the Vector API: one lane per
 * row, a level's splits held in vectors per feature ({@link TopLevels}) and picked per lane with
 * permutes (one two-table permute per 2 vectors of nodes, then blends), which is far cheaper than
 * gathers. Deeper levels need more permutes per step than the scalar loop needs instructions and
 * go on with it. Rows that do not fill a whole vector take the scalar path from the root. Same
 * leaves and same summation order as the scalar twin, so the results are bit-identical.
 */
final class VectorTraversal {
  private static final VectorSpecies<Long> L = Species.LONG;
  private static final LongVector ONE = LongVector.broadcast(L, 1L);

  /** Above this many features the per-feature permutes cost more than the scalar steps they save. */
  static final int MAX_FEATURES = 4;
  /** Levels walked with vectors; measured best on AVX-512 (8 lanes). */
  static final int LEVELS = Integer.getInteger("ygg.iforest.vectorLevels", 5);

  private VectorTraversal() {}

  static int lanes() {
    return L.length();
  }

  /**
   * As {@link ScalarTraversal#accumulate}, with {@code keys} holding {@link TopLevels#key} of
   * every value of the batch {@code x}, in the same layout.
   */
  static void accumulate(PackedForest forest, TopLevels top, int[] offsets, double[] x, long[] keys,
      int stride, int n, double[] sum, int[] votes, double votePath, int[] idx) {
    int lanes = L.length();
    int whole = n - n % lanes;
    int nf = forest.features;
    long[] tables = top.splits;
    long firstNode = (1 << top.levels) - 1;
    for (int t = 0; t < forest.trees; t++) {
      for (int r = 0; r < whole; r += lanes) {
        LongVector local = LongVector.zero(L); // index of the node within its level
        for (int k = 0; k < top.levels; k++) {
          VectorMask<Long> right = L.maskAll(false);
          int width = top.width(k);
          int tab = top.offset(t, k, 0);
          for (int f = 0; f < nf; f++) {
            LongVector splits = pick(local, tables, tab + f * width, width, lanes);
            right = right.or(LongVector.fromArray(L, keys, f * stride + r).compare(VectorOperators.GT, splits));
          }
          local = local.add(local).add(ONE, right);
        }
        local.add(firstNode).convertShape(VectorOperators.L2I, Species.INT_HALF, 0)
            .reinterpretAsInts().intoArray(idx, r);
      }
      ScalarTraversal.descend(forest, offsets, t, top.levels, x, 0, whole, idx);
      if (whole < n) {
        java.util.Arrays.fill(idx, whole, n, 0);
        ScalarTraversal.descend(forest, offsets, t, 0, x, whole, n, idx);
      }
      ScalarTraversal.addLeaves(forest, t, n, sum, votes, votePath, idx);
    }
  }

  /** {@code table[at + local[lane]]} per lane, for a table of {@code width} entries (a multiple of lanes). */
  private static LongVector pick(LongVector local, long[] table, int at, int width, int lanes) {
    if (width == lanes) {
      return local.selectFrom(LongVector.fromArray(L, table, at));
    }
    // two vectors per permute (indexes wrap modulo 2 * lanes); later pairs override by range
    LongVector out = local.selectFrom(LongVector.fromArray(L, table, at), LongVector.fromArray(L, table, at + lanes));
    for (int p = 2 * lanes; p < width; p += 2 * lanes) {
      LongVector pair = local.selectFrom(LongVector.fromArray(L, table, at + p),
          LongVector.fromArray(L, table, at + p + lanes));
      out = out.blend(pair, local.compare(VectorOperators.GE, LongVector.broadcast(L, p)));
    }
    return out;
  }
}
