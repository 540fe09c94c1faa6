package org.yggdrasil.planner.parse;

import java.util.List;
import java.util.Set;

/**
 * Rewrites PostgreSQL's {@code expr::type} into {@code CAST(expr AS type)} at the token level.
 * Babel's parser gives {@code ::} a lower precedence than comparison and arithmetic ({@code 2 =
 * 1::int4} would read as {@code (2 = 1)::int4}); in PostgreSQL it binds tighter than any
 * operator, so the operand is the primary expression right before it.
 */
final class InfixCasts {
  private static final Set<String> TYPED_LITERAL_PREFIXES =
      Set.of("date", "time", "timestamp", "interval");

  private InfixCasts() {}

  static String apply(String sql) {
    String current = sql;
    // Each pass rewrites the leftmost cast; chains (a::int::text) take one pass per link.
    for (int guard = 0; guard < 10_000; guard++) {
      List<Token> tokens = SqlLexer.tokenize(current);
      int at = firstCast(tokens);
      if (at < 0) {
        return current;
      }
      String rewritten = rewriteAt(current, tokens, at);
      if (rewritten == null) {
        return current;
      }
      current = rewritten;
    }
    return current;
  }

  private static int firstCast(List<Token> tokens) {
    for (int i = 1; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() == Token.Kind.OPERATOR && t.text().equals("::")) {
        return i;
      }
    }
    return -1;
  }

  private static String rewriteAt(String sql, List<Token> tokens, int at) {
    int start = operandStart(tokens, at - 1);
    int typeEnd = typeEnd(tokens, at + 1);
    if (start < 0 || typeEnd <= at + 1) {
      return null;
    }
    String operand = sql.substring(tokens.get(start).start(), tokens.get(at - 1).end());
    String type = sql.substring(tokens.get(at + 1).start(), tokens.get(typeEnd - 1).end());
    // text[] is spelled "text ARRAY" in Calcite's CAST.
    while (type.endsWith("[]")) {
      type = type.substring(0, type.length() - 2).stripTrailing() + " ARRAY";
    }
    return sql.substring(0, tokens.get(start).start()) + "CAST(" + operand + " AS " + type + ")"
        + sql.substring(tokens.get(typeEnd - 1).end());
  }

  /** Index of the first token of the primary expression ending at {@code last}. */
  static int operandStart(List<Token> tokens, int last) {
    Token t = tokens.get(last);
    int i = last;
    switch (t.kind()) {
      case RIGHT_PAREN -> {
        int depth = 0;
        for (; i >= 0; i--) {
          Token k = tokens.get(i);
          if (k.kind() == Token.Kind.RIGHT_PAREN) {
            depth++;
          } else if (k.kind() == Token.Kind.LEFT_PAREN && --depth == 0) {
            break;
          }
        }
        if (i < 0) {
          return -1;
        }
        // A function call (possibly schema-qualified) owns the parentheses.
        if (i > 0 && (tokens.get(i - 1).kind() == Token.Kind.WORD
            || tokens.get(i - 1).kind() == Token.Kind.QUOTED_IDENTIFIER)
            && !isKeywordBeforeParen(tokens.get(i - 1))) {
          i = qualifiedStart(tokens, i - 1);
        }
        return i;
      }
      case WORD, QUOTED_IDENTIFIER -> {
        return qualifiedStart(tokens, i);
      }
      case STRING -> {
        if (i > 0 && tokens.get(i - 1).kind() == Token.Kind.WORD
            && isTypedLiteralPrefix(tokens.get(i - 1).text().toLowerCase(
                java.util.Locale.ROOT))) {
          return i - 1;
        }
        return i;
      }
      case NUMBER, PARAMETER -> {
        return i;
      }
      case OPERATOR -> {
        // a parameter marker already rewritten to ?
        return t.text().equals("?") ? i : -1;
      }
      default -> {
        return -1;
      }
    }
  }

  private static boolean isTypedLiteralPrefix(String word) {
    return TYPED_LITERAL_PREFIXES.contains(word)
        || PgSyntaxRewrite.TYPED_LITERAL_TYPES.contains(word);
  }

  private static boolean isKeywordBeforeParen(Token t) {
    return t.is("in") || t.is("exists") || t.is("and") || t.is("or") || t.is("not")
        || t.is("select") || t.is("where") || t.is("from") || t.is("on") || t.is("values")
        || t.is("when") || t.is("then") || t.is("else") || t.is("as") || t.is("any")
        || t.is("all") || t.is("some") || t.is("by") || t.is("having") || t.is("join");
  }

  private static int qualifiedStart(List<Token> tokens, int i) {
    while (i >= 2 && tokens.get(i - 1).kind() == Token.Kind.DOT
        && (tokens.get(i - 2).kind() == Token.Kind.WORD
            || tokens.get(i - 2).kind() == Token.Kind.QUOTED_IDENTIFIER)) {
      i -= 2;
    }
    return i;
  }

  /** Index after the last token of the type name starting at {@code i}. */
  private static int typeEnd(List<Token> tokens, int i) {
    if (i >= tokens.size() || (tokens.get(i).kind() != Token.Kind.WORD
        && tokens.get(i).kind() != Token.Kind.QUOTED_IDENTIFIER)) {
      return -1;
    }
    Token first = tokens.get(i++);
    if (first.is("double") && i < tokens.size() && tokens.get(i).is("precision")) {
      i++;
    } else if ((first.is("character") || first.is("char") || first.is("bit"))
        && i < tokens.size() && tokens.get(i).is("varying")) {
      i++;
    }
    // pg_catalog.int4 and the like
    while (i + 1 < tokens.size() && tokens.get(i).kind() == Token.Kind.DOT) {
      i += 2;
    }
    if (i < tokens.size() && tokens.get(i).kind() == Token.Kind.LEFT_PAREN) {
      int depth = 0;
      for (; i < tokens.size(); i++) {
        if (tokens.get(i).kind() == Token.Kind.LEFT_PAREN) {
          depth++;
        } else if (tokens.get(i).kind() == Token.Kind.RIGHT_PAREN && --depth == 0) {
          i++;
          break;
        }
      }
    }
    if ((first.is("timestamp") || first.is("time")) && i + 2 < tokens.size()
        && (tokens.get(i).is("with") || tokens.get(i).is("without"))
        && tokens.get(i + 1).is("time") && tokens.get(i + 2).is("zone")) {
      i += 3;
    }
    while (i + 1 < tokens.size() && tokens.get(i).text().equals("[")
        && tokens.get(i + 1).text().equals("]")) {
      i += 2;
    }
    return i;
  }
}
