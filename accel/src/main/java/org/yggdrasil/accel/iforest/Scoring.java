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

  /** The tables of {@link VectorTraversal} for {@code forest}, or null when it is scored with the scalar loops. */
  static TopLevels topLevels(PackedForest forest) {
    return VECTOR ? TopLevels.of(forest, VectorTraversal.lanes(), VectorTraversal.LEVELS) : null;
  }

  /** Copies {@code n} values of feature {@code f} from row {@code row} on into {@code dst[at..]}. */
  @FunctionalInterface
  interface Columns {
    void copy(int f, long row, double[] dst, int at, int n);

    static Columns of(double[][] columns) {
      return (f, row, dst, at, n) -> System.arraycopy(columns[f], (int) row, dst, at, n);
    }

    /** Little-endian doubles, as the native store's chunks hold them. */
    static Columns of(java.lang.foreign.MemorySegment[] columns) {
      return (f, row, dst, at, n) -> java.lang.foreign.MemorySegment.copy(columns[f],
          org.yggdrasil.accel.kernels.Layouts.DOUBLE, row * Double.BYTES, dst, at, n);
    }
  }

  static void evaluate(IsolationForest model, Columns columns, long from, int count, Measure m,
      double[] out) {
    evaluate(model, columns, from, count, m, out, model.topLevels() != null);
  }

  static void evaluate(IsolationForest model, double[][] columns, int from, int count, Measure m,
      double[] out, boolean vector) {
    evaluate(model, Columns.of(columns), from, count, m, out, vector);
  }

  /** {@code vector} picks the twin; tests compare them. */
  static void evaluate(IsolationForest model, Columns columns, long from, int count, Measure m,
      double[] out, boolean vector) {
    PackedForest forest = model.forest();
    TopLevels top = vector ? model.topLevels() : null;
    if (vector && top == null) {
      throw new IllegalStateException("vector scoring is not available for this model");
    }
    int nf = forest.features;
    int batch = BATCH; // the stride of the batch, fixed: the feature offsets are premultiplied by it
    double[] x = new double[batch * nf];
    int[] keys = top == null ? null : new int[batch * nf];
    double[] sum = new double[batch];
    int[] idx = new int[batch];
    int[] votes = m == Measure.CONFIDENCE ? new int[batch] : null;
    for (int start = 0; start < count; start += batch) {
      int n = Math.min(batch, count - start);
      for (int f = 0; f < nf; f++) {
        columns.copy(f, from + start, x, f * batch, n);
        if (keys != null) {
          top.keys.valueKeys(f, x, f * batch, n, keys);
        }
      }
      Arrays.fill(sum, 0, n, 0.0);
      if (votes != null) {
        Arrays.fill(votes, 0, n, 0);
      }
      if (top != null) {
        VectorTraversal.accumulate(forest, top, model.featureOffsets(), x, keys, batch, n, sum, votes,
            model.votePathLength(), idx);
      } else {
        ScalarTraversal.accumulate(forest, model.featureOffsets(), x, n, sum, votes, model.votePathLength(), idx);
      }
      for (int r = 0; r < n; r++) {
        out[start + r] = model.measure(sum[r], votes == null ? 0 : votes[r], m);
      }
    }
  }
}
