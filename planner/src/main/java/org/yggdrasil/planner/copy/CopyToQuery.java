package org.yggdrasil.planner.copy;

import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.parse.StatementKind;
import org.yggdrasil.storage.nativestore.Snapshot;

/** What a COPY TO reads: a table's columns, or the rows of a query. */
public final class CopyToQuery {
  private CopyToQuery() {}

  /** {@code COPY table [(cols)] TO}: the table and columns, checked as PostgreSQL does. */
  public static CopyTarget target(CopyCommand command, Snapshot snapshot) {
    CopyTarget target = CopyTarget.resolve(snapshot, command.table(), command.columns());
    target.flags(command.options().forceQuote(), "FORCE_QUOTE");
    return target;
  }

  /** {@code COPY (query) TO}: the query, which must be one that returns rows. */
  public static String sql(CopyCommand command) {
    if (StatementKind.of(command.query()) != StatementKind.QUERY) {
      throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
          "COPY (query) TO supports SELECT, VALUES and TABLE queries only");
    }
    return command.query();
  }
}
