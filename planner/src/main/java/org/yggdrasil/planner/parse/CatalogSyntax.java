package org.yggdrasil.planner.parse;

import java.util.List;

/**
 * Token-level rewrites for the PostgreSQL spellings catalog queries (psql's backslash commands,
 * drivers' metadata calls) use and Calcite's parser does not read:
 *
 * <ul>
 *   <li>{@code OPERATOR(pg_catalog.~)} is the operator itself: {@code ~}.
 *   <li>{@code COLLATE pg_catalog.default} / {@code COLLATE "C"} are dropped: Yggdrasil compares
 *       text by code point, which is what these collations mean here.
 *   <li>{@code pg_catalog.unnest(…)} is the UNNEST operator.
 *   <li>{@code pg_catalog.pg_partition_ancestors(x) WITH ORDINALITY AS a(relid, depth)} is an
 *       empty relation with those columns: Yggdrasil has no partitioned tables, so no relation
 *       has ancestors.
 * </ul>
 */
final class CatalogSyntax {
  private CatalogSyntax() {}

  static String apply(String sql) {
    String lower = sql.toLowerCase(java.util.Locale.ROOT);
    if (!lower.contains("operator") && !lower.contains("collate")
        && !lower.contains("ordinality") && !lower.contains("pg_catalog.unnest")) {
      return sql;
    }
    List<Token> tokens = SqlLexer.tokenize(sql);
    StringBuilder out = new StringBuilder(sql.length());
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      int end = -1;
      String replacement = null;
      if (t.is("operator") && i + 1 < tokens.size()
          && tokens.get(i + 1).kind() == Token.Kind.LEFT_PAREN) {
        int close = closing(tokens, i + 1);
        if (close > 0 && tokens.get(close - 1).kind() == Token.Kind.OPERATOR) {
          replacement = " " + tokens.get(close - 1).text() + " ";
          end = close;
        }
      } else if (t.is("collate") && i + 1 < tokens.size()) {
        end = i + 1;
        while (end + 1 < tokens.size() && tokens.get(end + 1).kind() == Token.Kind.DOT) {
          end += 2;
        }
        replacement = " ";
      } else if (t.is("pg_catalog") && i + 3 < tokens.size()
          && tokens.get(i + 1).kind() == Token.Kind.DOT && tokens.get(i + 2).is("unnest")
          && tokens.get(i + 3).kind() == Token.Kind.LEFT_PAREN) {
        replacement = "unnest";
        end = i + 2;
      } else if (t.is("pg_partition_ancestors")) {
        int close = i + 1 < tokens.size() ? closing(tokens, i + 1) : -1;
        if (close > 0 && close + 7 < tokens.size() && tokens.get(close + 1).is("with")
            && tokens.get(close + 2).is("ordinality") && tokens.get(close + 3).is("as")) {
          int aliasEnd = closing(tokens, close + 5);
          if (aliasEnd > 0) {
            int start = i >= 2 && tokens.get(i - 1).kind() == Token.Kind.DOT ? i - 2 : i;
            out.append(sql, copied, tokens.get(start).start());
            out.append("(SELECT CAST(NULL AS BIGINT) AS relid, 0 AS depth FROM (VALUES (0))"
                + " AS e(x) WHERE FALSE) AS ").append(tokens.get(close + 4).text());
            copied = tokens.get(aliasEnd).end();
            i = aliasEnd;
            continue;
          }
        }
      }
      if (replacement != null) {
        out.append(sql, copied, t.start()).append(replacement);
        copied = tokens.get(end).end();
        i = end;
      }
    }
    return out.append(sql, copied, sql.length()).toString();
  }

  /** Index of the parenthesis closing the one at {@code open}, or -1. */
  private static int closing(List<Token> tokens, int open) {
    if (open >= tokens.size() || tokens.get(open).kind() != Token.Kind.LEFT_PAREN) {
      return -1;
    }
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      if (tokens.get(i).kind() == Token.Kind.LEFT_PAREN) {
        depth++;
      } else if (tokens.get(i).kind() == Token.Kind.RIGHT_PAREN && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
