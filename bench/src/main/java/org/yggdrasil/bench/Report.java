package org.yggdrasil.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints the results: one table per thread setting, the summary figures, then the notes. */
final class Report {
  private Report() {}

  static String millis(double ms) {
    if (ms >= 100) {
      return String.format(Locale.ROOT, "%.0f", ms);
    }
    return String.format(Locale.ROOT, ms >= 10 ? "%.1f" : "%.2f", ms);
  }

  static void print(PrintStream out, int threads, List<QueryOutcome> outcomes) {
    out.println();
    out.printf("### threads = %d (ours: SET ygg.threads = %d; DuckDB: SET threads = %d)%n%n",
        threads, threads, threads);
    List<String[]> table = new ArrayList<>();
    table.add(new String[] {"query", "ours in-process ms", "ours pgwire ms",
        "DuckDB mem / file ms", "DuckDB/ours", "CPU ms ours / DuckDB", "CPU DuckDB/ours",
        "others' load", "check"});
    List<String> notes = new ArrayList<>();
    double logSum = 0;
    int compared = 0;
    int faster = 0;
    for (QueryOutcome o : outcomes) {
      double ratio = o.ratio();
      if (!Double.isNaN(ratio)) {
        logSum += Math.log(ratio);
        compared++;
        faster += ratio > 1 ? 1 : 0;
      }
      table.add(new String[] {o.query.name() + (o.query.extra() ? " †" : ""),
          o.inProcess.cell(), o.pgwire.cell(), duckCell(o),
          Double.isNaN(ratio) ? "-" : ratio(ratio), cpuCell(o), cpuRatio(o), load(o),
          o.checkCell()});
      for (String p : o.problems()) {
        notes.add(o.query.name() + ": " + p);
      }
    }
    printTable(out, table);
    out.println();
    if (compared > 0) {
      out.printf(Locale.ROOT, "geometric-mean speed-up (DuckDB best / ours in-process): %.3g× over"
          + " %d queries; ours faster on %d of %d%n", Math.exp(logSum / compared), compared,
          faster, compared);
    } else {
      out.println("no query ran on both engines");
    }
    out.println("(* = DuckDB's faster mode; ¹ = fewer timed runs, the query was slow;"
        + " † = not in perf-anchors' list; others' load = the most CPU other processes used"
        + " during the query's timed runs, in cores: above ~0.15 the figures are noisy; CPU = the"
        + " median CPU time the whole process used per run, the collector's and DuckDB's threads"
        + " included, which a loaded machine disturbs less)");
    if (!notes.isEmpty()) {
      out.println("notes:");
      for (String n : notes) {
        out.println("  " + n);
      }
    }
  }

  /** The most other processes used during any of the query's four measurements, in cores. */
  private static String load(QueryOutcome o) {
    double max = Double.NaN;
    for (Measurement m : List.of(o.inProcess, o.pgwire, o.duckMemory, o.duckFile)) {
      if (m.ok() && !Double.isNaN(m.othersCores())) {
        max = Double.isNaN(max) ? m.othersCores() : Math.max(max, m.othersCores());
      }
    }
    return Double.isNaN(max) ? "-" : String.format(Locale.ROOT, "%.2f", max);
  }

  /** The least CPU time either DuckDB mode used, NaN when neither ran. */
  private static double duckCpu(QueryOutcome o) {
    double best = Double.NaN;
    for (Measurement m : List.of(o.duckMemory, o.duckFile)) {
      if (m.ok() && !Double.isNaN(m.cpuMs())) {
        best = Double.isNaN(best) ? m.cpuMs() : Math.min(best, m.cpuMs());
      }
    }
    return best;
  }

  private static String cpuCell(QueryOutcome o) {
    double duck = duckCpu(o);
    String ours = o.inProcess.ok() && !Double.isNaN(o.inProcess.cpuMs())
        ? millis(o.inProcess.cpuMs()) : "-";
    return ours + " / " + (Double.isNaN(duck) ? "-" : millis(duck));
  }

  private static String cpuRatio(QueryOutcome o) {
    double duck = duckCpu(o);
    if (!o.inProcess.ok() || Double.isNaN(duck) || !(o.inProcess.cpuMs() > 0)) {
      return "-";
    }
    return ratio(duck / o.inProcess.cpuMs());
  }

  private static String ratio(double r) {
    return String.format(Locale.ROOT, r >= 10 ? "%.1f" : r >= 0.1 ? "%.2f" : "%.2g", r);
  }

  private static String duckCell(QueryOutcome o) {
    Measurement best = o.duckBest();
    String mem = o.duckMemory.cell() + (best == o.duckMemory ? "*" : "");
    String file = o.duckFile.cell() + (best == o.duckFile ? "*" : "");
    return mem + " / " + file;
  }

  /** A Markdown table, columns padded so it also reads as plain text. */
  private static void printTable(PrintStream out, List<String[]> rows) {
    int[] width = new int[rows.getFirst().length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    for (int k = 0; k < rows.size(); k++) {
      String[] r = rows.get(k);
      StringBuilder sb = new StringBuilder("|");
      for (int i = 0; i < r.length; i++) {
        String cell = i == 0 || i == r.length - 1 || k == 0
            ? pad(r[i], width[i], false) : pad(r[i], width[i], true);
        sb.append(' ').append(cell).append(" |");
      }
      out.println(sb);
      if (k == 0) {
        StringBuilder rule = new StringBuilder("|");
        for (int i = 0; i < r.length; i++) {
          boolean right = i != 0 && i != r.length - 1;
          rule.append(right ? "-".repeat(width[i] + 1) + ":|" : "-".repeat(width[i] + 2) + "|");
        }
        out.println(rule);
      }
    }
  }

  private static String pad(String s, int width, boolean right) {
    String space = " ".repeat(Math.max(0, width - s.length()));
    return right ? space + s : s + space;
  }
}
