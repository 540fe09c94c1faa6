package org.yggdrasil.storage.nativestore;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.storage.nativestore.chunk.Micros;

/**
 * Turns a Java value into the canonical stored value of a column, enforcing the column's type
 * modifiers the way PostgreSQL's assignment does: varchar(n)/bpchar(n) length (excess spaces are
 * cut, bpchar is padded), numeric(p, s) rounding and overflow, integer and float ranges, date and
 * timestamp ranges, microsecond rounding, timestamptz normalised to UTC. The planner is expected
 * to pass canonical classes already; lossless integer widening is accepted, anything else is a
 * datatype mismatch.
 */
final class ValueCoercion {
  private ValueCoercion() {}

  static Object coerce(ColumnDef col, Object v) {
    if (v == null) {
      return null;
    }
    return switch (col.type()) {
      case BOOL -> v instanceof Boolean ? v : mismatch(col, v);
      case INT2 -> (short) integer(col, v, Short.MIN_VALUE, Short.MAX_VALUE, "smallint out of range");
      case INT4 -> (int) integer(col, v, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer out of range");
      case INT8 -> integer(col, v, Long.MIN_VALUE, Long.MAX_VALUE, "bigint out of range");
      case FLOAT4 -> float4(col, v);
      case FLOAT8 -> v instanceof Double ? v : v instanceof Float || isInteger(v) ? ((Number) v).doubleValue() : mismatch(col, v);
      case NUMERIC -> numeric(col, toBigDecimal(col, v));
      case TEXT -> text(col, v);
      case VARCHAR -> limitLength(col, text(col, v), false);
      case BPCHAR -> limitLength(col, text(col, v), true);
      case BYTEA -> v instanceof byte[] ? v : mismatch(col, v);
      case DATE -> date(col, v);
      case TIMESTAMP -> v instanceof LocalDateTime t ? checkTimestamp(roundMicros(t)) : mismatch(col, v);
      case TIMESTAMPTZ -> timestamptz(col, v);
      case UUID -> v instanceof UUID ? v : mismatch(col, v);
    };
  }

  /**
   * The canonical form of a lookup key component, or null when no stored value can equal it (too
   * long, out of range, more fractional digits than the column keeps).
   */
  static Object coerceForLookup(ColumnDef col, Object v) {
    if (v == null) {
      return null;
    }
    if (col.type() == ColumnType.NUMERIC && col.length() > 0 && v instanceof BigDecimal d) {
      try {
        d.setScale(Math.max(col.scale(), 0), RoundingMode.UNNECESSARY);
      } catch (ArithmeticException inexact) {
        return null;
      }
    }
    try {
      return coerce(col, v);
    } catch (SqlStateException e) {
      if (e.state() == SqlState.DATATYPE_MISMATCH) {
        throw e;
      }
      return null;
    }
  }

  private static boolean isInteger(Object v) {
    return v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte;
  }

  private static long integer(ColumnDef col, Object v, long min, long max, String rangeMessage) {
    long x;
    if (isInteger(v)) {
      x = ((Number) v).longValue();
    } else if (v instanceof BigInteger b && b.bitLength() < 64) {
      x = b.longValue();
    } else if (v instanceof BigInteger) {
      throw SqlStateException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, rangeMessage);
    } else {
      mismatch(col, v);
      return 0;
    }
    if (x < min || x > max) {
      throw SqlStateException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, rangeMessage);
    }
    return x;
  }

  private static Object float4(ColumnDef col, Object v) {
    if (v instanceof Float) {
      return v;
    }
    if (!(v instanceof Double) && !isInteger(v)) {
      return mismatch(col, v);
    }
    double d = ((Number) v).doubleValue();
    float f = (float) d;
    if (Float.isInfinite(f) && !Double.isInfinite(d)) {
      throw SqlStateException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
    }
    return f;
  }

  private static BigDecimal toBigDecimal(ColumnDef col, Object v) {
    return switch (v) {
      case BigDecimal d -> d;
      case BigInteger b -> new BigDecimal(b);
      case Integer i -> BigDecimal.valueOf(i);
      case Long l -> BigDecimal.valueOf(l);
      case Short s -> BigDecimal.valueOf(s);
      case Byte b -> BigDecimal.valueOf(b);
      case Double d when Double.isFinite(d) -> BigDecimal.valueOf(d);
      case Float f when Float.isFinite(f) -> new BigDecimal(Float.toString(f));
      case Double d -> throw SqlStateException.of(SqlState.FEATURE_NOT_SUPPORTED, "cannot store %s in column \"%s\" of type numeric", d, col.name());
      case Float f -> throw SqlStateException.of(SqlState.FEATURE_NOT_SUPPORTED, "cannot store %s in column \"%s\" of type numeric", f, col.name());
      default -> (BigDecimal) mismatch(col, v);
    };
  }

  static BigDecimal numeric(ColumnDef col, BigDecimal v) {
    if (col.length() <= 0) {
      return v;
    }
    int p = col.length();
    int s = Math.max(col.scale(), 0);
    BigDecimal r = v.setScale(s, RoundingMode.HALF_UP);
    if (r.signum() != 0 && r.precision() - r.scale() > p - s) {
      int digits = p - s;
      throw new SqlStateException(
          SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          "numeric field overflow",
          "A field with precision " + p + ", scale " + s + " must round to an absolute value less than "
              + (digits > 0 ? "10^" + digits : "1") + ".",
          null,
          0,
          null);
    }
    return r;
  }

  private static String text(ColumnDef col, Object v) {
    if (!(v instanceof String s)) {
      return (String) mismatch(col, v);
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0) {
        throw SqlStateException.of(SqlState.CHARACTER_NOT_IN_REPERTOIRE, "invalid byte sequence for encoding \"UTF8\": 0x00");
      }
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          throw SqlStateException.of(SqlState.CHARACTER_NOT_IN_REPERTOIRE, "invalid Unicode surrogate in string for column \"%s\"", col.name());
        }
      }
    }
    return s;
  }

  private static String limitLength(ColumnDef col, String s, boolean pad) {
    int n = col.length();
    if (n <= 0) {
      return s;
    }
    int chars = s.codePointCount(0, s.length());
    if (chars > n) {
      int cut = s.offsetByCodePoints(0, n);
      for (int i = cut; i < s.length(); i++) {
        if (s.charAt(i) != ' ') {
          throw SqlStateException.of(SqlState.STRING_DATA_RIGHT_TRUNCATION, "value too long for type %s", col.typeName());
        }
      }
      return s.substring(0, cut);
    }
    return pad && chars < n ? s + " ".repeat(n - chars) : s;
  }

  private static Object date(ColumnDef col, Object v) {
    if (!(v instanceof LocalDate d)) {
      return mismatch(col, v);
    }
    if (d.getYear() < -4712 || d.getYear() > 5874897) {
      throw SqlStateException.of(SqlState.DATETIME_FIELD_OVERFLOW, "date out of range: \"%s\"", d);
    }
    return d;
  }

  private static Object timestamptz(ColumnDef col, Object v) {
    OffsetDateTime t = switch (v) {
      case OffsetDateTime o -> o;
      case Instant i -> i.atOffset(ZoneOffset.UTC);
      case ZonedDateTime z -> z.toOffsetDateTime();
      default -> (OffsetDateTime) mismatch(col, v);
    };
    OffsetDateTime utc = t.getOffset().equals(ZoneOffset.UTC) ? t : t.withOffsetSameInstant(ZoneOffset.UTC);
    return checkTimestamp(roundMicros(utc.toLocalDateTime())).atOffset(ZoneOffset.UTC);
  }

  private static LocalDateTime roundMicros(LocalDateTime t) {
    int rem = t.getNano() % 1000;
    if (rem == 0) {
      return t;
    }
    return rem >= 500 ? t.plusNanos(1000 - rem) : t.minusNanos(rem);
  }

  private static LocalDateTime checkTimestamp(LocalDateTime t) {
    try {
      Micros.of(t);
    } catch (ArithmeticException e) {
      throw SqlStateException.of(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range: \"%s\"", t);
    }
    if (t.getYear() < -4712) {
      throw SqlStateException.of(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range: \"%s\"", t);
    }
    return t;
  }

  private static Object mismatch(ColumnDef col, Object v) {
    throw SqlStateException.of(
        SqlState.DATATYPE_MISMATCH,
        "column \"%s\" is of type %s but the value is of Java type %s",
        col.name(),
        col.typeName(),
        v.getClass().getName());
  }
}
