package org.yggdrasil.slt;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the sqllogictest format as SQLite's {@code sqllogictest.c} does: records are runs of
 * non-blank lines separated by blank lines; {@code #} lines between records are comments;
 * {@code skipif}/{@code onlyif} lines precede a record; anything after the expected tokens of a
 * header line (such as {@code # comment}) is ignored. Keeps every record's line number, which the
 * jar's own parser does not, so that failures and skip lists can name {@code file:line}.
 *
 * <p>Two extensions for our own files (the corpus never uses them):
 *
 * <ul>
 *   <li>{@code statement error SQLSTATE}: the statement must fail with exactly that SQLSTATE
 *       (five characters of digits and capitals); plain {@code statement error} accepts any.
 *   <li>{@code let NAME} followed by one query: the query must return one row of one column;
 *       its text value is bound to {@code NAME}. Every later record has {@code ${NAME}} in its
 *       SQL and expected lines replaced by that value (as is: quote it in SQL yourself). This
 *       captures values only known at run time, such as a commit id from {@code ygg.log}.
 *       Names are letters, digits and underscores.
 * </ul>
 */
public final class SltParser {
  private SltParser() {}

  private static final Pattern SQLSTATE = Pattern.compile("[0-9A-Z]{5}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Thrown for a record the parser cannot read; names the file's line. */
  public static final class ParseException extends RuntimeException {
    public ParseException(String file, int line, String message) {
      super(file + ":" + line + ": " + message);
    }
  }

  public static List<SltRecord> parse(String file, String text) {
    String[] lines = text.split("\r?\n", -1);
    List<SltRecord> out = new ArrayList<>();
    int i = 0;
    while (i < lines.length) {
      // Skip blank and comment lines between records.
      if (isBlank(lines[i]) || lines[i].startsWith("#")) {
        i++;
        continue;
      }
      List<SltRecord.Condition> conditions = new ArrayList<>();
      while (i < lines.length && !isBlank(lines[i])) {
        String[] t = tokens(lines[i]);
        if (t[0].equals("skipif") || t[0].equals("onlyif")) {
          if (t.length < 2) {
            throw new ParseException(file, i + 1, "missing engine name: " + lines[i]);
          }
          conditions.add(new SltRecord.Condition(t[0].equals("skipif"), t[1]));
          i++;
        } else if (lines[i].startsWith("#")) {
          i++;
        } else {
          break;
        }
      }
      if (i >= lines.length || isBlank(lines[i])) {
        continue; // conditions with no record: nothing to run
      }
      int headerLine = i + 1;
      String[] t = tokens(lines[i]);
      i++;
      switch (t[0]) {
        case "statement" -> {
          if (t.length < 2 || !(t[1].equals("ok") || t[1].equals("error"))) {
            throw new ParseException(file, headerLine, "expected 'statement ok|error'");
          }
          String state = null;
          if (t[1].equals("error") && t.length > 2 && !t[2].startsWith("#")) {
            if (!SQLSTATE.matcher(t[2]).matches()) {
              throw new ParseException(
                  file, headerLine, "expected a five-character SQLSTATE after 'statement error'");
            }
            state = t[2];
          }
          StringBuilder sql = new StringBuilder();
          while (i < lines.length && !isBlank(lines[i])) {
            appendLine(sql, lines[i++]);
          }
          out.add(
              new SltRecord.Statement(
                  headerLine, conditions, t[1].equals("error"), state, sql.toString()));
        }
        case "let" -> {
          if (t.length < 2 || !NAME.matcher(t[1]).matches()) {
            throw new ParseException(file, headerLine, "expected 'let NAME' (letters, digits, _)");
          }
          StringBuilder sql = new StringBuilder();
          while (i < lines.length && !isBlank(lines[i])) {
            appendLine(sql, lines[i++]);
          }
          if (sql.isEmpty()) {
            throw new ParseException(file, headerLine, "'let' without a query");
          }
          out.add(new SltRecord.Let(headerLine, conditions, t[1], sql.toString()));
        }
        case "query" -> {
          if (t.length < 2) {
            throw new ParseException(file, headerLine, "query without a type string");
          }
          String types = t[1];
          SltRecord.SortMode sort = SltRecord.SortMode.NOSORT;
          String label = null;
          int next = 2;
          if (t.length > next && !t[next].startsWith("#")) {
            sort =
                switch (t[next]) {
                  case "nosort" -> SltRecord.SortMode.NOSORT;
                  case "rowsort" -> SltRecord.SortMode.ROWSORT;
                  case "valuesort" -> SltRecord.SortMode.VALUESORT;
                  default ->
                      throw new ParseException(file, headerLine, "unknown sort mode " + t[next]);
                };
            next++;
          }
          if (t.length > next && !t[next].startsWith("#")) {
            label = t[next];
          }
          StringBuilder sql = new StringBuilder();
          while (i < lines.length && !isBlank(lines[i]) && !lines[i].equals("----")) {
            appendLine(sql, lines[i++]);
          }
          List<String> expected = null;
          if (i < lines.length && lines[i].equals("----")) {
            i++;
            expected = new ArrayList<>();
            while (i < lines.length && !isBlank(lines[i])) {
              expected.add(lines[i++]);
            }
          }
          out.add(
              new SltRecord.Query(
                  headerLine, conditions, types, sort, label, sql.toString(), expected));
        }
        case "hash-threshold" -> {
          if (t.length < 2) {
            throw new ParseException(file, headerLine, "hash-threshold without a number");
          }
          out.add(new SltRecord.HashThreshold(headerLine, conditions, Integer.parseInt(t[1])));
          i = skipRest(lines, i);
        }
        case "halt" -> {
          out.add(new SltRecord.Halt(headerLine, conditions));
          i = skipRest(lines, i);
        }
        default -> throw new ParseException(file, headerLine, "unknown record: " + t[0]);
      }
    }
    return out;
  }

  private static int skipRest(String[] lines, int i) {
    while (i < lines.length && !isBlank(lines[i])) {
      i++;
    }
    return i;
  }

  private static void appendLine(StringBuilder sb, String line) {
    if (!sb.isEmpty()) {
      sb.append('\n');
    }
    sb.append(line);
  }

  private static boolean isBlank(String line) {
    return line.isBlank();
  }

  private static String[] tokens(String line) {
    return line.trim().split("\\s+");
  }
}
