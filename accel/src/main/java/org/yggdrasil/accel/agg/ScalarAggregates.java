package org.yggdrasil.accel.agg;

import java.lang.foreign.MemorySegment;
import org.yggdrasil.accel.kernels.Bitmaps;
import org.yggdrasil.accel.kernels.Lane;
import org.yggdrasil.accel.kernels.Layouts;

/**
 * Plain-loop twin of {@link Aggregates}: the same methods over the selected rows ({@code sel == null}
 * = all rows), one row at a time. Double sums are Neumaier-compensated; long sums use
 * {@link Math#addExact} and throw {@link ArithmeticException} on overflow. Min/max follow
 * PostgreSQL's float order, NaN above everything.
 */
public final class ScalarAggregates {
  private ScalarAggregates() {}

  static boolean selected(long[] sel, int i) {
    return sel == null || (sel[i >>> 6] & (1L << i)) != 0;
  }

  public static double sumDouble(double[] v, int rows, long[] sel) {
    CompensatedSum s = new CompensatedSum();
    for (int i = 0; i < rows; i++) {
      if (selected(sel, i)) {
        s.add(v[i]);
      }
    }
    return s.result();
  }

  public static double sumDouble(MemorySegment data, Lane lane, int rows, long[] sel) {
    lane.requireFloating();
    Layouts.requireRows(data, lane, rows);
    CompensatedSum s = new CompensatedSum();
    for (int i = 0; i < rows; i++) {
      if (selected(sel, i)) {
        s.add(Layouts.getDouble(data, lane, i));
      }
    }
    return s.result();
  }

  public static long sumLong(MemorySegment data, Lane lane, int rows, long[] sel) {
    lane.requireInteger();
    Layouts.requireRows(data, lane, rows);
    long s = 0;
    for (int i = 0; i < rows; i++) {
      if (selected(sel, i)) {
        s = Math.addExact(s, Layouts.getLong(data, lane, i));
      }
    }
    return s;
  }

  public static long sumLong(long[] v, int rows, long[] sel) {
    long s = 0;
    for (int i = 0; i < rows; i++) {
      if (selected(sel, i)) {
        s = Math.addExact(s, v[i]);
      }
    }
    return s;
  }

  /** Compensated sum of {@code a[i] * b[i]} over the selected rows; any lanes, values as double. */
  public static double sumProduct(MemorySegment a, Lane la, MemorySegment b, Lane lb, int rows, long[] sel) {
    Layouts.requireRows(a, la, rows);
    Layouts.requireRows(b, lb, rows);
    CompensatedSum s = new CompensatedSum();
    for (int i = 0; i < rows; i++) {
      if (selected(sel, i)) {
        s.add(Layouts.getDouble(a, la, i) * Layouts.getDouble(b, lb, i));
      }
    }
    return s.result();
  }

  /**
   * Exact sum of {@code a[i] * b[i]} over the selected rows of two integer lanes (scaled-integer
   * numerics: the product of scales s1 and s2 has scale s1 + s2); throws ArithmeticException on overflow.
   */
  public static long sumProductLong(MemorySegment a, Lane la, MemorySegment b, Lane lb, int rows, long[] sel) {
    la.requireInteger();
    lb.requireInteger();
    Layouts.requireRows(a, la, rows);
    Layouts.requireRows(b, lb, rows);
    long s = 0;
    for (int i = 0; i < rows; i++) {
      if (selected(sel, i)) {
        s = Math.addExact(s, Math.multiplyExact(Layouts.getLong(a, la, i), Layouts.getLong(b, lb, i)));
      }
    }
    return s;
  }

  public static boolean minLong(MemorySegment data, Lane lane, int rows, long[] sel, long[] out) {
    return extremeLong(data, lane, rows, sel, out, true);
  }

  public static boolean maxLong(MemorySegment data, Lane lane, int rows, long[] sel, long[] out) {
    return extremeLong(data, lane, rows, sel, out, false);
  }

  private static boolean extremeLong(MemorySegment data, Lane lane, int rows, long[] sel, long[] out, boolean min) {
    lane.requireInteger();
    Layouts.requireRows(data, lane, rows);
    boolean any = false;
    long acc = min ? Long.MAX_VALUE : Long.MIN_VALUE;
    for (int i = 0; i < rows; i++) {
      if (selected(sel, i)) {
        long v = Layouts.getLong(data, lane, i);
        acc = min ? Math.min(acc, v) : Math.max(acc, v);
        any = true;
      }
    }
    if (any) {
      out[0] = acc;
    }
    return any;
  }

  public static boolean minDouble(MemorySegment data, Lane lane, int rows, long[] sel, double[] out) {
    return extremeDouble(data, lane, rows, sel, out, true);
  }

  public static boolean maxDouble(MemorySegment data, Lane lane, int rows, long[] sel, double[] out) {
    return extremeDouble(data, lane, rows, sel, out, false);
  }

  private static boolean extremeDouble(MemorySegment data, Lane lane, int rows, long[] sel, double[] out, boolean min) {
    lane.requireFloating();
    Layouts.requireRows(data, lane, rows);
    boolean any = false;
    double acc = 0;
    for (int i = 0; i < rows; i++) {
      if (selected(sel, i)) {
        double v = Layouts.getDouble(data, lane, i);
        if (!any) {
          acc = v;
          any = true;
        } else {
          acc = pgExtreme(acc, v, min);
        }
      }
    }
    if (any) {
      out[0] = acc;
    }
    return any;
  }

  /** min/max in PostgreSQL's float order (NaN greatest); between -0.0 and 0.0 it picks as Math.min/max do. */
  static double pgExtreme(double acc, double v, boolean min) {
    boolean accNaN = Double.isNaN(acc);
    boolean vNaN = Double.isNaN(v);
    if (accNaN || vNaN) {
      if (min) {
        return accNaN ? v : acc;
      }
      return accNaN ? acc : v;
    }
    return min ? Math.min(acc, v) : Math.max(acc, v);
  }
}
