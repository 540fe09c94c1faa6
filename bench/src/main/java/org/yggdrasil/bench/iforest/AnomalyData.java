package org.yggdrasil.bench.iforest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Seeded rows with planted anomalies for the isolation-forest benchmark: {@code features}
 * correlated Gaussian features (a shared factor, correlation 0.6, different scales) and
 * {@code anomalyShare} of the rows replaced by points drawn uniformly from the box of
 * +-5 standard deviations, so some anomalies fall inside the normal cloud and the ROC AUC of a
 * good detector stays below 1.
 */
record AnomalyData(double[][] columns, boolean[] anomaly, int rows) {
  static AnomalyData generate(int rows, int features, double anomalyShare, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[][] cols = new double[features][rows];
    boolean[] anomaly = new boolean[rows];
    double load = Math.sqrt(0.6);
    double own = Math.sqrt(0.4);
    for (int r = 0; r < rows; r++) {
      boolean out = rnd.nextDouble() < anomalyShare;
      anomaly[r] = out;
      double common = gaussian(rnd);
      for (int f = 0; f < features; f++) {
        double z = out ? rnd.nextDouble(-5.0, 5.0) : load * common + own * gaussian(rnd);
        cols[f][r] = (f + 1) * z + 10.0 * f;
      }
    }
    return new AnomalyData(cols, anomaly, rows);
  }

  private static double gaussian(SplittableRandom rnd) {
    // Box-Muller, one value per call: simple and deterministic
    double u = 1.0 - rnd.nextDouble();
    double v = rnd.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
  }

  int features() {
    return columns.length;
  }

  /** Writes {@code f0,...,fk,label} with a header; doubles in shortest round-trip form. */
  void writeCsv(Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      StringBuilder line = new StringBuilder();
      for (int f = 0; f < features(); f++) {
        line.append('f').append(f).append(',');
      }
      w.append(line).append("label\n");
      for (int r = 0; r < rows; r++) {
        line.setLength(0);
        for (int f = 0; f < features(); f++) {
          line.append(columns[f][r]).append(',');
        }
        line.append(anomaly[r] ? '1' : '0').append('\n');
        w.append(line);
      }
    }
  }

  /** ROC AUC of {@code scores} (higher = more anomalous) for the planted anomalies; ties count half. */
  double auc(double[] scores) {
    Integer[] order = new Integer[rows];
    long pos = 0;
    for (int i = 0; i < rows; i++) {
      order[i] = i;
      pos += anomaly[i] ? 1 : 0;
    }
    long neg = rows - pos;
    java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
    double rankSum = 0;
    int i = 0;
    while (i < rows) {
      int j = i;
      while (j + 1 < rows && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (anomaly[order[k]]) {
          rankSum += rank;
        }
      }
      i = j + 1;
    }
    return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }
}
