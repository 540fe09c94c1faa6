package org.yggdrasil.accel.iforest;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.yggdrasil.accel.kernels.Species;

/**
 * {@link ScalarTraversal} with the top levels of each tree done by the Vector API: one lane per
 * row, a level's splits held in one vector per feature ({@link TopLevels}) and picked per lane
 * with a permute, which is far cheaper than a gather. The lower levels have too many nodes for
 * a register and go on with the scalar loop, which beats gathers there. Rows that do not fill a
 * whole vector take the scalar path from the root. Same leaves and same summation order as the
 * scalar twin, so the results are bit-identical.
 */
final class VectorTraversal {
  private static final VectorSpecies<Double> D = Species.DOUBLE;
  private static final DoubleVector ONE = DoubleVector.broadcast(D, 1.0);

  /** Above this many features the per-feature permutes cost more than the scalar steps they save. */
  static final int MAX_FEATURES = 4;

  private VectorTraversal() {}

  static int lanes() {
    return D.length();
  }

  static void accumulate(PackedForest forest, TopLevels top, double[] x, int stride, int n,
      double[] sum, int[] votes, double votePath, int[] idx) {
    int lanes = D.length();
    int whole = n - n % lanes;
    int nf = forest.features;
    double[] tables = top.splits;
    double firstNode = (1 << top.levels) - 1;
    for (int t = 0; t < forest.trees; t++) {
      for (int r = 0; r < whole; r += lanes) {
        DoubleVector local = DoubleVector.zero(D); // index of the node within its level
        for (int k = 0; k < top.levels; k++) {
          VectorMask<Double> right = D.maskAll(false);
          int tab = top.offset(t, k, 0);
          for (int f = 0; f < nf; f++) {
            DoubleVector splits = local.selectFrom(DoubleVector.fromArray(D, tables, tab + f * lanes));
            right = right.or(DoubleVector.fromArray(D, x, f * stride + r).compare(VectorOperators.GT, splits));
          }
          local = local.add(local).add(ONE, right);
        }
        local.add(firstNode).convertShape(VectorOperators.D2I, Species.INT_HALF, 0)
            .reinterpretAsInts().intoArray(idx, r);
      }
      ScalarTraversal.descend(forest, t, top.levels, x, stride, 0, whole, idx);
      if (whole < n) {
        java.util.Arrays.fill(idx, whole, n, 0);
        ScalarTraversal.descend(forest, t, 0, x, stride, whole, n, idx);
      }
      ScalarTraversal.addLeaves(forest, t, n, sum, votes, votePath, idx);
    }
  }
}
