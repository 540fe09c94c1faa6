package org.yggdrasil.planner.vexec;

import org.apache.calcite.DataContext;

/**
 * A constant of a vectorized plan: a literal fixed at planning, or a parameter ({@code ?n}) read
 * when the cached plan runs. Values are in Calcite's internal representation (dates as int days,
 * timestamps as long microseconds, exact numbers as BigDecimal or Long).
 */
public record Operand(Object literal, int parameter) {
  public static Operand of(Object literal) {
    return new Operand(literal, -1);
  }

  public static Operand parameter(int index) {
    return new Operand(null, index);
  }

  /** The value for one execution; null means SQL NULL. */
  public Object value(DataContext root) {
    return parameter < 0 ? literal : root.get("?" + parameter);
  }

  @Override
  public String toString() {
    return parameter < 0 ? String.valueOf(literal) : "$" + (parameter + 1);
  }
}
