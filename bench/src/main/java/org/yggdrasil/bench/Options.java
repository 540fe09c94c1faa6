package org.yggdrasil.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./ygg bench} options.
 *
 * @param threads thread counts to run the whole set with ("all" = the cores)
 * @param slowMs a run longer than this ends the warm-ups and leaves a single timed run
 * @param warmupMs warm-ups go on until they have taken this long (with {@code warmups} > 0)
 */
public record Options(int rows, List<String> queries, int runs, int warmups, long warmupMs,
    List<Integer> threads, Duration timeout, long slowMs, boolean duckdbFetch, boolean help) {

  static final String USAGE = """
      Usage: ./ygg bench [options]
        Loads perf-anchors' seeded data sets (lineitem, lineitem_dec, x, hits) into our server
        (in memory) and into DuckDB (in-memory and file mode), runs the query set on each and
        prints a table: ours in-process and over pgwire against DuckDB's faster mode.
        --rows N          rows per table (default 10000000; the checksums are for 10M)
        --queries a,b,..  run only these queries (default: the whole set)
        --runs N          timed runs per query, the median is reported (default 5)
        --warmups N       untimed runs before them (default 2)
        --warmup-ms MS    and more until the warm-ups have taken MS (default 500): a
                          sub-millisecond query is timed JIT-warm, as in a long-running
                          server, not after two runs
        --threads LIST    thread settings to run the set with, e.g. 1,all (default 1,all)
        --timeout S       cancel a query running longer than S seconds (default 120)
        --slow-ms MS      after a run longer than MS, time a single run (default 30000)
        --duckdb-fetch    time DuckDB by fetching every row on all queries, not into a
                          temp table on the H2O and ROW_NUMBER ones (perf-anchors' way)
      ./ygg bench --iforest [options]: isolation forest against scikit-learn (--iforest --help)
      """;

  static Options parse(String[] args) {
    int rows = BenchTable.SPEC_ROWS;
    List<String> queries = List.of();
    int runs = 5;
    int warmups = 2;
    long warmupMs = 500;
    List<Integer> threads = List.of(1, cores());
    Duration timeout = Duration.ofSeconds(120);
    long slowMs = 30_000;
    boolean duckdbFetch = false;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--help", "-h" -> help = true;
        case "--duckdb-fetch" -> duckdbFetch = true;
        case "--rows" -> rows = positive(a, value(args, ++i, a));
        case "--queries" -> queries = Arrays.stream(value(args, ++i, a).split(","))
            .map(String::trim).filter(s -> !s.isEmpty()).toList();
        case "--runs" -> runs = positive(a, value(args, ++i, a));
        case "--warmups" -> warmups = atLeastZero(a, value(args, ++i, a));
        case "--warmup-ms" -> warmupMs = atLeastZero(a, value(args, ++i, a));
        case "--threads" -> threads = threads(value(args, ++i, a));
        case "--timeout" -> timeout = Duration.ofSeconds(positive(a, value(args, ++i, a)));
        case "--slow-ms" -> slowMs = positive(a, value(args, ++i, a));
        default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
      }
    }
    QuerySet.select(queries); // unknown names fail here, before any loading
    return new Options(rows, queries, runs, warmups, warmupMs, threads, timeout, slowMs, duckdbFetch,
        help);
  }

  static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
    }
    return args[i];
  }

  private static int positive(String option, String v) {
    int n = atLeastZero(option, v);
    if (n == 0) {
      throw new IllegalArgumentException(option + " must be at least 1");
    }
    return n;
  }

  private static int atLeastZero(String option, String v) {
    try {
      int n = Integer.parseInt(v.replace("_", ""));
      if (n < 0) {
        throw new IllegalArgumentException(option + " must not be negative");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a whole number, not " + v);
    }
  }

  private static List<Integer> threads(String list) {
    List<Integer> out = new ArrayList<>();
    for (String t : list.split(",")) {
      t = t.trim();
      int n = t.equalsIgnoreCase("all") ? cores() : positive("--threads", t);
      if (!out.contains(n)) {
        out.add(n);
      }
    }
    return List.copyOf(out);
  }
}
