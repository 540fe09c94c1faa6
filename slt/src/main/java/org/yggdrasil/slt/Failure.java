package org.yggdrasil.slt;

/**
 * One failed record: where it is, the coarse category, a grouping key (the cause with literals
 * and numbers blanked out, so that one bug gives one group), the SQL and what happened.
 */
public record Failure(
    String file, int line, Category category, String cause, String sql, String detail) {

  public enum Category {
    PARSE_ERROR("parse error"),
    UNSUPPORTED("unsupported feature"),
    WRONG_RESULT("wrong result"),
    ERROR_MISMATCH("error mismatch"),
    INTERNAL_ERROR("internal error"),
    TIMEOUT("timeout");

    public final String label;

    Category(String label) {
      this.label = label;
    }
  }

  /** {@code file:line}. */
  public String where() {
    return file + ":" + line;
  }
}
