package org.yggdrasil.catalog.error;

import java.util.Objects;

/**
 * An error a client sees: it carries its SQLSTATE from the place it arose, a message that says
 * what went wrong, and optionally a detail, a hint saying what to do next, and a 1-based
 * character position in the statement text (for syntax errors).
 */
public class SqlStateException extends RuntimeException {
  private final SqlState state;
  private final String detail;
  private final String hint;
  private final int position;
  private final String where;

  public SqlStateException(SqlState state, String message) {
    this(state, message, null, null, 0, null);
  }

  public SqlStateException(SqlState state, String message, Throwable cause) {
    this(state, message, null, null, 0, cause);
  }

  public SqlStateException(
      SqlState state, String message, String detail, String hint, int position, Throwable cause) {
    this(state, message, detail, hint, position, null, cause);
  }

  /**
   * @param where the context the error arose in, for the 'W' field (PostgreSQL's CONTEXT line,
   *     e.g. {@code COPY t, line 3, column b: "x"}), or null
   */
  public SqlStateException(SqlState state, String message, String detail, String hint,
      int position, String where, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.state = Objects.requireNonNull(state, "state");
    this.detail = detail;
    this.hint = hint;
    this.position = position;
    this.where = where;
  }

  public SqlState state() {
    return state;
  }

  /** Extra detail for the ErrorResponse 'D' field, or null. */
  public String detail() {
    return detail;
  }

  /** What the user could do next, for the 'H' field, or null. */
  public String hint() {
    return hint;
  }

  /** 1-based position in the query text, or 0 when unknown. */
  public int position() {
    return position;
  }

  /** The context for the 'W' field (CONTEXT in psql), or null. */
  public String where() {
    return where;
  }

  public SqlStateException withHint(String newHint) {
    return new SqlStateException(state, getMessage(), detail, newHint, position, where, getCause());
  }

  public SqlStateException withPosition(int newPosition) {
    return new SqlStateException(state, getMessage(), detail, hint, newPosition, where, getCause());
  }

  public SqlStateException withWhere(String newWhere) {
    return new SqlStateException(state, getMessage(), detail, hint, position, newWhere, getCause());
  }

  public static SqlStateException of(SqlState state, String format, Object... args) {
    return new SqlStateException(state, String.format(java.util.Locale.ROOT, format, args));
  }
}
