package org.yggdrasil.storage.nativestore;

import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/** The store's errors, with PostgreSQL's SQLSTATEs and wording. */
final class Errors {
  private Errors() {}

  static SqlStateException undefinedTable(String name) {
    return SqlStateException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", name);
  }

  static SqlStateException duplicateTable(String name) {
    return SqlStateException.of(SqlState.DUPLICATE_TABLE, "relation \"%s\" already exists", name);
  }

  static SqlStateException undefinedColumn(String table, String column) {
    return SqlStateException.of(
        SqlState.UNDEFINED_COLUMN, "column \"%s\" of relation \"%s\" does not exist", column, table);
  }

  static SqlStateException duplicateColumn(String table, String column) {
    return SqlStateException.of(
        SqlState.DUPLICATE_COLUMN, "column \"%s\" of relation \"%s\" already exists", column, table);
  }

  static SqlStateException unknownBranch(String branch) {
    return SqlStateException.of(SqlState.UNDEFINED_OBJECT, "branch \"%s\" does not exist", branch);
  }

  static SqlStateException serialization() {
    return new SqlStateException(
        SqlState.SERIALIZATION_FAILURE,
        "could not serialize access due to concurrent update",
        null,
        "The transaction might succeed if retried.",
        0,
        null);
  }

  static SqlStateException uniqueViolation(String constraint, String detail) {
    return new SqlStateException(
        SqlState.UNIQUE_VIOLATION,
        "duplicate key value violates unique constraint \"" + constraint + "\"",
        detail,
        null,
        0,
        null);
  }

  static SqlStateException notNull(String table, String column, String detail) {
    return new SqlStateException(
        SqlState.NOT_NULL_VIOLATION,
        "null value in column \"" + column + "\" of relation \"" + table + "\" violates not-null constraint",
        detail,
        null,
        0,
        null);
  }

  static SqlStateException corrupt(String format, Object... args) {
    return SqlStateException.of(SqlState.DATA_CORRUPTED, format, args);
  }

  static SqlStateException io(String what, Throwable cause) {
    return new SqlStateException(SqlState.IO_ERROR, what + ": " + cause.getMessage(), cause);
  }

  static SqlStateException unknownRef(String format, Object... args) {
    return SqlStateException.of(SqlState.UNDEFINED_OBJECT, format, args);
  }

  static SqlStateException readOnly() {
    return SqlStateException.of(SqlState.READ_ONLY_SQL_TRANSACTION, "cannot write: the database is open read-only");
  }

  static SqlStateException internal(String format, Object... args) {
    return SqlStateException.of(SqlState.INTERNAL_ERROR, format, args);
  }
}
