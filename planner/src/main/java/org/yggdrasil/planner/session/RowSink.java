package org.yggdrasil.planner.session;

/**
 * Receives result rows as a portal produces them. Implementations may block (the wire side
 * does, while the client is slow to read) — that is how backpressure reaches the executor. An
 * exception thrown by the sink (the client has gone) propagates out of {@link Portal#execute}
 * unchanged.
 */
@FunctionalInterface
public interface RowSink {
  /** One row, values in the Java types {@link PgOid} lists; the array is not reused. */
  void row(Object[] values);
}
