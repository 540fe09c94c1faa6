package org.yggdrasil.pgwire.types;

/**
 * PostgreSQL's integer input syntax ({@code pg_strtoint*}, PostgreSQL 16): optional surrounding
 * whitespace, an optional sign, decimal digits or a {@code 0x}/{@code 0o}/{@code 0b} prefixed
 * number, with single underscores allowed between digits.
 */
final class IntegerParser {
  private IntegerParser() {}

  /**
   * Parses {@code text} into a long within [min, max].
   *
   * @throws org.yggdrasil.catalog.error.SqlStateException 22P02 for bad syntax, 22003 when out of
   *     range
   */
  static long parse(String text, long min, long max, PgType type) {
    int i = 0;
    int end = text.length();
    while (i < end && isSpace(text.charAt(i))) {
      i++;
    }
    while (end > i && isSpace(text.charAt(end - 1))) {
      end--;
    }
    boolean negative = false;
    if (i < end && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      negative = text.charAt(i) == '-';
      i++;
    }
    int radix = 10;
    if (end - i > 2 && text.charAt(i) == '0') {
      char p = Character.toLowerCase(text.charAt(i + 1));
      radix = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 10;
      if (radix != 10) {
        i += 2;
      }
    }
    if (i >= end) {
      throw type.invalidText(text);
    }
    // Accumulate negatively so that Long.MIN_VALUE parses without overflow.
    long value = 0;
    boolean overflow = false;
    boolean lastWasDigit = false;
    for (; i < end; i++) {
      char c = text.charAt(i);
      if (c == '_') {
        if (!lastWasDigit || i + 1 >= end) {
          throw type.invalidText(text);
        }
        lastWasDigit = false;
        continue;
      }
      int d = Character.digit(c, radix);
      if (d < 0 || c > 0x7F) {
        throw type.invalidText(text);
      }
      lastWasDigit = true;
      if (!overflow) {
        if (value < (Long.MIN_VALUE + d) / radix) {
          overflow = true;
        } else {
          value = value * radix - d;
        }
      }
    }
    if (!lastWasDigit) {
      throw type.invalidText(text);
    }
    if (overflow) {
      throw type.outOfRange(text);
    }
    if (!negative) {
      if (value == Long.MIN_VALUE) {
        throw type.outOfRange(text);
      }
      value = -value;
    }
    if (value < min || value > max) {
      throw type.outOfRange(text);
    }
    return value;
  }

  /** C isspace(): the whitespace PostgreSQL's input functions skip. */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
  }
}
