package org.yggdrasil.accel.kernels;

import static org.yggdrasil.accel.kernels.Layouts.LE;

import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Comparisons of two columns of the same lane, row by row ({@code a[i] op b[i]}, e.g. TPC-H's
 * {@code l_commitdate < l_receiptdate}), on the Vector API; {@link ScalarColumnFilters} is the twin.
 * Both orders are total (PostgreSQL's for floats: NaN equal to NaN and above everything), so every
 * operator is one of two loops, LT or EQ, with the operands swapped and/or the result negated:
 * GT(a,b) = LT(b,a), GE(a,b) = not LT(a,b), LE(a,b) = not LT(b,a), NE = not EQ.
 */
public final class ColumnFilters {
  private static final int BL = Species.BYTE.length();
  private static final int SL = Species.SHORT.length();
  private static final int IL = Species.INT.length();
  private static final int LL = Species.LONG.length();
  private static final int FL = Species.FLOAT.length();
  private static final int DL = Species.DOUBLE.length();

  private ColumnFilters() {}

  /** Rows where {@code a[i] op b[i]}; both columns have the same lane (the caller widens otherwise). */
  public static void compare(MemorySegment a, MemorySegment b, Lane lane, int rows, CmpOp op, long[] out) {
    Layouts.requireRows(a, lane, rows);
    Layouts.requireRows(b, lane, rows);
    boolean eq = op == CmpOp.EQ || op == CmpOp.NE;
    boolean swap = op == CmpOp.GT || op == CmpOp.LE;
    long flip = op == CmpOp.NE || op == CmpOp.GE || op == CmpOp.LE ? -1L : 0L;
    MemorySegment x = swap ? b : a;
    MemorySegment y = swap ? a : b;
    int full = rows >>> 6;
    switch (lane) {
      case BYTE -> {
        if (eq) {
          eqByte(x, y, full, flip, out);
        } else {
          ltByte(x, y, full, flip, out);
        }
      }
      case SHORT -> {
        if (eq) {
          eqShort(x, y, full, flip, out);
        } else {
          ltShort(x, y, full, flip, out);
        }
      }
      case INT -> {
        if (eq) {
          eqInt(x, y, full, flip, out);
        } else {
          ltInt(x, y, full, flip, out);
        }
      }
      case LONG -> {
        if (eq) {
          eqLong(x, y, full, flip, out);
        } else {
          ltLong(x, y, full, flip, out);
        }
      }
      case FLOAT -> {
        if (eq) {
          eqFloat(x, y, full, flip, out);
        } else {
          ltFloat(x, y, full, flip, out);
        }
      }
      case DOUBLE -> {
        if (eq) {
          eqDouble(x, y, full, flip, out);
        } else {
          ltDouble(x, y, full, flip, out);
        }
      }
    }
    ScalarColumnFilters.tail(x, y, lane, rows, full << 6, eq ? CmpOp.EQ : CmpOp.LT, flip, out);
  }

  private static void ltByte(MemorySegment x, MemorySegment y, int full, long flip, long[] out) {
    for (int w = 0; w < full; w++) {
      long base = (long) w << 6;
      long word = 0;
      for (int j = 0; j < 64; j += BL) {
        ByteVector vx = ByteVector.fromMemorySegment(Species.BYTE, x, base + j, LE);
        word |= vx.compare(VectorOperators.LT, ByteVector.fromMemorySegment(Species.BYTE, y, base + j, LE)).toLong() << j;
      }
      out[w] = word ^ flip;
    }
  }

  private static void eqByte(MemorySegment x, MemorySegment y, int full, long flip, long[] out) {
    for (int w = 0; w < full; w++) {
      long base = (long) w << 6;
      long word = 0;
      for (int j = 0; j < 64; j += BL) {
        ByteVector vx = ByteVector.fromMemorySegment(Species.BYTE, x, base + j, LE);
        word |= vx.compare(VectorOperators.EQ, ByteVector.fromMemorySegment(Species.BYTE, y, base + j, LE)).toLong() << j;
      }
      out[w] = word ^ flip;
    }
  }

  private static void ltShort(MemorySegment x, MemorySegment y, int full, long flip, long[] out) {
    for (int w = 0; w < full; w++) {
      long base = (long) w << 7;
      long word = 0;
      for (int j = 0; j < 64; j += SL) {
        long off = base + ((long) j << 1);
        ShortVector vx = ShortVector.fromMemorySegment(Species.SHORT, x, off, LE);
        word |= vx.compare(VectorOperators.LT, ShortVector.fromMemorySegment(Species.SHORT, y, off, LE)).toLong() << j;
      }
      out[w] = word ^ flip;
    }
  }

  private static void eqShort(MemorySegment x, MemorySegment y, int full, long flip, long[] out) {
    for (int w = 0; w < full; w++) {
      long base = (long) w << 7;
      long word = 0;
      for (int j = 0; j < 64; j += SL) {
        long off = base + ((long) j << 1);
        ShortVector vx = ShortVector.fromMemorySegment(Species.SHORT, x, off, LE);
        word |= vx.compare(VectorOperators.EQ, ShortVector.fromMemorySegment(Species.SHORT, y, off, LE)).toLong() << j;
      }
      out[w] = word ^ flip;
    }
  }

  private static void ltInt(MemorySegment x, MemorySegment y, int full, long flip, long[] out) {
    for (int w = 0; w < full; w++) {
      long base = (long) w << 8;
      long word = 0;
      for (int j = 0; j < 64; j += IL) {
        long off = base + ((long) j << 2);
        IntVector vx = IntVector.fromMemorySegment(Species.INT, x, off, LE);
        word |= vx.compare(VectorOperators.LT, IntVector.fromMemorySegment(Species.INT, y, off, LE)).toLong() << j;
      }
      out[w] = word ^ flip;
    }
  }

  private static void eqInt(MemorySegment x, MemorySegment y, int full, long flip, long[] out) {
    for (int w = 0; w < full; w++) {
      long base = (long) w << 8;
      long word = 0;
      for (int j = 0; j < 64; j += IL) {
        long off = base + ((long) j << 2);
        IntVector vx = IntVector.fromMemorySegment(Species.INT, x, off, LE);
        word |= vx.compare(VectorOperators.EQ, IntVector.fromMemorySegment(Species.INT, y, off, LE)).toLong() << j;
      }
      out[w] = word ^ flip;
    }
  }

  private static void ltLong(MemorySegment x, MemorySegment y, int full, long flip, long[] out) {
    for (int w = 0; w < full; w++) {
      long base = (long) w << 9;
      long word = 0;
      for (int j = 0; j < 64; j += LL) {
        long off = base + ((long) j << 3);
        LongVector vx = LongVector.fromMemorySegment(Species.LONG, x, off, LE);
        word |= vx.compare(VectorOperators.LT, LongVector.fromMemorySegment(Species.LONG, y, off, LE)).toLong() << j;
      }
      out[w] = word ^ flip;
    }
  }

  private static void eqLong(MemorySegment x, MemorySegment y, int full, long flip, long[] out) {
    for (int w = 0; w < full; w++) {
      long base = (long) w << 9;
      long word = 0;
      for (int j = 0; j < 64; j += LL) {
        long off = base + ((long) j << 3);
        LongVector vx = LongVector.fromMemorySegment(Species.LONG, x, off, LE);
        word |= vx.compare(VectorOperators.EQ, LongVector.fromMemorySegment(Species.LONG, y, off, LE)).toLong() << j;
      }
      out[w] = word ^ flip;
    }
  }

  /** PostgreSQL order: x < y, or x is a number and y is NaN. */
  private static void ltDouble(MemorySegment x, MemorySegment y, int full, long flip, long[] out) {
    for (int w = 0; w < full; w++) {
      long base = (long) w << 9;
      long word = 0;
      for (int j = 0; j < 64; j += DL) {
        long off = base + ((long) j << 3);
        DoubleVector vx = DoubleVector.fromMemorySegment(Species.DOUBLE, x, off, LE);
        DoubleVector vy = DoubleVector.fromMemorySegment(Species.DOUBLE, y, off, LE);
        VectorMask<Double> m = vx.compare(VectorOperators.LT, vy)
            .or(vy.compare(VectorOperators.NE, vy).andNot(vx.compare(VectorOperators.NE, vx)));
        word |= m.toLong() << j;
      }
      out[w] = word ^ flip;
    }
  }

  /** PostgreSQL order: x == y, or both are NaN. */
  private static void eqDouble(MemorySegment x, MemorySegment y, int full, long flip, long[] out) {
    for (int w = 0; w < full; w++) {
      long base = (long) w << 9;
      long word = 0;
      for (int j = 0; j < 64; j += DL) {
        long off = base + ((long) j << 3);
        DoubleVector vx = DoubleVector.fromMemorySegment(Species.DOUBLE, x, off, LE);
        DoubleVector vy = DoubleVector.fromMemorySegment(Species.DOUBLE, y, off, LE);
        VectorMask<Double> m = vx.compare(VectorOperators.EQ, vy)
            .or(vy.compare(VectorOperators.NE, vy).and(vx.compare(VectorOperators.NE, vx)));
        word |= m.toLong() << j;
      }
      out[w] = word ^ flip;
    }
  }

  private static void ltFloat(MemorySegment x, MemorySegment y, int full, long flip, long[] out) {
    for (int w = 0; w < full; w++) {
      long base = (long) w << 8;
      long word = 0;
      for (int j = 0; j < 64; j += FL) {
        long off = base + ((long) j << 2);
        FloatVector vx = FloatVector.fromMemorySegment(Species.FLOAT, x, off, LE);
        FloatVector vy = FloatVector.fromMemorySegment(Species.FLOAT, y, off, LE);
        VectorMask<Float> m = vx.compare(VectorOperators.LT, vy)
            .or(vy.compare(VectorOperators.NE, vy).andNot(vx.compare(VectorOperators.NE, vx)));
        word |= m.toLong() << j;
      }
      out[w] = word ^ flip;
    }
  }

  private static void eqFloat(MemorySegment x, MemorySegment y, int full, long flip, long[] out) {
    for (int w = 0; w < full; w++) {
      long base = (long) w << 8;
      long word = 0;
      for (int j = 0; j < 64; j += FL) {
        long off = base + ((long) j << 2);
        FloatVector vx = FloatVector.fromMemorySegment(Species.FLOAT, x, off, LE);
        FloatVector vy = FloatVector.fromMemorySegment(Species.FLOAT, y, off, LE);
        VectorMask<Float> m = vx.compare(VectorOperators.EQ, vy)
            .or(vy.compare(VectorOperators.NE, vy).and(vx.compare(VectorOperators.NE, vx)));
        word |= m.toLong() << j;
      }
      out[w] = word ^ flip;
    }
  }
}
