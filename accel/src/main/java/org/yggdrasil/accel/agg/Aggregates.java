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
import org.yggdrasil.accel.kernels.Bitmaps;
import org.yggdrasil.accel.kernels.Lane;
import org.yggdrasil.accel.kernels.Layouts;
import org.yggdrasil.accel.kernels.Species;

/**
 * Aggregates over the selected rows of one chunk on the Vector API ({@link ScalarAggregates} is the
 * twin). Rows go 64 at a time, one selection word: an empty word is skipped, a full word is summed
 * without masks, a partial word with lane masks taken from the word; the last partial word is
 * done scalar.
 *
 * <p>Double sums: each 64-row block is summed in vector lanes (two partial vectors, a handful of
 * additions per lane), and the block vector is added into per-lane Neumaier accumulators; the lanes
 * are combined with compensation at the end. The error is that of a few additions per block, not of
 * the whole chunk, so the result matches an exact sum to about 1e-16 relative.
 */
public final class Aggregates {
  private static final int DL = Species.DOUBLE.length();
  private static final int LL = Species.LONG.length();
  private static final int IL = Species.INT.length();

  private Aggregates() {}

  // ---- double sums ----

  public static double sumDouble(double[] v, int rows, long[] sel) {
    int full = rows >>> 6;
    DoubleVector zero = DoubleVector.zero(Species.DOUBLE);
    DoubleVector s = zero;
    DoubleVector c = zero;
    for (int w = 0; w < full; w++) {
      long word = sel == null ? -1L : sel[w];
      if (word == 0) {
        continue;
      }
      DoubleVector b = blockArray(v, w, word);
      DoubleVector t = s.add(b);
      c = c.add(s.sub(t).add(b).blend(b.sub(t).add(s), s.abs().compare(VectorOperators.LT, b.abs())));
      s = t;
    }
    CompensatedSum tail = new CompensatedSum();
    for (int i = full << 6; i < rows; i++) {
      if (ScalarAggregates.selected(sel, i)) {
        tail.add(v[i]);
      }
    }
    return combine(s, c, tail);
  }

  /** Lane sums of the selected rows of 64-row block {@code w} of an array. */
  private static DoubleVector blockArray(double[] v, int w, long word) {
    int base = w << 6;
    DoubleVector b0 = DoubleVector.zero(Species.DOUBLE);
    DoubleVector b1 = b0;
    if (word == -1L) {
      for (int j = 0; j < 64; j += 2 * DL) {
        b0 = b0.add(DoubleVector.fromArray(Species.DOUBLE, v, base + j));
        b1 = b1.add(DoubleVector.fromArray(Species.DOUBLE, v, base + j + DL));
      }
    } else {
      for (int j = 0; j < 64; j += 2 * DL) {
        b0 = b0.add(DoubleVector.fromArray(Species.DOUBLE, v, base + j), VectorMask.fromLong(Species.DOUBLE, word >>> j));
        b1 = b1.add(DoubleVector.fromArray(Species.DOUBLE, v, base + j + DL),
            VectorMask.fromLong(Species.DOUBLE, word >>> (j + DL)));
      }
    }
    return b0.add(b1);
  }

  public static double sumDouble(MemorySegment data, Lane lane, int rows, long[] sel) {
    lane.requireFloating();
    Layouts.requireRows(data, lane, rows);
    int full = rows >>> 6;
    DoubleVector zero = DoubleVector.zero(Species.DOUBLE);
    DoubleVector s = zero;
    DoubleVector c = zero;
    boolean dbl = lane == Lane.DOUBLE;
    for (int w = 0; w < full; w++) {
      long word = sel == null ? -1L : sel[w];
      if (word == 0) {
        continue;
      }
      DoubleVector b = dbl ? blockDouble(data, w, word) : blockFloat(data, w, word);
      DoubleVector t = s.add(b);
      c = c.add(s.sub(t).add(b).blend(b.sub(t).add(s), s.abs().compare(VectorOperators.LT, b.abs())));
      s = t;
    }
    CompensatedSum tail = new CompensatedSum();
    for (int i = full << 6; i < rows; i++) {
      if (ScalarAggregates.selected(sel, i)) {
        tail.add(Layouts.getDouble(data, lane, i));
      }
    }
    return combine(s, c, tail);
  }

  /** Lane sums of the selected rows of 64-row block {@code w} of a DOUBLE segment. */
  private static DoubleVector blockDouble(MemorySegment data, int w, long word) {
    long base = (long) w << 9;
    DoubleVector b0 = DoubleVector.zero(Species.DOUBLE);
    DoubleVector b1 = b0;
    if (word == -1L) {
      for (int j = 0; j < 64; j += 2 * DL) {
        b0 = b0.add(DoubleVector.fromMemorySegment(Species.DOUBLE, data, base + ((long) j << 3), LE));
        b1 = b1.add(DoubleVector.fromMemorySegment(Species.DOUBLE, data, base + ((long) (j + DL) << 3), LE));
      }
    } else {
      for (int j = 0; j < 64; j += 2 * DL) {
        b0 = b0.add(DoubleVector.fromMemorySegment(Species.DOUBLE, data, base + ((long) j << 3), LE),
            VectorMask.fromLong(Species.DOUBLE, word >>> j));
        b1 = b1.add(DoubleVector.fromMemorySegment(Species.DOUBLE, data, base + ((long) (j + DL) << 3), LE),
            VectorMask.fromLong(Species.DOUBLE, word >>> (j + DL)));
      }
    }
    return b0.add(b1);
  }

  /** The same for a FLOAT segment, widening each value to double first. */
  private static DoubleVector blockFloat(MemorySegment data, int w, long word) {
    long base = (long) w << 8;
    DoubleVector b = DoubleVector.zero(Species.DOUBLE);
    for (int j = 0; j < 64; j += DL) {
      DoubleVector x = (DoubleVector) FloatVector.fromMemorySegment(Species.FLOAT_HALF, data, base + ((long) j << 2), LE)
          .convertShape(VectorOperators.F2D, Species.DOUBLE, 0);
      b = word == -1L ? b.add(x) : b.add(x, VectorMask.fromLong(Species.DOUBLE, word >>> j));
    }
    return b;
  }

  /** Sum of {@code a[i] * b[i]} over the selected rows, products rounded then summed with compensation. */
  public static double sumProduct(MemorySegment a, Lane la, MemorySegment b, Lane lb, int rows, long[] sel) {
    if (la != Lane.DOUBLE || lb != Lane.DOUBLE) {
      return ScalarAggregates.sumProduct(a, la, b, lb, rows, sel); // only DOUBLE x DOUBLE is hot (TPC-H Q6)
    }
    Layouts.requireRows(a, la, rows);
    Layouts.requireRows(b, lb, rows);
    int full = rows >>> 6;
    DoubleVector zero = DoubleVector.zero(Species.DOUBLE);
    DoubleVector s = zero;
    DoubleVector c = zero;
    for (int w = 0; w < full; w++) {
      long word = sel == null ? -1L : sel[w];
      if (word == 0) {
        continue;
      }
      long base = (long) w << 9;
      DoubleVector p = zero;
      if (word == -1L) {
        for (int j = 0; j < 64; j += DL) {
          long off = base + ((long) j << 3);
          p = p.add(DoubleVector.fromMemorySegment(Species.DOUBLE, a, off, LE)
              .mul(DoubleVector.fromMemorySegment(Species.DOUBLE, b, off, LE)));
        }
      } else {
        for (int j = 0; j < 64; j += DL) {
          long off = base + ((long) j << 3);
          p = p.add(DoubleVector.fromMemorySegment(Species.DOUBLE, a, off, LE)
              .mul(DoubleVector.fromMemorySegment(Species.DOUBLE, b, off, LE)), VectorMask.fromLong(Species.DOUBLE, word >>> j));
        }
      }
      DoubleVector t = s.add(p);
      c = c.add(s.sub(t).add(p).blend(p.sub(t).add(s), s.abs().compare(VectorOperators.LT, p.abs())));
      s = t;
    }
    CompensatedSum tail = new CompensatedSum();
    for (int i = full << 6; i < rows; i++) {
      if (ScalarAggregates.selected(sel, i)) {
        tail.add(Layouts.getDouble(a, la, i) * Layouts.getDouble(b, lb, i));
      }
    }
    return combine(s, c, tail);
  }

  /** Lane sums and compensations plus the scalar tail, combined with compensation; non-finite sums as plain summation gives them. */
  private static double combine(DoubleVector s, DoubleVector c, CompensatedSum tail) {
    double plain = s.reduceLanes(VectorOperators.ADD);
    if (!Double.isFinite(plain)) {
      double t = tail.result();
      return plain + t;
    }
    CompensatedSum total = new CompensatedSum();
    for (int k = 0; k < DL; k++) {
      total.add(s.lane(k));
    }
    total.add(tail.result());
    total.addCompensation(c.reduceLanes(VectorOperators.ADD));
    return total.result();
  }

  // ---- long sums ----

  /** Exact sum of an integer lane; throws ArithmeticException when a partial sum overflows a long. */
  public static long sumLong(MemorySegment data, Lane lane, int rows, long[] sel) {
    lane.requireInteger();
    Layouts.requireRows(data, lane, rows);
    return switch (lane) {
      case LONG -> sumLongLane(data, rows, sel);
      case INT -> sumIntLane(data, rows, sel);
      case SHORT -> sumShortLane(data, rows, sel);
      case BYTE -> Species.BYTE_QUARTER != null ? sumByteLane(data, rows, sel) : ScalarAggregates.sumLong(data, lane, rows, sel);
      default -> throw new AssertionError(lane);
    };
  }

  /**
   * SHORT values widened to int lanes and summed there; the int lanes go into long lanes every 256
   * words, long before they could overflow (at most 2^15 * 64 per lane and word).
   */
  private static long sumShortLane(MemorySegment data, int rows, long[] sel) {
    int full = rows >>> 6;
    IntVector izero = IntVector.zero(Species.INT);
    IntVector iacc = izero;
    LongVector lacc = LongVector.zero(Species.LONG);
    for (int w = 0; w < full; w++) {
      long word = sel == null ? -1L : sel[w];
      if (word != 0) {
        long base = (long) w << 7;
        for (int j = 0; j < 64; j += IL) {
          IntVector x = (IntVector) ShortVector.fromMemorySegment(Species.SHORT_HALF, data, base + ((long) j << 1), LE)
              .convertShape(VectorOperators.S2I, Species.INT, 0);
          iacc = iacc.add(x, VectorMask.fromLong(Species.INT, word >>> j));
        }
      }
      if ((w & 255) == 255) {
        lacc = widenInto(lacc, iacc);
        iacc = izero;
      }
    }
    long total = widenInto(lacc, iacc).reduceLanes(VectorOperators.ADD);
    for (int i = full << 6; i < rows; i++) {
      if (ScalarAggregates.selected(sel, i)) {
        total += data.getAtIndex(Layouts.SHORT, i);
      }
    }
    return total;
  }

  /** As {@link #sumShortLane} for BYTE values. */
  private static long sumByteLane(MemorySegment data, int rows, long[] sel) {
    int full = rows >>> 6;
    IntVector izero = IntVector.zero(Species.INT);
    IntVector iacc = izero;
    LongVector lacc = LongVector.zero(Species.LONG);
    for (int w = 0; w < full; w++) {
      long word = sel == null ? -1L : sel[w];
      if (word != 0) {
        long base = (long) w << 6;
        for (int j = 0; j < 64; j += IL) {
          IntVector x = (IntVector) ByteVector.fromMemorySegment(Species.BYTE_QUARTER, data, base + j, LE)
              .convertShape(VectorOperators.B2I, Species.INT, 0);
          iacc = iacc.add(x, VectorMask.fromLong(Species.INT, word >>> j));
        }
      }
      if ((w & 255) == 255) {
        lacc = widenInto(lacc, iacc);
        iacc = izero;
      }
    }
    long total = widenInto(lacc, iacc).reduceLanes(VectorOperators.ADD);
    for (int i = full << 6; i < rows; i++) {
      if (ScalarAggregates.selected(sel, i)) {
        total += data.get(Layouts.BYTE, i);
      }
    }
    return total;
  }

  /** {@code lacc} plus the int lanes of {@code iacc} widened to long (an int vector has twice the lanes). */
  private static LongVector widenInto(LongVector lacc, IntVector iacc) {
    return lacc.add((LongVector) iacc.convertShape(VectorOperators.I2L, Species.LONG, 0))
        .add((LongVector) iacc.convertShape(VectorOperators.I2L, Species.LONG, 1));
  }

  private static long sumLongLane(MemorySegment data, int rows, long[] sel) {
    int full = rows >>> 6;
    LongVector zero = LongVector.zero(Species.LONG);
    LongVector s = zero;
    LongVector ovf = zero;
    for (int w = 0; w < full; w++) {
      long word = sel == null ? -1L : sel[w];
      if (word == 0) {
        continue;
      }
      long base = (long) w << 9;
      for (int j = 0; j < 64; j += LL) {
        LongVector x = LongVector.fromMemorySegment(Species.LONG, data, base + ((long) j << 3), LE);
        if (word != -1L) {
          x = zero.blend(x, VectorMask.fromLong(Species.LONG, word >>> j));
        }
        LongVector t = s.add(x);
        // Signed overflow iff both operands' signs differ from the result's.
        ovf = ovf.or(s.lanewise(VectorOperators.XOR, t).and(x.lanewise(VectorOperators.XOR, t)));
        s = t;
      }
    }
    Int128Sum tail = new Int128Sum();
    for (int i = full << 6; i < rows; i++) {
      if (ScalarAggregates.selected(sel, i)) {
        tail.add(data.getAtIndex(Layouts.LONG, i));
      }
    }
    return finishLong(s, ovf, tail);
  }

  private static long sumIntLane(MemorySegment data, int rows, long[] sel) {
    // Ints cannot overflow a long lane: at most 2^31 rows of |v| <= 2^31.
    int full = rows >>> 6;
    LongVector zero = LongVector.zero(Species.LONG);
    LongVector s = zero;
    for (int w = 0; w < full; w++) {
      long word = sel == null ? -1L : sel[w];
      if (word == 0) {
        continue;
      }
      long base = (long) w << 8;
      for (int j = 0; j < 64; j += LL) {
        LongVector x = (LongVector) IntVector.fromMemorySegment(Species.INT_HALF, data, base + ((long) j << 2), LE)
            .convertShape(VectorOperators.I2L, Species.LONG, 0);
        s = word == -1L ? s.add(x) : s.add(x, VectorMask.fromLong(Species.LONG, word >>> j));
      }
    }
    long total = s.reduceLanes(VectorOperators.ADD);
    for (int i = full << 6; i < rows; i++) {
      if (ScalarAggregates.selected(sel, i)) {
        total += data.getAtIndex(Layouts.INT, i);
      }
    }
    return total;
  }

  public static long sumLong(long[] v, int rows, long[] sel) {
    int full = rows >>> 6;
    LongVector zero = LongVector.zero(Species.LONG);
    LongVector s = zero;
    LongVector ovf = zero;
    for (int w = 0; w < full; w++) {
      long word = sel == null ? -1L : sel[w];
      if (word == 0) {
        continue;
      }
      int base = w << 6;
      for (int j = 0; j < 64; j += LL) {
        LongVector x = LongVector.fromArray(Species.LONG, v, base + j);
        if (word != -1L) {
          x = zero.blend(x, VectorMask.fromLong(Species.LONG, word >>> j));
        }
        LongVector t = s.add(x);
        ovf = ovf.or(s.lanewise(VectorOperators.XOR, t).and(x.lanewise(VectorOperators.XOR, t)));
        s = t;
      }
    }
    Int128Sum tail = new Int128Sum();
    for (int i = full << 6; i < rows; i++) {
      if (ScalarAggregates.selected(sel, i)) {
        tail.add(v[i]);
      }
    }
    return finishLong(s, ovf, tail);
  }

  private static long finishLong(LongVector s, LongVector ovf, Int128Sum tail) {
    if (ovf.reduceLanes(VectorOperators.OR) < 0) {
      throw new ArithmeticException("long overflow");
    }
    for (int k = 0; k < LL; k++) {
      tail.add(s.lane(k));
    }
    return tail.longValueExact();
  }

  /**
   * Exact sum of {@code a[i] * b[i]} over the selected rows of two integer lanes (scaled-integer
   * numerics); throws ArithmeticException on overflow. LONG x LONG runs on vectors while every
   * factor stays below 2^31 in magnitude (products then fit 62 bits and the sums are overflow-checked
   * per lane); a chunk with larger factors is redone exactly by the scalar twin.
   */
  public static long sumProductLong(MemorySegment a, Lane la, MemorySegment b, Lane lb, int rows, long[] sel) {
    if (la != Lane.LONG || lb != Lane.LONG) {
      return ScalarAggregates.sumProductLong(a, la, b, lb, rows, sel);
    }
    Layouts.requireRows(a, la, rows);
    Layouts.requireRows(b, lb, rows);
    int full = rows >>> 6;
    LongVector zero = LongVector.zero(Species.LONG);
    LongVector s = zero;
    LongVector ovf = zero;
    LongVector big = zero;
    for (int w = 0; w < full; w++) {
      long word = sel == null ? -1L : sel[w];
      if (word == 0) {
        continue;
      }
      long base = (long) w << 9;
      for (int j = 0; j < 64; j += LL) {
        long off = base + ((long) j << 3);
        LongVector x = LongVector.fromMemorySegment(Species.LONG, a, off, LE);
        LongVector y = LongVector.fromMemorySegment(Species.LONG, b, off, LE);
        if (word != -1L) {
          VectorMask<Long> m = VectorMask.fromLong(Species.LONG, word >>> j);
          x = zero.blend(x, m);
          y = zero.blend(y, m);
        }
        // abs(Long.MIN_VALUE) stays negative, so it is flagged as well.
        big = big.or(x.abs().or(y.abs()));
        LongVector p = x.mul(y);
        LongVector t = s.add(p);
        ovf = ovf.or(s.lanewise(VectorOperators.XOR, t).and(p.lanewise(VectorOperators.XOR, t)));
        s = t;
      }
    }
    long bigBits = big.reduceLanes(VectorOperators.OR);
    if ((bigBits & ~0x7FFF_FFFFL) != 0 || ovf.reduceLanes(VectorOperators.OR) < 0) {
      return ScalarAggregates.sumProductLong(a, la, b, lb, rows, sel); // exact, or the overflow exception
    }
    Int128Sum total = new Int128Sum();
    for (int k = 0; k < LL; k++) {
      total.add(s.lane(k));
    }
    for (int i = full << 6; i < rows; i++) {
      if (ScalarAggregates.selected(sel, i)) {
        total.add(Math.multiplyExact(a.getAtIndex(Layouts.LONG, i), b.getAtIndex(Layouts.LONG, i)));
      }
    }
    return total.longValueExact();
  }

  // ---- min / max ----

  public static boolean minLong(MemorySegment data, Lane lane, int rows, long[] sel, long[] out) {
    return extremeLong(data, lane, rows, sel, out, true);
  }

  public static boolean maxLong(MemorySegment data, Lane lane, int rows, long[] sel, long[] out) {
    return extremeLong(data, lane, rows, sel, out, false);
  }

  private static boolean extremeLong(MemorySegment data, Lane lane, int rows, long[] sel, long[] out, boolean min) {
    lane.requireInteger();
    Layouts.requireRows(data, lane, rows);
    if (rows == 0 || (sel != null && Bitmaps.none(sel, rows))) {
      return false;
    }
    int full = rows >>> 6;
    long flip = min ? 0L : -1L;
    long acc = switch (lane) {
      case LONG -> MinMaxLanes.minLongLane(data, full, sel, flip);
      case INT -> MinMaxLanes.minIntLane(data, full, sel, flip);
      case SHORT -> MinMaxLanes.minShortLane(data, full, sel, flip);
      case BYTE -> MinMaxLanes.minByteLane(data, full, sel, flip);
      default -> throw new AssertionError(lane);
    };
    for (int i = full << 6; i < rows; i++) {
      if (ScalarAggregates.selected(sel, i)) {
        long v = Layouts.getLong(data, lane, i);
        acc = min ? Math.min(acc, v) : Math.max(acc, v);
      }
    }
    out[0] = acc;
    return true;
  }

  /** Smallest selected value; NaN only when every selected value is NaN (NaN is the greatest). */
  public static boolean minDouble(MemorySegment data, Lane lane, int rows, long[] sel, double[] out) {
    return extremeDouble(data, lane, rows, sel, out, true);
  }

  /** Largest selected value; NaN when any selected value is NaN. */
  public static boolean maxDouble(MemorySegment data, Lane lane, int rows, long[] sel, double[] out) {
    return extremeDouble(data, lane, rows, sel, out, false);
  }

  private static boolean extremeDouble(MemorySegment data, Lane lane, int rows, long[] sel, double[] out, boolean min) {
    lane.requireFloating();
    Layouts.requireRows(data, lane, rows);
    if (rows == 0 || (sel != null && Bitmaps.none(sel, rows))) {
      return false;
    }
    int full = rows >>> 6;
    // [0] = extreme of the selected non-NaN values, [1] = 1 if a NaN was selected, [2] = 1 if a non-NaN was.
    double[] acc = new double[3];
    if (lane == Lane.DOUBLE) {
      MinMaxLanes.extremeDoubleLane(data, full, sel, min, acc);
    } else {
      MinMaxLanes.extremeFloatLane(data, full, sel, min, acc);
    }
    double best = acc[0];
    boolean nan = acc[1] != 0;
    boolean value = acc[2] != 0;
    for (int i = full << 6; i < rows; i++) {
      if (ScalarAggregates.selected(sel, i)) {
        double v = Layouts.getDouble(data, lane, i);
        if (Double.isNaN(v)) {
          nan = true;
        } else {
          best = value ? (min ? Math.min(best, v) : Math.max(best, v)) : v;
          value = true;
        }
      }
    }
    out[0] = (min ? value : !nan) ? best : Double.NaN;
    return true;
  }
}
