package org.yggdrasil.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code ./ygg bench}: our engine against DuckDB on perf-anchors' data and queries, back to back
 * in one run. DuckDB goes first (its file mode, then its in-memory mode) and is closed before
 * our server loads, so the two never hold the data at once. Everything is in a temporary
 * directory that is deleted at the end.
 */
public final class BenchMain {
  private final Options options;
  private final PrintStream log;
  private final List<BenchQuery> queries;
  private final List<BenchTable> tables;
  private final Map<Integer, List<QueryOutcome>> outcomes = new LinkedHashMap<>();

  private BenchMain(Options options, PrintStream log) {
    this.options = options;
    this.log = log;
    this.queries = QuerySet.select(options.queries());
    this.tables = BenchTable.usedBy(queries);
    for (int t : options.threads()) {
      List<QueryOutcome> list = new ArrayList<>();
      for (BenchQuery q : queries) {
        list.add(new QueryOutcome(q));
      }
      outcomes.put(t, list);
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--iforest")) {
      org.yggdrasil.bench.iforest.IForestBench.main(args);
      return;
    }
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("ygg bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.print(Options.USAGE);
      return;
    }
    new BenchMain(options, System.out).run();
    // DuckDB's and Netty's threads need not keep the JVM alive.
    System.exit(0);
  }

  private void run() throws Exception {
    String duckVersion = DuckDatabases.version();
    log.printf("Yggdrasil bench: %,d rows per table; %d warm-ups (more up to %d ms), median of %d"
        + " runs; timeout %d s; threads %s%n", options.rows(), options.warmups(),
        options.warmupMs(), options.runs(),
        options.timeout().toSeconds(), options.threads());
    log.println(options.duckdbFetch()
        ? "Results: every row fetched on every engine and path."
        : "Results: ours fetches every row (in-process: the executor hands every row to a sink;"
            + " pgwire: pgjdbc reads them all); DuckDB fetches every row except on the H2O and"
            + " ROW_NUMBER queries, timed as CREATE OR REPLACE TEMP TABLE ans AS … as"
            + " perf-anchors did (--duckdb-fetch fetches those too).");
    log.println(Machine.describe(duckVersion));
    log.println("Tables the queries read: "
        + String.join(", ", tables.stream().map(BenchTable::name).toList()));
    Path dir = Files.createTempDirectory("ygg-bench-");
    // Ctrl-C or a kill ends the JVM without running finally blocks: remove the data then too.
    Thread cleanup = new Thread(() -> deleteTree(dir), "ygg-bench-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    QueryTimer timer = new QueryTimer(options.warmups(),
        Duration.ofMillis(options.warmupMs()), options.runs(), options.timeout(),
        options.slowMs());
    try {
      runDuckDb(dir, timer);
      runOurs(timer);
    } finally {
      timer.close();
      deleteTree(dir);
      Runtime.getRuntime().removeShutdownHook(cleanup);
    }
    log.println();
    log.println("## Results (" + String.format("%,d", options.rows()) + " rows; "
        + Machine.describe(duckVersion).replace("\n", "; ") + ")");
    for (Map.Entry<Integer, List<QueryOutcome>> e : outcomes.entrySet()) {
      Report.print(log, e.getKey(), e.getValue());
    }
  }

  private void runDuckDb(Path dir, QueryTimer timer) throws Exception {
    log.println("\nDuckDB: generating CSV and loading ...");
    Map<TableData, Path> csv = CsvFiles.write(dir, options.rows(), tables, log);
    Path file = dir.resolve("bench.duckdb");
    DuckDatabases.loadFile(file, csv, tables, log);
    for (Path p : csv.values()) {
      Files.deleteIfExists(p);
    }
    try (Connection c = DuckDatabases.openFile(file)) {
      log.println("data checksums (DuckDB):");
      DataChecks.run(c, options.rows(), tables, log);
      runAll("DuckDB file", new JdbcRunner(c, "SET threads = %d", 0, true), timer,
          BenchQuery::duckSql, (o, m) -> o.duckFile = m);
    }
    try (Connection c = DuckDatabases.openMemoryCopy(file, tables, log)) {
      DuckDatabases.deleteQuietly(file);
      runAll("DuckDB memory", new JdbcRunner(c, "SET threads = %d", 0, true), timer,
          BenchQuery::duckSql, (o, m) -> o.duckMemory = m);
    }
  }

  private void runOurs(QueryTimer timer) throws Exception {
    log.println("\nours: loading ...");
    try (OurServer server = new OurServer()) {
      server.load(options.rows(), tables, log);
      try (SessionRunner inProcess =
              new SessionRunner(server.engine(), OurServer.DATABASE, OurServer.USER);
          JdbcRunner pgwire =
              new JdbcRunner(server.connect(), "SET ygg.threads = %d", 10_000, false)) {
        for (int threads : options.threads()) {
          inProcess.threads(threads);
          pgwire.threads(threads);
          for (QueryOutcome o : outcomes.get(threads)) {
            o.inProcess = measure("ours in-process", threads, inProcess, timer,
                o.query.yggSql(), o.query);
            o.pgwire = o.inProcess.status() == Measurement.Status.UNSUPPORTED
                ? o.inProcess
                : measure("ours pgwire", threads, pgwire, timer, o.query.yggSql(), o.query);
          }
        }
      }
    }
  }

  private void runAll(String label, QueryRunner runner, QueryTimer timer,
      Function<BenchQuery, String> sql, BiConsumer<QueryOutcome, Measurement> record)
      throws Exception {
    for (int threads : options.threads()) {
      runner.threads(threads);
      for (QueryOutcome o : outcomes.get(threads)) {
        record.accept(o, measure(label, threads, runner, timer, sql.apply(o.query), o.query));
      }
    }
  }

  private Measurement measure(String label, int threads, QueryRunner runner, QueryTimer timer,
      String sql, BenchQuery query) {
    Measurement m = timer.measure(runner, sql, query.materialized() && !options.duckdbFetch());
    log.printf("  %-15s threads=%d %-20s %s%n", label, threads, query.name(),
        m.ok() ? m.cell() + " ms, " + m.result().count() + " rows, first " + m.result().firstRow()
            + (Double.isNaN(m.othersCores()) ? "" : String.format(java.util.Locale.ROOT,
                " (others used %.2f cores)", m.othersCores()))
            : m.status() + " " + m.message());
    return m;
  }

  private void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      log.println("ygg bench: could not remove " + dir + ": " + e.getMessage());
    }
  }
}
