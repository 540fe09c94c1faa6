package org.yggdrasil.accel.kernels;

import static org.yggdrasil.accel.kernels.Layouts.LE;

import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Column-to-work-vector loads and element-wise arithmetic on {@code double[]} / {@code long[]},
 * on the Vector API; {@link ScalarArith} is the plain-loop twin. Long arithmetic wraps
 * (no overflow checks); the planner only uses it where that cannot matter. All operations
 * cover elements {@code 0..rows-1} and may write {@code out} in place of an input.
 */
public final class Arith {
  private static final int DL = Species.DOUBLE.length();
  private static final int LL = Species.LONG.length();
  private static final int IL = Species.INT.length();

  private Arith() {}

  /** Any lane to double; DOUBLE is a bulk copy, the other lanes convert lane-wise (narrow ones through int). */
  public static void loadDouble(MemorySegment data, Lane lane, int rows, double[] out) {
    Layouts.requireRows(data, lane, rows);
    int bound = rows - rows % DL;
    switch (lane) {
      case DOUBLE -> MemorySegment.copy(data, Layouts.DOUBLE, 0, out, 0, rows);
      case LONG -> {
        for (int i = 0; i < bound; i += DL) {
          ((DoubleVector) LongVector.fromMemorySegment(Species.LONG, data, (long) i << 3, LE)
              .convert(VectorOperators.L2D, 0)).intoArray(out, i);
        }
        ScalarArith.loadDouble(data, lane, bound, rows, out);
      }
      case INT -> {
        for (int i = 0; i < bound; i += DL) {
          ((DoubleVector) IntVector.fromMemorySegment(Species.INT_HALF, data, (long) i << 2, LE)
              .convertShape(VectorOperators.I2D, Species.DOUBLE, 0)).intoArray(out, i);
        }
        ScalarArith.loadDouble(data, lane, bound, rows, out);
      }
      case FLOAT -> {
        for (int i = 0; i < bound; i += DL) {
          ((DoubleVector) FloatVector.fromMemorySegment(Species.FLOAT_HALF, data, (long) i << 2, LE)
              .convertShape(VectorOperators.F2D, Species.DOUBLE, 0)).intoArray(out, i);
        }
        ScalarArith.loadDouble(data, lane, bound, rows, out);
      }
      case SHORT -> {
        int wide = rows - rows % IL;
        for (int i = 0; i < wide; i += IL) {
          IntVector x = (IntVector) ShortVector.fromMemorySegment(Species.SHORT_HALF, data, (long) i << 1, LE)
              .convertShape(VectorOperators.S2I, Species.INT, 0);
          ((DoubleVector) x.convertShape(VectorOperators.I2D, Species.DOUBLE, 0)).intoArray(out, i);
          ((DoubleVector) x.convertShape(VectorOperators.I2D, Species.DOUBLE, 1)).intoArray(out, i + DL);
        }
        ScalarArith.loadDouble(data, lane, wide, rows, out);
      }
      case BYTE -> {
        int wide = Species.BYTE_QUARTER == null ? 0 : rows - rows % IL;
        for (int i = 0; i < wide; i += IL) {
          IntVector x = (IntVector) ByteVector.fromMemorySegment(Species.BYTE_QUARTER, data, i, LE)
              .convertShape(VectorOperators.B2I, Species.INT, 0);
          ((DoubleVector) x.convertShape(VectorOperators.I2D, Species.DOUBLE, 0)).intoArray(out, i);
          ((DoubleVector) x.convertShape(VectorOperators.I2D, Species.DOUBLE, 1)).intoArray(out, i + DL);
        }
        ScalarArith.loadDouble(data, lane, wide, rows, out);
      }
    }
  }

  /** Integer lanes to long; LONG is a bulk copy, the other lanes widen lane-wise (narrow ones through int). */
  public static void loadLong(MemorySegment data, Lane lane, int rows, long[] out) {
    lane.requireInteger();
    Layouts.requireRows(data, lane, rows);
    int bound = rows - rows % LL;
    switch (lane) {
      case LONG -> MemorySegment.copy(data, Layouts.LONG, 0, out, 0, rows);
      case INT -> {
        for (int i = 0; i < bound; i += LL) {
          ((LongVector) IntVector.fromMemorySegment(Species.INT_HALF, data, (long) i << 2, LE)
              .convertShape(VectorOperators.I2L, Species.LONG, 0)).intoArray(out, i);
        }
        ScalarArith.loadLong(data, lane, bound, rows, out);
      }
      case SHORT -> {
        int wide = rows - rows % IL;
        for (int i = 0; i < wide; i += IL) {
          IntVector x = (IntVector) ShortVector.fromMemorySegment(Species.SHORT_HALF, data, (long) i << 1, LE)
              .convertShape(VectorOperators.S2I, Species.INT, 0);
          ((LongVector) x.convertShape(VectorOperators.I2L, Species.LONG, 0)).intoArray(out, i);
          ((LongVector) x.convertShape(VectorOperators.I2L, Species.LONG, 1)).intoArray(out, i + LL);
        }
        ScalarArith.loadLong(data, lane, wide, rows, out);
      }
      case BYTE -> {
        int wide = Species.BYTE_QUARTER == null ? 0 : rows - rows % IL;
        for (int i = 0; i < wide; i += IL) {
          IntVector x = (IntVector) ByteVector.fromMemorySegment(Species.BYTE_QUARTER, data, i, LE)
              .convertShape(VectorOperators.B2I, Species.INT, 0);
          ((LongVector) x.convertShape(VectorOperators.I2L, Species.LONG, 0)).intoArray(out, i);
          ((LongVector) x.convertShape(VectorOperators.I2L, Species.LONG, 1)).intoArray(out, i + LL);
        }
        ScalarArith.loadLong(data, lane, wide, rows, out);
      }
      default -> throw new AssertionError(lane);
    }
  }

  public static void add(double[] a, double[] b, double[] out, int rows) {
    int bound = Species.DOUBLE.loopBound(rows);
    int i = 0;
    for (; i < bound; i += DL) {
      DoubleVector.fromArray(Species.DOUBLE, a, i).add(DoubleVector.fromArray(Species.DOUBLE, b, i)).intoArray(out, i);
    }
    for (; i < rows; i++) {
      out[i] = a[i] + b[i];
    }
  }

  public static void sub(double[] a, double[] b, double[] out, int rows) {
    int bound = Species.DOUBLE.loopBound(rows);
    int i = 0;
    for (; i < bound; i += DL) {
      DoubleVector.fromArray(Species.DOUBLE, a, i).sub(DoubleVector.fromArray(Species.DOUBLE, b, i)).intoArray(out, i);
    }
    for (; i < rows; i++) {
      out[i] = a[i] - b[i];
    }
  }

  public static void mul(double[] a, double[] b, double[] out, int rows) {
    int bound = Species.DOUBLE.loopBound(rows);
    int i = 0;
    for (; i < bound; i += DL) {
      DoubleVector.fromArray(Species.DOUBLE, a, i).mul(DoubleVector.fromArray(Species.DOUBLE, b, i)).intoArray(out, i);
    }
    for (; i < rows; i++) {
      out[i] = a[i] * b[i];
    }
  }

  /** IEEE division: x/0 is ±Infinity or NaN; the caller raises division_by_zero where SQL requires it. */
  public static void div(double[] a, double[] b, double[] out, int rows) {
    int bound = Species.DOUBLE.loopBound(rows);
    int i = 0;
    for (; i < bound; i += DL) {
      DoubleVector.fromArray(Species.DOUBLE, a, i).div(DoubleVector.fromArray(Species.DOUBLE, b, i)).intoArray(out, i);
    }
    for (; i < rows; i++) {
      out[i] = a[i] / b[i];
    }
  }

  public static void addConst(double[] a, double c, double[] out, int rows) {
    int bound = Species.DOUBLE.loopBound(rows);
    int i = 0;
    for (; i < bound; i += DL) {
      DoubleVector.fromArray(Species.DOUBLE, a, i).add(c).intoArray(out, i);
    }
    for (; i < rows; i++) {
      out[i] = a[i] + c;
    }
  }

  public static void mulConst(double[] a, double c, double[] out, int rows) {
    int bound = Species.DOUBLE.loopBound(rows);
    int i = 0;
    for (; i < bound; i += DL) {
      DoubleVector.fromArray(Species.DOUBLE, a, i).mul(c).intoArray(out, i);
    }
    for (; i < rows; i++) {
      out[i] = a[i] * c;
    }
  }

  /** {@code out = c - a}. */
  public static void constSub(double c, double[] a, double[] out, int rows) {
    int bound = Species.DOUBLE.loopBound(rows);
    int i = 0;
    for (; i < bound; i += DL) {
      DoubleVector.broadcast(Species.DOUBLE, c).sub(DoubleVector.fromArray(Species.DOUBLE, a, i)).intoArray(out, i);
    }
    for (; i < rows; i++) {
      out[i] = c - a[i];
    }
  }

  /** {@code out = a / c} (a true division, not a multiplication by 1/c, so results match the scalar twin bit for bit). */
  public static void divConst(double[] a, double c, double[] out, int rows) {
    int bound = Species.DOUBLE.loopBound(rows);
    int i = 0;
    for (; i < bound; i += DL) {
      DoubleVector.fromArray(Species.DOUBLE, a, i).div(c).intoArray(out, i);
    }
    for (; i < rows; i++) {
      out[i] = a[i] / c;
    }
  }

  public static void add(long[] a, long[] b, long[] out, int rows) {
    int bound = Species.LONG.loopBound(rows);
    int i = 0;
    for (; i < bound; i += LL) {
      LongVector.fromArray(Species.LONG, a, i).add(LongVector.fromArray(Species.LONG, b, i)).intoArray(out, i);
    }
    for (; i < rows; i++) {
      out[i] = a[i] + b[i];
    }
  }

  public static void sub(long[] a, long[] b, long[] out, int rows) {
    int bound = Species.LONG.loopBound(rows);
    int i = 0;
    for (; i < bound; i += LL) {
      LongVector.fromArray(Species.LONG, a, i).sub(LongVector.fromArray(Species.LONG, b, i)).intoArray(out, i);
    }
    for (; i < rows; i++) {
      out[i] = a[i] - b[i];
    }
  }

  public static void mul(long[] a, long[] b, long[] out, int rows) {
    int bound = Species.LONG.loopBound(rows);
    int i = 0;
    for (; i < bound; i += LL) {
      LongVector.fromArray(Species.LONG, a, i).mul(LongVector.fromArray(Species.LONG, b, i)).intoArray(out, i);
    }
    for (; i < rows; i++) {
      out[i] = a[i] * b[i];
    }
  }

  public static void addConst(long[] a, long c, long[] out, int rows) {
    int bound = Species.LONG.loopBound(rows);
    int i = 0;
    for (; i < bound; i += LL) {
      LongVector.fromArray(Species.LONG, a, i).add(c).intoArray(out, i);
    }
    for (; i < rows; i++) {
      out[i] = a[i] + c;
    }
  }

  public static void mulConst(long[] a, long c, long[] out, int rows) {
    int bound = Species.LONG.loopBound(rows);
    int i = 0;
    for (; i < bound; i += LL) {
      LongVector.fromArray(Species.LONG, a, i).mul(c).intoArray(out, i);
    }
    for (; i < rows; i++) {
      out[i] = a[i] * c;
    }
  }

  /** {@code out = c - a}. */
  public static void constSub(long c, long[] a, long[] out, int rows) {
    int bound = Species.LONG.loopBound(rows);
    int i = 0;
    for (; i < bound; i += LL) {
      LongVector.broadcast(Species.LONG, c).sub(LongVector.fromArray(Species.LONG, a, i)).intoArray(out, i);
    }
    for (; i < rows; i++) {
      out[i] = c - a[i];
    }
  }
}
