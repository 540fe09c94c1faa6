package org.yggdrasil.planner.exec;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's names for the types Calcite's validator messages spell in angle brackets
 * ({@code <DATE> + <BIGINT>} becomes {@code date + bigint}), so errors read as PostgreSQL's.
 */
final class CalciteTypeNames {
  private static final Pattern BRACKETED = Pattern.compile("<([^<>]*)>");

  private CalciteTypeNames() {}

  /** {@code text} with every {@code <CALCITE TYPE>} replaced by PostgreSQL's type name. */
  static String pgSpelling(String text) {
    Matcher m = BRACKETED.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(pgName(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** PostgreSQL's name for one Calcite type, e.g. {@code DECIMAL(10, 2)} → numeric. */
  static String pgName(String calcite) {
    String t = calcite.strip().toUpperCase(Locale.ROOT);
    String base = t.replaceAll("\\(.*", "").strip();
    if (base.startsWith("INTERVAL")) {
      return "interval";
    }
    if (base.endsWith(" ARRAY")) {
      return pgName(base.substring(0, base.length() - " ARRAY".length())) + "[]";
    }
    return switch (base) {
      case "TINYINT", "SMALLINT" -> "smallint";
      case "INTEGER" -> "integer";
      case "BIGINT" -> "bigint";
      case "REAL" -> "real";
      case "FLOAT", "DOUBLE" -> "double precision";
      case "DECIMAL" -> "numeric";
      case "CHAR", "VARCHAR" -> "text";
      case "BOOLEAN" -> "boolean";
      case "DATE" -> "date";
      case "TIME" -> "time without time zone";
      case "TIMESTAMP" -> "timestamp without time zone";
      case "TIMESTAMP_WITH_LOCAL_TIME_ZONE", "TIMESTAMP_TZ", "TIMESTAMP WITH LOCAL TIME ZONE"
          -> "timestamp with time zone";
      case "BINARY", "VARBINARY" -> "bytea";
      case "UUID" -> "uuid";
      case "NULL" -> "unknown";
      default -> calcite.toLowerCase(Locale.ROOT);
    };
  }
}
