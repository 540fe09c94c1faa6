package org.yggdrasil.planner.parse;

import java.util.Locale;

/**
 * One lexical token of PostgreSQL SQL text.
 *
 * @param kind what the token is
 * @param text the token's source text, exactly as written
 * @param start offset of the first character in the statement text
 * @param end offset after the last character
 */
public record Token(Kind kind, String text, int start, int end) {

  /** Token kinds; only the distinctions the statement layer needs. */
  public enum Kind {
    WORD, QUOTED_IDENTIFIER, STRING, NUMBER, PARAMETER, OPERATOR, SEMICOLON, LEFT_PAREN,
    RIGHT_PAREN, COMMA, DOT
  }

  /** True for an unquoted word equal (ignoring case) to {@code keyword}. */
  public boolean is(String keyword) {
    return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
  }

  /**
   * The identifier this token names, folded as PostgreSQL folds it: unquoted words to lower
   * case, double-quoted ones unchanged (with doubled quotes undone).
   */
  public String identifier() {
    return switch (kind) {
      case QUOTED_IDENTIFIER -> text.substring(1, text.length() - 1).replace("\"\"", "\"");
      default -> text.toLowerCase(Locale.ROOT);
    };
  }
}
