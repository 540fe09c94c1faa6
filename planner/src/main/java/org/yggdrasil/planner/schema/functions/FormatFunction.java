package org.yggdrasil.planner.schema.functions;

import java.util.List;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * PostgreSQL's {@code format(formatstr, VARIADIC args)}: {@code %s} (the value as text, NULL as
 * nothing), {@code %I} (quoted as an identifier, as {@code quote_ident}), {@code %L} (quoted as a
 * literal, NULL as {@code NULL}) and {@code %%}, with an optional argument position
 * ({@code %2$s}) and width ({@code %-10s}, {@code %*s}). The arguments arrive as their text.
 */
public final class FormatFunction {
  private FormatFunction() {}

  public static String format(String format, List<String> args) {
    if (format == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    int next = 0;
    int i = 0;
    int n = format.length();
    while (i < n) {
      char c = format.charAt(i++);
      if (c != '%') {
        out.append(c);
        continue;
      }
      if (i >= n) {
        throw bad("unterminated format() type specifier",
            "For a single \"%\" use \"%%\".");
      }
      if (format.charAt(i) == '%') {
        out.append('%');
        i++;
        continue;
      }
      // [position$][flags][width][type]
      int position = -1;
      int start = i;
      int number = 0;
      boolean digits = false;
      while (i < n && Character.isDigit(format.charAt(i))) {
        number = addDigit(number, format.charAt(i++));
        digits = true;
      }
      if (digits && i < n && format.charAt(i) == '$') {
        if (number == 0) {
          throw bad("format specifies argument 0, but arguments are numbered from 1", null);
        }
        position = number - 1;
        i++;
      } else {
        i = start;
      }
      boolean left = false;
      while (i < n && format.charAt(i) == '-') {
        left = true;
        i++;
      }
      Integer width = null;
      if (i < n && format.charAt(i) == '*') {
        i++;
        int widthArg = next;
        int wStart = i;
        int w = 0;
        boolean wDigits = false;
        while (i < n && Character.isDigit(format.charAt(i))) {
          w = addDigit(w, format.charAt(i++));
          wDigits = true;
        }
        if (wDigits && i < n && format.charAt(i) == '$') {
          if (w == 0) {
            throw bad("format specifies argument 0, but arguments are numbered from 1", null);
          }
          widthArg = w - 1;
          i++;
        } else {
          i = wStart;
          next++;
        }
        String widthText = argument(args, widthArg);
        if (widthText != null) {
          width = Integer.parseInt(widthText.strip());
          if (width < 0) {
            left = true;
            width = -width;
          }
        }
      } else {
        int w = 0;
        boolean wDigits = false;
        while (i < n && Character.isDigit(format.charAt(i))) {
          w = addDigit(w, format.charAt(i++));
          wDigits = true;
        }
        if (wDigits) {
          width = w;
        }
      }
      if (i >= n) {
        throw bad("unterminated format() type specifier", "For a single \"%\" use \"%%\".");
      }
      char type = format.charAt(i++);
      if (type != 's' && type != 'I' && type != 'L') {
        throw bad("unrecognized format() type specifier \"" + type + "\"",
            "For a single \"%\" use \"%%\".");
      }
      int index = position >= 0 ? position : next;
      next = index + 1;
      String value = argument(args, index);
      String text = switch (type) {
        case 's' -> value == null ? "" : value;
        case 'I' -> {
          if (value == null) {
            throw new SqlStateException(SqlState.NULL_VALUE_NOT_ALLOWED,
                "null values cannot be formatted as an SQL identifier");
          }
          yield quoteIdent(value);
        }
        default -> value == null ? "NULL" : quoteLiteral(value);
      };
      if (width != null && text.codePointCount(0, text.length()) < width) {
        String pad = " ".repeat(width - text.codePointCount(0, text.length()));
        text = left ? text + pad : pad + text;
      }
      out.append(text);
    }
    return out.toString();
  }

  /** A boolean as PostgreSQL's output function writes it (a cast to text says true/false). */
  public static String booleanText(Boolean b) {
    return b == null ? null : b ? "t" : "f";
  }

  private static int addDigit(int number, char digit) {
    try {
      return Math.addExact(Math.multiplyExact(number, 10), digit - '0');
    } catch (ArithmeticException e) {
      throw bad("number is out of range", null);
    }
  }

  private static String argument(List<String> args, int index) {
    if (index >= args.size()) {
      throw bad("too few arguments for format()", null);
    }
    return args.get(index);
  }

  private static SqlStateException bad(String message, String hint) {
    return new SqlStateException(SqlState.INVALID_PARAMETER_VALUE, message, null, hint, 0, null);
  }

  /** quote_ident: bare if lower-case letters, digits and underscores not starting with a digit. */
  static String quoteIdent(String s) {
    boolean safe = !s.isEmpty() && !Character.isDigit(s.charAt(0))
        && s.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')
        && !Keywords.needsQuotes(s);
    return safe ? s : "\"" + s.replace("\"", "\"\"") + "\"";
  }

  /** quote_literal: in quotes, quotes doubled; with a backslash, E'' and backslashes doubled. */
  static String quoteLiteral(String s) {
    String quoted = "'" + s.replace("'", "''").replace("\\", "\\\\") + "'";
    return s.indexOf('\\') >= 0 ? "E" + quoted : quoted;
  }
}
