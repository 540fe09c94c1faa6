package org.yggdrasil.storage.files;

import java.util.ArrayList;
import java.util.List;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * RFC 4180 CSV: comma-separated fields, records ended by CRLF or LF, fields quoted with {@code "}
 * when they hold a comma, quote or line break, a quote inside doubled. As in PostgreSQL's COPY
 * CSV, an unquoted empty field is NULL (null here) and a quoted empty field the empty string.
 */
final class CsvCodec {
  private CsvCodec() {}

  /** One record: its fields and its text as it stands in the file (without the line break). */
  record Record(String[] fields, String text) {}

  /** The records of a CSV text (a blank line is no record; a trailing line break ends the last). */
  static List<Record> parse(String text, String fileName) {
    List<Record> records = new ArrayList<>();
    int start = text.startsWith("\uFEFF") ? 1 : 0;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    int line = 1;
    int i = text.startsWith("\uFEFF") ? 1 : 0;
    int n = text.length();
    boolean recordStarted = false;
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < n && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
        continue;
      }
      switch (c) {
        case '"' -> {
          if (!field.isEmpty() || wasQuoted) {
            throw badFormat(fileName, line, "a quote inside an unquoted field");
          }
          quoted = true;
          wasQuoted = true;
          recordStarted = true;
        }
        case ',' -> {
          fields.add(finish(field, wasQuoted));
          wasQuoted = false;
          recordStarted = true;
        }
        case '\r', '\n' -> {
          int end = i;
          if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
            i++;
          }
          if (recordStarted || !field.isEmpty()) {
            fields.add(finish(field, wasQuoted));
            records.add(new Record(fields.toArray(String[]::new), text.substring(start, end)));
          }
          start = i + 1;
          fields.clear();
          wasQuoted = false;
          recordStarted = false;
          line++;
        }
        default -> {
          if (wasQuoted) {
            throw badFormat(fileName, line, "text after a closing quote");
          }
          field.append(c);
          recordStarted = true;
        }
      }
    }
    if (quoted) {
      throw badFormat(fileName, line, "an unterminated quoted field");
    }
    if (recordStarted || !field.isEmpty()) {
      fields.add(finish(field, wasQuoted));
      records.add(new Record(fields.toArray(String[]::new), text.substring(start)));
    }
    return records;
  }

  private static String finish(StringBuilder field, boolean wasQuoted) {
    String s = field.toString();
    field.setLength(0);
    return s.isEmpty() && !wasQuoted ? null : s;
  }

  static SqlStateException badFormat(String fileName, int line, String what) {
    return new SqlStateException(SqlState.BAD_COPY_FILE_FORMAT,
        "file \"" + fileName + "\" line " + line + ": " + what, null,
        "Fix the file in the directory; Yggdrasil reads it at the next commit.", 0, null);
  }

  /** One record as CSV text ending in {@code eol}. */
  static void appendRecord(StringBuilder out, String[] fields, String eol) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      appendField(out, fields[i]);
    }
    out.append(eol);
  }

  private static void appendField(StringBuilder out, String f) {
    if (f == null) {
      return;
    }
    boolean quote = f.isEmpty() || f.indexOf(',') >= 0 || f.indexOf('"') >= 0
        || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0 || !f.equals(f.strip());
    if (!quote) {
      out.append(f);
      return;
    }
    out.append('"').append(f.replace("\"", "\"\"")).append('"');
  }
}
