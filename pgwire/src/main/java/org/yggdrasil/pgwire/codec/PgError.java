package org.yggdrasil.pgwire.codec;

import java.util.Objects;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * The fields of an ErrorResponse or NoticeResponse.
 *
 * @param severity ERROR, FATAL, WARNING, NOTICE, ... (sent as both 'S' and 'V')
 * @param code the SQLSTATE
 * @param message the primary message
 * @param detail optional 'D' field, or null
 * @param hint optional 'H' field, or null
 * @param position 1-based character position in the query for 'P', or 0
 * @param where optional 'W' field (psql's CONTEXT line), or null
 */
public record PgError(String severity, String code, String message, String detail, String hint,
    int position, String where) {

  public static final String ERROR = "ERROR";
  public static final String FATAL = "FATAL";

  public PgError {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  public static PgError of(String severity, SqlState state, String message) {
    return new PgError(severity, state.code(), message, null, null, 0, null);
  }

  public static PgError of(String severity, SqlStateException e) {
    return new PgError(
        severity, e.state().code(), e.getMessage(), e.detail(), e.hint(), e.position(), e.where());
  }
}
