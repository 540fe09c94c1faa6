package org.yggdrasil.accel.iforest;

import java.util.Arrays;
import org.yggdrasil.accel.agg.VectorSupport;

/**
 * Batch scoring: copies rows from the feature columns into a column-major batch sized for the
 * cache, walks the trees and turns the summed path lengths into the requested measure.
 */
final class Scoring {
  /** Rows per batch: the batch's values, node indexes and sums stay in L1/L2 next to the tree. */
  static final int BATCH = 512;
  private static final boolean VECTOR = VectorSupport.available();

  private Scoring() {}

  /** Whether {@code model} is scored with {@link VectorTraversal} on this JVM. */
  static boolean vectorFor(PackedForest forest) {
    return VECTOR && forest.features <= VectorTraversal.MAX_FEATURES;
  }

  static TopLevels topLevels(PackedForest forest) {
    return vectorFor(forest) ? TopLevels.of(forest, VectorTraversal.lanes()) : null;
  }

  static void evaluate(IsolationForest model, double[][] columns, int from, int count, Measure m,
      double[] out) {
    evaluate(model, columns, from, count, m, out, model.topLevels() != null);
  }

  /** {@code vector} picks the twin; tests compare them. */
  static void evaluate(IsolationForest model, double[][] columns, int from, int count, Measure m,
      double[] out, boolean vector) {
    PackedForest forest = model.forest();
    TopLevels top = vector ? model.topLevels() : null;
    if (vector && top == null) {
      throw new IllegalStateException("vector scoring is not available for this model");
    }
    int nf = forest.features;
    int batch = Math.min(BATCH, Math.max(count, 1));
    double[] x = new double[batch * nf];
    double[] sum = new double[batch];
    int[] idx = new int[batch];
    int[] votes = m == Measure.CONFIDENCE ? new int[batch] : null;
    for (int start = 0; start < count; start += batch) {
      int n = Math.min(batch, count - start);
      for (int f = 0; f < nf; f++) {
        System.arraycopy(columns[f], from + start, x, f * batch, n);
      }
      Arrays.fill(sum, 0, n, 0.0);
      if (votes != null) {
        Arrays.fill(votes, 0, n, 0);
      }
      if (top != null) {
        VectorTraversal.accumulate(forest, top, x, batch, n, sum, votes, model.votePathLength(), idx);
      } else {
        ScalarTraversal.accumulate(forest, x, batch, n, sum, votes, model.votePathLength(), idx);
      }
      for (int r = 0; r < n; r++) {
        out[start + r] = model.measure(sum[r], votes == null ? 0 : votes[r], m);
      }
    }
  }
}
