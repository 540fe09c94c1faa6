package org.yggdrasil.pgwire.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.yggdrasil.pgwire.server.PgServer;
import org.yggdrasil.planner.engine.EngineOptions;
import org.yggdrasil.planner.engine.YggEngine;

/**
 * Throughput of everyday statements through pgjdbc, Yggdrasil beside PostgreSQL: small
 * multi-row INSERT transactions, single-row autocommit INSERTs, a full-table SELECT streamed
 * with a fetch size, and prepared primary-key lookups. Not part of the test suite; run like
 * {@link CopyBench} with class {@code org.yggdrasil.pgwire.bench.WireBench} and optional
 * {@code [--pg jdbc:postgresql://127.0.0.1:55491/ygg] [--rows N]}. Yggdrasil runs in this JVM
 * on a data directory in /tmp (durable commits, as PostgreSQL's).
 */
public final class WireBench {
  private WireBench() {}

  private record Result(String name, double ygg, double pg, String unit) {}

  public static void main(String[] args) throws Exception {
    String pg = null;
    int rows = 1_000_000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--pg" -> pg = args[++i];
        case "--rows" -> rows = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Path dir = Files.createTempDirectory("ygg-wirebench");
    YggEngine engine = new YggEngine(new EngineOptions(dir, false, false));
    PgServer server = PgServer.start(engine, "127.0.0.1", 0);
    String ygg = "jdbc:postgresql://127.0.0.1:" + server.port() + "/ygg";
    try {
      List<Result> results = new ArrayList<>();
      double[] y = run(ygg, rows);
      double[] p = pg == null ? null : run(pg, rows);
      String[] names = {"1000 tx x 100-row INSERT", "1000 autocommit 1-row INSERT",
          "SELECT * (" + rows + " rows, fetch 10000)", "10000 prepared PK lookups"};
      for (int i = 0; i < names.length; i++) {
        results.add(new Result(names[i], y[i], p == null ? Double.NaN : p[i], "s"));
      }
      System.out.printf(Locale.ROOT, "machine: %d cores, java %s%n",
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
      System.out.printf(Locale.ROOT, "%-36s %12s %12s %10s%n", "workload", "Yggdrasil s",
          "PostgreSQL s", "PG/Ygg");
      for (Result r : results) {
        System.out.printf(Locale.ROOT, "%-36s %12.3f %12.3f %10.2f%n", r.name(), r.ygg(), r.pg(),
            r.pg() / r.ygg());
      }
    } finally {
      server.close();
      engine.close();
    }
  }

  private static Connection connect(String url) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "ygg");
    return DriverManager.getConnection(url, p);
  }

  /** Seconds for each workload against one server. */
  private static double[] run(String url, int rows) throws SQLException {
    double[] out = new double[4];
    try (Connection c = connect(url); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS wb_small");
      s.execute("DROP TABLE IF EXISTS wb_big");
      s.execute("CREATE TABLE wb_small (id int8 PRIMARY KEY, v int4, t text)");
      s.execute("CREATE TABLE wb_big (id int8 PRIMARY KEY, v int4, t text)");
      long t0 = System.nanoTime();
      long id = 0;
      for (int tx = 0; tx < 1000; tx++) {
        StringBuilder sql = new StringBuilder("INSERT INTO wb_small VALUES ");
        for (int r = 0; r < 100; r++, id++) {
          sql.append(r == 0 ? "" : ",").append('(').append(id).append(',').append(id % 1000)
              .append(",'row ").append(id).append("')");
        }
        s.execute(sql.toString());
      }
      out[0] = seconds(t0);
      t0 = System.nanoTime();
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO wb_small VALUES (?, ?, ?)")) {
        for (int i = 0; i < 1000; i++, id++) {
          ps.setLong(1, id);
          ps.setInt(2, i);
          ps.setString(3, "one " + i);
          ps.executeUpdate();
        }
      }
      out[1] = seconds(t0);
      s.execute("INSERT INTO wb_big SELECT g, (g % 1000)::int4, 'text ' || g FROM"
          + " generate_series(1, " + rows + ") g");
      c.setAutoCommit(false);
      t0 = System.nanoTime();
      long sum = 0;
      try (Statement f = c.createStatement()) {
        f.setFetchSize(10_000);
        try (ResultSet rs = f.executeQuery("SELECT * FROM wb_big")) {
          while (rs.next()) {
            sum += rs.getLong(1) + rs.getInt(2) + rs.getString(3).length();
          }
        }
      }
      out[2] = seconds(t0);
      c.commit();
      c.setAutoCommit(true);
      t0 = System.nanoTime();
      try (PreparedStatement ps = c.prepareStatement("SELECT v, t FROM wb_big WHERE id = ?")) {
        for (int i = 0; i < 10_000; i++) {
          ps.setLong(1, 1 + (i * 7919L) % rows);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            sum += rs.getInt(1);
          }
        }
      }
      out[3] = seconds(t0);
      if (sum == 42) {
        System.out.println();
      }
      s.execute("DROP TABLE wb_small");
      s.execute("DROP TABLE wb_big");
    }
    return out;
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
