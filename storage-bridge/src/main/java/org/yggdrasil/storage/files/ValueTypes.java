package org.yggdrasil.storage.files;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * Column types inferred from text the way DuckDB's {@code read_csv_auto} does: the narrowest of
 * boolean, bigint, double precision, date and timestamp with time zone that every non-empty value
 * of the column parses as, else text. Timestamps without an offset are taken as UTC.
 */
final class ValueTypes {
  static final String TEXT = "text";
  static final String BIGINT = "bigint";
  static final String DOUBLE = "double precision";
  static final String BOOLEAN = "boolean";
  static final String DATE = "date";
  static final String TIMESTAMPTZ = "timestamp with time zone";

  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][+-]?\\d+)?");
  private static final Pattern DATE_TEXT = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern TIMESTAMP_TEXT = Pattern.compile(
      "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)\\s*"
          + "(Z|z|UTC|[+-]\\d{2}(?::?\\d{2})?)?");

  private ValueTypes() {}

  /** The narrowest type one non-null text value parses as. */
  static String classify(String s) {
    String t = s.strip();
    if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
      return BOOLEAN;
    }
    if (INTEGER.matcher(t).matches()) {
      try {
        Long.parseLong(t);
        return BIGINT;
      } catch (NumberFormatException e) {
        return DOUBLE;
      }
    }
    if (DECIMAL.matcher(t).matches()) {
      return DOUBLE;
    }
    if (DATE_TEXT.matcher(t).matches() && parseDate(t) != null) {
      return DATE;
    }
    if (TIMESTAMP_TEXT.matcher(t).matches() && parseTimestamp(t) != null) {
      return TIMESTAMPTZ;
    }
    return TEXT;
  }

  /** The type holding values of both types (null: no value seen yet). */
  static String unify(String a, String b) {
    if (a == null) {
      return b;
    }
    if (b == null || a.equals(b)) {
      return a;
    }
    if (isNumeric(a) && isNumeric(b)) {
      return DOUBLE;
    }
    if (isTemporal(a) && isTemporal(b)) {
      return TIMESTAMPTZ;
    }
    return TEXT;
  }

  private static boolean isNumeric(String t) {
    return t.equals(BIGINT) || t.equals(DOUBLE);
  }

  private static boolean isTemporal(String t) {
    return t.equals(DATE) || t.equals(TIMESTAMPTZ);
  }

  /** A text value of a column of {@code type} (whose inference it passed) as its Java value. */
  static Object parse(String s, String type) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return switch (type) {
      case BOOLEAN -> Boolean.valueOf(t.equalsIgnoreCase("true"));
      case BIGINT -> Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
      case DOUBLE -> Double.parseDouble(t);
      case DATE -> parseDate(t);
      case TIMESTAMPTZ -> DATE_TEXT.matcher(t).matches()
          ? parseDate(t).atStartOfDay().atOffset(ZoneOffset.UTC) : parseTimestamp(t);
      default -> s;
    };
  }

  /** A value as the text a CSV field holds (the inverse of {@link #parse}). */
  static String render(Object v) {
    return switch (v) {
      case null -> null;
      case OffsetDateTime odt -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(odt);
      case byte[] b -> new String(b, java.nio.charset.StandardCharsets.UTF_8);
      case BigDecimal d -> d.toPlainString();
      default -> v.toString();
    };
  }

  /**
   * A value given through the table API as the Java type of a column of {@code type}: numbers
   * widened, date-times at UTC, anything into text by its rendering. 22P02 when it does not fit.
   */
  static Object coerce(Object v, String type, String column) {
    if (v == null) {
      return null;
    }
    try {
      return switch (type) {
        case BIGINT -> v instanceof Number n && !(v instanceof Double || v instanceof Float
            || v instanceof BigDecimal) ? Long.valueOf(n.longValue())
            : v instanceof BigDecimal d ? d.longValueExact() : Long.parseLong(render(v).strip());
        case DOUBLE -> v instanceof Number n ? Double.valueOf(n.doubleValue())
            : Double.valueOf(render(v).strip());
        case BOOLEAN -> v instanceof Boolean b ? b : parseBoolean(render(v));
        case DATE -> v instanceof LocalDate d ? d
            : v instanceof java.sql.Date d ? d.toLocalDate() : LocalDate.parse(render(v).strip());
        case TIMESTAMPTZ -> timestamp(v);
        default -> render(v);
      };
    } catch (RuntimeException e) {
      throw new SqlStateException(SqlState.INVALID_TEXT_REPRESENTATION,
          "invalid input syntax for type " + type + ": \"" + render(v) + "\" (column " + column + ")");
    }
  }

  private static Boolean parseBoolean(String s) {
    String t = s.strip().toLowerCase(java.util.Locale.ROOT);
    return switch (t) {
      case "true", "t", "yes", "on", "1" -> true;
      case "false", "f", "no", "off", "0" -> false;
      default -> throw new IllegalArgumentException(s);
    };
  }

  private static OffsetDateTime timestamp(Object v) {
    OffsetDateTime odt = switch (v) {
      case OffsetDateTime o -> o;
      case Instant i -> i.atOffset(ZoneOffset.UTC);
      case LocalDateTime l -> l.atOffset(ZoneOffset.UTC);
      case java.sql.Timestamp ts -> ts.toInstant().atOffset(ZoneOffset.UTC);
      case LocalDate d -> d.atStartOfDay().atOffset(ZoneOffset.UTC);
      default -> {
        OffsetDateTime p = parseTimestamp(render(v).strip());
        if (p == null) {
          throw new IllegalArgumentException(render(v));
        }
        yield p;
      }
    };
    return odt.withOffsetSameInstant(ZoneOffset.UTC);
  }

  /** Whether two values of one column are the same value (what keyless UPDATE/DELETE match). */
  static boolean same(Object a, Object b) {
    if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
      return x.isEqual(y);
    }
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    return java.util.Objects.equals(a, b);
  }

  private static LocalDate parseDate(String t) {
    Matcher m = DATE_TEXT.matcher(t);
    if (!m.matches()) {
      return null;
    }
    try {
      return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)));
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static OffsetDateTime parseTimestamp(String t) {
    Matcher m = TIMESTAMP_TEXT.matcher(t);
    if (!m.matches()) {
      return null;
    }
    try {
      LocalDate d = parseDate(m.group(1));
      if (d == null) {
        return null;
      }
      LocalTime time = LocalTime.parse(m.group(2).length() == 5 ? m.group(2) + ":00" : m.group(2));
      String z = m.group(3);
      ZoneOffset off = z == null || z.equalsIgnoreCase("z") || z.equals("UTC") ? ZoneOffset.UTC
          : ZoneOffset.of(z.length() == 3 ? z + ":00" : z.length() == 5
              ? z.substring(0, 3) + ":" + z.substring(3) : z);
      return OffsetDateTime.of(d, time, off).withOffsetSameInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
