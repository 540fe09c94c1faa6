package org.yggdrasil.slt;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code ./ygg slt [options] [files or globs]}. */
public final class SltMain {
  private SltMain() {}

  static final String USAGE =
      """
      Usage: ./ygg slt [options] [files or globs]

      Runs sqllogictest files through pgjdbc, each in a fresh database, and prints per file:
      records, passed, failed, skipped, time; then failures grouped by cause; then the line
      'N passed, N failed, N skipped'. Exit status 0 only when nothing failed.

      Files are paths on disk or names in the sqllogictest jar relative to its test/ directory:
        select1.test   evidence/*.test   index/between/10/*   random/select/slt_good_1?.test
      A directory on disk stands for every .test file in it, e.g. our own files:
        slt/src/test/resources/ygg
      Quote globs so that the shell does not expand them. Without files: the CI subset
      (select1-4.test and evidence/*.test).

      Options:
        --timeout SEC        per-query timeout (default 30)
        --examples N         example records printed per failure group (default 3)
        --jobs N             files run in parallel, each with its own server (default 2)
        --limit N            run only the first N statement/query records of each file
        --max-queries N      stop each file before its (N+1)-th query record; the statements
                             before it all run (large files keep their setup)
        --sample N           cut each glob down to N files drawn with --seed, but never fewer
                             than one per directory (e.g. --sample 28 'index/**')
        --seed S             seed for --sample and --report (default 4)
        --report             the larger report of issue 4, not run in CI: select5.test, one
                             file of each index/ directory and 50 random/ files drawn with
                             --seed; --timeout defaults to 10 here, and --max-queries to 300
                             for the index/ and random/ files (select5.test runs whole).
                             Prints a table per group (index/between, random/expr, ...).
        --url JDBC_URL       run against this PostgreSQL instead of an in-process Yggdrasil
                             (reference mode; a database is created and dropped per file)
        --reference-pg       start a throwaway PostgreSQL (initdb + pg_ctl, $PGBIN or
                             /usr/lib/postgresql/15/bin) and run against it; records marked
                             'onlyif yggdrasil' are skipped there (alias: --reference)
        --user USER          user for --url (default postgres)
        --password PASS      password for --url
        --no-skip-list       also run the records on the reviewed skip list
        --failures FILE      write every failure as 'file:line<TAB>CATEGORY<TAB>cause'
        --list               print the matching file names and exit
      """;

  public static void main(String[] args) {
    int status;
    try {
      status = run(args, System.out);
    } catch (Throwable t) {
      t.printStackTrace();
      status = 2;
    }
    // Exit even when a server thread is left behind (an engine that failed to close).
    System.exit(status);
  }

  /** The system's one-minute load average (-1 where the OS does not report it). */
  static String loadAverage() {
    double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage();
    return String.format(java.util.Locale.ROOT, "load average %.2f", load);
  }

  public static int run(String[] args, PrintStream out) throws IOException {
    Integer timeoutOption = null;
    int examples = 3;
    int limit = 0;
    Integer maxQueriesOption = null;
    int sample = 0;
    long seed = 4;
    boolean report = false;
    int jobs = Math.min(2, Runtime.getRuntime().availableProcessors());
    String url = null;
    String user = "postgres";
    String password = null;
    boolean useSkipList = true;
    boolean list = false;
    boolean reference = false;
    Path failuresFile = null;
    List<String> names = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "-h", "--help", "help" -> {
          out.print(USAGE);
          return 0;
        }
        case "--timeout" -> timeoutOption = Integer.parseInt(args[++i]);
        case "--max-queries" -> maxQueriesOption = Integer.parseInt(args[++i]);
        case "--sample" -> sample = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--report" -> report = true;
        case "--examples" -> examples = Integer.parseInt(args[++i]);
        case "--jobs", "-j" -> jobs = Integer.parseInt(args[++i]);
        case "--limit" -> limit = Integer.parseInt(args[++i]);
        case "--url" -> url = args[++i];
        case "--user" -> user = args[++i];
        case "--password" -> password = args[++i];
        case "--no-skip-list" -> useSkipList = false;
        case "--failures" -> failuresFile = Path.of(args[++i]);
        case "--list" -> list = true;
        case "--reference-pg", "--reference" -> reference = true;
        default -> {
          if (a.startsWith("--")) {
            System.err.println("slt: unknown option " + a);
            System.err.print(USAGE);
            return 2;
          }
          names.add(a);
        }
      }
    }
    if (report && !names.isEmpty()) {
      System.err.println("slt: --report chooses its own files; give either files or --report");
      return 2;
    }
    int timeout = timeoutOption != null ? timeoutOption : report ? 10 : 30;
    int maxQueries = maxQueriesOption != null ? maxQueriesOption : report ? 300 : 0;
    List<Corpus.Source> sources;
    try {
      sources = report
          ? Corpus.reportSample(seed)
          : Corpus.resolve(names.isEmpty() ? Corpus.CI_SUBSET : names, sample, seed);
    } catch (IllegalArgumentException e) {
      System.err.println("slt: " + e.getMessage());
      return 2;
    }
    if (list) {
      sources.forEach(s -> out.println(s.name()));
      return 0;
    }
    SkipList skips = useSkipList ? SkipList.bundled() : SkipList.empty();
    List<FileResult> results = new ArrayList<>();
    long start = System.nanoTime();
    Target chosen;
    try {
      chosen =
          reference
              ? new LocalPostgres(timeout)
              : url == null
                  ? new Target.InProcess(timeout)
                  : new Target.External(url, user, password, timeout);
    } catch (IOException | InterruptedException | IllegalStateException e) {
      System.err.println("slt: cannot start the reference PostgreSQL: " + e.getMessage());
      return 2;
    }
    try (Target target = chosen) {
      out.println(
          "slt: " + sources.size() + " file(s) against " + target.describe() + ", timeout "
              + timeout + " s, " + jobs + " job(s), skip list " + skips.size() + " entr"
              + (skips.size() == 1 ? "y" : "ies")
              + (maxQueries > 0 ? ", at most " + maxQueries + " queries per file" : "")
              + (report && maxQueries > 0 ? " (select5.test whole)" : "")
              + ", " + loadAverage());
      SltRunner runner = new SltRunner(target, skips, timeout).limit(limit)
          .maxQueries(maxQueries, report ? Corpus::reportCapsQueries : file -> true);
      results.addAll(
          runner.runAll(
              sources,
              jobs,
              r -> {
                out.println(Report.fileLine(r));
                out.flush();
              }));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Report.printGroups(results, examples, out);
    Report.printGroupTable(results, out);
    if (failuresFile != null) {
      List<String> lines = new ArrayList<>();
      results.forEach(r -> r.failures().forEach(f -> lines.add(Report.baselineLine(f))));
      Files.write(failuresFile, lines, StandardCharsets.UTF_8);
    }
    long records = results.stream().mapToLong(FileResult::records).sum();
    out.println();
    out.printf(
        "%d file(s), %d records in %.1f s (%.0f records/s)%n",
        results.size(), records, seconds, records / Math.max(seconds, 1e-9));
    // Records/s depends on what else the machine runs: say so beside the figure.
    out.println(loadAverage() + " at the end, " + Runtime.getRuntime().availableProcessors()
        + " processor(s)");
    String summary = Report.summary(results);
    out.println(summary);
    boolean failed = results.stream().anyMatch(r -> r.failed() > 0 || r.fatal() != null);
    return failed ? 1 : 0;
  }
}
