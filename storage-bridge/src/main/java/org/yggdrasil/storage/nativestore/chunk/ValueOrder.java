package org.yggdrasil.storage.nativestore.chunk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import org.yggdrasil.storage.nativestore.ColumnType;

/**
 * Ordering, equality and hashing of canonical values as PostgreSQL defines them, so that stats
 * bounds and unique keys agree with SQL comparisons: floats order NaN above everything and treat
 * -0 = 0; text orders by code point (C collation); bpchar ignores trailing spaces; bytea and uuid
 * compare as unsigned bytes; numerics compare by value (1.0 = 1.00).
 */
public final class ValueOrder {
  private ValueOrder() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compare(ColumnType type, Object a, Object b) {
    return switch (type) {
      case FLOAT4, FLOAT8 -> compareFloat(((Number) a).doubleValue(), ((Number) b).doubleValue());
      case TEXT, VARCHAR -> compareCodePoints((String) a, ((String) a).length(), (String) b, ((String) b).length());
      case BPCHAR -> compareCodePoints((String) a, trimmedLength((String) a), (String) b, trimmedLength((String) b));
      case BYTEA -> Arrays.compareUnsigned((byte[]) a, (byte[]) b);
      case UUID -> {
        UUID x = (UUID) a;
        UUID y = (UUID) b;
        int c = Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits());
        yield c != 0 ? c : Long.compareUnsigned(x.getLeastSignificantBits(), y.getLeastSignificantBits());
      }
      default -> ((Comparable) a).compareTo(b);
    };
  }

  public static boolean equal(ColumnType type, Object a, Object b) {
    return compare(type, a, b) == 0;
  }

  /** A hash consistent with {@link #equal}. */
  public static long hash(ColumnType type, Object v) {
    return switch (type) {
      case BOOL -> (Boolean) v ? 1 : 0;
      case INT2, INT4, INT8 -> ((Number) v).longValue();
      case FLOAT4, FLOAT8 -> {
        double d = ((Number) v).doubleValue();
        yield d == 0.0 ? 0 : Double.doubleToLongBits(d);
      }
      case NUMERIC -> {
        BigDecimal s = ((BigDecimal) v).stripTrailingZeros();
        yield s.unscaledValue().hashCode() * 0x9E3779B97F4A7C15L + s.scale();
      }
      case TEXT, VARCHAR -> hashChars((String) v, ((String) v).length());
      case BPCHAR -> hashChars((String) v, trimmedLength((String) v));
      case BYTEA -> {
        long h = 1;
        for (byte x : (byte[]) v) {
          h = h * 31 + x;
        }
        yield h;
      }
      case DATE -> ((LocalDate) v).toEpochDay();
      case TIMESTAMP -> Micros.of((LocalDateTime) v);
      case TIMESTAMPTZ -> Micros.of((OffsetDateTime) v);
      case UUID -> ((UUID) v).getMostSignificantBits() * 0x9E3779B97F4A7C15L + ((UUID) v).getLeastSignificantBits();
    };
  }

  /** Murmur3's 64-bit finalizer: a bijection that spreads every input bit over the output. */
  public static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  static int compareFloat(double a, double b) {
    boolean na = Double.isNaN(a);
    boolean nb = Double.isNaN(b);
    if (na || nb) {
      return na == nb ? 0 : na ? 1 : -1;
    }
    return a < b ? -1 : a > b ? 1 : 0;
  }

  private static int compareCodePoints(String a, int la, String b, int lb) {
    int n = Math.min(la, lb);
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        return fixup(x) - fixup(y);
      }
    }
    return Integer.compare(la, lb);
  }

  /** Maps UTF-16 units so that their order is code point order (surrogates above U+FFFF's BMP). */
  private static int fixup(char c) {
    if (c >= 0xD800 && c <= 0xDFFF) {
      return c + 0x2000;
    }
    return c >= 0xE000 ? c - 0x800 : c;
  }

  private static int trimmedLength(String s) {
    int n = s.length();
    while (n > 0 && s.charAt(n - 1) == ' ') {
      n--;
    }
    return n;
  }

  private static long hashChars(String s, int len) {
    long h = 1125899906842597L;
    for (int i = 0; i < len; i++) {
      h = 31 * h + s.charAt(i);
    }
    return h;
  }
}
