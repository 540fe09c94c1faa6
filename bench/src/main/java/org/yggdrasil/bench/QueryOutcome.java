package org.yggdrasil.bench;

import java.util.ArrayList;
import java.util.List;

/** One query at one thread setting: its four measurements, and what the result check found. */
final class QueryOutcome {
  final BenchQuery query;
  Measurement duckMemory = Measurement.failed(Measurement.Status.SKIPPED, null);
  Measurement duckFile = Measurement.failed(Measurement.Status.SKIPPED, null);
  Measurement inProcess = Measurement.failed(Measurement.Status.SKIPPED, null);
  Measurement pgwire = Measurement.failed(Measurement.Status.SKIPPED, null);

  QueryOutcome(BenchQuery query) {
    this.query = query;
  }

  /** DuckDB's faster mode, or null when neither ran. */
  Measurement duckBest() {
    if (duckMemory.ok() && duckFile.ok()) {
      return duckMemory.medianMs() <= duckFile.medianMs() ? duckMemory : duckFile;
    }
    return duckMemory.ok() ? duckMemory : duckFile.ok() ? duckFile : null;
  }

  /** DuckDB's time over ours in-process (> 1: we are faster), NaN when either is missing. */
  double ratio() {
    Measurement best = duckBest();
    return best == null || !inProcess.ok() ? Double.NaN : best.medianMs() / inProcess.medianMs();
  }

  /** The rows every other result is checked against: DuckDB in memory (else its file mode). */
  private ResultRows reference() {
    return duckMemory.ok() ? duckMemory.result() : duckFile.ok() ? duckFile.result() : null;
  }

  private List<String> problems;

  /**
   * Problems with this query's results or runs, one line each; empty when all agree. Worked out
   * once, when every measurement is in (the report asks twice; sorting large results is slow).
   */
  List<String> problems() {
    if (problems == null) {
      problems = findProblems();
    }
    return problems;
  }

  private List<String> findProblems() {
    List<String> out = new ArrayList<>();
    ResultRows reference = reference();
    compare("DuckDB file", duckFile, reference, out);
    compare("in-process", inProcess, reference, out);
    compare("pgwire", pgwire, reference, out);
    if (!duckMemory.ok() && duckMemory.status() != Measurement.Status.SKIPPED) {
      out.add("DuckDB memory: " + duckMemory.status().name().toLowerCase() + " "
          + duckMemory.message());
    }
    return out;
  }

  private void compare(String label, Measurement m, ResultRows reference, List<String> out) {
    if (!m.ok()) {
      if (m.status() != Measurement.Status.SKIPPED) {
        out.add(label + ": " + m.status().name().toLowerCase() + " " + m.message());
      }
      return;
    }
    if (reference == null || m.result() == reference) {
      return;
    }
    String d = ResultCheck.difference(reference, m.result(), query.ordered());
    if (d != null) {
      out.add(label + " result differs: " + d);
    }
  }

  /** The table's check cell. */
  String checkCell() {
    ResultRows reference = reference();
    if (reference == null) {
      return "no reference";
    }
    if (problems().stream().anyMatch(p -> p.contains("result differs"))) {
      return "MISMATCH";
    }
    if (!inProcess.ok() && !pgwire.ok()) {
      return "-";
    }
    return "ok (" + reference.count() + " rows)";
  }
}
