package org.yggdrasil.accel.iforest;

/** Sampling, tree growing and calibration; the data has been checked by {@link IsolationForest#train}. */
final class ForestTrainer {
  /** Stream number of the calibration sample (trees use 0..trees-1). */
  private static final long CALIBRATION_STREAM = -1L;

  private ForestTrainer() {}

  static IsolationForest train(double[][] columns, int rows, ForestParams params) {
    int nf = columns.length;
    int psi = Math.min(params.sampleSize(), rows);
    int depth = 32 - Integer.numberOfLeadingZeros(psi - 1); // ceil(log2(psi)), psi >= 2
    PackedForest forest = new PackedForest(params.trees(), depth, nf);
    double[][] sample = new double[nf][psi];
    for (int t = 0; t < params.trees(); t++) {
      SplitMix64 rng = SplitMix64.stream(params.seed(), t);
      int[] picked = RowSampler.sample(rng, rows, psi);
      for (int f = 0; f < nf; f++) {
        double[] col = columns[f];
        double[] dst = sample[f];
        for (int i = 0; i < psi; i++) {
          dst[i] = col[picked[i]];
        }
        for (int i = 0; i < psi; i++) {
          if (!Double.isFinite(dst[i])) {
            IsolationForest.checkFinite(dst[i], f, picked[i]);
          }
        }
      }
      TreeGrower.grow(forest, t, rng, sample, psi);
    }
    // SCORE needs no threshold: score the calibration rows with an uncalibrated model first.
    IsolationForest uncalibrated = new IsolationForest(params, rows, psi, forest, 1.0,
        new double[IsolationForest.QUANTILES + 1]);
    double[] scores = calibrationScores(uncalibrated, columns, rows);
    double threshold = IsolationForest.quantile(scores, 1.0 - params.contamination());
    return new IsolationForest(params, rows, psi, forest, threshold, IsolationForest.distribution(scores));
  }

  /** Scores of up to CALIBRATION_ROWS training rows drawn without replacement, ascending. */
  private static double[] calibrationScores(IsolationForest model, double[][] columns, int rows) {
    int m = Math.min(rows, IsolationForest.CALIBRATION_ROWS);
    int[] picked = RowSampler.sample(SplitMix64.stream(model.params().seed(), CALIBRATION_STREAM), rows, m);
    double[][] calib = new double[columns.length][m];
    for (int f = 0; f < columns.length; f++) {
      for (int i = 0; i < m; i++) {
        calib[f][i] = columns[f][picked[i]];
        IsolationForest.checkFinite(calib[f][i], f, picked[i]);
      }
    }
    double[] scores = new double[m];
    model.evaluate(calib, 0, m, Measure.SCORE, scores);
    java.util.Arrays.sort(scores);
    return scores;
  }
}
