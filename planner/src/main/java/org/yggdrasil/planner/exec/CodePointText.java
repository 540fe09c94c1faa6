package org.yggdrasil.planner.exec;

import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * PostgreSQL's text functions that count characters, counting code points as PostgreSQL does
 * rather than Java's UTF-16 units: a character beyond U+FFFF (an emoji) is one character and
 * is never cut in half. Called by generated code (see {@link CodePointStrings}); any null
 * argument gives null, as these functions are strict in PostgreSQL.
 *
 * <p>Each function first counts the code points of its string: {@link String#codePointCount}
 * answers at once for a Latin-1 string (no surrogates possible), and when the count equals the
 * length, positions are plain {@code char} indices, as cheap as Calcite's own functions.
 */
public final class CodePointText {
  /**
   * The longest lpad/rpad result PostgreSQL can allocate: four bytes a character (UTF-8) must
   * fit in its 1 GB limit. Longer requests fail there; here they would exhaust the heap.
   */
  private static final int MAX_PADDED_LENGTH = (0x3fffffff - 4) / 4;

  private CodePointText() {}

  /** {@code substring(s FROM start FOR length)}, {@code substr(s, start, length)}. */
  public static String substring(String s, Integer start, Integer length) {
    if (s == null || start == null || length == null) {
      return null;
    }
    if (length < 0) {
      throw new SqlStateException(SqlState.SUBSTRING_ERROR, "negative substring length not allowed");
    }
    // 1-based, end exclusive; a start before 1 still counts towards the end (SQL standard)
    long end = (long) start + length;
    if (end <= 1) {
      return "";
    }
    int count = count(s);
    long from = Math.min(Math.max(start, 1) - 1L, count);
    return slice(s, count, (int) from, (int) Math.max(from, Math.min(end - 1, count)));
  }

  /** {@code substring(s FROM start)}, {@code substr(s, start)}: to the end of s. */
  public static String substringFrom(String s, Integer start) {
    if (s == null || start == null) {
      return null;
    }
    int count = count(s);
    return slice(s, count, (int) Math.min(Math.max(start, 1) - 1L, count), count);
  }

  /** {@code left(s, n)}: the first n characters; for negative n all but the last |n|. */
  public static String left(String s, Integer n) {
    if (s == null || n == null) {
      return null;
    }
    int count = count(s);
    // count + n cannot overflow: count >= 0 > n
    return slice(s, count, 0, n >= 0 ? Math.min(n, count) : Math.max(count + n, 0));
  }

  /** {@code right(s, n)}: the last n characters; for negative n all but the first |n|. */
  public static String right(String s, Integer n) {
    if (s == null || n == null) {
      return null;
    }
    int count = count(s);
    // -n overflows only for Integer.MIN_VALUE, which skips every character too
    int skip = n >= 0 ? Math.max(count - n, 0)
        : n == Integer.MIN_VALUE ? count : Math.min(-n, count);
    return slice(s, count, skip, count);
  }

  /** {@code strpos(s, sought)}, {@code position(sought IN s)}: 1-based, 0 when absent. */
  public static Integer strpos(String s, String sought) {
    if (s == null || sought == null) {
      return null;
    }
    int at = s.indexOf(sought);
    return at < 0 ? 0 : s.codePointCount(0, at) + 1;
  }

  /** {@code lpad(s, length, fill)}: fill repeated in front, or s cut to length. */
  public static String lpad(String s, Integer length, String fill) {
    return pad(s, length, fill, true);
  }

  /** {@code rpad(s, length, fill)}: fill repeated behind, or s cut to length. */
  public static String rpad(String s, Integer length, String fill) {
    return pad(s, length, fill, false);
  }

  private static String pad(String s, Integer length, String fill, boolean front) {
    if (s == null || length == null || fill == null) {
      return null;
    }
    int target = Math.max(length, 0);
    int count = count(s);
    String kept = slice(s, count, 0, Math.min(count, target));
    int fillCount = count(fill);
    if (fillCount == 0 || count >= target) {
      return kept; // nothing to pad with, or nothing to pad
    }
    if (target > MAX_PADDED_LENGTH) {
      throw new SqlStateException(SqlState.PROGRAM_LIMIT_EXCEEDED, "requested length too large");
    }
    int padding = target - count;
    StringBuilder b = new StringBuilder(s.length() + padding * (fill.length() / fillCount));
    if (!front) {
      b.append(kept);
    }
    b.repeat(fill, padding / fillCount).append(slice(fill, fillCount, 0, padding % fillCount));
    if (front) {
      b.append(kept);
    }
    return b.toString();
  }

  /** {@code overlay(s PLACING replacement FROM start FOR length)}. */
  public static String overlay(String s, String replacement, Integer start, Integer length) {
    if (s == null || replacement == null || start == null || length == null) {
      return null;
    }
    // PostgreSQL's checks, in its order: the standard defines OVERLAY by substrings
    if (start <= 0) {
      throw new SqlStateException(SqlState.SUBSTRING_ERROR, "negative substring length not allowed");
    }
    long after = (long) start + length;
    if (after != (int) after) {
      throw new SqlStateException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range");
    }
    return substring(s, 1, start - 1) + replacement + substringFrom(s, (int) after);
  }

  /** {@code overlay(s PLACING replacement FROM start)}: replaces as many characters as it has. */
  public static String overlayOwnLength(String s, String replacement, Integer start) {
    return replacement == null ? null : overlay(s, replacement, start, count(replacement));
  }

  /**
   * {@code translate(s, from, to)}: each character of s found in from becomes the character at
   * the same place in to, or is dropped when to is shorter.
   */
  public static String translate(String s, String from, String to) {
    if (s == null || from == null || to == null) {
      return null;
    }
    if (from.isEmpty()) {
      return s;
    }
    boolean plainFrom = count(from) == from.length();
    int toCount = count(to);
    boolean plainTo = toCount == to.length();
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      char low = 0; // the second half of a surrogate pair starting at i
      if (Character.isHighSurrogate(ch) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        low = s.charAt(++i);
      }
      int at = from.indexOf(low == 0 ? ch : Character.toCodePoint(ch, low));
      if (at < 0) {
        b.append(ch);
        if (low != 0) {
          b.append(low);
        }
        continue;
      }
      int k = plainFrom ? at : from.codePointCount(0, at);
      if (k < toCount) {
        if (plainTo) {
          b.append(to.charAt(k));
        } else {
          b.appendCodePoint(to.codePointAt(to.offsetByCodePoints(0, k)));
        }
      }
    }
    return b.toString();
  }

  private static int count(String s) {
    return s.codePointCount(0, s.length());
  }

  /** Code points [from, to) of s, which has count of them; 0 <= from <= to <= count. */
  private static String slice(String s, int count, int from, int to) {
    if (count == s.length()) {
      return s.substring(from, to);
    }
    int begin = s.offsetByCodePoints(0, from);
    return s.substring(begin, s.offsetByCodePoints(begin, to - from));
  }
}
