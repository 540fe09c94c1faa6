package org.yggdrasil.pgwire.bench;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.yggdrasil.pgwire.server.PgServer;
import org.yggdrasil.planner.engine.EngineOptions;
import org.yggdrasil.planner.engine.YggEngine;

/**
 * COPY FROM STDIN throughput through pgjdbc's CopyManager: N narrow rows ({@code int8, int4,
 * text}), generated in code while they are sent, into Yggdrasil and — given a URL — into
 * PostgreSQL, side by side. Not part of the test suite. Run from the repository root:
 *
 * <pre>
 *   mvn -B -q -o test-compile -pl pgwire -am
 *   mvn -B -q -o dependency:build-classpath -pl pgwire -Dmdep.outputFile=/tmp/cp.txt \
 *       -Dmdep.includeScope=test
 *   java --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *       -cp pgwire/target/test-classes:pgwire/target/classes:planner/target/classes:\
 *   storage-bridge/target/classes:catalog/target/classes:accel/target/classes:$(cat /tmp/cp.txt) \
 *       org.yggdrasil.pgwire.bench.CopyBench [--rows N] [--runs R] \
 *       [--ygg jdbc:postgresql://host:port/ygg] [--pg jdbc:postgresql://127.0.0.1:55491/ygg]
 * </pre>
 *
 * Without {@code --ygg} an in-memory Yggdrasil server is started in this JVM. Each run copies
 * into a freshly created table; the best of the runs is reported.
 */
public final class CopyBench {
  private CopyBench() {}

  public static void main(String[] args) throws Exception {
    int rows = 2_000_000;
    int runs = 3;
    String ygg = null;
    String pg = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rows" -> rows = Integer.parseInt(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--ygg" -> ygg = args[++i];
        case "--pg" -> pg = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    YggEngine engine = null;
    PgServer server = null;
    if (ygg == null) {
      engine = new YggEngine(EngineOptions.memory());
      server = PgServer.start(engine, "127.0.0.1", 0);
      ygg = "jdbc:postgresql://127.0.0.1:" + server.port() + "/ygg";
    }
    try {
      List<String[]> table = new ArrayList<>();
      double yggRate = best(ygg, rows, runs);
      table.add(row("yggdrasil", rows, yggRate, 1.0));
      if (pg != null) {
        double pgRate = best(pg, rows, runs);
        table.add(row("postgresql", rows, pgRate, pgRate / yggRate));
      }
      System.out.printf(Locale.ROOT, "%-12s %12s %14s %18s%n", "target", "rows",
          "rows/s", "ratio to ygg");
      for (String[] r : table) {
        System.out.printf(Locale.ROOT, "%-12s %12s %14s %18s%n", (Object[]) r);
      }
    } finally {
      if (server != null) {
        server.close();
      }
      if (engine != null) {
        engine.close();
      }
    }
  }

  private static String[] row(String name, int rows, double rate, double ratio) {
    return new String[] {name, Integer.toString(rows), String.format(Locale.ROOT, "%,.0f", rate),
        String.format(Locale.ROOT, "%.2f", ratio)};
  }

  /** The best rows/s of {@code runs} copies, each into a new table. */
  private static double best(String url, int rows, int runs) throws Exception {
    Properties p = new Properties();
    p.setProperty("user", "ygg");
    double best = 0;
    try (Connection c = DriverManager.getConnection(url, p)) {
      for (int run = 0; run < runs; run++) {
        exec(c, "DROP TABLE IF EXISTS copy_bench");
        exec(c, "CREATE TABLE copy_bench (id int8, k int4, s text)");
        long start = System.nanoTime();
        long copied = c.unwrap(PGConnection.class).getCopyAPI()
            .copyIn("COPY copy_bench FROM STDIN", new NarrowRows(rows), 65536);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (copied != rows) {
          throw new IllegalStateException("copied " + copied + " rows, expected " + rows);
        }
        double rate = rows / seconds;
        System.out.printf(Locale.ROOT, "%s run %d: %d rows in %.2f s = %,.0f rows/s%n", url,
            run + 1, rows, seconds, rate);
        best = Math.max(best, rate);
      }
      exec(c, "DROP TABLE copy_bench");
    }
    return best;
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** {@code id \t id % 100000 \t item-<id>} lines, written straight into the reader's buffer. */
  static final class NarrowRows extends InputStream {
    private static final byte[] PREFIX = "item-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private final int rows;
    private int next = 1;
    private final byte[] line = new byte[64];
    private int lineLength;
    private int pos;

    NarrowRows(int rows) {
      this.rows = rows;
    }

    private boolean fill() {
      if (next > rows) {
        return false;
      }
      int n = 0;
      n = digits(next, n);
      line[n++] = '\t';
      n = digits(next % 100_000, n);
      line[n++] = '\t';
      System.arraycopy(PREFIX, 0, line, n, PREFIX.length);
      n = digits(next, n + PREFIX.length);
      line[n++] = '\n';
      lineLength = n;
      pos = 0;
      next++;
      return true;
    }

    private int digits(int v, int at) {
      String s = Integer.toString(v);
      for (int i = 0; i < s.length(); i++) {
        line[at + i] = (byte) s.charAt(i);
      }
      return at + s.length();
    }

    @Override
    public int read() {
      if (pos == lineLength && !fill()) {
        return -1;
      }
      return line[pos++];
    }

    @Override
    public int read(byte[] b, int off, int len) {
      int n = 0;
      while (n < len) {
        if (pos == lineLength && !fill()) {
          break;
        }
        int k = Math.min(len - n, lineLength - pos);
        System.arraycopy(line, pos, b, off + n, k);
        pos += k;
        n += k;
      }
      return n == 0 && len > 0 ? -1 : n;
    }
  }
}
