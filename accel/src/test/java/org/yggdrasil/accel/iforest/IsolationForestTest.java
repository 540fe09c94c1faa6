package org.yggdrasil.accel.iforest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsolationForestTest {
  private static final PlantedData DATA = PlantedData.generate(20_000, 4, 0.01, 11);

  private static IsolationForest train(ForestParams p) {
    return IsolationForest.train(DATA.columns(), DATA.rows(), p);
  }

  private static double[] all(IsolationForest model, Measure m) {
    double[] out = new double[DATA.rows()];
    model.evaluate(DATA.columns(), 0, DATA.rows(), m, out);
    return out;
  }

  @Test
  void theSameSeedGivesTheSameBytesAndScores() {
    IsolationForest a = train(ForestParams.defaults());
    IsolationForest b = train(ForestParams.defaults());
    assertArrayEquals(a.toBytes(), b.toBytes());
    assertArrayEquals(all(a, Measure.SCORE), all(b, Measure.SCORE));
    assertEquals(a.threshold(), b.threshold());
  }

  @Test
  void anyThreadCountGivesTheSameModel() {
    IsolationForest one = train(ForestParams.defaults());
    for (int threads : new int[] {2, 3, 8, 200}) {
      IsolationForest many = IsolationForest.train(DATA.columns(), DATA.rows(), ForestParams.defaults(), threads);
      assertArrayEquals(one.toBytes(), many.toBytes(), threads + " threads");
      assertEquals(one.threshold(), many.threshold(), threads + " threads");
    }
    assertMessage("threads", () -> IsolationForest.train(DATA.columns(), DATA.rows(), ForestParams.defaults(), 0));
  }

  @Test
  void aSourceReadByRowNumberGivesTheSameModelAndIsAskedOnlyForItsSamples() {
    ForestParams p = new ForestParams(50, 128, 0.05, 17);
    java.util.Set<Integer> asked = java.util.concurrent.ConcurrentHashMap.newKeySet();
    TrainingRows inMemory = TrainingRows.of(DATA.columns(), DATA.rows());
    TrainingRows counted = new TrainingRows() {
      @Override
      public int rows() {
        return DATA.rows();
      }

      @Override
      public int features() {
        return DATA.columns().length;
      }

      @Override
      public void gather(int feature, int[] picked, int count, double[] out, int offset) {
        for (int i = 0; i < count; i++) {
          assertTrue(i == 0 || picked[i - 1] <= picked[i], "rows are asked for in ascending order");
          asked.add(picked[i]);
        }
        inMemory.gather(feature, picked, count, out, offset);
      }
    };
    IsolationForest fromSource = IsolationForest.train(counted, p, 2);
    assertArrayEquals(IsolationForest.train(DATA.columns(), DATA.rows(), p).toBytes(), fromSource.toBytes());
    assertTrue(asked.size() <= 50 * 128 + IsolationForest.CALIBRATION_ROWS, asked.size() + " rows read");
    assertTrue(asked.size() < DATA.rows() / 2, asked.size() + " rows read");
  }

  @Test
  void parallelTrainingReportsTheSameBadValueAsSequential() {
    // non-finite values in many rows, so several trees draw one: the error names the one the
    // first such tree meets, whatever the thread count
    double[][] cols = new double[2][5000];
    for (int r = 0; r < 5000; r++) {
      cols[0][r] = r % 7;
      cols[1][r] = r % 97 == 50 ? Double.NaN : r;
    }
    ForestParams p = new ForestParams(50, 64, 0.1, 3);
    String sequential = assertThrows(IllegalArgumentException.class, () -> IsolationForest.train(cols, 5000, p)).getMessage();
    for (int threads : new int[] {2, 4, 16}) {
      for (int run = 0; run < 5; run++) {
        assertEquals(sequential, assertThrows(IllegalArgumentException.class,
            () -> IsolationForest.train(cols, 5000, p, threads)).getMessage());
      }
    }
  }

  @Test
  void anotherSeedGivesAnotherModel() {
    IsolationForest a = train(ForestParams.defaults());
    IsolationForest b = train(new ForestParams(100, 256, 0.1, 43));
    assertFalse(Arrays.equals(a.toBytes(), b.toBytes()));
  }

  @Test
  void plantedOutliersRankOnTop() {
    IsolationForest model = train(ForestParams.defaults());
    double auc = DATA.auc(all(model, Measure.SCORE));
    assertTrue(auc >= 0.95, "ROC AUC " + auc + " below the 0.95 floor");
  }

  @Test
  void everyMeasureStaysInItsRange() {
    IsolationForest model = train(new ForestParams(50, 128, 0.05, 3));
    for (Measure m : Measure.values()) {
      for (double v : all(model, m)) {
        assertTrue(v >= 0.0 && v <= 1.0, m + " out of [0, 1]: " + v);
        if (m == Measure.PREDICT) {
          assertTrue(v == 0.0 || v == 1.0, "PREDICT is 0 or 1: " + v);
        }
      }
    }
    assertTrue(model.threshold() > 0.0 && model.threshold() <= 1.0);
  }

  @Test
  void predictFlagsAboutTheContaminationShareOfTrainingRows() {
    for (double c : new double[] {0.02, 0.1, 0.25}) {
      IsolationForest model = train(new ForestParams(100, 256, c, 5));
      double flagged = Arrays.stream(all(model, Measure.PREDICT)).sum() / DATA.rows();
      assertEquals(c, flagged, 0.3 * c + 0.005, "share flagged with contamination " + c);
    }
  }

  @Test
  void predictProbaAndConfidenceFollowTheirDefinitions() {
    IsolationForest model = train(ForestParams.defaults());
    double[] score = all(model, Measure.SCORE);
    double[] predict = all(model, Measure.PREDICT);
    double[] proba = all(model, Measure.PROBA);
    double[] confidence = all(model, Measure.CONFIDENCE);
    for (int r = 0; r < DATA.rows(); r++) {
      assertEquals(score[r] >= model.threshold() ? 1.0 : 0.0, predict[r]);
    }
    // PROBA is monotone in the score and near 1 - contamination at the threshold
    Integer[] order = new Integer[DATA.rows()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
    for (int i = 1; i < order.length; i++) {
      assertTrue(proba[order[i]] >= proba[order[i - 1]], "PROBA not monotone in SCORE");
    }
    double atThreshold = model.evaluate(rowAtScore(model), Measure.PROBA);
    assertEquals(0.9, atThreshold, 0.05);
    // the planted outliers are flagged by nearly every tree
    double outlierConfidence = 0;
    int outliers = 0;
    for (int r = 0; r < DATA.rows(); r++) {
      if (DATA.outlier()[r] && predict[r] == 1.0) {
        outlierConfidence += confidence[r];
        outliers++;
      }
    }
    assertTrue(outliers > 0);
    assertTrue(outlierConfidence / outliers > 0.8, "mean confidence on flagged outliers " + outlierConfidence / outliers);
  }

  /** A training row whose score is the closest to the threshold. */
  private static double[] rowAtScore(IsolationForest model) {
    double[] score = all(model, Measure.SCORE);
    int best = 0;
    for (int r = 1; r < score.length; r++) {
      if (Math.abs(score[r] - model.threshold()) < Math.abs(score[best] - model.threshold())) {
        best = r;
      }
    }
    double[] row = new double[DATA.columns().length];
    for (int f = 0; f < row.length; f++) {
      row[f] = DATA.columns()[f][best];
    }
    return row;
  }

  @Test
  void oneRowAndBatchAgreeForEveryMeasure() {
    IsolationForest model = train(new ForestParams(30, 64, 0.1, 9));
    int from = 1234;
    int count = 700;
    for (Measure m : Measure.values()) {
      double[] batch = new double[count];
      model.evaluate(DATA.columns(), from, count, m, batch);
      for (int i = 0; i < count; i++) {
        double[] row = new double[DATA.columns().length];
        for (int f = 0; f < row.length; f++) {
          row[f] = DATA.columns()[f][from + i];
        }
        assertEquals(batch[i], model.evaluate(row, m), m + " row " + i);
      }
    }
  }

  @Test
  void bytesRoundTripToTheSameModel() {
    IsolationForest model = train(new ForestParams(60, 200, 0.07, 21));
    byte[] bytes = model.toBytes();
    IsolationForest back = IsolationForest.fromBytes(bytes);
    assertArrayEquals(bytes, back.toBytes());
    assertEquals(model.params(), back.params());
    assertEquals(model.features(), back.features());
    assertEquals(model.trainingRows(), back.trainingRows());
    assertEquals(model.threshold(), back.threshold());
    for (Measure m : Measure.values()) {
      assertArrayEquals(all(model, m), all(back, m), m.toString());
    }
    assertTrue(bytes.length < 60 * 200 * 15, "compact: " + bytes.length + " bytes");
  }

  @Test
  void corruptBytesAreRejected() {
    byte[] bytes = train(new ForestParams(5, 32, 0.1, 1)).toBytes();
    assertThrows(IllegalArgumentException.class, () -> IsolationForest.fromBytes(new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> IsolationForest.fromBytes(Arrays.copyOf(bytes, bytes.length - 1)));
    assertThrows(IllegalArgumentException.class, () -> IsolationForest.fromBytes(Arrays.copyOf(bytes, bytes.length + 1)));
    for (int i = 0; i < bytes.length; i += 7) {
      byte[] flipped = bytes.clone();
      flipped[i] ^= 0x10;
      assertThrows(IllegalArgumentException.class, () -> IsolationForest.fromBytes(flipped), "flipped byte " + i);
    }
  }

  @Test
  void paramsAreValidatedNamingTheOption() {
    assertMessage("n_trees", () -> new ForestParams(0, 256, 0.1, 1));
    assertMessage("n_trees", () -> new ForestParams(10_001, 256, 0.1, 1));
    assertMessage("sample_size", () -> new ForestParams(100, 1, 0.1, 1));
    assertMessage("contamination", () -> new ForestParams(100, 256, 0.0, 1));
    assertMessage("contamination", () -> new ForestParams(100, 256, 0.51, 1));
    assertMessage("contamination", () -> new ForestParams(100, 256, Double.NaN, 1));
    assertMessage("sample_size", () -> new ForestParams(100, 65_537, 0.1, 1));
    assertMessage("n_trees x sample_size", () -> new ForestParams(10_000, 65_536, 0.1, 1));
    new ForestParams(1, 2, 0.5, 0);
    new ForestParams(10_000, 256, 1e-9, 0);
    assertEquals(new ForestParams(100, 256, 0.1, 42), ForestParams.defaults());
  }

  private static void assertMessage(String option, Runnable r) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
    assertTrue(e.getMessage().contains(option), e.getMessage());
  }

  @Test
  void trainingDataIsChecked() {
    assertMessage("non-finite", () -> IsolationForest.train(new double[][] {{1, Double.NaN, 3}}, 3, ForestParams.defaults()));
    assertMessage("non-finite", () -> IsolationForest.train(new double[][] {{1, Double.POSITIVE_INFINITY}}, 2, ForestParams.defaults()));
    assertMessage("2 training rows", () -> IsolationForest.train(new double[][] {{1}}, 1, ForestParams.defaults()));
    assertMessage("feature column", () -> IsolationForest.train(new double[0][], 5, ForestParams.defaults()));
    assertMessage("fewer than", () -> IsolationForest.train(new double[][] {{1, 2}}, 3, ForestParams.defaults()));
  }

  @Test
  void theSampleIsCappedAtTheRowCount() {
    double[][] cols = {{1, 2, 3, 4, 5, 6, 7, 8, 9, 100}};
    IsolationForest model = IsolationForest.train(cols, 10, ForestParams.defaults());
    assertEquals(10, model.samplesPerTree());
    assertEquals(10, model.trainingRows());
    assertTrue(model.evaluate(new double[] {100}, Measure.SCORE) > model.evaluate(new double[] {5}, Measure.SCORE));
  }

  @Test
  void valuesNearTheDoubleRangeEndsTrainAndRoundTrip() {
    double[][] cols = {{-Double.MAX_VALUE, Double.MAX_VALUE, 0, 1, -1, 1e300, -1e300, 5}};
    IsolationForest model = IsolationForest.train(cols, 8, new ForestParams(50, 8, 0.25, 3));
    IsolationForest back = IsolationForest.fromBytes(model.toBytes());
    for (double v : cols[0]) {
      double s = model.evaluate(new double[] {v}, Measure.SCORE);
      assertTrue(s > 0 && s <= 1, "score " + s);
      assertEquals(s, back.evaluate(new double[] {v}, Measure.SCORE));
    }
  }

  @Test
  void constantDataGivesOneScoreForEveryRow() {
    double[][] cols = {new double[1000], new double[1000]};
    Arrays.fill(cols[1], 7.0);
    IsolationForest model = IsolationForest.train(cols, 1000, ForestParams.defaults());
    double s = model.evaluate(new double[] {0, 7}, Measure.SCORE);
    assertEquals(s, model.evaluate(new double[] {-50, 1e9}, Measure.SCORE));
    assertEquals(1.0, model.evaluate(new double[] {0, 7}, Measure.PREDICT));
  }

  @Test
  void aConstantFeatureIsNeverSplitOnAndTheOthersAreDrawnEquallyOften() {
    Random rnd = new Random(12);
    double[][] cols = new double[3][4000];
    for (int r = 0; r < 4000; r++) {
      cols[0][r] = rnd.nextGaussian();
      cols[1][r] = 3.0;
      cols[2][r] = rnd.nextDouble() * 1e6;
    }
    IsolationForest model = IsolationForest.train(cols, 4000, new ForestParams(2000, 64, 0.1, 9));
    PackedForest forest = model.forest();
    int[] roots = new int[3];
    for (int node = 0; node < forest.feature.length; node++) {
      if (!forest.isPadding(node / forest.internal, node % forest.internal)) {
        assertTrue(forest.feature[node] != 1, "node " + node + " splits on the constant feature");
      }
    }
    for (int t = 0; t < forest.trees; t++) {
      roots[forest.feature[t * forest.internal]]++;
    }
    // 2000 fair draws between features 0 and 2: 1000 each, standard deviation about 22
    assertTrue(Math.abs(roots[0] - 1000) < 110 && Math.abs(roots[2] - 1000) < 110, Arrays.toString(roots));
  }

  @Test
  void scoresUseTheStandardNormalisation() {
    // two distinct values, psi = 2: depth 1, one split; each leaf holds one row: h = 1 = c(2)
    IsolationForest model = IsolationForest.train(new double[][] {{0, 1}}, 2, new ForestParams(7, 2, 0.5, 1));
    assertEquals(0.5, model.evaluate(new double[] {0}, Measure.SCORE), 1e-15);
    assertEquals(0.5, model.evaluate(new double[] {1}, Measure.SCORE), 1e-15);
    assertEquals(1.0, PathLength.average(2));
    assertEquals(2 * (Math.log(255) + 0.5772156649015329) - 2.0 * 255 / 256, PathLength.average(256), 1e-12);
  }

  @Test
  void memorySegmentColumnsScoreLikeArrays() {
    IsolationForest model = train(new ForestParams(40, 128, 0.1, 4));
    try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
      java.lang.foreign.MemorySegment[] segs = new java.lang.foreign.MemorySegment[DATA.columns().length];
      for (int f = 0; f < segs.length; f++) {
        // one byte of offset: chunk data need not be 8-byte aligned
        java.lang.foreign.MemorySegment raw = arena.allocate(DATA.rows() * 8L + 1);
        segs[f] = raw.asSlice(1, DATA.rows() * 8L);
        for (int r = 0; r < DATA.rows(); r++) {
          segs[f].setAtIndex(org.yggdrasil.accel.kernels.Layouts.DOUBLE, r, DATA.columns()[f][r]);
        }
      }
      for (Measure m : Measure.values()) {
        for (int count : new int[] {0, 1, 513, 3000}) {
          double[] fromArrays = new double[count];
          double[] fromSegments = new double[count];
          model.evaluate(DATA.columns(), 999, count, m, fromArrays);
          model.evaluate(segs, 999, count, m, fromSegments);
          assertArrayEquals(fromArrays, fromSegments, m + " count " + count);
        }
      }
      assertThrows(IllegalArgumentException.class,
          () -> model.evaluate(segs, DATA.rows() - 10, 11, Measure.SCORE, new double[11]));
    }
  }

  @Test
  void batchesOfAnyLengthAndOffset() {
    IsolationForest model = train(new ForestParams(20, 64, 0.1, 2));
    double[] ref = all(model, Measure.SCORE);
    for (int count : new int[] {0, 1, 2, 511, 512, 513, 1025}) {
      double[] out = new double[count];
      model.evaluate(DATA.columns(), 77, count, Measure.SCORE, out);
      assertArrayEquals(Arrays.copyOfRange(ref, 77, 77 + count), out, "count " + count);
    }
    assertNotEquals(ref[0], ref[1]);
  }
}
