package org.yggdrasil.planner.copy;

import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * Splits a CSV line into fields, as PostgreSQL's {@code CopyReadAttributesCSV}: quoted parts
 * may hold delimiters and newlines; inside quotes the escape character followed by the quote or
 * the escape character stands for that character; an unquoted field equal to the null string
 * is NULL (a quoted one is not, unless FORCE_NULL names its column; FORCE_NOT_NULL columns are
 * never NULL).
 */
final class CsvFields {
  private final byte delimiter;
  private final byte quote;
  private final byte escape;
  private final byte[] nullString;
  private final boolean[] forceNotNull;
  private final boolean[] forceNull;

  /** {@code forceNotNull}/{@code forceNull}: per field position, or null for none. */
  CsvFields(CopyOptions options, boolean[] forceNotNull, boolean[] forceNull) {
    this.delimiter = options.delimiter();
    this.quote = options.quote();
    this.escape = options.escape();
    this.nullString = options.nullString();
    this.forceNotNull = forceNotNull;
    this.forceNull = forceNull;
  }

  void split(byte[] b, int from, int to, Fields out) {
    out.reset();
    int pos = from;
    while (true) {
      int start = pos;
      int field = out.count;
      while (pos < to && b[pos] != delimiter && b[pos] != quote) {
        pos++;
      }
      if (pos >= to || b[pos] == delimiter) {
        int len = pos - start;
        boolean nul = matchesNull(b, start, len) && !flag(forceNotNull, field);
        out.add(nul ? null : b, start, nul ? 0 : len, nul);
      } else {
        pos = quoted(b, start, pos, to, out);
      }
      if (pos >= to) {
        return;
      }
      pos++; // the delimiter
    }
  }

  /** A field with quotes, from {@code start}; the first quote is at {@code q}. */
  private int quoted(byte[] b, int start, int q, int to, Fields out) {
    byte[] s = out.scratch(to - start);
    int begin = out.scratchPosition();
    int w = begin;
    int field = out.count;
    for (int i = start; i < q; i++) {
      s[w++] = b[i];
    }
    int pos = q;
    boolean inQuote = false;
    while (pos < to) {
      byte c = b[pos];
      if (!inQuote) {
        if (c == delimiter) {
          break;
        }
        if (c == quote) {
          inQuote = true;
        } else {
          s[w++] = c;
        }
        pos++;
        continue;
      }
      if (c == escape && pos + 1 < to && (b[pos + 1] == escape || b[pos + 1] == quote)) {
        s[w++] = b[pos + 1];
        pos += 2;
        continue;
      }
      if (c == quote) {
        inQuote = false;
      } else {
        s[w++] = c;
      }
      pos++;
    }
    if (inQuote) {
      throw new SqlStateException(SqlState.BAD_COPY_FILE_FORMAT, "unterminated CSV quoted field");
    }
    int len = w - begin;
    if (flag(forceNull, field) && matchesNull(s, begin, len)) {
      out.add(null, 0, 0, true);
    } else {
      out.useScratch(len);
      out.add(s, begin, len, false);
    }
    return pos;
  }

  private static boolean flag(boolean[] flags, int field) {
    return flags != null && field < flags.length && flags[field];
  }

  private boolean matchesNull(byte[] b, int start, int len) {
    return java.util.Arrays.equals(b, start, start + len, nullString, 0, nullString.length);
  }
}
