package org.yggdrasil.accel.iforest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yggdrasil.accel.agg.VectorSupport;

/** The vectorized traversal and its scalar twin give bit-identical results. */
class TraversalTwinsTest {
  private static final int[] COUNTS = {0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 511, 512, 513, 1000, 1537};
  /** The first four features' keys stay in registers, the others are loaded per level; 16 is the most node words name. */
  private static final int[] FEATURE_COUNTS = {1, 2, 3, 4, 5, 9, TopLevels.MAX_FEATURES};

  @Test
  void vectorAndScalarAgreeOnRandomDataAndAwkwardLengths() {
    Random rnd = new Random(99);
    for (int nf : FEATURE_COUNTS) {
      for (int psi : new int[] {2, 3, 5, 16, 17, 100, 256, 1000}) {
        int rows = 3000;
        double[][] cols = randomColumns(rnd, nf, rows);
        IsolationForest model = IsolationForest.train(cols, rows, new ForestParams(13, psi, 0.1, rnd.nextLong()));
        assertEquals(VectorSupport.available(), model.topLevels() != null);
        if (model.topLevels() == null) {
          continue; // no SIMD on this machine: only the scalar twin runs
        }
        for (int count : COUNTS) {
          int from = rnd.nextInt(rows - count + 1);
          for (Measure m : Measure.values()) {
            double[] vector = new double[count];
            double[] scalar = new double[count];
            Scoring.evaluate(model, cols, from, count, m, vector, true);
            Scoring.evaluate(model, cols, from, count, m, scalar, false);
            assertArrayEquals(scalar, vector, "features " + nf + ", psi " + psi + ", count " + count + ", " + m);
          }
        }
      }
    }
  }

  @Test
  void rowsOutsideTheTrainingRangeAndNaNAgreeToo() {
    Random rnd = new Random(5);
    double[][] cols = randomColumns(rnd, 2, 2000);
    IsolationForest model = IsolationForest.train(cols, 2000, ForestParams.defaults());
    double[] odd = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, 1e300, -1e300,
        Double.MIN_VALUE, 3, -3, 0.5};
    double[][] probe = {new double[odd.length * odd.length], new double[odd.length * odd.length]};
    for (int i = 0; i < odd.length; i++) {
      for (int j = 0; j < odd.length; j++) {
        probe[0][i * odd.length + j] = odd[i];
        probe[1][i * odd.length + j] = odd[j];
      }
    }
    int n = probe[0].length;
    if (model.topLevels() != null) {
      double[] vector = new double[n];
      double[] scalar = new double[n];
      Scoring.evaluate(model, probe, 0, n, Measure.SCORE, vector, true);
      Scoring.evaluate(model, probe, 0, n, Measure.SCORE, scalar, false);
      assertArrayEquals(scalar, vector);
    }
    for (int r = 0; r < n; r++) {
      double[] out = new double[1];
      model.evaluate(probe, r, 1, Measure.SCORE, out);
      assertEquals(model.evaluate(new double[] {probe[0][r], probe[1][r]}, Measure.SCORE), out[0]);
    }
  }

  @Test
  void everyNumberOfVectorLevelsAgreesWithTheScalarWalk() {
    if (!VectorSupport.available()) {
      return;
    }
    Random rnd = new Random(17);
    int stride = Scoring.BATCH;
    for (int nf : FEATURE_COUNTS) {
      double[][] cols = randomColumns(rnd, nf, 4000);
      IsolationForest model = IsolationForest.train(cols, 4000, new ForestParams(9, 1000, 0.1, rnd.nextLong()));
      PackedForest forest = model.forest();
      int[] offsets = forest.featureOffsets(stride);
      for (int n : new int[] {0, 1, 7, 8, 9, 100, stride}) {
        double[] x = new double[stride * nf];
        for (int f = 0; f < nf; f++) {
          for (int r = 0; r < n; r++) {
            x[f * stride + r] = rnd.nextInt(20) == 0 ? Double.NaN : cols[f][rnd.nextInt(4000)];
          }
        }
        double[] scalarSum = new double[n];
        int[] scalarVotes = new int[n];
        ScalarTraversal.accumulate(forest, offsets, x, n, scalarSum, scalarVotes, 10.0, new int[n]);
        for (int levels = 1; levels <= forest.depth; levels++) {
          TopLevels top = TopLevels.of(forest, VectorTraversal.lanes(), levels);
          int[] keys = new int[stride * nf];
          for (int f = 0; f < nf; f++) {
            top.keys.valueKeys(f, x, f * stride, n, keys);
          }
          double[] sum = new double[n];
          int[] votes = new int[n];
          VectorTraversal.accumulate(forest, top, offsets, x, keys, stride, n, sum, votes, 10.0, new int[n]);
          assertArrayEquals(scalarSum, sum, "features " + nf + ", rows " + n + ", vector levels " + levels);
          assertArrayEquals(scalarVotes, votes);
        }
      }
    }
  }

  @Test
  void valueKeysCompareWithSplitKeysLikeTheDoubles() {
    Random rnd = new Random(3);
    double[][] cols = randomColumns(rnd, 2, 3000);
    cols[1][7] = -0.0;
    cols[1][8] = 0.0;
    IsolationForest model = IsolationForest.train(cols, 3000, new ForestParams(50, 256, 0.1, 11));
    PackedForest forest = model.forest();
    SplitKeys keys = SplitKeys.of(forest);
    double[] probes = new double[4000];
    for (int i = 0; i < probes.length; i++) {
      int kind = rnd.nextInt(4);
      // values right at, just beside and between the splits, and odd ones
      double s = forest.split[rnd.nextInt(forest.split.length)];
      probes[i] = switch (kind) {
        case 0 -> s;
        case 1 -> Math.nextUp(s);
        case 2 -> Math.nextDown(s);
        default -> new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
            rnd.nextGaussian() * 300}[rnd.nextInt(6)];
      };
    }
    int[] nodeKeys = SplitKeys.rank(forest).nodeKeys();
    for (int node = 0; node < forest.split.length; node++) {
      // the key the sort gave each node is the key a search finds for its split
      assertEquals(keys.splitKey(forest.feature[node], forest.split[node]), nodeKeys[node], "node " + node);
    }
    for (int f = 0; f < 2; f++) {
      int[] valueKeys = new int[probes.length];
      keys.valueKeys(f, probes, 0, probes.length, valueKeys);
      for (int node = 0; node < forest.split.length; node++) {
        if (forest.feature[node] != f) {
          continue;
        }
        double s = forest.split[node];
        int sk = keys.splitKey(f, s);
        for (int i = 0; i < probes.length; i++) {
          assertEquals(probes[i] > s, valueKeys[i] > sk, probes[i] + " > " + s);
        }
      }
    }
  }

  @Test
  void manyFeaturesUseTheScalarTraversal() {
    Random rnd = new Random(8);
    double[][] cols = randomColumns(rnd, TopLevels.MAX_FEATURES + 1, 500);
    IsolationForest model = IsolationForest.train(cols, 500, ForestParams.defaults());
    assertEquals(null, model.topLevels());
    assertNotNull(model.forest());
  }

  private static double[][] randomColumns(Random rnd, int nf, int rows) {
    double[][] cols = new double[nf][rows];
    for (int f = 0; f < nf; f++) {
      for (int r = 0; r < rows; r++) {
        // some ties and a few far values, so splits land on repeated values too
        cols[f][r] = rnd.nextInt(10) == 0 ? Math.round(rnd.nextGaussian() * 3) : rnd.nextGaussian() * (f + 1) * 100;
      }
    }
    return cols;
  }
}
