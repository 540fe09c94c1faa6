package org.yggdrasil.planner.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlNode;
import org.yggdrasil.planner.parse.SqlLexer;
import org.yggdrasil.planner.parse.Token;
import org.yggdrasil.planner.schema.InternalValues;
import org.yggdrasil.planner.schema.RootSchemas;
import org.yggdrasil.planner.schema.RowsTable;
import org.yggdrasil.planner.session.ResultColumn;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.TableSchema;

/**
 * A DML statement's RETURNING clause. Calcite's grammar has none, so the statement layer cuts
 * it off the text and evaluates its list as a query over the affected rows: {@code SELECT
 * <list> FROM <table> AS <alias>}, where the table is replaced by those rows.
 *
 * @param body the statement without the clause
 * @param list the returning list's text, or null when there is no clause
 */
public record Returning(String body, String list) {

  /** Splits off a top-level RETURNING clause. */
  public static Returning split(String sql) {
    int depth = 0;
    for (Token t : SqlLexer.tokenize(sql)) {
      if (t.kind() == Token.Kind.LEFT_PAREN) {
        depth++;
      } else if (t.kind() == Token.Kind.RIGHT_PAREN) {
        depth--;
      } else if (depth == 0 && t.is("returning")) {
        // Pad with spaces so positions in error messages still match the user's text.
        return new Returning(sql.substring(0, t.start()) + " ".repeat(sql.length() - t.start()),
            sql.substring(t.end()).strip());
      }
    }
    return new Returning(sql, null);
  }

  public boolean present() {
    return list != null;
  }

  private String query(TableSchema table, String alias) {
    return "SELECT " + list + " FROM \"" + table.name().replace("\"", "\"\"") + "\""
        + (alias == null ? "" : " AS \"" + alias.replace("\"", "\"\"") + "\"");
  }

  /** The RETURNING result columns, for Describe. */
  List<ResultColumn> describe(StatementContext ctx, Snapshot snapshot, TableSchema table,
      String alias) {
    return compile(ctx, root(snapshot, table, List.of()), table, alias).columns();
  }

  private CompiledQuery compile(StatementContext ctx, SchemaPlus root, TableSchema table,
      String alias) {
    String sql = query(table, alias);
    return ctx.compile(new PlanKey("returning", sql, List.of(), table), () -> {
      SqlNode node = QueryCompiler.parse(sql);
      return PgRewrites.apply(node);
    }, root, sql);
  }

  private static SchemaPlus root(Snapshot snapshot, TableSchema table, List<Object[]> rows) {
    return RootSchemas.create(snapshot, null, Map.of(table.name(), new RowsTable(table, rows)));
  }

  /** Evaluates the list over {@code canonicalRows} (full rows of {@code table}). */
  List<Object[]> evaluate(StatementContext ctx, Snapshot snapshot, TableSchema table,
      String alias, List<Object[]> canonicalRows) {
    List<Object[]> internal = new ArrayList<>(canonicalRows.size());
    for (Object[] row : canonicalRows) {
      Object[] r = new Object[row.length];
      for (int i = 0; i < row.length; i++) {
        r[i] = InternalValues.fromStore(row[i]);
      }
      internal.add(r);
    }
    SchemaPlus root = root(snapshot, table, internal);
    CompiledQuery q = compile(ctx, root, table, alias);
    QueryPortal portal = new QueryPortal(q, ctx.execContext(root, new Object[0], Map.of()));
    List<Object[]> out = new ArrayList<>();
    portal.execute(0, out::add);
    return out;
  }
}
