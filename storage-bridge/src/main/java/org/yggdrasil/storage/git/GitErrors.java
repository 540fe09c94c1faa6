package org.yggdrasil.storage.git;

import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/** The Git adapter's errors, with the SQLSTATE a SQL user sees and what to do next. */
final class GitErrors {
  private GitErrors() {}

  static SqlStateException io(String what, Exception cause) {
    return new SqlStateException(SqlState.IO_ERROR, what + ": " + cause.getMessage(), cause);
  }

  static SqlStateException unknownBranch(String systemId, String branch) {
    return new SqlStateException(SqlState.UNDEFINED_OBJECT,
        "branch \"" + branch + "\" does not exist in Git system \"" + systemId + "\"", null,
        "Create it first (ygg.create_branch, or git branch in the repository).", 0, null);
  }

  static SqlStateException unknownSnapshot(String systemId, String id) {
    return new SqlStateException(SqlState.UNDEFINED_OBJECT,
        "snapshot \"" + id + "\" does not exist in Git system \"" + systemId + "\"", null,
        "Give a branch name or the id of a commit in the repository.", 0, null);
  }

  static SqlStateException readOnlyTable(String table) {
    return SqlStateException.of(SqlState.FEATURE_NOT_SUPPORTED,
        "cannot change table \"%s\" of a Git system: only \"files\" is writable", table);
  }

  static SqlStateException readOnlySnapshot(String id) {
    return new SqlStateException(SqlState.READ_ONLY_SQL_TRANSACTION,
        "cannot write to snapshot " + id + " of a Git system: it is a read-only view", null,
        "Write through the branch (checkout) instead of an as-of view.", 0, null);
  }

  static SqlStateException serialization(String detail) {
    return new SqlStateException(SqlState.SERIALIZATION_FAILURE,
        "could not serialize access due to concurrent update", detail,
        "The transaction might succeed if retried.", 0, null);
  }

  static SqlStateException invalid(String format, Object... args) {
    return SqlStateException.of(SqlState.INVALID_PARAMETER_VALUE, format, args);
  }
}
