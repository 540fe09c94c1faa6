package org.yggdrasil.bench;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * Compares two engines' results: the same rows (in order only when the query orders them),
 * exact for integers, decimals and text, floats (and a float against a decimal, as an average
 * may be either) to a relative 1e-9, or an absolute 1e-12 where a result cancels to about zero
 * (a correlation of unrelated columns is 1e-17 in one summation order and 1e-16 in another).
 * Results too large to keep are compared by fingerprint.
 */
public final class ResultCheck {
  static final double RELATIVE = 1e-9;
  static final double ABSOLUTE = 1e-12;

  private ResultCheck() {}

  /** Null when equal, else what differs first. */
  public static String difference(ResultRows expected, ResultRows actual, boolean ordered) {
    if (expected.count() != actual.count()) {
      return "rows " + actual.count() + " (expected " + expected.count() + ")";
    }
    if (expected.count() == 0) {
      return null;
    }
    if (expected.width() != actual.width()) {
      return "columns " + actual.width() + " (expected " + expected.width() + ")";
    }
    if (!expected.complete() || !actual.complete()) {
      return fingerprintDifference(expected, actual);
    }
    List<Object[]> e = ordered ? expected.rows() : expected.sortedRows(ROW_ORDER);
    List<Object[]> a = ordered ? actual.rows() : actual.sortedRows(ROW_ORDER);
    for (int r = 0; r < e.size(); r++) {
      for (int c = 0; c < expected.width(); c++) {
        if (!same(e.get(r)[c], a.get(r)[c])) {
          return "row " + (r + 1) + " column " + (c + 1) + ": " + a.get(r)[c] + " (expected "
              + e.get(r)[c] + ")";
        }
      }
    }
    return null;
  }

  private static String fingerprintDifference(ResultRows e, ResultRows a) {
    for (int c = 0; c < e.width(); c++) {
      if (e.nulls(c) != a.nulls(c) || e.textHash(c) != a.textHash(c)
          || !close(e.numberSum(c), a.numberSum(c))) {
        return "column " + (c + 1) + " differs (fingerprint of " + e.count() + " rows)";
      }
    }
    return null;
  }

  static boolean same(Object e, Object a) {
    if (e == null || a == null) {
      return e == a;
    }
    if (e instanceof Number en && a instanceof Number an) {
      if (e instanceof BigDecimal ed && a instanceof BigDecimal ad) {
        if (ed.compareTo(ad) == 0) {
          return true;
        }
      } else if (e instanceof Long && a instanceof Long) {
        return e.equals(a);
      }
      return close(en.doubleValue(), an.doubleValue());
    }
    return e.toString().equals(a.toString());
  }

  static boolean close(double e, double a) {
    if (e == a || (Double.isNaN(e) && Double.isNaN(a))) {
      return true;
    }
    double difference = Math.abs(e - a);
    return difference <= ABSOLUTE || difference <= RELATIVE * Math.max(Math.abs(e), Math.abs(a));
  }

  private static final Comparator<Object[]> ROW_ORDER = (x, y) -> {
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = compareValues(x[i], y[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  };

  private static int compareValues(Object x, Object y) {
    if (x == null || y == null) {
      return x == null ? (y == null ? 0 : -1) : 1;
    }
    if (x instanceof Number a && y instanceof Number b) {
      // Numerically, so 1.0 (a float) and 1.00 (a decimal) sort alike on both sides.
      return Double.compare(a.doubleValue(), b.doubleValue());
    }
    return x.toString().compareTo(y.toString());
  }
}
