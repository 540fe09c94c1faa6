package org.yggdrasil.planner.parse;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code unnest(a)} in a select list, as PostgreSQL allows (SQLAlchemy's primary-key and index
 * reflection: {@code SELECT unnest(ix.indkey) attnum, generate_subscripts(ix.indkey, 1) ord}).
 * Calcite reserves UNNEST for the FROM clause and cannot parse it there, so the call is renamed
 * to {@value #NAME}; the planner's select-list rewrite then turns it into a lateral
 * {@code UNNEST … WITH ORDINALITY}.
 */
public final class SelectListUnnest {
  /** The name a select-list unnest is parsed under. */
  public static final String NAME = "ygg_select_unnest";

  /** Words that start a clause; the latest one at a parenthesis depth is the current clause. */
  private static final Set<String> CLAUSES = Set.of("select", "from", "where", "group", "having",
      "order", "limit", "offset", "join", "on", "using", "values", "set", "returning", "union",
      "intersect", "except", "window", "into", "lateral", "table");

  private SelectListUnnest() {}

  static String apply(String sql) {
    if (!sql.toLowerCase(Locale.ROOT).contains("unnest")) {
      return sql;
    }
    List<Token> tokens = SqlLexer.tokenize(sql);
    Deque<String> clauses = new ArrayDeque<>();
    clauses.push("");
    StringBuilder out = null;
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      switch (t.kind()) {
        case LEFT_PAREN -> clauses.push("");
        case RIGHT_PAREN -> {
          if (clauses.size() > 1) {
            clauses.pop();
          }
        }
        case WORD -> {
          String word = t.text().toLowerCase(Locale.ROOT);
          if (CLAUSES.contains(word)) {
            clauses.pop();
            clauses.push(word);
          } else if (word.equals("unnest") && clauses.peek().equals("select")
              && i + 1 < tokens.size() && tokens.get(i + 1).kind() == Token.Kind.LEFT_PAREN
              && (i == 0 || tokens.get(i - 1).kind() != Token.Kind.DOT)) {
            if (out == null) {
              out = new StringBuilder(sql.length() + 16);
            }
            out.append(sql, copied, t.start()).append(NAME);
            copied = t.end();
          }
        }
        default -> {
          // other tokens leave the clause as it is
        }
      }
    }
    return out == null ? sql : out.append(sql, copied, sql.length()).toString();
  }
}
