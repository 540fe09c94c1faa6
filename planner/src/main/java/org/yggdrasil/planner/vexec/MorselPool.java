package org.yggdrasil.planner.vexec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.calcite.DataContext;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.storage.nativestore.TableVersion;

/**
 * The threads vectorized operators run their workers on: the calling thread runs the first, the
 * others run on a shared daemon pool; each worker claims chunks (morsels) until none are left.
 */
final class MorselPool {
  /** The DataContext variable carrying the session's {@code ygg.threads}. */
  static final String THREADS_VARIABLE = "ygg.threads";

  private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "ygg-vexec");
    t.setDaemon(true);
    return t;
  });

  private MorselPool() {}

  /** How many workers a scan of {@code chunks} chunks uses: ygg.threads, at most one per chunk. */
  static int workers(DataContext root, int chunks) {
    Object v = root.get(THREADS_VARIABLE);
    int threads = v instanceof Number n ? n.intValue() : Runtime.getRuntime().availableProcessors();
    return Math.max(1, Math.min(threads, chunks));
  }

  /**
   * Runs as many workers as {@link #workers} allows over the table's chunks, each made by
   * {@code newWorker} with the shared chunk counter and the statement's cancel flag, then merges
   * every other worker into the first and returns it.
   */
  static <W extends MorselWorker> W runMerged(DataContext root, TableVersion table,
      BiFunction<AtomicInteger, AtomicBoolean, W> newWorker, BiConsumer<W, W> mergeInto) {
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean cancel = DataContext.Variable.CANCEL_FLAG.get(root);
    List<W> workers = new ArrayList<>();
    for (int i = 0, n = workers(root, table.chunkCount()); i < n; i++) {
      workers.add(newWorker.apply(next, cancel));
    }
    runAll(workers);
    W first = workers.get(0);
    for (int i = 1; i < workers.size(); i++) {
      mergeInto.accept(first, workers.get(i));
    }
    return first;
  }

  /** Runs every worker to completion, rethrowing the first failure. */
  static void runAll(List<? extends Runnable> workers) {
    List<Callable<Void>> tasks = new ArrayList<>(workers.size());
    for (Runnable w : workers) {
      tasks.add(() -> {
        w.run();
        return null;
      });
    }
    callAll(tasks);
  }

  /**
   * Runs every task, the first on the calling thread, and returns their results in task order;
   * the first failure is rethrown.
   */
  static <T> List<T> callAll(List<Callable<T>> tasks) {
    List<Future<T>> running = new ArrayList<>();
    for (int i = 1; i < tasks.size(); i++) {
      running.add(POOL.submit(tasks.get(i)));
    }
    List<T> results = new ArrayList<>(tasks.size());
    try {
      results.add(tasks.get(0).call());
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    for (Future<T> f : running) {
      try {
        results.add(f.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SqlStateException(SqlState.QUERY_CANCELED, "canceling statement: interrupted");
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
    return results;
  }
}
