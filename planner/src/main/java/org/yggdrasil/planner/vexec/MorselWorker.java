package org.yggdrasil.planner.vexec;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.yggdrasil.accel.kernels.Bitmaps;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.storage.nativestore.TableVersion;

/**
 * One thread's share of a vectorized scan: claims chunks (morsels) from a shared counter until
 * none are left, checking the statement's cancel flag between chunks. Subclasses process one
 * chunk at a time into their own state, which the runner merges afterwards.
 */
abstract class MorselWorker implements Runnable {
  private final AtomicInteger next;
  private final AtomicBoolean cancel;
  final int chunkCount;
  final int chunkRows;

  MorselWorker(TableVersion table, AtomicInteger next, AtomicBoolean cancel) {
    this.next = next;
    this.cancel = cancel;
    this.chunkCount = table.chunkCount();
    this.chunkRows = table.chunkRows();
  }

  @Override
  public final void run() {
    long[] sel = new long[Bitmaps.words(chunkRows)];
    for (int c = next.getAndIncrement(); c < chunkCount; c = next.getAndIncrement()) {
      if (cancel != null && cancel.get()) {
        throw new SqlStateException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
      }
      process(c, sel);
    }
  }

  /** Processes chunk {@code index}; {@code sel} is this worker's selection bitmap scratch. */
  abstract void process(int index, long[] sel);
}
