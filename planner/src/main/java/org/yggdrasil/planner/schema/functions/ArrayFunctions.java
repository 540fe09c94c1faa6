package org.yggdrasil.planner.schema.functions;

import java.util.List;
import java.util.Objects;

/**
 * PostgreSQL's {@code array_length}, {@code array_lower}, {@code array_upper} and {@code
 * array_position}. Arrays here are Calcite's lists, indexed from 1; a nested list is the next
 * dimension. An empty array has no dimensions, so its length is NULL, as in PostgreSQL.
 */
public final class ArrayFunctions {
  private ArrayFunctions() {}

  public static Integer array_length(List<?> array, Integer dimension) {
    List<?> level = dimension(array, dimension);
    return level == null ? null : level.size();
  }

  public static Integer array_lower(List<?> array, Integer dimension) {
    return dimension(array, dimension) == null ? null : 1;
  }

  public static Integer array_upper(List<?> array, Integer dimension) {
    return array_length(array, dimension);
  }

  /** The first position at or after {@code start} holding a value not distinct from it. */
  public static Integer array_position(List<?> array, Object value, Integer start) {
    if (array == null) {
      return null;
    }
    if (start == null) {
      throw new org.yggdrasil.catalog.error.SqlStateException(
          org.yggdrasil.catalog.error.SqlState.NULL_VALUE_NOT_ALLOWED,
          "initial position must not be null");
    }
    for (int i = Math.max(start, 1); i <= array.size(); i++) {
      if (same(array.get(i - 1), value)) {
        return i;
      }
    }
    return null;
  }

  /** IS NOT DISTINCT FROM, numbers compared by value (1 and 1.0 are the same). */
  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return decimal(x).compareTo(decimal(y)) == 0;
    }
    return Objects.equals(a, b);
  }

  private static java.math.BigDecimal decimal(Number n) {
    return n instanceof java.math.BigDecimal d ? d
        : n instanceof Double || n instanceof Float ? java.math.BigDecimal.valueOf(n.doubleValue())
        : java.math.BigDecimal.valueOf(n.longValue());
  }

  /** The list at {@code dimension} (1 is the array itself), or null if there is none. */
  private static List<?> dimension(List<?> array, Integer dimension) {
    if (array == null || dimension == null || dimension < 1 || array.isEmpty()) {
      return null;
    }
    List<?> level = array;
    for (int d = 1; d < dimension; d++) {
      if (level.isEmpty() || !(level.get(0) instanceof List<?> inner)) {
        return null;
      }
      level = inner;
    }
    return level.isEmpty() ? null : level;
  }
}
