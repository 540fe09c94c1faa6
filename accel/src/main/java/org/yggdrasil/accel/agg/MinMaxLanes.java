package org.yggdrasil.accel.agg;

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
import org.yggdrasil.accel.kernels.Species;

/**
 * The vector loops behind {@link Aggregates}' min and max: the full 64-row words of a chunk, one
 * loop per lane type (the tail and the empty-selection case are the caller's). Unselected lanes
 * keep the accumulator through masked {@code MIN}/{@code MAX}.
 */
final class MinMaxLanes {
  private static final int BL = Species.BYTE.length();
  private static final int SL = Species.SHORT.length();
  private static final int DL = Species.DOUBLE.length();
  private static final int LL = Species.LONG.length();
  private static final int IL = Species.INT.length();
  private static final int FL = Species.FLOAT.length();

  private MinMaxLanes() {}

  /*
   * Integer lanes: max(x) = ~min(~x), since ~x = -x - 1 reverses the order without overflow, so one
   * loop per lane type serves both; flip is 0 for min and -1 for max, and the caller applies it
   * again to the result.
   */

  static long minLongLane(MemorySegment data, int full, long[] sel, long flip) {
    LongVector acc = LongVector.broadcast(Species.LONG, Long.MAX_VALUE);
    for (int w = 0; w < full; w++) {
      long word = sel == null ? -1L : sel[w];
      if (word == 0) {
        continue;
      }
      long base = (long) w << 9;
      for (int j = 0; j < 64; j += LL) {
        LongVector x = LongVector.fromMemorySegment(Species.LONG, data, base + ((long) j << 3), LE)
            .lanewise(VectorOperators.XOR, flip);
        acc = acc.lanewise(VectorOperators.MIN, x, VectorMask.fromLong(Species.LONG, word >>> j));
      }
    }
    return acc.reduceLanes(VectorOperators.MIN) ^ flip;
  }

  static long minIntLane(MemorySegment data, int full, long[] sel, long flip) {
    IntVector acc = IntVector.broadcast(Species.INT, Integer.MAX_VALUE);
    for (int w = 0; w < full; w++) {
      long word = sel == null ? -1L : sel[w];
      if (word == 0) {
        continue;
      }
      long base = (long) w << 8;
      for (int j = 0; j < 64; j += IL) {
        IntVector x = IntVector.fromMemorySegment(Species.INT, data, base + ((long) j << 2), LE)
            .lanewise(VectorOperators.XOR, (int) flip);
        acc = acc.lanewise(VectorOperators.MIN, x, VectorMask.fromLong(Species.INT, word >>> j));
      }
    }
    return acc.reduceLanes(VectorOperators.MIN) ^ flip;
  }

  static long minShortLane(MemorySegment data, int full, long[] sel, long flip) {
    ShortVector acc = ShortVector.broadcast(Species.SHORT, Short.MAX_VALUE);
    for (int w = 0; w < full; w++) {
      long word = sel == null ? -1L : sel[w];
      if (word == 0) {
        continue;
      }
      long base = (long) w << 7;
      for (int j = 0; j < 64; j += SL) {
        ShortVector x = ShortVector.fromMemorySegment(Species.SHORT, data, base + ((long) j << 1), LE)
            .lanewise(VectorOperators.XOR, (short) flip);
        acc = acc.lanewise(VectorOperators.MIN, x, VectorMask.fromLong(Species.SHORT, word >>> j));
      }
    }
    return acc.reduceLanes(VectorOperators.MIN) ^ flip;
  }

  static long minByteLane(MemorySegment data, int full, long[] sel, long flip) {
    ByteVector acc = ByteVector.broadcast(Species.BYTE, Byte.MAX_VALUE);
    for (int w = 0; w < full; w++) {
      long word = sel == null ? -1L : sel[w];
      if (word == 0) {
        continue;
      }
      long base = (long) w << 6;
      for (int j = 0; j < 64; j += BL) {
        ByteVector x = ByteVector.fromMemorySegment(Species.BYTE, data, base + j, LE)
            .lanewise(VectorOperators.XOR, (byte) flip);
        acc = acc.lanewise(VectorOperators.MIN, x, VectorMask.fromLong(Species.BYTE, word >>> j));
      }
    }
    return acc.reduceLanes(VectorOperators.MIN) ^ flip;
  }

  /**
   * Vector part of min/max over a DOUBLE segment. Max is computed as -min(-x) (sign = -1) so one
   * loop without a branch serves both; NaN lanes are left out of the min and only recorded.
   */
  static void extremeDoubleLane(MemorySegment data, int full, long[] sel, boolean min, double[] out) {
    double sign = min ? 1.0 : -1.0;
    DoubleVector acc = DoubleVector.broadcast(Species.DOUBLE, Double.POSITIVE_INFINITY);
    long nanBits = 0;
    long valueBits = 0;
    for (int w = 0; w < full; w++) {
      long word = sel == null ? -1L : sel[w];
      if (word == 0) {
        continue;
      }
      long base = (long) w << 9;
      for (int j = 0; j < 64; j += DL) {
        DoubleVector x = DoubleVector.fromMemorySegment(Species.DOUBLE, data, base + ((long) j << 3), LE);
        VectorMask<Double> m = VectorMask.fromLong(Species.DOUBLE, word >>> j);
        VectorMask<Double> isNaN = x.compare(VectorOperators.NE, x);
        VectorMask<Double> ok = m.andNot(isNaN);
        nanBits |= m.and(isNaN).toLong();
        valueBits |= ok.toLong();
        acc = acc.lanewise(VectorOperators.MIN, x.mul(sign), ok);
      }
    }
    out[0] = sign * acc.reduceLanes(VectorOperators.MIN);
    out[1] = nanBits != 0 ? 1 : 0;
    out[2] = valueBits != 0 ? 1 : 0;
  }

  /** The same over a FLOAT segment. */
  static void extremeFloatLane(MemorySegment data, int full, long[] sel, boolean min, double[] out) {
    float sign = min ? 1.0f : -1.0f;
    FloatVector acc = FloatVector.broadcast(Species.FLOAT, Float.POSITIVE_INFINITY);
    long nanBits = 0;
    long valueBits = 0;
    for (int w = 0; w < full; w++) {
      long word = sel == null ? -1L : sel[w];
      if (word == 0) {
        continue;
      }
      long base = (long) w << 8;
      for (int j = 0; j < 64; j += FL) {
        FloatVector x = FloatVector.fromMemorySegment(Species.FLOAT, data, base + ((long) j << 2), LE);
        VectorMask<Float> m = VectorMask.fromLong(Species.FLOAT, word >>> j);
        VectorMask<Float> isNaN = x.compare(VectorOperators.NE, x);
        VectorMask<Float> ok = m.andNot(isNaN);
        nanBits |= m.and(isNaN).toLong();
        valueBits |= ok.toLong();
        acc = acc.lanewise(VectorOperators.MIN, x.mul(sign), ok);
      }
    }
    out[0] = sign * acc.reduceLanes(VectorOperators.MIN);
    out[1] = nanBits != 0 ? 1 : 0;
    out[2] = valueBits != 0 ? 1 : 0;
  }
}
