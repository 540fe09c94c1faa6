package org.yggdrasil.pgwire.types;

import java.util.Locale;

/**
 * PostgreSQL's {@code float4in}/{@code float8in}: optional surrounding whitespace, the special
 * words NaN, Infinity, inf (any case, optionally signed), otherwise a decimal number with an
 * optional exponent. Values that overflow, or underflow to zero from nonzero digits, are out of
 * range (22003) as in PostgreSQL.
 */
final class FloatParser {
  private FloatParser() {}

  static double parseDouble(String text, PgType type) {
    String s = text.strip();
    Double special = special(s);
    if (special != null) {
      return special;
    }
    requireDecimal(s, text, type);
    double d = Double.parseDouble(s);
    if (Double.isInfinite(d) || (d == 0 && hasNonZeroDigit(s))) {
      throw outOfRange(text, type);
    }
    return d;
  }

  static float parseFloat(String text, PgType type) {
    String s = text.strip();
    Double special = special(s);
    if (special != null) {
      return special.floatValue();
    }
    requireDecimal(s, text, type);
    float f = Float.parseFloat(s);
    if (Float.isInfinite(f) || (f == 0 && hasNonZeroDigit(s))) {
      throw outOfRange(text, type);
    }
    return f;
  }

  private static Double special(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "nan", "+nan", "-nan" -> Double.NaN;
      case "infinity", "+infinity", "inf", "+inf" -> Double.POSITIVE_INFINITY;
      case "-infinity", "-inf" -> Double.NEGATIVE_INFINITY;
      default -> null;
    };
  }

  /** [+-] (digits [. digits] | . digits) [(e|E) [+-] digits]: Java's parser accepts more. */
  private static void requireDecimal(String s, String original, PgType type) {
    int i = 0;
    int n = s.length();
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      throw type.invalidText(original);
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int expDigits = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        expDigits++;
      }
      if (expDigits == 0) {
        throw type.invalidText(original);
      }
    }
    if (i != n) {
      throw type.invalidText(original);
    }
  }

  private static boolean hasNonZeroDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 'e' || c == 'E') {
        return false;
      }
      if (c >= '1' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static org.yggdrasil.catalog.error.SqlStateException outOfRange(
      String text, PgType type) {
    // PostgreSQL: "\"1e400\" is out of range for type double precision"
    return new org.yggdrasil.catalog.error.SqlStateException(
        org.yggdrasil.catalog.error.SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
        "\"" + text + "\" is out of range for type " + type.sqlName());
  }
}
