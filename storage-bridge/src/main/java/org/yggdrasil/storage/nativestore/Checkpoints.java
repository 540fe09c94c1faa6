package org.yggdrasil.storage.nativestore;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When the refs checkpoint is rewritten. The log is the commit point (one fsync per group of
 * commits); the refs file only bounds how much log an open replays, so it is rewritten every
 * {@value #EVERY_FLUSHES_DEFAULT} flushes or {@value #EVERY_BYTES_DEFAULT} appended bytes, on close,
 * and whenever the set of segments changed (a commit in a segment no checkpoint lists would not be
 * found on open). Snapshots of the refs are numbered in log order so that a slow writer never puts
 * an older checkpoint over a newer one (gc writes one while a commit's flush may be running).
 */
final class Checkpoints {
  static final int EVERY_FLUSHES_DEFAULT = 1000;
  static final long EVERY_BYTES_DEFAULT = 64L << 20;
  private static final int EVERY_FLUSHES = Integer.getInteger("ygg.native.checkpointFlushes", EVERY_FLUSHES_DEFAULT);
  private static final long EVERY_BYTES = Long.getLong("ygg.native.checkpointBytes", EVERY_BYTES_DEFAULT);

  private final DiskStore store;
  private final AtomicLong taken = new AtomicLong();
  private long written;
  private Set<Integer> segments;
  private long writtenTicket;
  private int flushesSince;

  Checkpoints(DiskStore store) {
    this.store = store;
  }

  /** Numbers a snapshot of the refs; call while the log cannot advance (under the ref lock). */
  long number() {
    return taken.incrementAndGet();
  }

  /**
   * After the log was forced up to {@code ticket}: writes snapshot {@code number} as the refs file
   * when a checkpoint is due (always when {@code force}), unless a newer one is already written.
   */
  synchronized void afterFlush(long number, DiskStore.Refs refs, long ticket, boolean force) throws IOException {
    flushesSince++;
    boolean due = force || segments == null || !segments.equals(refs.segments().keySet())
        || flushesSince >= EVERY_FLUSHES || ticket - writtenTicket >= EVERY_BYTES;
    if (!due || number <= written) {
      return;
    }
    store.writeRefs(refs);
    written = number;
    segments = Set.copyOf(refs.segments().keySet());
    writtenTicket = ticket;
    flushesSince = 0;
  }
}
