package org.yggdrasil.planner.session;

/**
 * The server-wide entry point the wire protocol talks to. It knows nothing about bytes on the
 * wire; pgwire knows nothing about storage. One instance serves every connection.
 */
public interface SqlEngine extends AutoCloseable {

  /**
   * Opens a session for a client's startup parameters.
   *
   * @throws org.yggdrasil.catalog.error.SqlStateException 3D000 for an unknown database, 08P01
   *     for unusable parameters
   */
  Session open(StartupParameters startup);

  /**
   * Routes a CancelRequest: cancels what the session with this key is running, if any. Unknown
   * keys are ignored, as PostgreSQL does.
   */
  void cancel(int processId, int secretKey);

  @Override
  void close();
}
