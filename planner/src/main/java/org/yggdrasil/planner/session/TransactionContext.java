package org.yggdrasil.planner.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.storage.nativestore.NativeDatabase;
import org.yggdrasil.storage.nativestore.Savepoint;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.Transaction;

/**
 * A session's transaction state, following PostgreSQL: statements run in an implicit
 * transaction that ends at Sync unless BEGIN opened an explicit block; a failure inside a block
 * leaves it failed until ROLLBACK; the store transaction (and with it the snapshot) is taken
 * lazily by the first statement that reads or writes data.
 */
final class TransactionContext {
  private final NativeDatabase database;
  private final SessionSettings settings;
  private final List<SavepointEntry> savepoints = new ArrayList<>();
  private Transaction transaction;
  private boolean open;
  private boolean explicit;
  private boolean failed;
  private boolean readOnly;
  private long startMillis;

  private record SavepointEntry(String name, Savepoint savepoint, Map<String, String> settings) {}

  TransactionContext(NativeDatabase database, SessionSettings settings) {
    this.database = database;
    this.settings = settings;
  }

  TransactionStatus status() {
    if (!explicit) {
      return TransactionStatus.IDLE;
    }
    return failed ? TransactionStatus.FAILED : TransactionStatus.IN_TRANSACTION;
  }

  boolean inBlock() {
    return explicit;
  }

  /** True once a statement of the open transaction has read or written data. */
  boolean snapshotTaken() {
    return transaction != null;
  }

  boolean failed() {
    return failed;
  }

  /** Called before every statement: opens the implicit transaction if none is open. */
  void statementStart() {
    if (!open) {
      open = true;
      explicit = false;
      failed = false;
      readOnly = "on".equals(settings.get("default_transaction_read_only"));
      startMillis = System.currentTimeMillis();
      settings.beginTransaction();
    }
  }

  /** What now() returns: the transaction's start time. */
  long startMillis() {
    return startMillis;
  }

  void begin(boolean readOnlyRequested, boolean readWriteRequested) {
    statementStart();
    explicit = true;
    if (readOnlyRequested) {
      readOnly = true;
    } else if (readWriteRequested) {
      readOnly = false;
    }
  }

  /** The snapshot statements read: the transaction's, including its own writes. */
  Snapshot snapshot() {
    return transaction().snapshot();
  }

  /** The store transaction, for writing. */
  Transaction forWrite() {
    if (readOnly) {
      throw new SqlStateException(SqlState.READ_ONLY_SQL_TRANSACTION,
          "cannot execute this statement in a read-only transaction");
    }
    return transaction();
  }

  private Transaction transaction() {
    statementStart();
    if (transaction == null) {
      transaction = database.begin(settings.get("ygg.branch"));
    }
    return transaction;
  }

  /** A statement failed: the block (or the implicit transaction) is now failed. */
  void fail() {
    if (open) {
      failed = true;
    }
  }

  /** Rejects statements in a failed block, as PostgreSQL does. */
  void checkNotFailed() {
    if (explicit && failed) {
      throw new SqlStateException(SqlState.IN_FAILED_SQL_TRANSACTION,
          "current transaction is aborted, commands ignored until end of transaction block");
    }
  }

  /** COMMIT: returns the tag (ROLLBACK when the block had failed). */
  String commit() {
    if (!open) {
      return "COMMIT";
    }
    if (failed) {
      end(false);
      return "ROLLBACK";
    }
    try {
      if (transaction != null) {
        transaction.commit();
      }
    } catch (RuntimeException e) {
      end(false);
      throw e;
    }
    end(true);
    return "COMMIT";
  }

  void rollback() {
    if (transaction != null) {
      transaction.rollback();
    }
    end(false);
  }

  /** Sync: ends an implicit transaction (commit, or rollback if a statement failed). */
  void sync() {
    if (open && !explicit) {
      if (failed) {
        rollback();
      } else {
        commit();
      }
    }
  }

  private void end(boolean committed) {
    settings.endTransaction(committed);
    transaction = null;
    savepoints.clear();
    open = false;
    explicit = false;
    failed = false;
  }

  void savepoint(String name) {
    requireBlock("SAVEPOINT");
    savepoints.add(new SavepointEntry(name, transaction().savepoint(), settings.capture()));
  }

  void rollbackTo(String name) {
    requireBlock("ROLLBACK TO SAVEPOINT");
    int i = find(name);
    SavepointEntry entry = savepoints.get(i);
    savepoints.subList(i + 1, savepoints.size()).clear();
    transaction().rollbackTo(entry.savepoint());
    settings.restore(entry.settings());
    failed = false;
  }

  void release(String name) {
    requireBlock("RELEASE SAVEPOINT");
    checkNotFailed();
    int i = find(name);
    savepoints.subList(i, savepoints.size()).clear();
  }

  private int find(String name) {
    for (int i = savepoints.size() - 1; i >= 0; i--) {
      if (savepoints.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new SqlStateException(SqlState.INVALID_SAVEPOINT_SPECIFICATION,
        "savepoint \"" + name + "\" does not exist");
  }

  private void requireBlock(String what) {
    if (!explicit) {
      throw new SqlStateException(SqlState.NO_ACTIVE_SQL_TRANSACTION,
          what + " can only be used in transaction blocks");
    }
  }
}
