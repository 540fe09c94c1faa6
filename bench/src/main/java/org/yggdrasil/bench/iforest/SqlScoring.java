package org.yggdrasil.bench.iforest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yggdrasil.planner.engine.EngineOptions;
import org.yggdrasil.planner.engine.YggEngine;
import org.yggdrasil.planner.session.Portal;
import org.yggdrasil.planner.session.PreparedStatement;
import org.yggdrasil.planner.session.Session;
import org.yggdrasil.planner.session.StartupParameters;

/**
 * Scoring 1,000 rows through SQL in-process: an in-memory engine and one session (no sockets),
 * the queries parsed and planned once and then bound and executed again and again, as a client
 * with a prepared statement does (Bind, Execute, Sync). Reports median wall milliseconds.
 */
final class SqlScoring implements AutoCloseable {
  private final YggEngine engine = new YggEngine(EngineOptions.memory());
  private final Session session = engine.open(new StartupParameters(Map.of("user", "ygg", "database", "ygg")));

  /** Loads the first {@code rows} rows of {@code data} as table {@code t(id, f0, …)} and trains model {@code m} on them. */
  SqlScoring(AnomalyData data, int rows, int trees, int sampleSize, long seed) {
    int nf = data.features();
    StringBuilder create = new StringBuilder("CREATE TABLE t (id int PRIMARY KEY");
    StringBuilder features = new StringBuilder();
    for (int f = 0; f < nf; f++) {
      create.append(", f").append(f).append(" double precision");
      features.append(f == 0 ? "" : ", ").append('f').append(f);
    }
    run(create.append(')').toString());
    StringBuilder insert = new StringBuilder("INSERT INTO t VALUES ");
    for (int r = 0; r < rows; r++) {
      insert.append(r == 0 ? "(" : ", (").append(r);
      for (int f = 0; f < nf; f++) {
        insert.append(", ").append(data.columns()[f][r]);
      }
      insert.append(')');
    }
    run(insert.toString());
    run(String.format(Locale.ROOT, "CREATE MODEL m TYPE ISOLATION_FOREST OPTIONS (n_trees = %d,"
        + " sample_size = %d, seed = %d) AS SELECT %s FROM t", trees, sampleSize, seed, features));
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
