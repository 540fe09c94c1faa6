package org.yggdrasil.planner.schema.functions;

/** JSON texts of single values, for json_build_object. */
public final class JsonText {
  private JsonText() {}

  /** A JSON string literal, or {@code null}. */
  public static String string(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /** {@code true}, {@code false} or {@code null}. */
  public static String bool(Boolean b) {
    return b == null ? "null" : b.toString();
  }
}
