package org.yggdrasil.accel.iforest;

/**
 * Batch scoring: copies rows from feature columns into a row-major batch sized for the cache,
 * walks the trees and turns the summed path lengths into the requested measure.
 */
final class Scoring {
  /** Rows per batch: the row values, indexes and sums of a batch stay in L1/L2 with the tree. */
  static final int BATCH = 512;

  private Scoring() {}

  static void evaluate(IsolationForest model, double[][] columns, int from, int count, Measure m,
      double[] out) {
    PackedForest forest = model.forest();
    int nf = forest.features;
    int batch = Math.min(BATCH, Math.max(count, 1));
    double[] x = new double[batch * nf];
    double[] sum = new double[batch];
    int[] idx = new int[batch];
    int[] votes = m == Measure.CONFIDENCE ? new int[batch] : null;
    for (int start = 0; start < count; start += batch) {
      int n = Math.min(batch, count - start);
      for (int f = 0; f < nf; f++) {
        double[] col = columns[f];
        int src = from + start;
        for (int r = 0; r < n; r++) {
          x[r * nf + f] = col[src + r];
        }
      }
      java.util.Arrays.fill(sum, 0, n, 0.0);
      if (votes != null) {
        java.util.Arrays.fill(votes, 0, n, 0);
      }
      ScalarTraversal.accumulate(forest, x, n, sum, votes, model.votePathLength(), idx);
      for (int r = 0; r < n; r++) {
        out[start + r] = model.measure(sum[r], votes == null ? 0 : votes[r], m);
      }
    }
  }
}
