package org.yggdrasil.storage.nativestore;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/** Renders canonical values as PostgreSQL's text output does, for error details. */
final class ValueText {
  private ValueText() {}

  static String format(Object v) {
    return switch (v) {
      case null -> "null";
      case Boolean b -> b ? "t" : "f";
      case BigDecimal d -> d.toPlainString();
      case byte[] b -> "\\x" + HexFormat.of().formatHex(b);
      case LocalDateTime t -> timestamp(t);
      case OffsetDateTime t -> timestamp(t.toLocalDateTime()) + "+00";
      case Double d -> floating(d, Double.toString(d));
      case Float f -> floating(f, Float.toString(f));
      default -> v.toString();
    };
  }

  /** Values joined by ", " (as in {@code Key (a, b)=(1, 2)}). */
  static String join(Object[] values) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(format(values[i]));
    }
    return sb.toString();
  }

  private static String timestamp(LocalDateTime t) {
    String s = t.toLocalDate() + " " + String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
    int micros = t.getNano() / 1000;
    if (micros == 0) {
      return s;
    }
    String frac = String.format("%06d", micros);
    int end = frac.length();
    while (frac.charAt(end - 1) == '0') {
      end--;
    }
    return s + "." + frac.substring(0, end);
  }

  private static String floating(double d, String general) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return general;
  }
}
