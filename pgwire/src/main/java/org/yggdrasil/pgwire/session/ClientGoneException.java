package org.yggdrasil.pgwire.session;

/**
 * Thrown by the row sink when the client's connection has closed, so that a running statement
 * stops producing rows nobody will read. The worker then frees the session.
 */
final class ClientGoneException extends RuntimeException {
  ClientGoneException() {
    super("client connection closed", null, false, false);
  }
}
