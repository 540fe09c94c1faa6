package org.yggdrasil.planner.session;

import java.util.List;

/**
 * A bound statement ready to run (PostgreSQL's portal). Execution may be suspended after a row
 * limit and resumed by a later {@link #execute} call, as the Execute message allows.
 */
public interface Portal extends AutoCloseable {

  /** Columns of the rows this portal returns; empty when it returns none. */
  List<ResultColumn> resultColumns();

  /**
   * Runs the statement (or resumes it), sending at most {@code maxRows} rows (0 = no limit).
   *
   * @return true when the statement completed (CommandComplete follows), false when suspended
   *     at the row limit (PortalSuspended follows)
   * @throws org.yggdrasil.catalog.error.SqlStateException on failure or cancellation (57014)
   */
  boolean execute(int maxRows, RowSink sink);

  /** The CommandComplete tag, e.g. {@code SELECT 3}, {@code INSERT 0 1}; valid after completion. */
  String commandTag();

  /**
   * For COPY FROM STDIN: begins the copy (resolving its table; errors are the statement's) and
   * returns it, for the wire side to feed instead of calling {@link #execute}. Null for any
   * other statement.
   */
  default CopyIn copyIn() {
    return null;
  }

  /**
   * For COPY TO STDOUT: how the rows that {@link #execute} produces are to be written as
   * CopyData (the portal itself has no {@link #resultColumns()}). Null for any other statement.
   */
  default CopyOut copyOut() {
    return null;
  }

  /** Releases what the portal holds (an open cursor, a snapshot). Idempotent. */
  @Override
  void close();
}
