package org.yggdrasil.planner.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/** PostgreSQL's rules for the fraction of percentile_cont and percentile_disc. */
public final class Percentiles {
  private Percentiles() {}

  /** The fraction, checked to be in [0, 1] as PostgreSQL checks it (22003 otherwise). */
  public static double check(double fraction) {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw outOfRange(fraction);
    }
    return fraction;
  }

  public static SqlStateException outOfRange(double fraction) {
    return new SqlStateException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
        "percentile value " + formatG(fraction) + " is not between 0 and 1", null,
        "Give a fraction from 0 to 1, e.g. 0.5 for the median.", -1, null);
  }

  /** The value as C's {@code %g} prints it (six significant digits, no trailing zeros). */
  static String formatG(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == 0) {
      return "0";
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
    int exponent = d.precision() - d.scale() - 1;
    if (exponent < -4 || exponent >= 6) {
      String s = String.format(java.util.Locale.ROOT, "%.5e", v);
      String mantissa = s.substring(0, s.indexOf('e'));
      if (mantissa.contains(".")) {
        mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
      }
      int e = Integer.parseInt(s.substring(s.indexOf('e') + 1));
      return mantissa + "e" + (e < 0 ? "-" : "+") + (Math.abs(e) < 10 ? "0" : "") + Math.abs(e);
    }
    return d.toPlainString();
  }

  /**
   * percentile_cont over values sorted ascending: position {@code f * (n - 1)} in the requested
   * order, interpolated between its floor and ceiling rows as PostgreSQL's float8_lerp does.
   */
  public static double cont(double[] sorted, int n, double f, boolean descending) {
    double pos = f * (n - 1);
    long first = (long) Math.floor(pos);
    long second = (long) Math.ceil(pos);
    double lo = sorted[index(first, n, descending)];
    if (first == second) {
      return lo;
    }
    double hi = sorted[index(second, n, descending)];
    return lo + (pos - first) * (hi - lo);
  }

  /** percentile_disc's row (0-based, in the requested order): the first reaching fraction f. */
  public static long discRow(long n, double f) {
    long row = (long) Math.ceil(f * n);
    return Math.max(row, 1) - 1;
  }

  private static int index(long row, int n, boolean descending) {
    return (int) (descending ? n - 1 - row : row);
  }
}
