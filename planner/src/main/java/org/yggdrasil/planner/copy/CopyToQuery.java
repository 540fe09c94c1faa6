package org.yggdrasil.planner.copy;

import java.util.List;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.parse.StatementKind;
import org.yggdrasil.storage.nativestore.Snapshot;

/** The query whose rows a COPY TO writes: {@code COPY t (cols)} reads the table's columns. */
public final class CopyToQuery {
  private CopyToQuery() {}

  /**
   * The SELECT for {@code command}; table and columns are checked against {@code snapshot}
   * first, so that their errors are PostgreSQL's.
   */
  public static String sql(CopyCommand command, Snapshot snapshot) {
    if (command.query() != null) {
      if (StatementKind.of(command.query()) != StatementKind.QUERY) {
        throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
            "COPY (query) TO supports SELECT, VALUES and TABLE queries only");
      }
      return command.query();
    }
    CopyTarget target = CopyTarget.resolve(snapshot, command.table(), command.columns());
    target.flags(command.options().forceQuote() == CopyOptions.ALL ? null
        : command.options().forceQuote(), "FORCE_QUOTE");
    StringBuilder sql = new StringBuilder("SELECT ");
    List<String> names = target.columnDefs().stream().map(c -> c.name()).toList();
    for (int i = 0; i < names.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(quote(names.get(i)));
    }
    return sql.append(" FROM ").append(quote(target.schema().name())).toString();
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
