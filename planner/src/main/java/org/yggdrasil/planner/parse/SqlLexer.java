package org.yggdrasil.planner.parse;

import java.util.ArrayList;
import java.util.List;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * Splits PostgreSQL SQL text into tokens, skipping whitespace and comments. It understands
 * everything that can hide a semicolon or a keyword: single-quoted strings (also E'' and
 * standard-conforming ones), dollar-quoted strings, quoted identifiers, line comments and nested
 * block comments. It is the statement layer's lexer, not a full SQL grammar.
 */
public final class SqlLexer {
  private final String sql;
  private int pos;

  private SqlLexer(String sql) {
    this.sql = sql;
  }

  /** All tokens of {@code sql}. */
  public static List<Token> tokenize(String sql) {
    SqlLexer lexer = new SqlLexer(sql);
    List<Token> tokens = new ArrayList<>();
    Token t;
    while ((t = lexer.next()) != null) {
      tokens.add(t);
    }
    return tokens;
  }

  /**
   * The tokens of one statement without a trailing semicolon, or null when the text does not
   * lex (the caller then leaves it to the full parser, which reports the error).
   */
  public static List<Token> tokenizeStatement(String sql) {
    List<Token> tokens;
    try {
      tokens = tokenize(sql);
    } catch (SqlStateException e) {
      return null;
    }
    int n = tokens.size();
    return n > 0 && tokens.get(n - 1).kind() == Token.Kind.SEMICOLON
        ? tokens.subList(0, n - 1) : tokens;
  }

  /**
   * Splits a simple-query string into statements at top-level semicolons. Statements that are
   * empty (only whitespace and comments) are dropped; the result is empty for an empty query.
   */
  public static List<String> splitStatements(String sql) {
    List<String> out = new ArrayList<>();
    SqlLexer lexer = new SqlLexer(sql);
    int start = 0;
    boolean sawToken = false;
    Token t;
    while ((t = lexer.next()) != null) {
      if (t.kind() == Token.Kind.SEMICOLON) {
        if (sawToken) {
          out.add(sql.substring(start, t.start()));
        }
        start = t.end();
        sawToken = false;
      } else {
        sawToken = true;
      }
    }
    if (sawToken) {
      out.add(sql.substring(start));
    }
    return out;
  }

  private Token next() {
    skipSpaceAndComments();
    if (pos >= sql.length()) {
      return null;
    }
    int start = pos;
    char c = sql.charAt(pos);
    if ((c == 'E' || c == 'e') && peek(1) == '\'') {
      pos++;
      readQuoted('\'', true);
      return token(Token.Kind.STRING, start);
    }
    if (c == '\'') {
      readQuoted('\'', false);
      return token(Token.Kind.STRING, start);
    }
    if (c == '"') {
      readQuoted('"', false);
      return token(Token.Kind.QUOTED_IDENTIFIER, start);
    }
    if (c == '$') {
      if (Character.isDigit(peek(1))) {
        pos++;
        while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
          pos++;
        }
        return token(Token.Kind.PARAMETER, start);
      }
      String tag = dollarTag();
      if (tag != null) {
        int close = sql.indexOf(tag, pos + tag.length());
        if (close < 0) {
          throw unterminated(start, "dollar-quoted string");
        }
        pos = close + tag.length();
        return token(Token.Kind.STRING, start);
      }
    }
    if (Character.isLetter(c) || c == '_' || c >= 0x80) {
      while (pos < sql.length() && isWordChar(sql.charAt(pos))) {
        pos++;
      }
      return token(Token.Kind.WORD, start);
    }
    if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
      readNumber();
      return token(Token.Kind.NUMBER, start);
    }
    pos++;
    return switch (c) {
      case ';' -> token(Token.Kind.SEMICOLON, start);
      case '(' -> token(Token.Kind.LEFT_PAREN, start);
      case ')' -> token(Token.Kind.RIGHT_PAREN, start);
      case ',' -> token(Token.Kind.COMMA, start);
      case '.' -> token(Token.Kind.DOT, start);
      default -> {
        while (pos < sql.length() && "+-*/<>=~!@#%^&|`?:".indexOf(sql.charAt(pos)) >= 0
            && !sql.startsWith("--", pos) && !sql.startsWith("/*", pos)) {
          pos++;
        }
        yield token(Token.Kind.OPERATOR, start);
      }
    };
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c >= 0x80;
  }

  private void readNumber() {
    while (pos < sql.length() && (Character.isDigit(sql.charAt(pos)) || sql.charAt(pos) == '.')) {
      pos++;
    }
    if (pos < sql.length() && (sql.charAt(pos) == 'e' || sql.charAt(pos) == 'E')) {
      int save = pos;
      pos++;
      if (pos < sql.length() && (sql.charAt(pos) == '+' || sql.charAt(pos) == '-')) {
        pos++;
      }
      if (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
        while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
          pos++;
        }
      } else {
        pos = save;
      }
    }
  }

  /** Reads a $tag$ opener at pos, returning it (pos unchanged), or null if this is no tag. */
  private String dollarTag() {
    int i = pos + 1;
    while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
      i++;
    }
    if (i < sql.length() && sql.charAt(i) == '$') {
      return sql.substring(pos, i + 1);
    }
    return null;
  }

  private void readQuoted(char quote, boolean backslashEscapes) {
    int start = pos;
    pos++;
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      if (backslashEscapes && c == '\\') {
        pos += 2;
        continue;
      }
      if (c == quote) {
        if (peek(1) == quote) {
          pos += 2;
          continue;
        }
        pos++;
        return;
      }
      pos++;
    }
    throw unterminated(start, quote == '"' ? "quoted identifier" : "quoted string");
  }

  private void skipSpaceAndComments() {
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (sql.startsWith("--", pos)) {
        int nl = sql.indexOf('\n', pos);
        pos = nl < 0 ? sql.length() : nl + 1;
      } else if (sql.startsWith("/*", pos)) {
        int start = pos;
        int depth = 0;
        do {
          if (sql.startsWith("/*", pos)) {
            depth++;
            pos += 2;
          } else if (sql.startsWith("*/", pos)) {
            depth--;
            pos += 2;
          } else {
            pos++;
          }
        } while (depth > 0 && pos < sql.length());
        if (depth > 0) {
          throw unterminated(start, "/* comment");
        }
      } else {
        return;
      }
    }
  }

  private char peek(int ahead) {
    int i = pos + ahead;
    return i < sql.length() ? sql.charAt(i) : '\0';
  }

  private Token token(Token.Kind kind, int start) {
    return new Token(kind, sql.substring(start, pos), start, pos);
  }

  private SqlStateException unterminated(int start, String what) {
    return new SqlStateException(
        SqlState.SYNTAX_ERROR, "unterminated " + what + " at or near \""
            + sql.substring(start, Math.min(sql.length(), start + 10)) + "\"",
        null, null, start + 1, null);
  }
}
