package org.yggdrasil.planner.exec;

import java.util.ArrayList;
import java.util.List;

/** Splits the inside of a one-dimensional PostgreSQL array literal ({@code a,"b c",NULL}). */
final class ArrayText {
  private ArrayText() {}

  /** The elements, unquoted; an unquoted NULL is Java null. */
  static List<String> elements(String inside) {
    List<String> out = new ArrayList<>();
    if (inside.isBlank()) {
      return out;
    }
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < inside.length(); i++) {
      char c = inside.charAt(i);
      if (quoted) {
        if (c == '\\' && i + 1 < inside.length()) {
          current.append(inside.charAt(++i));
        } else if (c == '"') {
          quoted = false;
        } else {
          current.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        out.add(element(current, wasQuoted));
        current.setLength(0);
        wasQuoted = false;
      } else if (!Character.isWhitespace(c)) {
        current.append(c);
      }
    }
    out.add(element(current, wasQuoted));
    return out;
  }

  private static String element(StringBuilder text, boolean quoted) {
    String s = text.toString();
    return !quoted && s.equalsIgnoreCase("null") ? null : s;
  }
}
