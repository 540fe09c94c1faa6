package org.yggdrasil.storage.nativestore;

/**
 * A named pointer to a commit. {@link #head}/{@link #headCommit} is the published (durable) head
 * that readers and new transactions see, read without locking. {@link #tip}/{@link #tipState} is
 * the latest commit appended (possibly still waiting for its group fsync): committers rebase onto
 * it. Both change while holding this object's monitor; the tip never lags behind the head.
 */
final class Branch {
  final String name;
  volatile DbState head;
  volatile Commit headCommit;
  long headSeq;
  /** Written under the database's ref lock (and this monitor), so the refs writer reads it under that lock. */
  volatile Commit tip;
  volatile DbState tipState;
  long tipSeq;
  volatile boolean dropped;

  Branch(String name, Commit commit, DbState state) {
    this.name = name;
    this.head = state;
    this.headCommit = commit;
    this.tip = commit;
    this.tipState = state;
  }
}
