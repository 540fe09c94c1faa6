package org.yggdrasil.slt;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yggdrasil.slt.Failure.Category;

/** Prints per-file lines, failures grouped by cause (largest first), and the summary line. */
public final class Report {
  private Report() {}

  public static String fileLine(FileResult r) {
    return String.format(
        "%-44s records %6d  passed %6d  failed %5d  skipped %5d  %8.1f s%s",
        r.file(),
        r.records(),
        r.passed(),
        r.failed(),
        r.skipped(),
        r.millis() / 1000.0,
        r.fatal() == null ? "" : "  ABORTED: " + r.fatal());
  }

  public static String summary(List<FileResult> results) {
    long passed = results.stream().mapToLong(FileResult::passed).sum();
    long failed = results.stream().mapToLong(r -> r.failed() + (r.fatal() == null ? 0 : 1)).sum();
    long skipped = results.stream().mapToLong(FileResult::skipped).sum();
    return passed + " passed, " + failed + " failed, " + skipped + " skipped";
  }

  /** Failures grouped by category, then by cause, largest first, with a few examples each. */
  public static void printGroups(List<FileResult> results, int examples, PrintStream out) {
    List<Failure> all = new ArrayList<>();
    results.forEach(r -> all.addAll(r.failures()));
    if (all.isEmpty()) {
      return;
    }
    Map<Category, List<Failure>> byCategory =
        all.stream().collect(Collectors.groupingBy(Failure::category));
    out.println();
    out.println("Failures by cause (largest first):");
    byCategory.entrySet().stream()
        .sorted(Comparator.comparingInt(e -> -e.getValue().size()))
        .forEach(
            ce -> {
              out.printf("%n== %s: %d%n", ce.getKey().label, ce.getValue().size());
              Map<String, List<Failure>> byCause = new LinkedHashMap<>();
              ce.getValue().forEach(
                  f -> byCause.computeIfAbsent(f.cause(), k -> new ArrayList<>()).add(f));
              byCause.entrySet().stream()
                  .sorted(Comparator.comparingInt(e -> -e.getValue().size()))
                  .forEach(
                      e -> {
                        out.printf("  %5d  %s%n", e.getValue().size(), e.getKey());
                        for (Failure f : e.getValue().subList(0, Math.min(examples, e.getValue().size()))) {
                          out.printf("           %s  %s%n", f.where(), oneLine(f.sql(), 160));
                          out.printf("             -> %s%n", oneLine(f.detail(), 200));
                        }
                      });
            });
  }

  /**
   * Records per group of files (select5.test, index/between, random/expr, ...), when the run
   * has more than one group: files, records, passed, failed, skipped, pass rate of the records
   * that ran, time, records per second of that time.
   */
  public static void printGroupTable(List<FileResult> results, PrintStream out) {
    Map<String, List<FileResult>> groups = new java.util.TreeMap<>();
    results.forEach(r -> groups.computeIfAbsent(group(r.file()), k -> new ArrayList<>()).add(r));
    if (groups.size() < 2) {
      return;
    }
    out.println();
    out.printf("%-22s %5s %8s %8s %6s %8s %8s %9s %9s%n",
        "group", "files", "records", "passed", "failed", "skipped", "pass %", "time s", "records/s");
    groups.forEach((name, rs) -> out.println(groupLine(name, rs)));
    out.println(groupLine("total", results));
  }

  private static String groupLine(String name, List<FileResult> rs) {
    long records = rs.stream().mapToLong(FileResult::records).sum();
    long passed = rs.stream().mapToLong(FileResult::passed).sum();
    long failed = rs.stream().mapToLong(r -> r.failed() + (r.fatal() == null ? 0 : 1)).sum();
    long skipped = rs.stream().mapToLong(FileResult::skipped).sum();
    double seconds = rs.stream().mapToLong(FileResult::millis).sum() / 1000.0;
    double rate = passed + failed == 0 ? 100.0 : 100.0 * passed / (passed + failed);
    return String.format("%-22s %5d %8d %8d %6d %8d %8.2f %9.1f %9.1f", name, rs.size(), records,
        passed, failed, skipped, rate, seconds, records / Math.max(seconds, 1e-9));
  }

  /** index/between/10/slt_good_1.test and random/expr/x.test group by their first two parts. */
  static String group(String file) {
    String[] parts = file.split("/");
    return parts.length >= 3 ? parts[0] + "/" + parts[1] : parts.length == 2 ? parts[0] : file;
  }

  static String oneLine(String s, int max) {
    String t = s.replaceAll("\\s+", " ").strip();
    return t.length() > max ? t.substring(0, max) + " …" : t;
  }

  /** One line per failure in the known-failures baseline format. */
  public static String baselineLine(Failure f) {
    return f.where() + "\t" + f.category().name() + "\t" + f.cause();
  }
}
