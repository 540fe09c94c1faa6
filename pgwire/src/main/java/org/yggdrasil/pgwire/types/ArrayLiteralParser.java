package org.yggdrasil.pgwire.types;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses an array literal ({@code array_in}): {@code {1,2,NULL}}, nested braces for more
 * dimensions, double-quoted elements with backslash escapes, unquoted elements trimmed of
 * surrounding whitespace, an unquoted {@code NULL} (any case) for SQL NULL, and an optional
 * leading dimension decoration {@code [1:3]=} (whose bounds are not kept).
 */
final class ArrayLiteralParser {
  private final String text;
  private final PgType element;
  private final ArrayType array;
  private int pos;

  ArrayLiteralParser(String text, PgType element, ArrayType array) {
    this.text = text;
    this.element = element;
    this.array = array;
  }

  List<Object> parse() {
    skipSpaces();
    if (pos < text.length() && text.charAt(pos) == '[') {
      int eq = text.indexOf('=', pos);
      if (eq < 0) {
        throw array.malformed(text);
      }
      pos = eq + 1;
      skipSpaces();
    }
    List<Object> result = list();
    skipSpaces();
    if (pos != text.length()) {
      throw array.malformed(text);
    }
    return result;
  }

  private List<Object> list() {
    expect('{');
    List<Object> items = new ArrayList<>();
    skipSpaces();
    if (peek() == '}') {
      pos++;
      return items;
    }
    while (true) {
      skipSpaces();
      char c = peek();
      if (c == '{') {
        items.add(list());
      } else if (c == '"') {
        items.add(element.decodeText(quoted()));
      } else {
        items.add(unquoted());
      }
      skipSpaces();
      char sep = peek();
      pos++;
      if (sep == '}') {
        return items;
      }
      if (sep != ',') {
        throw array.malformed(text);
      }
    }
  }

  private String quoted() {
    pos++; // opening quote
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw array.malformed(text);
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c == '\\') {
        if (pos >= text.length()) {
          throw array.malformed(text);
        }
        c = text.charAt(pos++);
      }
      sb.append(c);
    }
  }

  private Object unquoted() {
    StringBuilder sb = new StringBuilder();
    boolean escaped = false;
    int trimTo = 0; // length without trailing unescaped whitespace
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ',' || c == '}') {
        break;
      }
      if (c == '{' || c == '"') {
        throw array.malformed(text);
      }
      pos++;
      if (c == '\\') {
        if (pos >= text.length()) {
          throw array.malformed(text);
        }
        sb.append(text.charAt(pos++));
        escaped = true;
        trimTo = sb.length();
      } else {
        sb.append(c);
        if (!IntegerParser.isSpace(c)) {
          trimTo = sb.length();
        }
      }
    }
    String s = sb.substring(0, trimTo);
    if (s.isEmpty()) {
      throw array.malformed(text);
    }
    if (!escaped && s.equalsIgnoreCase("NULL")) {
      return null;
    }
    return element.decodeText(s);
  }

  private char peek() {
    if (pos >= text.length()) {
      throw array.malformed(text);
    }
    return text.charAt(pos);
  }

  private void expect(char c) {
    if (peek() != c) {
      throw array.malformed(text);
    }
    pos++;
  }

  private void skipSpaces() {
    while (pos < text.length() && IntegerParser.isSpace(text.charAt(pos))) {
      pos++;
    }
  }
}
