package org.yggdrasil.accel.iforest;

import java.util.Objects;

/**
 * An isolation forest (Liu, Ting and Zhou, 2008): trained once from feature columns, then
 * evaluated per row or per batch. Immutable and safe to share between threads.
 *
 * <p>Training: each tree is grown from {@code min(sampleSize, rows)} rows drawn without
 * replacement; per node a random feature (among those not constant in the node) and a split
 * uniform in [min, max) of its values in the node; depth limit {@code ceil(log2(psi))}; a leaf's
 * path length is its depth plus {@code c(rows in the leaf)}. A row goes right when its value is
 * greater than the split (NaN goes left). The same data, parameters and seed give the same model
 * bytes and scores.
 *
 * <p>Calibration: after growing the trees, up to {@value #CALIBRATION_ROWS} training rows (all of
 * them when there are fewer) are drawn without replacement and scored. {@link #threshold()} is
 * the {@code 1 - contamination} quantile of those scores (linear interpolation), and {@link
 * Measure#PROBA} interpolates their empirical distribution, kept as {@value #QUANTILES}+1
 * quantiles.
 */
public final class IsolationForest {
  /** Rows scored to set the threshold and the PROBA calibration. */
  public static final int CALIBRATION_ROWS = 4096;
  /** Intervals of the stored score distribution. */
  static final int QUANTILES = 256;

  private final ForestParams params;
  private final int trainingRows;
  private final int samplesPerTree;
  private final PackedForest forest;
  private final double averagePath;
  private final double threshold;
  private final double votePath;
  private final double[] quantiles;
  /** Lookup tables of the vectorized traversal; null when it is not used on this JVM. */
  private final TopLevels topLevels;
  /** The nodes' features premultiplied by the batch stride (see {@link PackedForest#featureOffsets}). */
  private final int[] featureOffsets;

  /**
   * @param threshold the PREDICT threshold score
   * @param quantiles {@value #QUANTILES}+1 ascending scores of the calibration distribution
   */
  IsolationForest(ForestParams params, int trainingRows, int samplesPerTree, PackedForest forest,
      double threshold, double[] quantiles) {
    this(params, trainingRows, samplesPerTree, forest, threshold, quantiles, Scoring.topLevels(forest),
        forest.featureOffsets(Scoring.BATCH));
  }

  private IsolationForest(ForestParams params, int trainingRows, int samplesPerTree, PackedForest forest,
      double threshold, double[] quantiles, TopLevels topLevels, int[] featureOffsets) {
    this.params = params;
    this.trainingRows = trainingRows;
    this.samplesPerTree = samplesPerTree;
    this.forest = forest;
    this.averagePath = PathLength.average(samplesPerTree);
    this.threshold = threshold;
    this.quantiles = quantiles;
    // a tree votes "anomaly" when its own score 2^(-h/c) would reach the threshold
    this.votePath = -averagePath * Math.log(threshold) / Math.log(2.0);
    this.topLevels = topLevels;
    this.featureOffsets = featureOffsets;
  }

  /** This model with another threshold and PROBA distribution; shares the trees and their scoring tables. */
  IsolationForest calibrated(double threshold, double[] quantiles) {
    return new IsolationForest(params, trainingRows, samplesPerTree, forest, threshold, quantiles,
        topLevels, featureOffsets);
  }

  /**
   * Trains a forest.
   *
   * @param columns {@code columns[feature][row]}; only the first {@code rows} values of each are
   *     read. NaN and infinite values are rejected where training reads them (the sampled rows;
   *     the whole table is not scanned, so a value in a row that is never drawn goes unnoticed
   *     and cannot affect the model); callers reject NULLs
   * @param rows number of rows, at least 2
   * @throws IllegalArgumentException on no features, fewer than 2 rows, short columns or
   *     non-finite values
   */
  public static IsolationForest train(double[][] columns, int rows, ForestParams params) {
    return train(columns, rows, params, 1);
  }

  /**
   * {@link #train(double[][], int, ForestParams)} growing the trees and scoring the calibration
   * rows on up to {@code threads} threads (the caller's among them). The model is the same for
   * every thread count: each tree draws from its own seeded stream.
   */
  public static IsolationForest train(double[][] columns, int rows, ForestParams params, int threads) {
    if (columns != null) {
      for (int f = 0; f < columns.length; f++) {
        if (columns[f] == null || columns[f].length < rows) {
          throw new IllegalArgumentException("feature " + (f + 1) + " has fewer than " + rows + " values");
        }
      }
    }
    return train(TrainingRows.of(columns == null ? new double[0][] : columns, rows), params, threads);
  }

  /**
   * Trains a forest from rows read by number (a stored table read in place, say): the same rows in
   * the same order give the same model as {@link #train(double[][], int, ForestParams, int)}.
   *
   * @throws IllegalArgumentException on no features, fewer than 2 rows or non-finite values
   */
  public static IsolationForest train(TrainingRows source, ForestParams params, int threads) {
    Objects.requireNonNull(params, "params");
    if (source.features() == 0) {
      throw new IllegalArgumentException("an isolation forest needs at least one feature column");
    }
    if (source.rows() < 2) {
      throw new IllegalArgumentException("an isolation forest needs at least 2 training rows, got " + source.rows());
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    return ForestTrainer.train(source, params, threads);
  }

  /** Rejects a NaN or infinite value read from training row {@code row} (0-based). */
  static void checkFinite(double v, int feature, int row) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("feature " + (feature + 1) + " has a non-finite value (" + v
          + ") in training row " + (row + 1) + "; remove or replace NaN and infinite values");
    }
  }

  public int features() {
    return forest.features;
  }

  public ForestParams params() {
    return params;
  }

  public int trainingRows() {
    return trainingRows;
  }

  /** Rows each tree was grown from: {@code min(sampleSize, trainingRows)}. */
  public int samplesPerTree() {
    return samplesPerTree;
  }

  /** The score at the {@code 1 - contamination} quantile of the calibration rows' scores. */
  public double threshold() {
    return threshold;
  }

  /** Evaluates one row, {@code row[i]} being feature {@code i} in training order. */
  public double evaluate(double[] row, Measure m) {
    if (row.length != forest.features) {
      throw new IllegalArgumentException("the model has " + forest.features + " features, got " + row.length + " values");
    }
    double sum = 0.0;
    int votes = 0;
    for (int t = 0; t < forest.trees; t++) {
      double p = forest.pathLength(t, row);
      sum += p;
      votes += p <= votePath ? 1 : 0;
    }
    return measure(sum, votes, m);
  }

  /** Batch over {@code columns[feature][from .. from+count)}, writing {@code out[0..count)}. */
  public void evaluate(double[][] columns, int from, int count, Measure m, double[] out) {
    if (columns.length != forest.features) {
      throw new IllegalArgumentException("the model has " + forest.features + " features, got " + columns.length + " columns");
    }
    if (count < 0 || from < 0 || out.length < count) {
      throw new IllegalArgumentException("bad batch range: from " + from + ", count " + count);
    }
    for (double[] col : columns) {
      if (col.length - count < from) {
        throw new IllegalArgumentException("a column has fewer than " + (from + count) + " values");
      }
    }
    if (count == 0) {
      return;
    }
    Scoring.evaluate(this, Scoring.Columns.of(columns), from, count, m, out);
  }

  /**
   * Batch over rows {@code from .. from+count)} of columns of little-endian doubles (8 bytes a row,
   * unaligned allowed), as the native store's chunks hold them, writing {@code out[0..count)}.
   */
  public void evaluate(java.lang.foreign.MemorySegment[] columns, long from, int count, Measure m, double[] out) {
    if (columns.length != forest.features) {
      throw new IllegalArgumentException("the model has " + forest.features + " features, got " + columns.length + " columns");
    }
    if (count < 0 || from < 0 || out.length < count) {
      throw new IllegalArgumentException("bad batch range: from " + from + ", count " + count);
    }
    for (java.lang.foreign.MemorySegment col : columns) {
      if (col.byteSize() / Double.BYTES - count < from) {
        throw new IllegalArgumentException("a column has fewer than " + (from + count) + " values");
      }
    }
    if (count == 0) {
      return;
    }
    Scoring.evaluate(this, Scoring.Columns.of(columns), from, count, m, out);
  }

  /** The measure of a row from its summed path length and its count of anomaly votes. */
  double measure(double pathSum, int votes, Measure m) {
    double score = Math.pow(2.0, -(pathSum / forest.trees) / averagePath);
    return switch (m) {
      case SCORE -> score;
      case PREDICT -> score >= threshold ? 1.0 : 0.0;
      case PROBA -> proba(score);
      case CONFIDENCE -> (double) (score >= threshold ? votes : forest.trees - votes) / forest.trees;
    };
  }

  /** Empirical distribution of the calibration scores at {@code score}, linear between quantiles. */
  double proba(double score) {
    double[] q = quantiles;
    if (score < q[0]) {
      return 0.0;
    }
    if (score >= q[QUANTILES]) {
      return 1.0;
    }
    // largest j with q[j] <= score (j < QUANTILES)
    int lo = 0;
    int hi = QUANTILES;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (q[mid] <= score) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double width = q[lo + 1] - q[lo];
    double within = width > 0 ? (score - q[lo]) / width : 0.0;
    return (lo + within) / QUANTILES;
  }

  PackedForest forest() {
    return forest;
  }

  int[] featureOffsets() {
    return featureOffsets;
  }

  TopLevels topLevels() {
    return topLevels;
  }

  double votePathLength() {
    return votePath;
  }

  double[] quantiles() {
    return quantiles.clone();
  }

  /** A compact, versioned binary form; {@link #fromBytes} reads it back to an equal model. */
  public byte[] toBytes() {
    return ForestCodec.encode(this);
  }

  /** @throws IllegalArgumentException when the bytes are not a model written by {@link #toBytes} */
  public static IsolationForest fromBytes(byte[] bytes) {
    return ForestCodec.decode(bytes);
  }

  @Override
  public String toString() {
    return "IsolationForest[" + params + ", features=" + forest.features + ", rows=" + trainingRows
        + ", threshold=" + threshold + "]";
  }

  static double quantile(double[] sorted, double p) {
    double pos = p * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    if (lo >= sorted.length - 1) {
      return sorted[sorted.length - 1];
    }
    return sorted[lo] + (pos - lo) * (sorted[lo + 1] - sorted[lo]);
  }

  static double[] distribution(double[] sorted) {
    double[] q = new double[QUANTILES + 1];
    for (int k = 0; k <= QUANTILES; k++) {
      q[k] = quantile(sorted, (double) k / QUANTILES);
    }
    return q;
  }
}
