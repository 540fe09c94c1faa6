package org.yggdrasil.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How many times a query runs: the warm-ups asked for, more up to the minimum warm-up time. */
class QueryTimerTest {

  /** A query that answers at once and counts its runs. */
  private static final class CountingRunner implements QueryRunner {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public void threads(int threads) {}

    @Override
    public long run(String sql, boolean materialize, ResultRows into) {
      calls.incrementAndGet();
      return 0;
    }

    @Override
    public void cancel() {}

    @Override
    public void close() {}
  }

  private static int callsFor(int warmups, Duration minWarmup, int runs) {
    CountingRunner runner = new CountingRunner();
    QueryTimer timer = new QueryTimer(warmups, minWarmup, runs, Duration.ofSeconds(10), 30_000);
    try {
      Measurement m = timer.measure(runner, "SELECT 1", false);
      assertEquals(Measurement.Status.OK, m.status());
    } finally {
      timer.close();
    }
    return runner.calls.get();
  }

  @Test
  void withoutAMinimumTimeTheCountsAreExact() {
    assertEquals(2 + 5, callsFor(2, Duration.ZERO, 5));
  }

  @Test
  void aFastQueryWarmsUpUntilTheMinimumTimeHasPassed() {
    assertTrue(callsFor(2, Duration.ofMillis(100), 5) > 2 + 5 + 10);
  }

  @Test
  void noWarmupsMeansNone() {
    assertEquals(3, callsFor(0, Duration.ofMillis(100), 3));
  }
}
