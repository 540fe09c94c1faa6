package org.yggdrasil.bench;

/**
 * How one query fared on one engine and path: the median of its timed runs, or why there is
 * none.
 *
 * @param runs how many timed runs the median is of
 * @param shortened fewer runs than asked for, because a run was slow
 * @param othersCores CPU other processes used meanwhile, in cores (a shared machine is noisy)
 * @param result the rows of its first run (for the check), null when it did not complete
 * @param cpuMs the median CPU time this process used per timed run (all its threads: query,
 *     collector, DuckDB's), which other processes' load disturbs far less than elapsed time
 */
public record Measurement(Status status, String message, double medianMs, int runs,
    boolean shortened, double othersCores, ResultRows result, double cpuMs) {

  /** Whether the query ran, and if not, why. */
  public enum Status { OK, UNSUPPORTED, FAILED, TIMEOUT, SKIPPED }

  static Measurement failed(Status status, String message) {
    return new Measurement(status, message, Double.NaN, 0, false, Double.NaN, null, Double.NaN);
  }

  public boolean ok() {
    return status == Status.OK;
  }

  /** The table cell: milliseconds, or why not. */
  public String cell() {
    return switch (status) {
      case OK -> Report.millis(medianMs) + (shortened ? "¹" : "");
      case UNSUPPORTED -> "unsupported";
      case FAILED -> "error";
      case TIMEOUT -> "timeout";
      case SKIPPED -> "-";
    };
  }
}
