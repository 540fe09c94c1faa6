package org.yggdrasil.planner.schema.functions;

/**
 * PostgreSQL's {@code btrim}, {@code ltrim} and {@code rtrim} with a set of characters to
 * remove (Calcite's ltrim and rtrim take only the string and remove blanks). Characters are
 * code points, as in PostgreSQL with UTF-8.
 */
public final class TrimFunctions {
  private TrimFunctions() {}

  public static String btrim(String s, String characters) {
    return trim(s, characters, true, true);
  }

  public static String ltrim(String s, String characters) {
    return trim(s, characters, true, false);
  }

  public static String rtrim(String s, String characters) {
    return trim(s, characters, false, true);
  }

  private static String trim(String s, String characters, boolean leading, boolean trailing) {
    if (s == null || characters == null) {
      return null;
    }
    int start = 0;
    int end = s.length();
    while (leading && start < end && characters.indexOf(s.codePointAt(start)) >= 0) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (trailing && end > start && characters.indexOf(s.codePointBefore(end)) >= 0) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }
}
