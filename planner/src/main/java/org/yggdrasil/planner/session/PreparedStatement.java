package org.yggdrasil.planner.session;

import java.util.List;

/**
 * One parsed and analysed statement (the result of a Parse message, or of one statement of a
 * simple Query). Planning happens once here; {@link #bind} only supplies parameter values.
 */
public interface PreparedStatement extends AutoCloseable {

  /** The statement's parameter type OIDs, with unspecified (0) ones inferred. */
  int[] parameterTypes();

  /** Columns the statement returns when executed; empty for statements that return no rows. */
  List<ResultColumn> resultColumns();

  /**
   * True when running the statement is bounded by a small constant amount of work whatever the
   * parameters (a primary-key lookup, a SHOW): the wire side may run it on its event loop
   * instead of handing it to a worker thread. False unless the planner is sure.
   */
  default boolean bounded() {
    return false;
  }

  /** True for an empty statement (only whitespace or comments): EmptyQueryResponse. */
  boolean isEmpty();

  /**
   * Creates a portal with these parameter values (Java types as {@link PgOid} documents, one
   * per {@link #parameterTypes()} entry, null for SQL NULL).
   */
  Portal bind(Object[] parameters);

  @Override
  void close();
}
