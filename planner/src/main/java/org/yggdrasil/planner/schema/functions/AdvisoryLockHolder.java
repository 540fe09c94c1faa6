package org.yggdrasil.planner.schema.functions;

/**
 * A session's handle on the server's advisory locks (PostgreSQL's pg_advisory_lock family).
 * Keys live in two spaces, as in PostgreSQL: one bigint, or two ints. Session-level holds last
 * until unlocked or the session ends; transaction-level holds until the transaction ends.
 */
public interface AdvisoryLockHolder {
  /** Which of PostgreSQL's two key spaces a key belongs to. */
  enum Space { BIGINT, INT_PAIR }

  /** Waits for the lock (cancellable with 57014). */
  void lock(Space space, long key, boolean shared, boolean transactionLevel);

  /** Takes the lock if nobody else holds it in a conflicting mode. */
  boolean tryLock(Space space, long key, boolean shared, boolean transactionLevel);

  /** Releases one session-level hold; false if this session held none. */
  boolean unlock(Space space, long key, boolean shared);

  /** Releases every session-level hold of this session. */
  void unlockAll();
}
