package org.yggdrasil.planner.session;

import java.util.List;
import java.util.Map;

/**
 * One client connection's state: settings, the transaction, prepared plans. Calls come from one
 * thread at a time (the connection's worker) except {@link #cancel()}, which may come from any
 * thread.
 *
 * <p>Transaction handling follows PostgreSQL: outside a BEGIN block, the statements between two
 * {@link #sync()} calls form one implicit transaction, committed at sync (rolled back if one of
 * them failed). Inside a block, a failure puts the session in {@link TransactionStatus#FAILED}
 * until ROLLBACK.
 */
public interface Session extends AutoCloseable {

  /** BackendKeyData process id. */
  int processId();

  /** BackendKeyData secret key. */
  int secretKey();

  /** ParameterStatus pairs to send after authentication, in order. */
  Map<String, String> reportedParameters();

  /**
   * ParameterStatus pairs whose values changed since the last call (SET application_name,
   * SET TimeZone …); the wire side sends them before the next ReadyForQuery.
   */
  Map<String, String> takeParameterChanges();

  /** Splits the text of a simple Query message into single statements (may be empty). */
  List<String> splitStatements(String sql);

  /**
   * Parses and plans one statement.
   *
   * @param parameterTypes declared parameter OIDs from Parse; 0 (or a missing entry) means
   *     "infer"
   */
  PreparedStatement prepare(String sql, int[] parameterTypes);

  /**
   * Records that the current statement failed outside the session's own code (e.g. a parameter
   * could not be decoded), so the transaction is marked failed as if the statement had thrown.
   */
  void statementFailed(RuntimeException error);

  /** Ends the implicit transaction (Sync, or the end of a simple Query message). */
  void sync();

  /** Current status for ReadyForQuery. */
  TransactionStatus transactionStatus();

  /** Asks the running statement, if any, to stop with 57014. Safe from any thread. */
  void cancel();

  /**
   * Registers how the wire side ends this session's connection when pg_terminate_backend asks
   * (it sends FATAL 57P01 and closes).
   */
  default void onTerminate(Runnable terminate) {}

  /**
   * Registers where NOTIFY deliveries for this session go (the wire side sends them as
   * NotificationResponse when the connection is between transactions). Called from any thread.
   */
  default void onNotification(java.util.function.Consumer<Notification> deliver) {}

  /** Rolls back anything open and frees the session. */
  @Override
  void close();
}
