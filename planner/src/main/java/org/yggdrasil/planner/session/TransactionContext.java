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
  /** The read-only view of a statement pinned by ygg.commit_id or ygg.as_of, else null. */
  private Snapshot pinned;
  /** The commit the open transaction started from. */
  private String baseCommit;
  private boolean open;
  private boolean explicit;
  private boolean failed;
  private boolean readOnly;
  private long startMillis;

  private record SavepointEntry(String name, Savepoint savepoint, Map<String, String> settings,
      Map<String, Integer> memberWrites) {}

  private final String user;
  /** The attached systems whose staged writes commit with the database (composite commit). */
  private org.yggdrasil.planner.attach.SessionSystems systems;

  void systems(org.yggdrasil.planner.attach.SessionSystems systems) {
    this.systems = systems;
  }

  TransactionContext(NativeDatabase database, SessionSettings settings, String user) {
    this.database = database;
    this.settings = settings;
    this.user = user;
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

  /** True when the open transaction has uncommitted writes. */
  boolean hasWrites() {
    return transaction != null && transaction.hasWrites()
        || systems != null && systems.hasWrites();
  }

  /** True once a statement of the open transaction has read or written data. */
  boolean snapshotTaken() {
    return transaction != null || pinned != null;
  }

  boolean failed() {
    return failed;
  }

  /** Called before every statement: opens the implicit transaction if none is open. */
  void statementStart() {
    if (!open) {
      onStart.run();
      open = true;
      explicit = false;
      failed = false;
      readOnly = "on".equals(settings.get("default_transaction_read_only"));
      startMillis = System.currentTimeMillis();
      settings.beginTransaction();
    }
  }

  /** What now() returns: the transaction's start time. */
  /** When the open transaction started, or null when none is open. */
  java.time.Instant startInstant() {
    return open ? java.time.Instant.ofEpochMilli(startMillis) : null;
  }

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
    statementStart();
    String pin = pinnedCommit();
    if (pin != null) {
      if (pinned == null) {
        pinned = database.snapshotAt(pin);
        baseCommit = pin;
      }
      return pinned;
    }
    return transaction().snapshot();
  }

  /** The commit the session reads: the pinned one, the transaction's start, or the head. */
  String commitId() {
    if (pinned != null || transaction != null) {
      return baseCommit;
    }
    String pin = pinnedCommit();
    return pin != null ? pin : database.headCommit(settings.get("ygg.branch"));
  }

  /**
   * The commit ygg.commit_id or ygg.as_of pins the session to, or null. as_of resolves through
   * the branch's head history: what the branch showed at that time.
   */
  private String pinnedCommit() {
    String commit = settings.get("ygg.commit_id");
    if (commit != null && !commit.isEmpty()) {
      return commit;
    }
    String asOf = settings.get("ygg.as_of");
    if (asOf != null && !asOf.isEmpty()) {
      java.time.OffsetDateTime t = (java.time.OffsetDateTime)
          org.yggdrasil.planner.schema.AssignmentCast.parse(asOf,
              org.yggdrasil.storage.nativestore.ColumnType.TIMESTAMPTZ);
      return database.commitAsOf(settings.get("ygg.branch"), t.toInstant());
    }
    return null;
  }

  /** The store transaction, for writing. */
  Transaction forWrite() {
    if (database.isReadOnly()) {
      throw new SqlStateException(SqlState.READ_ONLY_SQL_TRANSACTION,
          "cannot write: this server opened the database read-only", null,
          "Write through the server that owns the data directory.", 0, null);
    }
    if (pinnedCommit() != null) {
      throw new SqlStateException(SqlState.READ_ONLY_SQL_TRANSACTION,
          "cannot write while the session is pinned to a past commit", null,
          "RESET ygg.commit_id and ygg.as_of to write on the branch again.", 0, null);
    }
    if (readOnly) {
      throw new SqlStateException(SqlState.READ_ONLY_SQL_TRANSACTION,
          "cannot execute this statement in a read-only transaction");
    }
    return transaction();
  }

  private Transaction transaction() {
    statementStart();
    if (transaction == null) {
      String branch = settings.get("ygg.branch");
      baseCommit = database.headCommit(branch);
      transaction = database.begin(branch);
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
        String message = settings.get("ygg.commit_message");
        message = message == null ? "" : message;
        // The database commit is the composite commit: members first, their heads recorded in it.
        var members = systems == null
            ? org.yggdrasil.planner.attach.SessionSystems.PreparedCommit.NONE
            : systems.prepareCommit(transaction, message, user);
        try {
          transaction.commit(message, user);
        } catch (RuntimeException e) {
          members.failed(e);
          throw e;
        }
        members.committed();
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

  /** Runs {@code action} whenever a transaction ends (transaction-level locks go then). */
  void onEnd(java.util.function.Consumer<Boolean> action) {
    this.onEnd = action;
  }

  private java.util.function.Consumer<Boolean> onEnd = committed -> { };
  /** Runs before each transaction starts (a following overlay takes in its parent's commits). */
  private Runnable onStart = () -> { };

  void onStart(Runnable action) {
    this.onStart = action;
  }

  private void end(boolean committed) {
    if (systems != null) {
      systems.rollback(); // staged member writes not committed by now go
    }
    onEnd.accept(committed);
    settings.endTransaction(committed);
    transaction = null;
    pinned = null;
    baseCommit = null;
    savepoints.clear();
    open = false;
    explicit = false;
    failed = false;
  }

  void savepoint(String name) {
    requireBlock("SAVEPOINT");
    savepoints.add(new SavepointEntry(name, transaction().savepoint(), settings.capture(),
        systems == null ? Map.of() : systems.savepoint()));
  }

  void rollbackTo(String name) {
    requireBlock("ROLLBACK TO SAVEPOINT");
    int i = find(name);
    SavepointEntry entry = savepoints.get(i);
    savepoints.subList(i + 1, savepoints.size()).clear();
    transaction().rollbackTo(entry.savepoint());
    if (systems != null) {
      systems.rollbackTo(entry.memberWrites());
    }
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
