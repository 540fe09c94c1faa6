package org.yggdrasil.planner.parse;

/** The value of a string literal token: {@code '…'}, {@code E'…'} or {@code $tag$…$tag$}. */
public final class StringLiteral {
  private StringLiteral() {}

  public static String value(String literal) {
    if (literal.startsWith("$")) {
      int tagEnd = literal.indexOf('$', 1);
      return literal.substring(tagEnd + 1, literal.length() - tagEnd - 1);
    }
    boolean escapes = literal.startsWith("E") || literal.startsWith("e");
    String body = literal.substring(escapes ? 2 : 1, literal.length() - 1).replace("''", "'");
    if (!escapes) {
      return body;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char ch = body.charAt(i);
      if (ch == '\\' && i + 1 < body.length()) {
        char n = body.charAt(++i);
        out.append(switch (n) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          case 'b' -> '\b';
          case 'f' -> '\f';
          default -> n;
        });
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }
}
