package org.yggdrasil.accel.kernels;

import static org.yggdrasil.accel.kernels.Layouts.LE;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Filter kernels on the Vector API: each writes a selection bitmap of the rows whose value
 * satisfies the predicate, 64 rows (one bitmap word) at a time from vector compare masks.
 * Every predicate is first reduced to a range ({@link IntegerRange}, {@link FloatingRange}) so
 * one loop per lane type serves all six operators and BETWEEN. {@link ScalarFilters} is the
 * plain-loop twin with the same results. Output words past {@code rows} are cleared.
 */
public final class Filters {
  private static final int BL = Species.BYTE.length();
  private static final int SL = Species.SHORT.length();
  private static final int IL = Species.INT.length();
  private static final int LL = Species.LONG.length();
  private static final int FL = Species.FLOAT.length();
  private static final int DL = Species.DOUBLE.length();
  /** Above this many IN values a sorted binary search per row beats one vector compare per value. */
  static final int IN_VECTOR_LIMIT = 16;

  private Filters() {}

  /** Rows where {@code value op c}; integer lanes. Constants outside the lane's range are handled exactly. */
  public static void compareLong(MemorySegment data, Lane lane, int rows, CmpOp op, long c, long[] out) {
    lane.requireInteger();
    Layouts.requireRows(data, lane, rows);
    range(data, lane, rows, IntegerRange.of(op, c), out);
  }

  /** Rows where {@code value op c} in PostgreSQL order (NaN = NaN, NaN above everything); FLOAT/DOUBLE lanes. */
  public static void compareDouble(MemorySegment data, Lane lane, int rows, CmpOp op, double c, long[] out) {
    lane.requireFloating();
    Layouts.requireRows(data, lane, rows);
    range(data, lane, rows, FloatingRange.of(op, c), out);
  }

  /** Rows where {@code lo <= value <= hi}; integer lanes. */
  public static void betweenLong(MemorySegment data, Lane lane, int rows, long lo, long hi, long[] out) {
    lane.requireInteger();
    Layouts.requireRows(data, lane, rows);
    range(data, lane, rows, lo > hi ? IntegerRange.empty() : new IntegerRange(lo, hi, false), out);
  }

  /** Rows where {@code lo <= value AND value <= hi} in PostgreSQL order; FLOAT/DOUBLE lanes. */
  public static void betweenDouble(MemorySegment data, Lane lane, int rows, double lo, double hi, long[] out) {
    lane.requireFloating();
    Layouts.requireRows(data, lane, rows);
    range(data, lane, rows, FloatingRange.between(lo, hi), out);
  }

  /** Rows whose value is one of {@code values}; integer lanes. */
  public static void inLong(MemorySegment data, Lane lane, int rows, long[] values, long[] out) {
    lane.requireInteger();
    Layouts.requireRows(data, lane, rows);
    long[] vals = Arrays.stream(values).filter(v -> v >= lane.minValue() && v <= lane.maxValue())
        .sorted().distinct().toArray();
    if (vals.length == 0) {
      Bitmaps.trim(out, 0);
      return;
    }
    if (vals.length == 1) {
      range(data, lane, rows, new IntegerRange(vals[0], vals[0], false), out);
      return;
    }
    if (vals.length > IN_VECTOR_LIMIT) {
      ScalarFilters.inSorted(data, lane, rows, vals, out);
      return;
    }
    switch (lane) {
      case BYTE -> inByte(data, rows, vals, out);
      case SHORT -> inShort(data, rows, vals, out);
      case INT -> inInt(data, rows, vals, out);
      case LONG -> inLongLane(data, rows, vals, out);
      default -> throw new AssertionError(lane);
    }
  }

  // ---- integer ranges ----

  static void range(MemorySegment data, Lane lane, int rows, IntegerRange r, long[] out) {
    IntegerRange c = r.isEmpty() ? r : r.clip(lane);
    if (c.isEmpty()) {
      constant(r.negate(), rows, out);
      return;
    }
    long lo = c.lo();
    long span = c.span();
    long flip = c.negate() ? -1L : 0L;
    int full = rows >>> 6;
    switch (lane) {
      case BYTE -> rangeByte(data, full, (byte) lo, (byte) span, flip, out);
      case SHORT -> rangeShort(data, full, (short) lo, (short) span, flip, out);
      case INT -> rangeInt(data, full, (int) lo, (int) span, flip, out);
      case LONG -> rangeLongLane(data, full, lo, span, flip, out);
      default -> throw new AssertionError(lane);
    }
    ScalarFilters.rangeTail(data, lane, rows, full << 6, lo, span, flip, out);
  }

  private static void rangeByte(MemorySegment data, int full, byte lo, byte span, long flip, long[] out) {
    for (int w = 0; w < full; w++) {
      long base = (long) w << 6;
      long word = 0;
      for (int j = 0; j < 64; j += BL) {
        ByteVector v = ByteVector.fromMemorySegment(Species.BYTE, data, base + j, LE);
        word |= v.sub(lo).compare(VectorOperators.ULE, span).toLong() << j;
      }
      out[w] = word ^ flip;
    }
  }

  private static void rangeShort(MemorySegment data, int full, short lo, short span, long flip, long[] out) {
    for (int w = 0; w < full; w++) {
      long base = (long) w << 7;
      long word = 0;
      for (int j = 0; j < 64; j += SL) {
        ShortVector v = ShortVector.fromMemorySegment(Species.SHORT, data, base + ((long) j << 1), LE);
        word |= v.sub(lo).compare(VectorOperators.ULE, span).toLong() << j;
      }
      out[w] = word ^ flip;
    }
  }

  private static void rangeInt(MemorySegment data, int full, int lo, int span, long flip, long[] out) {
    for (int w = 0; w < full; w++) {
      long base = (long) w << 8;
      long word = 0;
      for (int j = 0; j < 64; j += IL) {
        IntVector v = IntVector.fromMemorySegment(Species.INT, data, base + ((long) j << 2), LE);
        word |= v.sub(lo).compare(VectorOperators.ULE, span).toLong() << j;
      }
      out[w] = word ^ flip;
    }
  }

  private static void rangeLongLane(MemorySegment data, int full, long lo, long span, long flip, long[] out) {
    for (int w = 0; w < full; w++) {
      long base = (long) w << 9;
      long word = 0;
      for (int j = 0; j < 64; j += LL) {
        LongVector v = LongVector.fromMemorySegment(Species.LONG, data, base + ((long) j << 3), LE);
        word |= v.sub(lo).compare(VectorOperators.ULE, span).toLong() << j;
      }
      out[w] = word ^ flip;
    }
  }

  // ---- floating ranges ----

  static void range(MemorySegment data, Lane lane, int rows, FloatingRange r, long[] out) {
    long flip = r.negate() ? -1L : 0L;
    int full = rows >>> 6;
    if (lane == Lane.DOUBLE) {
      if (r.nan()) {
        rangeDoubleOrNaN(data, full, r.lo(), r.hi(), flip, out);
      } else {
        rangeDouble(data, full, r.lo(), r.hi(), flip, out);
      }
    } else {
      float lo = FloatingRange.ceilFloat(r.lo());
      float hi = FloatingRange.floorFloat(r.hi());
      if (r.nan()) {
        rangeFloatOrNaN(data, full, lo, hi, flip, out);
      } else {
        rangeFloat(data, full, lo, hi, flip, out);
      }
    }
    ScalarFilters.rangeTail(data, lane, rows, full << 6, r, out);
  }

  private static void rangeDouble(MemorySegment data, int full, double lo, double hi, long flip, long[] out) {
    for (int w = 0; w < full; w++) {
      long base = (long) w << 9;
      long word = 0;
      for (int j = 0; j < 64; j += DL) {
        DoubleVector v = DoubleVector.fromMemorySegment(Species.DOUBLE, data, base + ((long) j << 3), LE);
        word |= v.compare(VectorOperators.GE, lo).and(v.compare(VectorOperators.LE, hi)).toLong() << j;
      }
      out[w] = word ^ flip;
    }
  }

  private static void rangeDoubleOrNaN(MemorySegment data, int full, double lo, double hi, long flip, long[] out) {
    for (int w = 0; w < full; w++) {
      long base = (long) w << 9;
      long word = 0;
      for (int j = 0; j < 64; j += DL) {
        DoubleVector v = DoubleVector.fromMemorySegment(Species.DOUBLE, data, base + ((long) j << 3), LE);
        word |= v.compare(VectorOperators.GE, lo).and(v.compare(VectorOperators.LE, hi))
            .or(v.compare(VectorOperators.NE, v)).toLong() << j;
      }
      out[w] = word ^ flip;
    }
  }

  private static void rangeFloat(MemorySegment data, int full, float lo, float hi, long flip, long[] out) {
    for (int w = 0; w < full; w++) {
      long base = (long) w << 8;
      long word = 0;
      for (int j = 0; j < 64; j += FL) {
        FloatVector v = FloatVector.fromMemorySegment(Species.FLOAT, data, base + ((long) j << 2), LE);
        word |= v.compare(VectorOperators.GE, lo).and(v.compare(VectorOperators.LE, hi)).toLong() << j;
      }
      out[w] = word ^ flip;
    }
  }

  private static void rangeFloatOrNaN(MemorySegment data, int full, float lo, float hi, long flip, long[] out) {
    for (int w = 0; w < full; w++) {
      long base = (long) w << 8;
      long word = 0;
      for (int j = 0; j < 64; j += FL) {
        FloatVector v = FloatVector.fromMemorySegment(Species.FLOAT, data, base + ((long) j << 2), LE);
        word |= v.compare(VectorOperators.GE, lo).and(v.compare(VectorOperators.LE, hi))
            .or(v.compare(VectorOperators.NE, v)).toLong() << j;
      }
      out[w] = word ^ flip;
    }
  }

  // ---- IN lists (short, sorted, distinct, inside the lane's range) ----

  private static void inByte(MemorySegment data, int rows, long[] vals, long[] out) {
    int full = rows >>> 6;
    for (int w = 0; w < full; w++) {
      long base = (long) w << 6;
      long word = 0;
      for (int j = 0; j < 64; j += BL) {
        ByteVector v = ByteVector.fromMemorySegment(Species.BYTE, data, base + j, LE);
        long bits = 0;
        for (long x : vals) {
          bits |= v.compare(VectorOperators.EQ, (byte) x).toLong();
        }
        word |= bits << j;
      }
      out[w] = word;
    }
    ScalarFilters.inTail(data, Lane.BYTE, rows, full << 6, vals, out);
  }

  private static void inShort(MemorySegment data, int rows, long[] vals, long[] out) {
    int full = rows >>> 6;
    for (int w = 0; w < full; w++) {
      long base = (long) w << 7;
      long word = 0;
      for (int j = 0; j < 64; j += SL) {
        ShortVector v = ShortVector.fromMemorySegment(Species.SHORT, data, base + ((long) j << 1), LE);
        long bits = 0;
        for (long x : vals) {
          bits |= v.compare(VectorOperators.EQ, (short) x).toLong();
        }
        word |= bits << j;
      }
      out[w] = word;
    }
    ScalarFilters.inTail(data, Lane.SHORT, rows, full << 6, vals, out);
  }

  private static void inInt(MemorySegment data, int rows, long[] vals, long[] out) {
    int full = rows >>> 6;
    for (int w = 0; w < full; w++) {
      long base = (long) w << 8;
      long word = 0;
      for (int j = 0; j < 64; j += IL) {
        IntVector v = IntVector.fromMemorySegment(Species.INT, data, base + ((long) j << 2), LE);
        long bits = 0;
        for (long x : vals) {
          bits |= v.compare(VectorOperators.EQ, (int) x).toLong();
        }
        word |= bits << j;
      }
      out[w] = word;
    }
    ScalarFilters.inTail(data, Lane.INT, rows, full << 6, vals, out);
  }

  private static void inLongLane(MemorySegment data, int rows, long[] vals, long[] out) {
    int full = rows >>> 6;
    for (int w = 0; w < full; w++) {
      long base = (long) w << 9;
      long word = 0;
      for (int j = 0; j < 64; j += LL) {
        LongVector v = LongVector.fromMemorySegment(Species.LONG, data, base + ((long) j << 3), LE);
        long bits = 0;
        for (long x : vals) {
          bits |= v.compare(VectorOperators.EQ, x).toLong();
        }
        word |= bits << j;
      }
      out[w] = word;
    }
    ScalarFilters.inTail(data, Lane.LONG, rows, full << 6, vals, out);
  }

  /** All rows selected ({@code all}) or none. */
  static void constant(boolean all, int rows, long[] out) {
    if (all) {
      Bitmaps.setAll(out, rows);
    } else {
      Bitmaps.trim(out, 0);
    }
  }
}
