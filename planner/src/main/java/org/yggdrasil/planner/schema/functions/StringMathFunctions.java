package org.yggdrasil.planner.schema.functions;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** PostgreSQL string and math functions Calcite lacks (registered with a ygg_pg_ prefix). */
public final class StringMathFunctions {
  private StringMathFunctions() {}

  public static String reverse(String s) {
    return s == null ? null : new StringBuilder(s).reverse().toString();
  }

  public static BigDecimal trunc(BigDecimal v) {
    return v == null ? null : v.setScale(0, RoundingMode.DOWN);
  }

  public static BigDecimal trunc(BigDecimal v, Integer scale) {
    return v == null || scale == null ? null : v.setScale(scale, RoundingMode.DOWN);
  }

  public static Double trunc(Double v) {
    return v == null ? null : v < 0 ? Math.ceil(v) : Math.floor(v);
  }
}
