package org.yggdrasil.accel.kernels;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Plain-loop twin of {@link Filters}: the same methods and results, one row at a time and written
 * straight from the definitions (no range rewriting), so tests can hold the vector kernels against
 * it. It also serves as the fallback when the Vector API is unavailable.
 */
public final class ScalarFilters {
  private ScalarFilters() {}

  public static void compareLong(MemorySegment data, Lane lane, int rows, CmpOp op, long c, long[] out) {
    lane.requireInteger();
    Layouts.requireRows(data, lane, rows);
    Bitmaps.trim(out, 0);
    for (int i = 0; i < rows; i++) {
      long v = Layouts.getLong(data, lane, i);
      if (op.holds(Long.compare(v, c))) {
        Bitmaps.set(out, i);
      }
    }
  }

  public static void compareDouble(MemorySegment data, Lane lane, int rows, CmpOp op, double c, long[] out) {
    lane.requireFloating();
    Layouts.requireRows(data, lane, rows);
    Bitmaps.trim(out, 0);
    for (int i = 0; i < rows; i++) {
      double v = Layouts.getDouble(data, lane, i);
      if (op.holds(pgCompare(v, c))) {
        Bitmaps.set(out, i);
      }
    }
  }

  public static void betweenLong(MemorySegment data, Lane lane, int rows, long lo, long hi, long[] out) {
    lane.requireInteger();
    Layouts.requireRows(data, lane, rows);
    Bitmaps.trim(out, 0);
    for (int i = 0; i < rows; i++) {
      long v = Layouts.getLong(data, lane, i);
      if (lo <= v && v <= hi) {
        Bitmaps.set(out, i);
      }
    }
  }

  public static void betweenDouble(MemorySegment data, Lane lane, int rows, double lo, double hi, long[] out) {
    lane.requireFloating();
    Layouts.requireRows(data, lane, rows);
    Bitmaps.trim(out, 0);
    for (int i = 0; i < rows; i++) {
      double v = Layouts.getDouble(data, lane, i);
      if (pgCompare(v, lo) >= 0 && pgCompare(v, hi) <= 0) {
        Bitmaps.set(out, i);
      }
    }
  }

  public static void inLong(MemorySegment data, Lane lane, int rows, long[] values, long[] out) {
    lane.requireInteger();
    Layouts.requireRows(data, lane, rows);
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    inSorted(data, lane, rows, sorted, out);
  }

  /** IN against a sorted list: a binary search per row. */
  static void inSorted(MemorySegment data, Lane lane, int rows, long[] sorted, long[] out) {
    Bitmaps.trim(out, 0);
    inTail(data, lane, rows, 0, sorted, out);
  }

  /** Sets the bits of rows {@code from..rows-1} (from a multiple of 64) that are in {@code sorted}. */
  static void inTail(MemorySegment data, Lane lane, int rows, int from, long[] sorted, long[] out) {
    if (from >= rows) {
      Bitmaps.trim(out, rows);
      return;
    }
    long word = 0;
    for (int i = from; i < rows; i++) {
      if ((i & 63) == 0 && i > from) {
        out[(i >>> 6) - 1] = word;
        word = 0;
      }
      if (Arrays.binarySearch(sorted, Layouts.getLong(data, lane, i)) >= 0) {
        word |= 1L << i;
      }
    }
    out[(rows - 1) >>> 6] = word;
    Bitmaps.trim(out, rows);
  }

  /** Rows {@code from..rows-1} (one partial word) of an integer range test: {@code (v - lo) <=unsigned span}, xor flip. */
  static void rangeTail(MemorySegment data, Lane lane, int rows, int from, long lo, long span, long flip, long[] out) {
    if (from < rows) {
      long word = 0;
      for (int i = from; i < rows; i++) {
        if (Long.compareUnsigned(Layouts.getLong(data, lane, i) - lo, span) <= 0) {
          word |= 1L << i;
        }
      }
      out[from >>> 6] = word ^ flip;
    }
    Bitmaps.trim(out, rows);
  }

  /** Rows {@code from..rows-1} (one partial word) of a floating range test. */
  static void rangeTail(MemorySegment data, Lane lane, int rows, int from, FloatingRange r, long[] out) {
    if (from < rows) {
      long word = 0;
      for (int i = from; i < rows; i++) {
        double v = Layouts.getDouble(data, lane, i);
        if ((v >= r.lo() && v <= r.hi()) || (r.nan() && v != v)) {
          word |= 1L << i;
        }
      }
      out[from >>> 6] = r.negate() ? ~word : word;
    }
    Bitmaps.trim(out, rows);
  }

  /** PostgreSQL's float8 order: NaN equals NaN and sorts above everything; -0.0 equals 0.0. */
  public static int pgCompare(double a, double b) {
    if (Double.isNaN(a)) {
      return Double.isNaN(b) ? 0 : 1;
    }
    if (Double.isNaN(b)) {
      return -1;
    }
    return a < b ? -1 : a > b ? 1 : 0;
  }
}
