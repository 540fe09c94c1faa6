package org.yggdrasil.pgwire.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.pgwire.codec.PgError;

/**
 * Turns exceptions into ErrorResponse fields. A {@link SqlStateException} (also when wrapped by
 * another exception) keeps its SQLSTATE and fields; anything else is a bug somewhere and becomes
 * XX000 with the exception's message, logged with its stack trace. Never closes the connection
 * by itself.
 */
final class ErrorReporter {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorReporter.class);

  private ErrorReporter() {}

  static PgError toPgError(Throwable error, String severity) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SqlStateException s) {
        if (LOG.isDebugEnabled()) {
          LOG.debug("statement error {}: {}", s.state().code(), s.getMessage(), s);
        }
        return PgError.of(severity, s);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    if (error instanceof StackOverflowError) {
      // A statement nested too deeply for the planner: PostgreSQL's stack depth error.
      LOG.debug("stack overflow in a statement", error);
      return PgError.of(severity, SqlState.PROGRAM_LIMIT_EXCEEDED, "stack depth limit exceeded");
    }
    LOG.warn("internal error", error);
    String message = error.getMessage();
    if (message == null || message.isBlank()) {
      message = error.getClass().getName();
    }
    return PgError.of(severity, SqlState.INTERNAL_ERROR, message);
  }
}
