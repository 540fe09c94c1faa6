package org.yggdrasil.planner.copy;

import java.nio.charset.StandardCharsets;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * PostgreSQL's CONTEXT for errors while copying in ({@code CopyFromErrorCallback}): the table,
 * the line, and the column and value when a value was being converted. Data shown is cut at
 * 100 bytes, as PostgreSQL cuts it.
 */
final class CopyErrors {
  private static final int MAX_DISPLAY = 100;

  private CopyErrors() {}

  static SqlStateException atLine(SqlStateException e, String table, long line) {
    return e.withWhere("COPY " + table + ", line " + line);
  }

  static SqlStateException atLine(SqlStateException e, String table, long line, byte[] b,
      int from, int to) {
    return e.withWhere("COPY " + table + ", line " + line + ": \"" + clip(b, from, to) + "\"");
  }

  static SqlStateException atColumn(SqlStateException e, String table, long line, String column,
      byte[] b, int off, int len) {
    return e.withWhere("COPY " + table + ", line " + line + ", column " + column + ": \""
        + clip(b, off, off + len) + "\"");
  }

  static SqlStateException badFormat(String message) {
    return new SqlStateException(SqlState.BAD_COPY_FILE_FORMAT, message);
  }

  /** At most 100 bytes, not splitting a UTF-8 character, then "...". */
  private static String clip(byte[] b, int from, int to) {
    if (to - from <= MAX_DISPLAY) {
      return new String(b, from, to - from, StandardCharsets.UTF_8);
    }
    int cut = from + MAX_DISPLAY;
    while (cut > from && (b[cut] & 0xC0) == 0x80) {
      cut--;
    }
    return new String(b, from, cut - from, StandardCharsets.UTF_8) + "...";
  }
}
