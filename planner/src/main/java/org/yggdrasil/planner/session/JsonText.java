package org.yggdrasil.planner.session;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Rows as jsonb text, the way PostgreSQL's {@code to_jsonb(row)} prints them: keys ordered as
 * jsonb orders them (shorter first, then bytewise), {@code ": "} and {@code ", "} separators,
 * numbers bare, dates and timestamps in ISO 8601, bytea as {@code "\\x…"}.
 */
public final class JsonText {
  private JsonText() {}

  public static String of(Map<String, ?> row) {
    if (row == null) {
      return null;
    }
    List<String> keys = new ArrayList<>(row.keySet());
    keys.sort((a, b) -> a.length() != b.length() ? Integer.compare(a.length(), b.length())
        : a.compareTo(b));
    StringBuilder sb = new StringBuilder("{");
    for (String k : keys) {
      if (sb.length() > 1) {
        sb.append(", ");
      }
      string(sb, k);
      sb.append(": ");
      value(sb, row.get(k));
    }
    return sb.append('}').toString();
  }

  private static void value(StringBuilder sb, Object v) {
    switch (v) {
      case null -> sb.append("null");
      case Boolean b -> sb.append(b);
      case Long l -> sb.append(l);
      case Integer i -> sb.append(i);
      case Short s -> sb.append(s);
      case BigDecimal d -> sb.append(d.toPlainString());
      case Double d when Double.isFinite(d) -> sb.append(d);
      case Float f when Float.isFinite(f) -> sb.append(f);
      case byte[] bytes -> string(sb, "\\x" + HexFormat.of().formatHex(bytes));
      case LocalDate d -> string(sb, d.toString());
      case LocalDateTime t -> string(sb, t.toString());
      case OffsetDateTime t -> string(sb, t.toString());
      case Map<?, ?> m -> {
        Map<String, Object> nested = new java.util.LinkedHashMap<>();
        m.forEach((k, x) -> nested.put(String.valueOf(k), x));
        sb.append(of(nested));
      }
      default -> string(sb, v.toString());
    }
  }

  private static void string(StringBuilder sb, String s) {
    sb.append(org.yggdrasil.planner.schema.functions.JsonText.string(s));
  }
}
