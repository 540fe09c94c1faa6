package org.yggdrasil.accel.iforest;

/** What {@link IsolationForest#evaluate} returns for a row. */
public enum Measure {
  /**
   * The anomaly score of Liu et al., {@code 2^(-E[h(x)] / c(psi))}, in (0, 1]: near 1 for
   * anomalies, about 0.5 or below for normal rows. {@code h(x)} is the path length of the row in
   * one tree (depth of the leaf reached plus {@code c(leaf size)}), psi the sample size used.
   */
  SCORE,
  /** 1.0 when the score is at least {@link IsolationForest#threshold()}, else 0.0. */
  PREDICT,
  /**
   * The score calibrated against the training data: the fraction of training rows (of the
   * calibration sample) whose score is below this row's score, interpolated linearly between
   * stored quantiles; in [0, 1], monotone in the score, and about {@code 1 - contamination} at the
   * threshold.
   */
  PROBA,
  /**
   * Agreement between trees: the fraction of trees whose own vote equals the ensemble's {@link
   * #PREDICT}. A tree votes "anomaly" when its path length for the row is at most the path length
   * that corresponds to the threshold score, {@code -c(psi) * log2(threshold)}. In [0, 1].
   */
  CONFIDENCE
}
