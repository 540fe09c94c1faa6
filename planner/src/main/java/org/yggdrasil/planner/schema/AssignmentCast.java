package org.yggdrasil.planner.schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.schema.functions.SessionInfo;
import org.yggdrasil.storage.nativestore.ColumnType;

/**
 * PostgreSQL's assignment cast: converts a canonical Java value into the canonical value of a
 * column type, parsing text with PostgreSQL's input syntax (22P02 when it does not parse) and
 * checking ranges (22003).
 */
public final class AssignmentCast {
  private AssignmentCast() {}

  /** Converts {@code v} (canonical Java value or null) to the canonical value of {@code type}. */
  public static Object cast(Object v, ColumnType type) {
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      return parse(s, type);
    }
    return switch (type) {
      case BOOL -> v instanceof Boolean ? v : invalid(v, type);
      case INT2 -> (short) integral(v, Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
      case INT4 -> (int) integral(v, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
      case INT8 -> integral(v, Long.MIN_VALUE, Long.MAX_VALUE, "bigint");
      case FLOAT4 -> v instanceof Number n ? (Object) n.floatValue() : invalid(v, type);
      case FLOAT8 -> v instanceof Number n ? (Object) n.doubleValue() : invalid(v, type);
      case NUMERIC -> v instanceof Number n ? toDecimal(n) : invalid(v, type);
      case TEXT, VARCHAR, BPCHAR -> text(v);
      case BYTEA -> v instanceof byte[] ? v : parse(text(v), type);
      case DATE -> v instanceof LocalDate ? v
          : v instanceof LocalDateTime t ? t.toLocalDate()
          : v instanceof OffsetDateTime o ? o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate()
          : invalid(v, type);
      case TIMESTAMP -> v instanceof LocalDateTime t ? t.truncatedTo(ChronoUnit.MICROS)
          : v instanceof LocalDate d ? d.atStartOfDay()
          : v instanceof OffsetDateTime o
              ? o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().truncatedTo(ChronoUnit.MICROS)
          : invalid(v, type);
      case TIMESTAMPTZ -> v instanceof OffsetDateTime o
          ? o.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS)
          : v instanceof LocalDateTime t ? t.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS)
          : v instanceof LocalDate d ? d.atStartOfDay().atOffset(ZoneOffset.UTC)
          : invalid(v, type);
      case UUID -> v instanceof UUID ? v : invalid(v, type);
    };
  }

  /** Parses text with PostgreSQL's input syntax for {@code type}. */
  public static Object parse(String s, ColumnType type) {
    String t = s.strip();
    try {
      return switch (type) {
        case BOOL -> parseBool(t, s);
        case INT2 -> (short) checkRange(parseLong(t, s, "smallint"), Short.MIN_VALUE,
            Short.MAX_VALUE, s, "smallint");
        case INT4 -> (int) checkRange(parseLong(t, s, "integer"), Integer.MIN_VALUE,
            Integer.MAX_VALUE, s, "integer");
        case INT8 -> parseLong(t, s, "bigint");
        case FLOAT4 -> (float) parseDouble(t);
        case FLOAT8 -> parseDouble(t);
        case NUMERIC -> new BigDecimal(t);
        case TEXT, VARCHAR, BPCHAR -> s;
        case BYTEA -> parseBytea(s);
        case DATE -> PgDateTimeInput.date(t, SessionInfo.dateTimeContext());
        case TIMESTAMP -> PgDateTimeInput.timestamp(t, SessionInfo.dateTimeContext());
        case TIMESTAMPTZ -> PgDateTimeInput.timestamptz(t, SessionInfo.dateTimeContext());
        case UUID -> parseUuid(t);
      };
    } catch (DateTimeParseException | IllegalArgumentException e) {
      if (e instanceof SqlStateException sse) {
        throw sse;
      }
      throw invalidInput(s, type);
    }
  }

  private static UUID parseUuid(String t) {
    String hex = t.replace("-", "").replace("{", "").replace("}", "");
    if (hex.length() != 32) {
      throw new IllegalArgumentException(t);
    }
    return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16),
        Long.parseUnsignedLong(hex.substring(16), 16));
  }

  private static byte[] parseBytea(String s) {
    if (s.startsWith("\\x")) {
      return HexFormat.of().parseHex(s.substring(2));
    }
    var out = new java.io.ByteArrayOutputStream();
    byte[] in = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < in.length; i++) {
      if (in[i] == '\\') {
        if (i + 1 < in.length && in[i + 1] == '\\') {
          out.write('\\');
          i++;
        } else if (i + 3 < in.length) {
          out.write(Integer.parseInt(new String(in, i + 1, 3, StandardCharsets.US_ASCII), 8));
          i += 3;
        } else {
          throw new IllegalArgumentException(s);
        }
      } else {
        out.write(in[i]);
      }
    }
    return out.toByteArray();
  }

  private static boolean parseBool(String t, String original) {
    String l = t.toLowerCase(Locale.ROOT);
    if (!l.isEmpty()) {
      if ("true".startsWith(l) || "yes".startsWith(l) || l.equals("on") || l.equals("1")) {
        return true;
      }
      if ("false".startsWith(l) || "no".startsWith(l) || l.equals("off") || l.equals("of")
          || l.equals("0")) {
        return false;
      }
    }
    throw invalidInput(original, ColumnType.BOOL);
  }

  private static long parseLong(String t, String original, String typeName) {
    try {
      return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
    } catch (NumberFormatException e) {
      if (t.matches("[+-]?\\d+")) {
        throw outOfRange(original, typeName);
      }
      throw new SqlStateException(SqlState.INVALID_TEXT_REPRESENTATION,
          "invalid input syntax for type " + typeName + ": \"" + original + "\"");
    }
  }

  private static double parseDouble(String t) {
    return switch (t.toLowerCase(Locale.ROOT)) {
      case "nan" -> Double.NaN;
      case "infinity", "inf", "+infinity", "+inf" -> Double.POSITIVE_INFINITY;
      case "-infinity", "-inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(t);
    };
  }

  private static long checkRange(long v, long min, long max, String original, String typeName) {
    if (v < min || v > max) {
      throw outOfRange(original, typeName);
    }
    return v;
  }

  private static long integral(Object v, long min, long max, String typeName) {
    if (!(v instanceof Number n)) {
      throw new SqlStateException(SqlState.DATATYPE_MISMATCH,
          "column is of type " + typeName + " but expression is of type "
              + v.getClass().getSimpleName().toLowerCase(Locale.ROOT));
    }
    long r;
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      if (Double.isNaN(d) || d < min || d > max) {
        throw new SqlStateException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, typeName + " out of range");
      }
      r = (long) Math.rint(d);
    } else if (n instanceof BigDecimal b) {
      BigDecimal rounded = b.setScale(0, RoundingMode.HALF_UP);
      if (rounded.compareTo(BigDecimal.valueOf(min)) < 0
          || rounded.compareTo(BigDecimal.valueOf(max)) > 0) {
        throw new SqlStateException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, typeName + " out of range");
      }
      r = rounded.longValueExact();
    } else {
      r = n.longValue();
    }
    if (r < min || r > max) {
      throw new SqlStateException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, typeName + " out of range");
    }
    return r;
  }

  private static BigDecimal toDecimal(Number n) {
    if (n instanceof BigDecimal b) {
      return b;
    }
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
            "numeric NaN and infinity are not supported yet");
      }
      return new BigDecimal(Double.toString(d));
    }
    return BigDecimal.valueOf(n.longValue());
  }

  private static String text(Object v) {
    if (v instanceof Boolean b) {
      return b ? "true" : "false";
    }
    if (v instanceof BigDecimal b) {
      return b.toPlainString();
    }
    if (v instanceof byte[] b) {
      return "\\x" + HexFormat.of().formatHex(b);
    }
    if (v instanceof LocalDateTime t) {
      return t.toString().replace('T', ' ');
    }
    return v.toString();
  }

  private static Object invalid(Object v, ColumnType type) {
    throw new SqlStateException(SqlState.DATATYPE_MISMATCH,
        "column is of type " + typeName(type) + " but expression is of type "
            + v.getClass().getSimpleName().toLowerCase(Locale.ROOT),
        null, "You will need to rewrite or cast the expression.", 0, null);
  }

  /** PostgreSQL reports bad date/time input as 22007, other bad input as 22P02. */
  private static SqlStateException invalidInput(String s, ColumnType type) {
    boolean datetime = type == ColumnType.DATE || type == ColumnType.TIMESTAMP
        || type == ColumnType.TIMESTAMPTZ;
    return new SqlStateException(
        datetime ? SqlState.INVALID_DATETIME_FORMAT : SqlState.INVALID_TEXT_REPRESENTATION,
        "invalid input syntax for type " + typeName(type) + ": \"" + s + "\"");
  }

  private static SqlStateException outOfRange(String s, String typeName) {
    return new SqlStateException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
        "value \"" + s + "\" is out of range for type " + typeName);
  }

  /** PostgreSQL's name for a store type, as error messages print it. */
  public static String typeName(ColumnType type) {
    return switch (type) {
      case BOOL -> "boolean";
      case INT2 -> "smallint";
      case INT4 -> "integer";
      case INT8 -> "bigint";
      case FLOAT4 -> "real";
      case FLOAT8 -> "double precision";
      case NUMERIC -> "numeric";
      case TEXT -> "text";
      case VARCHAR -> "character varying";
      case BPCHAR -> "character";
      case BYTEA -> "bytea";
      case DATE -> "date";
      case TIMESTAMP -> "timestamp without time zone";
      case TIMESTAMPTZ -> "timestamp with time zone";
      case UUID -> "uuid";
    };
  }
}
