package org.yggdrasil.planner.copy;

/**
 * Splits a line of COPY's text format into fields, as PostgreSQL's {@code
 * CopyReadAttributesText}: fields end at the delimiter; a field whose raw text is the null
 * string is NULL; backslash escapes are undone ({@code \b \f \n \r \t \v}, {@code \digits} octal,
 * {@code \xhh} hex, any other {@code \c} is {@code c}).
 */
final class TextFields {
  private final byte delimiter;
  private final byte[] nullString;

  TextFields(CopyOptions options) {
    this.delimiter = options.delimiter();
    this.nullString = options.nullString();
  }

  void split(byte[] b, int from, int to, Fields out) {
    out.reset();
    int pos = from;
    while (true) {
      int start = pos;
      boolean escaped = false;
      while (pos < to) {
        byte c = b[pos];
        if (c == delimiter) {
          break;
        }
        if (c == '\\') {
          escaped = true;
          pos = Math.min(pos + 2, to);
          continue;
        }
        pos++;
      }
      int len = pos - start;
      if (isNullString(b, start, len)) {
        out.add(null, 0, 0, true);
      } else if (!escaped) {
        out.add(b, start, len, false);
      } else {
        unescape(b, start, pos, out);
      }
      if (pos >= to) {
        return;
      }
      pos++; // the delimiter
    }
  }

  private boolean isNullString(byte[] b, int start, int len) {
    return java.util.Arrays.equals(b, start, start + len, nullString, 0, nullString.length);
  }

  private static void unescape(byte[] b, int from, int to, Fields out) {
    byte[] s = out.scratch(to - from);
    int begin = out.scratchPosition();
    int w = begin;
    int i = from;
    while (i < to) {
      byte c = b[i++];
      if (c != '\\') {
        s[w++] = c;
        continue;
      }
      if (i >= to) {
        break; // a backslash at the end of the line is dropped
      }
      c = b[i++];
      switch (c) {
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          int v = c - '0';
          for (int k = 0; k < 2 && i < to && b[i] >= '0' && b[i] <= '7'; k++) {
            v = v * 8 + (b[i++] - '0');
          }
          s[w++] = (byte) v;
        }
        case 'x' -> {
          int h = i < to ? Character.digit(b[i], 16) : -1;
          if (h < 0) {
            s[w++] = 'x';
          } else {
            i++;
            int h2 = i < to ? Character.digit(b[i], 16) : -1;
            if (h2 >= 0) {
              i++;
              h = h * 16 + h2;
            }
            s[w++] = (byte) h;
          }
        }
        case 'b' -> s[w++] = '\b';
        case 'f' -> s[w++] = '\f';
        case 'n' -> s[w++] = '\n';
        case 'r' -> s[w++] = '\r';
        case 't' -> s[w++] = '\t';
        case 'v' -> s[w++] = 0x0B;
        default -> s[w++] = c;
      }
    }
    out.useScratch(w - begin);
    out.add(s, begin, w - begin, false);
  }
}
