package org.yggdrasil.planner.copy;

/** The value of a SQL string literal token: {@code 'it''s'}, {@code E'\t'}, {@code $$x$$}. */
final class Literals {
  private Literals() {}

  static String stringValue(String literal) {
    if (literal.startsWith("$")) {
      int tagEnd = literal.indexOf('$', 1);
      return literal.substring(tagEnd + 1, literal.length() - tagEnd - 1);
    }
    boolean escapes = literal.startsWith("E") || literal.startsWith("e");
    String body = literal.substring(escapes ? 2 : 1, literal.length() - 1).replace("''", "'");
    return escapes ? unescape(body) : body;
  }

  /** PostgreSQL's backslash escapes of E'' strings. */
  private static String unescape(String body) {
    StringBuilder out = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char ch = body.charAt(i);
      if (ch != '\\' || i + 1 >= body.length()) {
        out.append(ch);
        continue;
      }
      char n = body.charAt(++i);
      switch (n) {
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'x' -> {
          int end = i + 1;
          while (end < body.length() && end < i + 3 && Character.digit(body.charAt(end), 16) >= 0) {
            end++;
          }
          if (end == i + 1) {
            out.append('x');
          } else {
            out.append((char) Integer.parseInt(body.substring(i + 1, end), 16));
            i = end - 1;
          }
        }
        default -> {
          if (n >= '0' && n <= '7') {
            int end = i;
            while (end < body.length() && end < i + 3 && body.charAt(end) >= '0'
                && body.charAt(end) <= '7') {
              end++;
            }
            out.append((char) Integer.parseInt(body.substring(i, end), 8));
            i = end - 1;
          } else {
            out.append(n);
          }
        }
      }
    }
    return out.toString();
  }
}
