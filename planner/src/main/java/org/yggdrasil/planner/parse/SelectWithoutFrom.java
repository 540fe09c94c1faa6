package org.yggdrasil.planner.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL allows WHERE, GROUP BY and HAVING on a SELECT without FROM ({@code INSERT INTO t
 * SELECT 1, 'x' WHERE NOT EXISTS (…)} is a common migration idiom); Calcite's grammar does
 * not. Such a SELECT gets a one-row FROM clause, which changes nothing else.
 */
final class SelectWithoutFrom {
  private static final String ONE_ROW = "FROM (VALUES (0)) AS ygg_one_row (ygg_one_row) ";

  private SelectWithoutFrom() {}

  static String apply(String sql) {
    List<Token> tokens = SqlLexer.tokenize(sql);
    List<Integer> inserts = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).is("select")) {
        int at = clauseWithoutFrom(tokens, i + 1);
        if (at >= 0) {
          inserts.add(tokens.get(at).start());
        }
      }
    }
    if (inserts.isEmpty()) {
      return sql;
    }
    StringBuilder out = new StringBuilder(sql.length() + inserts.size() * ONE_ROW.length());
    int copied = 0;
    for (int offset : inserts) {
      out.append(sql, copied, offset).append(ONE_ROW);
      copied = offset;
    }
    return out.append(sql, copied, sql.length()).toString();
  }

  /** Maps a 1-based position in rewritten text back past the clauses {@link #apply} added. */
  static int originalPosition(String rewritten, int position) {
    int shift = 0;
    for (int at = rewritten.indexOf(ONE_ROW); at >= 0 && at < position - 1;
        at = rewritten.indexOf(ONE_ROW, at + 1)) {
      shift += Math.min(ONE_ROW.length(), position - 1 - at);
    }
    return position - shift;
  }

  /**
   * The index of the WHERE / GROUP / HAVING that follows this SELECT's list at the same depth
   * before any FROM, or -1.
   */
  private static int clauseWithoutFrom(List<Token> tokens, int from) {
    int depth = 0;
    for (int i = from; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      switch (t.kind()) {
        case LEFT_PAREN -> depth++;
        case RIGHT_PAREN -> {
          if (--depth < 0) {
            return -1;
          }
        }
        case SEMICOLON -> {
          return -1;
        }
        case WORD -> {
          if (depth > 0) {
            continue;
          }
          if (t.is("from") || t.is("union") || t.is("except") || t.is("intersect")
              || t.is("order") || t.is("limit") || t.is("offset") || t.is("into")
              || t.is("select") || t.is("window")) {
            return -1;
          }
          if (t.is("where") || t.is("having")
              || t.is("group") && i + 1 < tokens.size() && tokens.get(i + 1).is("by")) {
            return i;
          }
        }
        default -> { }
      }
    }
    return -1;
  }
}
