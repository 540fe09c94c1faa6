package org.yggdrasil.accel.iforest;

import java.util.Random;

/**
 * Correlated multivariate Gaussian rows with a few planted outliers: points pushed out to
 * 5-8 standard deviations along a random direction. {@code outlier[r]} marks them.
 */
record PlantedData(double[][] columns, boolean[] outlier, int rows) {
  static PlantedData generate(int rows, int features, double outlierFraction, long seed) {
    Random rnd = new Random(seed);
    double[][] cols = new double[features][rows];
    boolean[] outlier = new boolean[rows];
    for (int r = 0; r < rows; r++) {
      double common = rnd.nextGaussian();
      boolean out = rnd.nextDouble() < outlierFraction;
      outlier[r] = out;
      double radius = out ? 5 + 3 * rnd.nextDouble() : 0;
      double[] dir = new double[features];
      double norm = 0;
      for (int f = 0; f < features; f++) {
        dir[f] = rnd.nextGaussian();
        norm += dir[f] * dir[f];
      }
      norm = Math.sqrt(norm);
      for (int f = 0; f < features; f++) {
        // features share a common factor (correlation 0.5) and have different scales
        double v = Math.sqrt(0.5) * common + Math.sqrt(0.5) * rnd.nextGaussian();
        if (out) {
          v = radius * dir[f] / norm;
        }
        cols[f][r] = (f + 1) * 10.0 * v + 100.0 * f;
      }
    }
    return new PlantedData(cols, outlier, rows);
  }

  /** ROC AUC of {@code scores} for the planted outliers (Mann-Whitney, ties count half). */
  double auc(double[] scores) {
    long pos = 0;
    long neg = 0;
    Integer[] order = new Integer[rows];
    for (int i = 0; i < rows; i++) {
      order[i] = i;
      if (outlier[i]) {
        pos++;
      } else {
        neg++;
      }
    }
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
        if (outlier[order[k]]) {
          rankSum += rank;
        }
      }
      i = j + 1;
    }
    return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }
}
