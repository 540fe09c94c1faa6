package org.yggdrasil.accel.iforest;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Runs tasks {@code 0..count)} on up to {@code threads} threads, the caller's among them, each
 * thread taking the next task as it finishes one. A failure stops the handing out of tasks and
 * the lowest-numbered one is rethrown, so the error a caller sees does not depend on timing.
 */
final class Fanout {
  private Fanout() {}

  /** {@code worker} makes each thread's task runner (one per thread, so it may own scratch space). */
  static void run(int count, int threads, Supplier<IntConsumer> worker) {
    int n = Math.min(threads, count);
    if (n <= 1) {
      IntConsumer body = worker.get();
      for (int i = 0; i < count; i++) {
        body.accept(i);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    Failure failure = new Failure();
    Runnable loop = () -> {
      try {
        IntConsumer body = worker.get();
        for (int i; !failure.seen() && (i = next.getAndIncrement()) < count; ) {
          try {
            body.accept(i);
          } catch (Throwable t) {
            failure.record(i, t);
          }
        }
      } catch (Throwable t) {
        failure.record(-1, t);
      }
    };
    Thread[] helpers = new Thread[n - 1];
    for (int h = 0; h < helpers.length; h++) {
      helpers[h] = Thread.ofPlatform().daemon().name("ygg-iforest-" + h).start(loop);
    }
    loop.run();
    for (Thread h : helpers) {
      boolean interrupted = false;
      while (true) {
        try {
          h.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // the helpers finish their task promptly; wait for them regardless
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    failure.rethrow();
  }

  private static final class Failure {
    private int task = Integer.MAX_VALUE;
    private Throwable error;
    private volatile boolean seen;

    boolean seen() {
      return seen;
    }

    synchronized void record(int i, Throwable t) {
      if (error == null || i < task) {
        task = i;
        error = t;
      }
      seen = true;
    }

    synchronized void rethrow() {
      if (error instanceof RuntimeException r) {
        throw r;
      }
      if (error instanceof Error e) {
        throw e;
      }
      if (error != null) {
        throw new IllegalStateException(error);
      }
    }
  }
}
