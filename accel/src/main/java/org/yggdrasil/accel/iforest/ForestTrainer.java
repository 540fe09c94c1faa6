package org.yggdrasil.accel.iforest;

import java.util.Arrays;

/** Sampling, tree growing and calibration; the data has been checked by {@link IsolationForest#train}. */
final class ForestTrainer {
  /** Stream number of the calibration sample (trees use 0..trees-1). */
  private static final long CALIBRATION_STREAM = -1L;

  private ForestTrainer() {}

  static IsolationForest train(TrainingRows source, ForestParams params, int threads) {
    int nf = source.features();
    int rows = source.rows();
    int psi = Math.min(params.sampleSize(), rows);
    int depth = 32 - Integer.numberOfLeadingZeros(psi - 1); // ceil(log2(psi)), psi >= 2
    PackedForest forest = new PackedForest(params.trees(), depth, nf);
    double[] averagePath = TreeGrower.averagePaths(psi);
    // trees write disjoint parts of the forest; each draws from its own stream, so any order
    // and any number of threads give the same trees
    Fanout.run(params.trees(), threads, () -> {
      double[] sample = new double[nf * psi];
      return t -> {
        SplitMix64 rng = SplitMix64.stream(params.seed(), t);
        gather(source, RowSampler.sample(rng, rows, psi), sample);
        TreeGrower.grow(forest, t, rng, sample, psi, averagePath);
      };
    });
    // SCORE needs no threshold: score the calibration rows with an uncalibrated model first.
    IsolationForest uncalibrated = new IsolationForest(params, rows, psi, forest, 1.0,
        new double[IsolationForest.QUANTILES + 1]);
    double[] scores = calibrationScores(uncalibrated, source, threads);
    double threshold = IsolationForest.quantile(scores, 1.0 - params.contamination());
    return uncalibrated.calibrated(threshold, IsolationForest.distribution(scores));
  }

  /**
   * Copies the rows {@code picked} of every feature into {@code out} (column-major, stride
   * {@code picked.length}), rejecting non-finite values.
   */
  private static void gather(TrainingRows source, int[] picked, double[] out) {
    int n = picked.length;
    for (int f = 0; f < source.features(); f++) {
      int base = f * n;
      source.gather(f, picked, n, out, base);
      for (int i = 0; i < n; i++) {
        if (!Double.isFinite(out[base + i])) {
          IsolationForest.checkFinite(out[base + i], f, picked[i]);
        }
      }
    }
  }

  /** Scores of up to CALIBRATION_ROWS training rows drawn without replacement, ascending. */
  private static double[] calibrationScores(IsolationForest model, TrainingRows source, int threads) {
    int rows = source.rows();
    int m = Math.min(rows, IsolationForest.CALIBRATION_ROWS);
    int[] picked = RowSampler.sample(SplitMix64.stream(model.params().seed(), CALIBRATION_STREAM), rows, m);
    double[][] calib = new double[source.features()][m];
    for (int f = 0; f < calib.length; f++) {
      source.gather(f, picked, m, calib[f], 0);
      for (int i = 0; i < m; i++) {
        IsolationForest.checkFinite(calib[f][i], f, picked[i]);
      }
    }
    double[] scores = new double[m];
    int pieces = Math.min(threads, (m + Scoring.BATCH - 1) / Scoring.BATCH);
    int per = (m + pieces - 1) / pieces;
    Fanout.run(pieces, threads, () -> {
      double[] out = new double[per];
      return p -> {
        int from = p * per;
        int count = Math.min(per, m - from);
        model.evaluate(calib, from, count, Measure.SCORE, out);
        System.arraycopy(out, 0, scores, from, count);
      };
    });
    Arrays.sort(scores);
    return scores;
  }
}
