package org.yggdrasil.bench.iforest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.schema.SchemaPlus;
import org.yggdrasil.accel.iforest.ForestParams;
import org.yggdrasil.accel.iforest.IsolationForest;
import org.yggdrasil.planner.engine.EngineOptions;
import org.yggdrasil.planner.engine.YggEngine;
import org.yggdrasil.planner.exec.CompiledQuery;
import org.yggdrasil.planner.exec.ExecContext;
import org.yggdrasil.planner.exec.PgRewrites;
import org.yggdrasil.planner.exec.QueryCompiler;
import org.yggdrasil.planner.schema.RootSchemas;
import org.yggdrasil.planner.session.CopyIn;
import org.yggdrasil.planner.session.Portal;
import org.yggdrasil.planner.session.PreparedStatement;
import org.yggdrasil.planner.session.Session;
import org.yggdrasil.planner.session.StartupParameters;
import org.yggdrasil.planner.vexec.AggregateRunner;
import org.yggdrasil.planner.vexec.StoredTrainingRows;

/**
 * Scoring 1,000 rows through SQL in-process: an in-memory engine and one session (no sockets),
 * the queries parsed and planned once and then bound and executed again and again, as a client
 * with a prepared statement does (Bind, Execute, Sync). Reports median wall milliseconds.
 */
final class SqlScoring implements AutoCloseable {
  private final YggEngine engine;
  private final Session session;

  /** Loads the first {@code rows} rows of {@code data} as table {@code t(id, f0, …)} and trains model {@code m} on them. */
  SqlScoring(AnomalyData data, int rows, int trees, int sampleSize, long seed) {
    this(EngineOptions.memory());
    int nf = data.features();
    createTable(nf);
    StringBuilder insert = new StringBuilder("INSERT INTO t VALUES ");
    for (int r = 0; r < rows; r++) {
      insert.append(r == 0 ? "(" : ", (").append(r);
      for (int f = 0; f < nf; f++) {
        insert.append(", ").append(data.columns()[f][r]);
      }
      insert.append(')');
    }
    run(insert.toString());
    run(createModel("m", trees, sampleSize, seed, nf));
  }

  private SqlScoring(EngineOptions options) {
    engine = new YggEngine(options);
    session = engine.open(new StartupParameters(Map.of("user", "ygg", "database", "ygg")));
  }

  /**
   * Loads all of {@code data} as table {@code t(id, f0, …)} by COPY FROM STDIN, as a client would,
   * into an on-disk store in {@code directory} (the store {@code ./ygg serve} runs on).
   */
  SqlScoring(AnomalyData data, java.nio.file.Path directory) {
    this(new EngineOptions(directory, false, false));
    createTable(data.features());
    try (PreparedStatement ps = session.prepare("COPY t FROM STDIN", new int[0]);
        Portal p = ps.bind(new Object[0])) {
      CopyIn in = p.copyIn();
      StringBuilder text = new StringBuilder(1 << 21);
      for (int r = 0; r < data.rows(); r++) {
        text.append(r);
        for (double[] column : data.columns()) {
          text.append('\t').append(column[r]);
        }
        text.append('\n');
        if (text.length() >= 1 << 20) {
          in.data(text.toString().getBytes(StandardCharsets.US_ASCII));
          text.setLength(0);
        }
      }
      in.data(text.toString().getBytes(StandardCharsets.US_ASCII));
      in.done();
    } finally {
      session.sync();
    }
  }

  private void createTable(int features) {
    StringBuilder create = new StringBuilder("CREATE TABLE t (id int PRIMARY KEY");
    for (int f = 0; f < features; f++) {
      create.append(", f").append(f).append(" double precision");
    }
    run(create.append(')').toString());
  }

  private static String createModel(String name, int trees, int sampleSize, long seed, int features) {
    StringBuilder columns = new StringBuilder();
    for (int f = 0; f < features; f++) {
      columns.append(f == 0 ? "" : ", ").append('f').append(f);
    }
    return String.format(Locale.ROOT, "CREATE MODEL %s TYPE ISOLATION_FOREST OPTIONS (n_trees = %d,"
        + " sample_size = %d, seed = %d) AS SELECT %s FROM t", name, trees, sampleSize, seed, columns);
  }

  /**
   * Median wall and calling-thread CPU milliseconds of CREATE MODEL over the whole table, end to
   * end through the session (parse, reading the AS query's rows, training, storing the model
   * and committing), each run after dropping the previous model (untimed).
   */
  IForestBench.Timing timeCreateModel(int trees, int sampleSize, long seed, int features, int runs) {
    double[] wall = new double[runs];
    double[] cpu = new double[runs];
    for (int i = 0; i < runs; i++) {
      run("DROP MODEL IF EXISTS e2e");
      long c0 = IForestBench.threadCpuNanos();
      long t0 = System.nanoTime();
      run(createModel("e2e", trees, sampleSize, seed, features));
      wall[i] = (System.nanoTime() - t0) / 1e6;
      cpu[i] = (IForestBench.threadCpuNanos() - c0) / 1e6;
    }
    java.util.Arrays.sort(wall);
    java.util.Arrays.sort(cpu);
    return new IForestBench.Timing(wall[runs / 2], cpu[runs / 2]);
  }

  /**
   * The training kernel over the table as the store holds it: counting the rows of the AS query
   * {@code SELECT f0, … FROM t [WHERE …]} and reading only the sampled rows in place
   * ({@link StoredTrainingRows}), then growing the trees and calibrating, all on {@code threads}
   * threads. The query is planned once, outside the timing. The reads of the store are code
   * no earlier line of the benchmark has run, so it is warmed up longer than the other lines
   * (measured: about 30 trainings before the times settle).
   */
  IForestBench.Timing timeTrainingInPlace(ForestParams params, int features, String where, int threads) {
    SchemaPlus root = RootSchemas.create(engine.database("ygg").snapshot("main"), null, Map.of());
    String sql = createModel("unused", params.trees(), params.sampleSize(), params.seed(), features);
    String asQuery = sql.substring(sql.indexOf(" AS SELECT ") + " AS ".length()) + where;
    CompiledQuery q = QueryCompiler.compile(PgRewrites.apply(QueryCompiler.parse(asQuery)), root, asQuery);
    if (q.columnRead() == null) {
      throw new IllegalStateException("not read in place: " + asQuery);
    }
    ExecContext exec = new ExecContext(root, new Object[0], Map.of(), null, 0L, "ygg", "UTC");
    exec.put(AggregateRunner.THREADS_VARIABLE, threads);
    return IForestBench.time(30, 11,
        () -> IsolationForest.train(StoredTrainingRows.open(exec, q.columnRead()), params, threads));
  }

  private List<Object[]> run(String sql) {
    try (PreparedStatement ps = session.prepare(sql, new int[0])) {
      return execute(ps);
    }
  }

  private List<Object[]> execute(PreparedStatement ps) {
    List<Object[]> rows = new ArrayList<>();
    try (Portal p = ps.bind(new Object[0])) {
      p.execute(0, rows::add);
    } finally {
      session.sync();
    }
    return rows;
  }

  /** Median wall milliseconds of executing the prepared {@code sql}, which must return {@code expectedRows} rows (-1: any). */
  IForestBench.Timing time(String sql, int expectedRows) {
    try (PreparedStatement ps = session.prepare(sql, new int[0])) {
      return IForestBench.time(300, 501, () -> {
        int n = execute(ps).size();
        if (expectedRows >= 0 && n != expectedRows) {
          throw new IllegalStateException(sql + " returned " + n + " rows, not " + expectedRows);
        }
      });
    }
  }

  @Override
  public void close() {
    session.close();
    engine.close();
  }

  static String[] queries() {
    return new String[] {"SELECT id, ANOMALY_SCORE('m') FROM t",
        "SELECT count(*) FROM t WHERE ANOMALY_SCORE('m') > 0.6"};
  }

  static int[] expectedRows(int rows) {
    return new int[] {rows, 1};
  }
}
