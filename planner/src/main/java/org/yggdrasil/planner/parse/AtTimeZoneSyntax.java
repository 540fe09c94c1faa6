package org.yggdrasil.planner.parse;

import java.util.List;

/**
 * Rewrites PostgreSQL's {@code expr AT TIME ZONE zone} into {@code ygg_pg_at_time_zone(expr,
 * zone)}, which Calcite's parser can read. AT binds tighter than arithmetic and looser than
 * {@code ::} (already rewritten into CAST by then), so the left operand is the primary
 * expression right before AT.
 */
final class AtTimeZoneSyntax {
  private AtTimeZoneSyntax() {}

  static String apply(String sql) {
    String current = sql;
    for (int guard = 0; guard < 1_000; guard++) {
      List<Token> tokens = SqlLexer.tokenize(current);
      int at = firstAtTimeZone(tokens);
      if (at < 0) {
        return current;
      }
      int start = InfixCasts.operandStart(tokens, at - 1);
      int zoneEnd = zoneOperandEnd(tokens, at + 3);
      if (start < 0 || zoneEnd < 0) {
        return current;
      }
      current = current.substring(0, tokens.get(start).start())
          + "ygg_pg_at_time_zone("
          + current.substring(tokens.get(start).start(), tokens.get(at - 1).end()) + ", "
          + current.substring(tokens.get(at + 3).start(), tokens.get(zoneEnd).end()) + ")"
          + current.substring(tokens.get(zoneEnd).end());
    }
    return current;
  }

  private static int firstAtTimeZone(List<Token> tokens) {
    for (int i = 1; i + 3 < tokens.size(); i++) {
      if (tokens.get(i).is("at") && tokens.get(i + 1).is("time") && tokens.get(i + 2).is("zone")) {
        return i;
      }
    }
    return -1;
  }

  /** Index of the last token of the zone operand starting at {@code i}, or -1. */
  private static int zoneOperandEnd(List<Token> tokens, int i) {
    Token first = tokens.get(i);
    switch (first.kind()) {
      case STRING, PARAMETER, NUMBER -> {
        return i;
      }
      case OPERATOR -> {
        return first.text().equals("?") ? i : -1;
      }
      case LEFT_PAREN -> {
        return closing(tokens, i);
      }
      case WORD, QUOTED_IDENTIFIER -> {
        int j = i;
        while (j + 2 < tokens.size() && tokens.get(j + 1).kind() == Token.Kind.DOT) {
          j += 2;
        }
        if (j + 1 < tokens.size() && tokens.get(j + 1).kind() == Token.Kind.LEFT_PAREN) {
          return closing(tokens, j + 1);
        }
        return j;
      }
      default -> {
        return -1;
      }
    }
  }

  private static int closing(List<Token> tokens, int open) {
    int depth = 0;
    for (int j = open; j < tokens.size(); j++) {
      if (tokens.get(j).kind() == Token.Kind.LEFT_PAREN) {
        depth++;
      } else if (tokens.get(j).kind() == Token.Kind.RIGHT_PAREN && --depth == 0) {
        return j;
      }
    }
    return -1;
  }
}
