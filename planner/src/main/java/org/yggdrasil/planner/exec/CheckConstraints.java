package org.yggdrasil.planner.exec;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.calcite.schema.SchemaPlus;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.schema.RootSchemas;
import org.yggdrasil.storage.nativestore.CheckDef;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.TableSchema;
import org.yggdrasil.storage.nativestore.TableVersion;

/**
 * Enforces a table's CHECK constraints on new rows (INSERT, UPDATE, COPY, ALTER TABLE ADD CHECK):
 * all of a table's checks are compiled once, as {@code SELECT (check1), (check2) FROM (VALUES
 * (CAST(? AS type), …)) AS t(columns)}, and run per row with the row's values as parameters. A NULL
 * result passes, as in PostgreSQL; FALSE is 23514.
 */
public final class CheckConstraints {
  private CheckConstraints() {}

  /** 23514 for the first row that fails one of {@code table}'s checks (none: returns at once). */
  public static void verify(StatementContext ctx, Snapshot snapshot, String table, List<Object[]> rows) {
    TableVersion t = snapshot.table(table);
    if (t == null || t.schema().checks().isEmpty() || rows.isEmpty()) {
      return;
    }
    // PostgreSQL tests a table's checks in name order, which decides the one an error names
    List<CheckDef> checks = t.schema().checks().stream()
        .sorted(java.util.Comparator.comparing(CheckDef::name)).toList();
    verify(ctx, snapshot, t.schema(), checks, rows);
  }

  static void verify(StatementContext ctx, Snapshot snapshot, TableSchema schema, List<CheckDef> checks,
      List<Object[]> rows) {
    String sql = query(schema, checks);
    SchemaPlus root = RootSchemas.create(snapshot, null, Map.of());
    CompiledQuery q = ctx.compile(new PlanKey("check", sql, List.of(), null),
        () -> PgRewrites.apply(QueryCompiler.parse(sql)), root, sql);
    Object[][] result = new Object[1][];
    for (Object[] row : rows) {
      new QueryPortal(q, ctx.execContext(root, row, q.markerTypes())).execute(0, r -> result[0] = r);
      for (int i = 0; i < checks.size(); i++) {
        if (Boolean.FALSE.equals(result[0][i])) {
          throw new SqlStateException(SqlState.CHECK_VIOLATION,
              "new row for relation \"" + schema.name() + "\" violates check constraint \""
                  + checks.get(i).name() + "\"",
              "Failing row contains " + text(row) + ".", null, 0, null);
        }
      }
    }
  }

  private static String query(TableSchema schema, List<CheckDef> checks) {
    StringJoiner select = new StringJoiner(", ", "SELECT ", "");
    for (CheckDef c : checks) {
      select.add("(" + c.expression() + ")");
    }
    return select + " FROM " + RowParameters.values(schema, "t", "");
  }

  private static String text(Object[] row) {
    StringJoiner j = new StringJoiner(", ", "(", ")");
    for (Object v : row) {
      j.add(v == null ? "null" : v instanceof Boolean b ? (b ? "t" : "f")
          : v instanceof java.math.BigDecimal d ? d.toPlainString() : v.toString());
    }
    return j.toString();
  }
}
