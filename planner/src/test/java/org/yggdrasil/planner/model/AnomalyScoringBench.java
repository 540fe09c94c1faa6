package org.yggdrasil.planner.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.yggdrasil.accel.iforest.ForestParams;
import org.yggdrasil.accel.iforest.IsolationForest;
import org.yggdrasil.accel.iforest.Measure;
import org.yggdrasil.planner.SqlDriver;

/**
 * How long scoring 1,000 rows through SQL takes in-process (no sockets): the same prepared
 * query with and without ANOMALY_SCORE over a 1,000-row table, each run many times on a warm
 * plan cache; the difference is what the model costs per statement (resolving it and walking
 * the trees). Also the bare kernel over the same rows, for comparison. Not a test: run by hand,
 * <pre>
 * java -cp planner/target/classes:planner/target/test-classes:$(cat /tmp/cp.txt) \
 *   org.yggdrasil.planner.model.AnomalyScoringBench [rows] [trees]
 * </pre>
 * Prints medians of the timed runs after warm-up.
 */
public final class AnomalyScoringBench {
  private AnomalyScoringBench() {}

  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int trees = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    try (SqlDriver db = new SqlDriver()) {
      db.run("CREATE TABLE bench_t (id int PRIMARY KEY, amount double precision,"
          + " freq double precision)");
      SplittableRandom r = new SplittableRandom(42);
      StringBuilder insert = new StringBuilder("INSERT INTO bench_t VALUES ");
      for (int i = 0; i < rows; i++) {
        insert.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "(%d, %.4f, %.4f)", i,
            100 + 10 * r.nextDouble(), 10 + r.nextDouble()));
      }
      db.run(insert.toString());
      db.run("CREATE MODEL bench_m TYPE ISOLATION_FOREST OPTIONS (n_trees = " + trees
          + ", sample_size = 256, seed = 1) AS SELECT amount, freq FROM bench_t");

      String plain = "SELECT id, amount + freq FROM bench_t";
      String scored = "SELECT id, ANOMALY_SCORE('bench_m') FROM bench_t";
      String filtered = "SELECT id FROM bench_t WHERE ANOMALY_SCORE('bench_m') > 0.6";
      double base = medianMicros(db, plain, rows);
      double score = medianMicros(db, scored, rows);
      String plainFiltered = "SELECT id FROM bench_t WHERE amount + freq > 0.6";
      double plainWhere = medianMicros(db, plainFiltered, -1);
      double where = medianMicros(db, filtered, -1);
      double kernel = kernelMicros(db, rows, trees);
      System.out.printf(Locale.ROOT, "rows=%d trees=%d%n", rows, trees);
      System.out.printf(Locale.ROOT, "  %-55s %8.1f us%n", plain, base);
      System.out.printf(Locale.ROOT, "  %-55s %8.1f us%n", scored, score);
      System.out.printf(Locale.ROOT, "  %-55s %8.1f us%n", plainFiltered, plainWhere);
      System.out.printf(Locale.ROOT, "  %-55s %8.1f us%n", filtered, where);
      System.out.printf(Locale.ROOT, "  model overhead through SQL (scored - plain)             %8.1f us%n",
          score - base);
      System.out.printf(Locale.ROOT, "  kernel alone: evaluate(row, SCORE) x %d               %8.1f us%n",
          rows, kernel);
    }
  }

  /** Median wall time of one execution of {@code sql} (prepared each time: the plan is cached). */
  private static double medianMicros(SqlDriver db, String sql, int expectedRows) {
    for (int i = 0; i < 300; i++) {
      check(db.run(sql), expectedRows);
    }
    long[] t = new long[500];
    for (int i = 0; i < t.length; i++) {
      long start = System.nanoTime();
      List<List<Object>> out = db.run(sql);
      t[i] = System.nanoTime() - start;
      check(out, expectedRows);
    }
    Arrays.sort(t);
    return t[t.length / 2] / 1000.0;
  }

  private static void check(List<List<Object>> out, int expectedRows) {
    if (expectedRows >= 0 && out.size() != expectedRows) {
      throw new AssertionError("rows: " + out.size());
    }
  }

  /** The same model scoring the same rows directly, one evaluate(row) per row. */
  private static double kernelMicros(SqlDriver db, int rows, int trees) {
    List<double[]> data = new ArrayList<>();
    for (List<Object> row : db.run("SELECT amount, freq FROM bench_t")) {
      data.add(new double[] {((Number) row.get(0)).doubleValue(), ((Number) row.get(1)).doubleValue()});
    }
    double[][] columns = new double[2][rows];
    for (int i = 0; i < rows; i++) {
      columns[0][i] = data.get(i)[0];
      columns[1][i] = data.get(i)[1];
    }
    IsolationForest f = IsolationForest.train(columns, rows, new ForestParams(trees, 256, 0.1, 1));
    double sink = 0;
    long[] t = new long[2000];
    for (int k = 0; k < 500 + t.length; k++) {
      long start = System.nanoTime();
      for (double[] row : data) {
        sink += f.evaluate(row, Measure.SCORE);
      }
      if (k >= 500) {
        t[k - 500] = System.nanoTime() - start;
      }
    }
    if (sink == 42) {
      System.out.println();
    }
    Arrays.sort(t);
    return t[t.length / 2] / 1000.0;
  }
}
