package org.yggdrasil.accel.iforest;

import java.util.Arrays;

/** Sampling, tree growing and calibration; the data has been checked by {@link IsolationForest#train}. */
final class ForestTrainer {
  /** Doubles of sampled values read at once (32 MB): the default 100 trees of 256 rows take one batch. */
  private static final long GATHER_BUDGET = 1L << 22;
  /** Fewest rows a thread is given to read: below that, starting the thread costs more than it saves. */
  private static final int MIN_GATHER = 2048;
  /** Stream number of the calibration sample (trees use 0..trees-1). */
  private static final long CALIBRATION_STREAM = -1L;

  private ForestTrainer() {}

  static IsolationForest train(TrainingRows source, ForestParams params, int threads) {
    int nf = source.features();
    int rows = source.rows();
    int trees = params.trees();
    int psi = Math.min(params.sampleSize(), rows);
    int depth = 32 - Integer.numberOfLeadingZeros(psi - 1); // ceil(log2(psi)), psi >= 2
    PackedForest forest = new PackedForest(trees, depth, nf);
    double[] averagePath = TreeGrower.averagePaths(psi);
    // Every tree draws its rows from its own stream (which then goes on to grow it), so any
    // order and any number of threads give the same trees. The draws of a batch of trees are
    // read in one ascending pass: random reads over the whole table would each miss the cache
    // and the TLB, while ascending ones walk the pages in order.
    int batch = (int) Math.max(1, Math.min(trees, GATHER_BUDGET / ((long) psi * nf)));
    for (int first = 0; first < trees; first += batch) {
      int count = Math.min(batch, trees - first);
      SplitMix64[] streams = new SplitMix64[count];
      int[][] draws = new int[count][];
      for (int t = 0; t < count; t++) {
        streams[t] = SplitMix64.stream(params.seed(), first + t);
        draws[t] = RowSampler.sample(streams[t], rows, psi);
      }
      int total = count * psi;
      int[] where = new int[total];
      int[] ascending = ascending(draws, rows, where);
      double[] values = new double[nf * total];
      gather(source, ascending, values, threads);
      int tree0 = first;
      Fanout.run(count, threads, () -> {
        double[] sample = new double[nf * psi];
        return t -> {
          assemble(values, total, where, t * psi, draws[t], nf, sample);
          TreeGrower.grow(forest, tree0 + t, streams[t], sample, psi, averagePath);
        };
      });
    }
    // SCORE needs no threshold: score the calibration rows with an uncalibrated model first.
    IsolationForest uncalibrated = new IsolationForest(params, rows, psi, forest, 1.0,
        new double[IsolationForest.QUANTILES + 1]);
    double[] scores = calibrationScores(uncalibrated, source, threads);
    double threshold = IsolationForest.quantile(scores, 1.0 - params.contamination());
    return uncalibrated.calibrated(threshold, IsolationForest.distribution(scores));
  }

  /**
   * Every draw of {@code draws} in one ascending list (a row drawn by several trees appears
   * once per draw); {@code where[t * psi + i]} receives the position of tree t's i-th draw in it.
   * A counting sort on the high bits of the row, then an insertion sort within each bucket: a
   * bucket holds about one draw, or, when there are fewer rows than draws, one row whose draws
   * are placed in draw order, which is already sorted.
   */
  static int[] ascending(int[][] draws, int rows, int[] where) {
    int total = where.length;
    int psi = draws[0].length;
    int shift = Math.max(0, 31 - Integer.numberOfLeadingZeros(Math.max(1, rows / total)));
    int[] start = new int[((rows - 1) >>> shift) + 2];
    for (int[] d : draws) {
      for (int row : d) {
        start[(row >>> shift) + 1]++;
      }
    }
    for (int b = 1; b < start.length; b++) {
      start[b] += start[b - 1];
    }
    // row in the high half, draw number in the low: sorting the pairs sorts the rows
    long[] pairs = new long[total];
    for (int t = 0; t < draws.length; t++) {
      for (int i = 0; i < psi; i++) {
        int row = draws[t][i];
        pairs[start[row >>> shift]++] = (long) row << 32 | (t * psi + i);
      }
    }
    for (int i = 1; i < total; i++) { // buckets are in order already: only neighbours move
      long p = pairs[i];
      int j = i - 1;
      while (j >= 0 && pairs[j] > p) {
        pairs[j + 1] = pairs[j];
        j--;
      }
      pairs[j + 1] = p;
    }
    int[] rowsOut = new int[total];
    for (int k = 0; k < total; k++) {
      rowsOut[k] = (int) (pairs[k] >>> 32);
      where[(int) pairs[k]] = k;
    }
    return rowsOut;
  }

  /**
   * Every feature of the rows {@code ascending} into {@code values} (feature-major), on up to
   * {@code threads} threads, each reading its own stretch of the rows: the reads mostly wait on
   * memory, and each thread keeps its own loads in flight.
   */
  private static void gather(TrainingRows source, int[] ascending, double[] values, int threads) {
    int total = ascending.length;
    int nf = source.features();
    int pieces = Math.max(1, Math.min(threads, total / MIN_GATHER));
    int per = (total + pieces - 1) / pieces;
    Fanout.run(pieces, threads, () -> p -> {
      int from = p * per;
      int count = Math.min(per, total - from);
      int[] rows = from == 0 && count == total ? ascending : Arrays.copyOfRange(ascending, from, from + count);
      for (int f = 0; f < nf; f++) {
        source.gather(f, rows, count, values, f * total + from);
      }
    });
  }

  /**
   * Tree t's sample (column-major, stride {@code picked.length}) from the values read for all
   * draws, rejecting non-finite values.
   */
  private static void assemble(double[] values, int total, int[] where, int from, int[] picked, int nf,
      double[] out) {
    int n = picked.length;
    for (int f = 0; f < nf; f++) {
      int base = f * n;
      int column = f * total;
      for (int i = 0; i < n; i++) {
        out[base + i] = values[column + where[from + i]];
      }
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
    double[] scores = new double[m];
    int nf = source.features();
    int pieces = Math.min(threads, (m + Scoring.BATCH - 1) / Scoring.BATCH);
    int per = (m + pieces - 1) / pieces;
    Fanout.run(pieces, threads, () -> {
      double[][] values = new double[nf][per];
      double[] out = new double[per];
      return p -> {
        int from = p * per;
        int count = Math.min(per, m - from);
        int[] part = Arrays.copyOfRange(picked, from, from + count);
        for (int f = 0; f < nf; f++) {
          source.gather(f, part, count, values[f], 0);
        }
        for (int i = 0; i < count; i++) { // row by row: the first bad row is the same for any thread count
          for (int f = 0; f < nf; f++) {
            IsolationForest.checkFinite(values[f][i], f, part[i]);
          }
        }
        model.evaluate(values, 0, count, Measure.SCORE, out);
        System.arraycopy(out, 0, scores, from, count);
      };
    });
    Arrays.sort(scores);
    return scores;
  }
}
