package org.yggdrasil.planner.parse;

import java.util.List;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/** A read position over a token list, for the small recursive-descent parsers of this package. */
public final class TokenCursor {
  private final String sql;
  private final List<Token> tokens;
  private int index;

  public TokenCursor(String sql) {
    this.sql = sql;
    this.tokens = SqlLexer.tokenize(sql);
  }

  public String sql() {
    return sql;
  }

  public boolean atEnd() {
    return index >= tokens.size();
  }

  public Token peek() {
    return index < tokens.size() ? tokens.get(index) : null;
  }

  public Token peek(int ahead) {
    int i = index + ahead;
    return i < tokens.size() ? tokens.get(i) : null;
  }

  public Token next() {
    if (atEnd()) {
      throw error("syntax error at end of input");
    }
    return tokens.get(index++);
  }

  public int index() {
    return index;
  }

  public void reset(int newIndex) {
    index = newIndex;
  }

  /** Consumes the next token if it is the given keyword. */
  public boolean accept(String keyword) {
    Token t = peek();
    if (t != null && t.is(keyword)) {
      index++;
      return true;
    }
    return false;
  }

  /** Consumes the keywords in sequence if all of them come next; otherwise consumes nothing. */
  public boolean acceptAll(String... keywords) {
    for (int i = 0; i < keywords.length; i++) {
      Token t = peek(i);
      if (t == null || !t.is(keywords[i])) {
        return false;
      }
    }
    index += keywords.length;
    return true;
  }

  public boolean accept(Token.Kind kind) {
    Token t = peek();
    if (t != null && t.kind() == kind) {
      index++;
      return true;
    }
    return false;
  }

  public void expect(String keyword) {
    if (!accept(keyword)) {
      throw unexpected();
    }
  }

  public void expect(Token.Kind kind) {
    if (!accept(kind)) {
      throw unexpected();
    }
  }

  /** An identifier (unquoted word folded to lower case, or a quoted identifier). */
  public String identifier() {
    Token t = peek();
    if (t == null || (t.kind() != Token.Kind.WORD && t.kind() != Token.Kind.QUOTED_IDENTIFIER)) {
      throw unexpected();
    }
    index++;
    return t.identifier();
  }

  /** The source text from token {@code fromIndex} up to (excluding) the current token. */
  public String textFrom(int fromIndex) {
    if (fromIndex >= index) {
      return "";
    }
    return sql.substring(tokens.get(fromIndex).start(), tokens.get(index - 1).end());
  }

  /** Source text after the current position to the end of the statement. */
  public String rest() {
    return atEnd() ? "" : sql.substring(tokens.get(index).start());
  }

  /** A syntax error at the current token, PostgreSQL-style. */
  public SqlStateException unexpected() {
    Token t = peek();
    if (t == null) {
      return error("syntax error at end of input");
    }
    return new SqlStateException(SqlState.SYNTAX_ERROR,
        "syntax error at or near \"" + t.text() + "\"", null, null, t.start() + 1, null);
  }

  public SqlStateException error(String message) {
    return new SqlStateException(SqlState.SYNTAX_ERROR, message, null, null, sql.length(), null);
  }

  /** {@code (a, b, …)}: a parenthesised list of identifiers. */
  public List<String> identifierList() {
    expect(Token.Kind.LEFT_PAREN);
    List<String> names = new java.util.ArrayList<>();
    do {
      names.add(identifier());
    } while (accept(Token.Kind.COMMA));
    expect(Token.Kind.RIGHT_PAREN);
    return names;
  }

  /**
   * Consumes an expression and returns its text: tokens up to one that {@code stop} accepts, or
   * an unbalanced closing parenthesis, outside any parentheses of its own. 42601 if empty.
   */
  public String expressionUntil(java.util.function.Predicate<Token> stop) {
    int start = index;
    int depth = 0;
    while (!atEnd()) {
      Token t = peek();
      if (depth == 0 && (t.kind() == Token.Kind.RIGHT_PAREN || stop.test(t))) {
        break;
      }
      if (t.kind() == Token.Kind.LEFT_PAREN) {
        depth++;
      } else if (t.kind() == Token.Kind.RIGHT_PAREN) {
        depth--;
      }
      next();
    }
    if (index == start) {
      throw unexpected();
    }
    return textFrom(start);
  }

  /** Skips a balanced parenthesised group; the cursor must be on the opening parenthesis. */
  public void skipParenthesised() {
    expect(Token.Kind.LEFT_PAREN);
    int depth = 1;
    while (depth > 0) {
      Token t = next();
      if (t.kind() == Token.Kind.LEFT_PAREN) {
        depth++;
      } else if (t.kind() == Token.Kind.RIGHT_PAREN) {
        depth--;
      }
    }
  }
}
