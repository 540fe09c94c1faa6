package org.yggdrasil.bench;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * Times a query as perf-anchors §1 did: warm-up runs, then timed runs (System.nanoTime around
 * the whole call, every row fetched), the median reported. Warm-ups continue until they have
 * taken a minimum time (capped in count), the same for every engine, so that a query of a few
 * microseconds is measured warm rather than in the interpreter. The first run's rows are kept for
 * the result check. A run longer than the timeout is cancelled; a run longer than the slow
 * threshold ends the warm-ups and leaves one timed run, so the slow path does not take all day.
 */
public final class QueryTimer {
  private static final Duration CANCEL_GRACE = Duration.ofSeconds(60);

  /** Warm-ups added to reach the minimum warm-up time stop here. */
  private static final int MAX_WARMUPS = 5_000;

  private final int warmups;
  private final long warmupNanos;
  private final int runs;
  private final Duration timeout;
  private final long slowMs;
  private ExecutorService worker = newWorker();

  public QueryTimer(int warmups, Duration minWarmup, int runs, Duration timeout, long slowMs) {
    this.warmups = warmups;
    this.warmupNanos = minWarmup.toNanos();
    this.runs = runs;
    this.timeout = timeout;
    this.slowMs = slowMs;
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "bench-query");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * @param materialize time the query into a temporary table where the runner can (the first
   *     warm-up still fetches the rows for the check, untimed unless there are no warm-ups)
   */
  public Measurement measure(QueryRunner runner, String sql, boolean materialize) {
    ResultRows first = new ResultRows();
    double[] timed = new double[runs];
    double[] cpu = new double[runs];
    int done = 0;
    int planned = runs;
    double othersCores;
    boolean collect = true;
    try {
      long warmStart = System.nanoTime();
      for (int i = 0; i < warmups || (i > 0 && i < MAX_WARMUPS
          && System.nanoTime() - warmStart < warmupNanos); i++) {
        double ms = once(runner, sql, materialize, collect ? first : null);
        collect = false;
        if (ms > slowMs) {
          planned = 1;
          break;
        }
      }
      CpuLoad load = CpuLoad.start();
      while (done < planned) {
        double ms = once(runner, sql, materialize, collect ? first : null);
        collect = false;
        cpu[done] = lastCpuMs;
        timed[done++] = ms;
        if (ms > slowMs) {
          break;
        }
      }
      othersCores = load.othersCores();
    } catch (TimeoutException e) {
      return Measurement.failed(Measurement.Status.TIMEOUT, "over " + timeout.toSeconds() + " s");
    } catch (SQLException e) {
      return Measurement.failed(classify(e.getSQLState(), e.getMessage()),
          e.getSQLState() + ": " + firstLine(e.getMessage()));
    } catch (SqlStateException e) {
      return Measurement.failed(classify(e.state().code(), e.getMessage()),
          e.state().code() + ": " + firstLine(e.getMessage()));
    } catch (Exception e) {
      return Measurement.failed(Measurement.Status.FAILED, e.toString());
    }
    return new Measurement(Measurement.Status.OK, null, median(timed, done), done, done < runs,
        othersCores, first, median(cpu, done));
  }

  private static double median(double[] values, int n) {
    double[] sample = Arrays.copyOf(values, n);
    Arrays.sort(sample);
    return n % 2 == 1 ? sample[n / 2] : (sample[n / 2 - 1] + sample[n / 2]) / 2;
  }

  /** CPU time of the last {@link #once} run, in ms (NaN where the JVM cannot tell). */
  private double lastCpuMs = Double.NaN;

  private static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
  }

  /**
   * Feature gaps (class 0A), what the parser or binder refuses (class 42) and plans Calcite has
   * no executable operator for ("not enough rules") are "unsupported"; the rest are errors.
   */
  private static Measurement.Status classify(String sqlState, String message) {
    boolean unsupported = sqlState != null
        && (sqlState.startsWith("0A") || sqlState.startsWith("42"))
        || message != null && message.contains("There are not enough rules");
    return unsupported ? Measurement.Status.UNSUPPORTED : Measurement.Status.FAILED;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private double once(QueryRunner runner, String sql, boolean materialize, ResultRows into)
      throws Exception {
    long cpuStart = processCpuNanos();
    // Timed on the worker thread, around the call alone: handing the run to the worker (which
    // exists so a stuck query can be abandoned) costs tens of microseconds that are the
    // harness's, not the engine's.
    Future<Long> run = worker.submit(() -> {
      long start = System.nanoTime();
      runner.run(sql, materialize, into);
      return System.nanoTime() - start;
    });
    long elapsedNanos;
    try {
      elapsedNanos = run.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      runner.cancel();
      try {
        run.get(CANCEL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException stuck) {
        // The query ignores the cancel: leave its thread behind and carry on with a new one.
        worker.shutdownNow();
        worker = newWorker();
      } catch (ExecutionException cancelled) {
        // The expected 57014.
      }
      throw e;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
    double ms = elapsedNanos / 1e6;
    long cpuEnd = processCpuNanos();
    lastCpuMs = cpuStart < 0 || cpuEnd < 0 ? Double.NaN : (cpuEnd - cpuStart) / 1e6;
    return ms;
  }

  public void close() {
    worker.shutdownNow();
  }
}
