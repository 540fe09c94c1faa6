package org.yggdrasil.planner.exec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.schema.SchemaPlus;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.parse.SqlLexer;
import org.yggdrasil.planner.parse.Token;
import org.yggdrasil.planner.schema.AssignmentCast;
import org.yggdrasil.planner.schema.RootSchemas;
import org.yggdrasil.storage.nativestore.TableSchema;
import org.yggdrasil.storage.nativestore.TableVersion;
import org.yggdrasil.storage.nativestore.Transaction;

/**
 * {@code INSERT … ON CONFLICT [(columns) | ON CONSTRAINT name] DO NOTHING | DO UPDATE SET … [WHERE
 * …]}: proposed rows that collide with an existing row on the arbiter keys (all unique keys when
 * none is named) are skipped, or update that row. {@code excluded.col} is the proposed value,
 * unqualified columns the existing row's. A proposed row that collides with another proposed
 * row of the same statement is skipped by DO NOTHING and is an error (21000) for DO UPDATE, as
 * in PostgreSQL.
 *
 * @param targetColumns the conflict target's columns, or null
 * @param constraint the named constraint or unique index, or null
 * @param update the SET assignments (column, expression text); null for DO NOTHING
 * @param where the DO UPDATE … WHERE condition, or null
 */
record OnConflict(List<String> targetColumns, String constraint,
    List<Map.Entry<String, String>> update, String where) {

  /** An INSERT split into the statement without its ON CONFLICT clause, and the clause. */
  record Split(String insert, OnConflict clause) {}

  static Split split(String insert) {
    List<Token> tokens = SqlLexer.tokenize(insert);
    int depth = 0;
    for (int i = 0; i + 1 < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() == Token.Kind.LEFT_PAREN) {
        depth++;
      } else if (t.kind() == Token.Kind.RIGHT_PAREN) {
        depth--;
      } else if (depth == 0 && t.is("on") && tokens.get(i + 1).is("conflict")) {
        return new Split(insert.substring(0, t.start()).stripTrailing(),
            parse(insert, tokens, i + 2));
      }
    }
    return new Split(insert, null);
  }

  private static OnConflict parse(String sql, List<Token> tokens, int i) {
    List<String> columns = null;
    String constraint = null;
    if (i < tokens.size() && tokens.get(i).kind() == Token.Kind.LEFT_PAREN) {
      columns = new ArrayList<>();
      i++;
      while (i < tokens.size() && tokens.get(i).kind() != Token.Kind.RIGHT_PAREN) {
        if (tokens.get(i).kind() != Token.Kind.COMMA) {
          columns.add(tokens.get(i).identifier());
        }
        i++;
      }
      i++;
      if (i < tokens.size() && tokens.get(i).is("where")) {
        // a partial-index predicate: the arbiter is chosen by columns alone here
        while (i < tokens.size() && !tokens.get(i).is("do")) {
          i++;
        }
      }
    } else if (i + 2 < tokens.size() && tokens.get(i).is("on")
        && tokens.get(i + 1).is("constraint")) {
      constraint = tokens.get(i + 2).identifier();
      i += 3;
    }
    if (i >= tokens.size() || !tokens.get(i).is("do")) {
      throw syntax(sql, tokens, i);
    }
    i++;
    if (i < tokens.size() && tokens.get(i).is("nothing")) {
      return new OnConflict(columns, constraint, null, null);
    }
    if (i + 1 >= tokens.size() || !tokens.get(i).is("update") || !tokens.get(i + 1).is("set")) {
      throw syntax(sql, tokens, i);
    }
    if (columns == null && constraint == null) {
      throw new SqlStateException(SqlState.SYNTAX_ERROR,
          "ON CONFLICT DO UPDATE requires inference specification or constraint name", null,
          "For example, ON CONFLICT (column_name).", 0, null);
    }
    i += 2;
    // SET col = expr [, …] [WHERE cond], split at top-level commas and the first WHERE
    List<Map.Entry<String, String>> sets = new ArrayList<>();
    String where = null;
    int depth = 0;
    int start = i;
    for (int j = i; j <= tokens.size(); j++) {
      Token t = j < tokens.size() ? tokens.get(j) : null;
      if (t != null && t.kind() == Token.Kind.LEFT_PAREN) {
        depth++;
        continue;
      }
      if (t != null && t.kind() == Token.Kind.RIGHT_PAREN) {
        depth--;
        continue;
      }
      boolean whereStarts = t != null && depth == 0 && t.is("where");
      if (t == null || whereStarts || depth == 0 && t.kind() == Token.Kind.COMMA) {
        if (j - start < 3 || !tokens.get(start + 1).text().equals("=")) {
          throw syntax(sql, tokens, Math.min(start + 1, tokens.size()));
        }
        int to = t == null ? sql.length() : t.start();
        sets.add(Map.entry(tokens.get(start).identifier(),
            sql.substring(tokens.get(start + 2).start(), to).strip()));
        if (whereStarts) {
          where = sql.substring(t.end()).strip();
          break;
        }
        start = j + 1;
      }
    }
    return new OnConflict(columns, constraint, sets, where);
  }

  private static SqlStateException syntax(String sql, List<Token> tokens, int i) {
    if (i >= tokens.size()) {
      return new SqlStateException(SqlState.SYNTAX_ERROR, "syntax error at end of input", null,
          null, sql.length() + 1, null);
    }
    return new SqlStateException(SqlState.SYNTAX_ERROR,
        "syntax error at or near \"" + tokens.get(i).text() + "\"", null, null,
        tokens.get(i).start() + 1, null);
  }

  /**
   * What resolving the proposed rows decided.
   *
   * @param written the rows inserted or updated, in the order they were proposed (RETURNING's)
   */
  record Outcome(List<Object[]> inserted, List<Object[]> updated, List<Object[]> written) {}

  /**
   * Writes the proposed rows of one statement: inserts those without conflict and updates (or
   * skips) those with one.
   */
  Outcome apply(StatementContext ctx, Transaction tx, TableSchema table, String alias,
      List<Object[]> proposed, String statementSql) {
    TableVersion current = tx.snapshot().table(table.name());
    int[] arbiters = arbiters(current, table);
    List<List<String>> keyColumns = current.keyColumns();
    List<Set<List<Object>>> seen = new ArrayList<>();
    for (int k = 0; k < arbiters.length; k++) {
      seen.add(new HashSet<>());
    }
    List<Object[]> inserts = new ArrayList<>();
    List<Object[]> written = new ArrayList<>();
    List<Long> positions = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    Set<Long> touched = new HashSet<>();
    Assignments assignments = update == null ? null
        : new Assignments(ctx, table, alias, update, where, statementSql);
    for (Object[] row : proposed) {
      long position = -1;
      boolean duplicateInStatement = false;
      List<List<Object>> keys = new ArrayList<>();
      for (int k = 0; k < arbiters.length; k++) {
        List<Object> key = keyOf(table, keyColumns.get(arbiters[k]), row);
        keys.add(key);
        if (key == null) {
          continue;
        }
        if (seen.get(k).contains(key)) {
          duplicateInStatement = true;
        }
        long p = current.lookupKey(arbiters[k], key.toArray());
        if (p >= 0 && position < 0) {
          position = p;
        }
      }
      if (assignments == null) {
        if (position >= 0 || duplicateInStatement) {
          continue;
        }
      } else if (duplicateInStatement || position >= 0 && !touched.add(position)) {
        throw new SqlStateException(SqlState.CARDINALITY_VIOLATION,
            "ON CONFLICT DO UPDATE command cannot affect row a second time", null,
            "Ensure that no rows proposed for insertion within the same command have duplicate"
                + " constrained values.", 0, null);
      } else if (position >= 0) {
        Object[] existing = current.row(position, allColumns(table));
        Object[] changed = assignments.apply(existing, row);
        if (changed != null) {
          positions.add(position);
          updates.add(changed);
          written.add(changed);
        }
        continue;
      }
      for (int k = 0; k < arbiters.length; k++) {
        if (keys.get(k) != null) {
          seen.get(k).add(keys.get(k));
        }
      }
      inserts.add(row);
      written.add(row);
    }
    if (!updates.isEmpty()) {
      tx.update(table.name(), positions.stream().mapToLong(Long::longValue).toArray(), updates);
    }
    tx.insert(table.name(), inserts);
    return new Outcome(inserts, updates, written);
  }

  /** The key numbers the conflict target names (all keys when it names none). */
  private int[] arbiters(TableVersion current, TableSchema table) {
    List<List<String>> keys = current.keyColumns();
    if (targetColumns == null && constraint == null) {
      int[] all = new int[keys.size()];
      for (int k = 0; k < all.length; k++) {
        all[k] = k;
      }
      return all;
    }
    if (constraint != null) {
      List<String> names = new ArrayList<>(current.constraintIndexNames());
      table.uniqueIndexes().forEach(index -> names.add(index.name()));
      int k = names.indexOf(constraint);
      if (k < 0) {
        throw new SqlStateException(SqlState.UNDEFINED_OBJECT, "constraint \"" + constraint
            + "\" for table \"" + table.name() + "\" does not exist");
      }
      return new int[] {k};
    }
    for (int k = 0; k < keys.size(); k++) {
      if (new HashSet<>(keys.get(k)).equals(new HashSet<>(targetColumns))
          && keys.get(k).size() == targetColumns.size()) {
        return new int[] {k};
      }
    }
    throw new SqlStateException(SqlState.INVALID_COLUMN_REFERENCE,
        "there is no unique or exclusion constraint matching the ON CONFLICT specification");
  }

  private static List<Object> keyOf(TableSchema table, List<String> columns, Object[] row) {
    List<Object> key = new ArrayList<>(columns.size());
    for (String c : columns) {
      Object v = row[table.columnIndex(c)];
      if (v == null) {
        return null;
      }
      key.add(v instanceof java.math.BigDecimal d ? d.stripTrailingZeros() : v);
    }
    return key;
  }

  private static int[] allColumns(TableSchema table) {
    int[] all = new int[table.columns().size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return all;
  }

  /**
   * The DO UPDATE SET expressions, compiled once per statement as a query over two one-row
   * inputs: the existing row (named like the target) and {@code excluded}.
   */
  private static final class Assignments {
    private final StatementContext ctx;
    private final TableSchema table;
    private final int[] targets;
    private final boolean hasWhere;
    private final CompiledQuery query;
    private final SchemaPlus root;

    Assignments(StatementContext ctx, TableSchema table, String alias,
        List<Map.Entry<String, String>> sets, String where, String statementSql) {
      this.ctx = ctx;
      this.table = table;
      this.targets = new int[sets.size()];
      StringBuilder select = new StringBuilder("SELECT ");
      for (int i = 0; i < sets.size(); i++) {
        targets[i] = table.columnIndex(sets.get(i).getKey());
        if (targets[i] < 0) {
          throw new SqlStateException(SqlState.UNDEFINED_COLUMN, "column \""
              + sets.get(i).getKey() + "\" of relation \"" + table.name() + "\" does not exist");
        }
        select.append(i == 0 ? "" : ", ").append(excludedColumns(sets.get(i).getValue()));
      }
      this.hasWhere = where != null;
      if (hasWhere) {
        select.append(", (").append(excludedColumns(where)).append(")");
      }
      select.append(" FROM ")
          .append(RowParameters.values(table, "\"" + alias.replace("\"", "\"\"") + "\"", ""))
          .append(", ").append(RowParameters.values(table, "excluded", "ygg_ex_"));
      String text = select.toString();
      this.root = RootSchemas.create(ctx.readSnapshot(), null, Map.of());
      this.query = ctx.compile(new PlanKey("upsert", statementSql, List.of(),
          ctx.readSnapshot().schemaVersion()),
          () -> PgRewrites.apply(QueryCompiler.parse(text)), root, text);
    }

    /** The existing row with the assignments applied, or null when WHERE rejects it. */
    Object[] apply(Object[] existing, Object[] proposed) {
      Object[] params = new Object[existing.length * 2];
      System.arraycopy(existing, 0, params, 0, existing.length);
      System.arraycopy(proposed, 0, params, existing.length, proposed.length);
      Object[][] out = new Object[1][];
      new QueryPortal(query, ctx.execContext(root, params, query.markerTypes()))
          .execute(0, r -> out[0] = r);
      if (hasWhere && !Boolean.TRUE.equals(out[0][targets.length])) {
        return null;
      }
      Object[] row = existing.clone();
      for (int i = 0; i < targets.length; i++) {
        row[targets[i]] = AssignmentCast.cast(out[0][i], table.column(targets[i]).type());
      }
      return row;
    }

    /** {@code excluded.col} → {@code excluded."ygg_ex_col"} (the names excluded's columns get). */
    private static String excludedColumns(String expr) {
      List<Token> tokens = SqlLexer.tokenize(expr);
      StringBuilder out = new StringBuilder();
      int copied = 0;
      for (int i = 0; i + 2 < tokens.size(); i++) {
        if (tokens.get(i).is("excluded") && tokens.get(i + 1).kind() == Token.Kind.DOT) {
          Token col = tokens.get(i + 2);
          out.append(expr, copied, col.start()).append("\"ygg_ex_").append(col.identifier())
              .append('"');
          copied = col.end();
        }
      }
      return out.append(expr.substring(copied)).toString();
    }
  }
}
