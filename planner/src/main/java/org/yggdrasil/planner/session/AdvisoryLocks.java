package org.yggdrasil.planner.session;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.schema.functions.AdvisoryLockHolder;
import org.yggdrasil.planner.schema.functions.AdvisoryLockHolder.Space;

/**
 * The server's advisory lock table: per (database, key space, key) the sessions holding it,
 * exclusively or shared, each hold counted (a session may take a lock several times and must
 * release it as often), session-level and transaction-level separately. Waiters poll their
 * cancel flag, so CancelRequest and statement_timeout end a wait with 57014.
 */
public final class AdvisoryLocks {
  private record Key(String database, Space space, long key) {}

  /** One session's holds on one key: exclusive/shared × session/transaction level. */
  private static final class Holds {
    int exclusiveSession;
    int exclusiveXact;
    int sharedSession;
    int sharedXact;

    boolean exclusive() {
      return exclusiveSession + exclusiveXact > 0;
    }

    boolean any() {
      return exclusive() || sharedSession + sharedXact > 0;
    }
  }

  private final Map<Key, Map<Integer, Holds>> table = new HashMap<>();

  /** A session's handle; {@link #endTransaction} and {@link #release} are called by the session. */
  public Session forSession(String database, int processId, AtomicBoolean cancel) {
    return new Session(database, processId, cancel);
  }

  private synchronized boolean acquire(Key key, int pid, boolean shared, boolean xact,
      AtomicBoolean cancel, boolean wait) {
    while (true) {
      Map<Integer, Holds> holders = table.computeIfAbsent(key, k -> new HashMap<>());
      if (compatible(holders, pid, shared)) {
        Holds h = holders.computeIfAbsent(pid, p -> new Holds());
        if (shared) {
          if (xact) {
            h.sharedXact++;
          } else {
            h.sharedSession++;
          }
        } else if (xact) {
          h.exclusiveXact++;
        } else {
          h.exclusiveSession++;
        }
        return true;
      }
      if (!wait) {
        return false;
      }
      if (cancel != null && cancel.get()) {
        throw new SqlStateException(SqlState.QUERY_CANCELED,
            "canceling statement due to user request");
      }
      try {
        wait(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SqlStateException(SqlState.QUERY_CANCELED,
            "canceling statement due to user request");
      }
    }
  }

  private static boolean compatible(Map<Integer, Holds> holders, int pid, boolean shared) {
    for (Map.Entry<Integer, Holds> e : holders.entrySet()) {
      if (e.getKey() != pid && (e.getValue().exclusive() || !shared && e.getValue().any())) {
        return false;
      }
    }
    return true;
  }

  private synchronized boolean releaseOne(Key key, int pid, boolean shared) {
    Map<Integer, Holds> holders = table.get(key);
    Holds h = holders == null ? null : holders.get(pid);
    if (h == null) {
      return false;
    }
    if (shared ? h.sharedSession == 0 : h.exclusiveSession == 0) {
      return false;
    }
    if (shared) {
      h.sharedSession--;
    } else {
      h.exclusiveSession--;
    }
    tidy(key, holders, pid, h);
    notifyAll();
    return true;
  }

  /** Drops a session's transaction-level holds (all holds too when {@code everything}). */
  private synchronized void releaseAll(int pid, boolean everything, boolean sessionLevel) {
    for (Iterator<Map.Entry<Key, Map<Integer, Holds>>> it = table.entrySet().iterator();
        it.hasNext(); ) {
      Map<Integer, Holds> holders = it.next().getValue();
      Holds h = holders.get(pid);
      if (h != null) {
        h.exclusiveXact = 0;
        h.sharedXact = 0;
        if (everything || sessionLevel) {
          h.exclusiveSession = 0;
          h.sharedSession = 0;
        }
        if (!h.any()) {
          holders.remove(pid);
        }
      }
      if (holders.isEmpty()) {
        it.remove();
      }
    }
    notifyAll();
  }

  private void tidy(Key key, Map<Integer, Holds> holders, int pid, Holds h) {
    if (!h.any()) {
      holders.remove(pid);
      if (holders.isEmpty()) {
        table.remove(key);
      }
    }
  }

  /** One session's view of the lock table. */
  public final class Session implements AdvisoryLockHolder {
    private final String database;
    private final int pid;
    private final AtomicBoolean cancel;

    private Session(String database, int pid, AtomicBoolean cancel) {
      this.database = database;
      this.pid = pid;
      this.cancel = cancel;
    }

    @Override
    public void lock(Space space, long key, boolean shared, boolean transactionLevel) {
      acquire(new Key(database, space, key), pid, shared, transactionLevel, cancel, true);
    }

    @Override
    public boolean tryLock(Space space, long key, boolean shared, boolean transactionLevel) {
      return acquire(new Key(database, space, key), pid, shared, transactionLevel, cancel, false);
    }

    @Override
    public boolean unlock(Space space, long key, boolean shared) {
      return releaseOne(new Key(database, space, key), pid, shared);
    }

    @Override
    public void unlockAll() {
      releaseAll(pid, false, true);
    }

    /** The transaction ended: its transaction-level holds go. */
    void endTransaction() {
      releaseAll(pid, false, false);
    }

    /** The session ended: everything it held goes. */
    void release() {
      releaseAll(pid, true, true);
    }
  }
}
