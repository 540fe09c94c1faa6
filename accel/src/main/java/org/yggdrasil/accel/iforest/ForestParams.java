package org.yggdrasil.accel.iforest;

/**
 * Training options of an isolation forest.
 *
 * @param trees number of isolation trees, 1..10000
 * @param sampleSize rows drawn (without replacement) to grow each tree, 2..65536; capped at the
 *     number of training rows
 * @param contamination expected fraction of anomalies, in (0, 0.5]; sets {@link
 *     IsolationForest#threshold()}
 * @param seed seed of every random choice: the same data and parameters give the same model
 */
public record ForestParams(int trees, int sampleSize, double contamination, long seed) {
  public static final int MAX_TREES = 10_000;
  public static final int MAX_SAMPLE_SIZE = 1 << 16;

  public ForestParams {
    if (trees < 1 || trees > MAX_TREES) {
      throw new IllegalArgumentException("n_trees must be between 1 and " + MAX_TREES + ", got " + trees);
    }
    if (sampleSize < 2 || sampleSize > MAX_SAMPLE_SIZE) {
      throw new IllegalArgumentException(
          "sample_size must be between 2 and " + MAX_SAMPLE_SIZE + ", got " + sampleSize);
    }
    if (!(contamination > 0.0 && contamination <= 0.5)) {
      throw new IllegalArgumentException(
          "contamination must be greater than 0 and at most 0.5, got " + contamination);
    }
  }

  /** 100 trees, sample size 256, contamination 0.1, seed 42 (scikit-learn's tree count and sample size). */
  public static ForestParams defaults() {
    return new ForestParams(100, 256, 0.1, 42L);
  }
}
