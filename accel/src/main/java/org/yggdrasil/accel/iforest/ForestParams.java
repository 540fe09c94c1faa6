package org.yggdrasil.accel.iforest;

/**
 * Training options of an isolation forest.
 *
 * @param trees number of isolation trees, 1..10000
 * @param sampleSize rows drawn (without replacement) to grow each tree, 2..65536; capped at the
 *     number of training rows. {@code trees * sampleSize} is at most {@link #MAX_TREE_ROWS}.
 * @param contamination expected fraction of anomalies, in (0, 0.5]; sets {@link
 *     IsolationForest#threshold()}
 * @param seed seed of every random choice: the same data and parameters give the same model
 */
public record ForestParams(int trees, int sampleSize, double contamination, long seed) {
  public static final int MAX_TREES = 10_000;
  public static final int MAX_SAMPLE_SIZE = 1 << 16;
  /** Bound on trees x sample size, which sizes the model (about 50 bytes per unit in memory). */
  public static final long MAX_TREE_ROWS = 1L << 23;

  public ForestParams {
    if (trees < 1 || trees > MAX_TREES) {
      throw new IllegalArgumentException("n_trees must be between 1 and " + MAX_TREES + ", got " + trees);
    }
    if (sampleSize < 2 || sampleSize > MAX_SAMPLE_SIZE) {
      throw new IllegalArgumentException(
          "sample_size must be between 2 and " + MAX_SAMPLE_SIZE + ", got " + sampleSize);
    }
    if ((long) trees * sampleSize > MAX_TREE_ROWS) {
      throw new IllegalArgumentException("n_trees x sample_size must be at most " + MAX_TREE_ROWS
          + ", got " + trees + " x " + sampleSize + "; lower n_trees or sample_size");
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
