package org.yggdrasil.planner.schema;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.yggdrasil.planner.schema.functions.TimestampMicros;

/**
 * Converts between the canonical Java values that cross Yggdrasil's layers (see {@code PgOid})
 * and Calcite's internal runtime representation (dates as int days, timestamps as long
 * microseconds — see {@code MicrosecondTimestamps} —, binary as {@link ByteString}).
 */
public final class InternalValues {
  private InternalValues() {}

  /** Canonical → Calcite internal for a value of Calcite type {@code type}. */
  public static Object toInternal(Object v, SqlTypeName type) {
    if (v == null) {
      return null;
    }
    return switch (type) {
      case DATE -> v instanceof LocalDate d ? (Object) (int) d.toEpochDay() : v;
      case TIME -> v instanceof LocalTime t ? (Object) (int) (t.toNanoOfDay() / 1_000_000) : v;
      case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ -> timestampMicros(v);
      case BINARY, VARBINARY -> v instanceof byte[] b ? new ByteString(b) : v;
      default -> v;
    };
  }

  /** Calcite internal → canonical for a value of Calcite type {@code type}. */
  public static Object toCanonical(Object v, RelDataType type) {
    if (v == null) {
      return null;
    }
    return switch (type.getSqlTypeName()) {
      case DATE -> v instanceof Number n ? LocalDate.ofEpochDay(n.longValue()) : v;
      case TIME -> v instanceof Number n
          ? LocalTime.ofNanoOfDay(Math.floorMod(n.longValue(), 86_400_000L) * 1_000_000L) : v;
      case TIMESTAMP -> v instanceof Number n ? TimestampMicros.localDateTime(n.longValue()) : v;
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ -> v instanceof Number n
          ? TimestampMicros.offsetDateTime(n.longValue()) : v;
      case BINARY, VARBINARY -> v instanceof ByteString b ? b.getBytes() : v;
      case TINYINT -> v instanceof Number n ? (Object) n.shortValue() : v;
      case CHAR, VARCHAR -> v instanceof String ? v : String.valueOf(v);
      case ARRAY -> toCanonicalList(v, type.getComponentType());
      case INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH -> v instanceof Number n
          ? yearMonthInterval(n.longValue()) : v;
      case INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND,
          INTERVAL_HOUR, INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE,
          INTERVAL_MINUTE_SECOND, INTERVAL_SECOND -> v instanceof Number n
          ? dayTimeInterval(n.longValue()) : v;
      default -> v;
    };
  }

  /**
   * PostgreSQL's interval output for a number of months: {@code 1 year 2 mons} (singular for
   * exactly 1 only: {@code -1 mons}).
   */
  public static String yearMonthInterval(long months) {
    long years = months / 12;
    long mons = months % 12;
    StringBuilder b = new StringBuilder();
    if (years != 0) {
      b.append(years).append(years == 1 ? " year" : " years");
    }
    if (mons != 0) {
      b.append(b.isEmpty() ? "" : " ").append(mons).append(mons == 1 ? " mon" : " mons");
    }
    return b.isEmpty() ? "00:00:00" : b.toString();
  }

  /** PostgreSQL's interval output for milliseconds: {@code 1 day 02:03:04.5}. */
  public static String dayTimeInterval(long millis) {
    long days = millis / 86_400_000L;
    long rest = Math.abs(millis % 86_400_000L);
    StringBuilder b = new StringBuilder();
    if (days != 0) {
      b.append(days).append(days == 1 ? " day" : " days");
    }
    if (rest != 0 || days == 0) {
      if (!b.isEmpty()) {
        b.append(' ');
      }
      if (millis < 0 && rest != 0) {
        b.append('-'); // PostgreSQL signs the time part too: -2 days -03:00:00
      }
      long h = rest / 3_600_000L;
      long m = rest / 60_000L % 60;
      long sec = rest / 1000 % 60;
      long ms = rest % 1000;
      b.append(String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", h, m, sec));
      if (ms != 0) {
        b.append(String.format(java.util.Locale.ROOT, ".%03d", ms).replaceAll("0+$", ""));
      }
    }
    return b.toString();
  }

  private static Object toCanonicalList(Object v, RelDataType element) {
    if (!(v instanceof List<?> list) || element == null) {
      return v;
    }
    List<Object> out = new ArrayList<>(list.size());
    for (Object o : list) {
      out.add(toCanonical(o, element));
    }
    return out;
  }

  private static Object timestampMicros(Object v) {
    return switch (v) {
      case LocalDateTime t -> TimestampMicros.of(t);
      case OffsetDateTime o -> TimestampMicros.of(o);
      case Instant i -> TimestampMicros.of(i);
      default -> v;
    };
  }

  /** Store value → Calcite internal (store values are canonical, but microsecond timestamps). */
  public static Object fromStore(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof LocalDate d) {
      return (int) d.toEpochDay();
    }
    if (v instanceof LocalDateTime || v instanceof OffsetDateTime) {
      return timestampMicros(v);
    }
    if (v instanceof byte[] b) {
      return new ByteString(b);
    }
    return v;
  }
}
