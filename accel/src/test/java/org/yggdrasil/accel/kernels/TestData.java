package org.yggdrasil.accel.kernels;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random columns and selections with the awkward cases the kernels must survive. */
public final class TestData {
  /** Row counts around word and vector boundaries, up to the chunk size. */
  public static final int[] LENGTHS = {0, 1, 7, 63, 64, 65, 127, 129, 4095, 65536};
  public static final Lane[] INTEGER_LANES = {Lane.BYTE, Lane.SHORT, Lane.INT, Lane.LONG};
  public static final Lane[] FLOATING_LANES = {Lane.FLOAT, Lane.DOUBLE};

  private TestData() {}

  public static SplittableRandom random(long seed) {
    return new SplittableRandom(seed);
  }

  /** A segment for {@code rows} values: native for even seeds, heap (byte[]) for odd ones. */
  public static MemorySegment allocate(Lane lane, int rows, long seed) {
    long bytes = (long) rows * lane.byteSize();
    return (seed & 1) == 0 ? Arena.ofAuto().allocate(Math.max(bytes, 1), 8).asSlice(0, bytes)
        : MemorySegment.ofArray(new byte[(int) bytes]);
  }

  /** Integer column: mostly a small domain (so equality hits), some uniform values and the lane's extremes. */
  public static MemorySegment integers(Lane lane, int rows, long seed) {
    SplittableRandom r = random(seed);
    MemorySegment seg = allocate(lane, rows, seed);
    for (int i = 0; i < rows; i++) {
      long v;
      int kind = r.nextInt(10);
      if (kind < 6) {
        v = r.nextInt(-5, 6);
      } else if (kind < 8) {
        v = r.nextLong();
      } else {
        long[] extremes = {lane.minValue(), lane.maxValue(), lane.minValue() + 1, lane.maxValue() - 1, 0, -1};
        v = extremes[r.nextInt(extremes.length)];
      }
      put(seg, lane, i, v);
    }
    return seg;
  }

  /** Integer column with values uniform in [lo, hi) (for sums that must not overflow). */
  public static MemorySegment integers(Lane lane, int rows, long seed, long lo, long hi) {
    SplittableRandom r = random(seed);
    MemorySegment seg = allocate(lane, rows, seed);
    for (int i = 0; i < rows; i++) {
      put(seg, lane, i, r.nextLong(lo, hi));
    }
    return seg;
  }

  /** Floating column: small integers and halves (equality hits), uniform values, NaN, ±Infinity, ±0.0, extremes. */
  public static MemorySegment floats(Lane lane, int rows, long seed, boolean specials) {
    SplittableRandom r = random(seed);
    MemorySegment seg = allocate(lane, rows, seed);
    double[] special = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
        lane == Lane.FLOAT ? Float.MAX_VALUE : Double.MAX_VALUE, lane == Lane.FLOAT ? Float.MIN_VALUE : Double.MIN_VALUE,
        0.1, -0.1};
    for (int i = 0; i < rows; i++) {
      double v;
      int kind = r.nextInt(10);
      if (kind < 5) {
        v = r.nextInt(-10, 11) / 2.0;
      } else if (kind < 9 || !specials) {
        v = r.nextDouble(-1000, 1000);
      } else {
        v = special[r.nextInt(special.length)];
      }
      putDouble(seg, lane, i, v);
    }
    return seg;
  }

  public static void put(MemorySegment seg, Lane lane, int i, long v) {
    switch (lane) {
      case BYTE -> seg.set(Layouts.BYTE, i, (byte) v);
      case SHORT -> seg.setAtIndex(Layouts.SHORT, i, (short) v);
      case INT -> seg.setAtIndex(Layouts.INT, i, (int) v);
      case LONG -> seg.setAtIndex(Layouts.LONG, i, v);
      default -> throw new IllegalArgumentException(lane.toString());
    }
  }

  public static void putDouble(MemorySegment seg, Lane lane, int i, double v) {
    if (lane == Lane.FLOAT) {
      seg.setAtIndex(Layouts.FLOAT, i, (float) v);
    } else {
      seg.setAtIndex(Layouts.DOUBLE, i, v);
    }
  }

  /** Doubles in {@code out[0..rows)} with the same mix as {@link #floats}. */
  public static double[] doubles(int rows, long seed, boolean specials) {
    MemorySegment seg = floats(Lane.DOUBLE, rows, seed, specials);
    double[] out = new double[rows];
    for (int i = 0; i < rows; i++) {
      out[i] = seg.getAtIndex(Layouts.DOUBLE, i);
    }
    return out;
  }

  /**
   * Selections for {@code rows} rows: null (all), none, all, half, sparse, dense, word runs (whole words
   * on and off, which exercise the full-word and empty-word paths), and a single row at the end.
   * Each bitmap has one spare word so that readers which look past {@code rows} would be caught.
   */
  public static List<long[]> selections(int rows, long seed) {
    SplittableRandom r = random(seed);
    List<long[]> out = new ArrayList<>();
    out.add(null);
    out.add(new long[Bitmaps.words(rows) + 1]);
    long[] all = new long[Bitmaps.words(rows) + 1];
    Bitmaps.setAll(all, rows);
    out.add(all);
    for (double density : new double[] {0.5, 0.03, 0.97}) {
      long[] s = new long[Bitmaps.words(rows) + 1];
      for (int i = 0; i < rows; i++) {
        if (r.nextDouble() < density) {
          Bitmaps.set(s, i);
        }
      }
      out.add(s);
    }
    long[] runs = new long[Bitmaps.words(rows) + 1];
    for (int w = 0; w < Bitmaps.words(rows); w++) {
      int k = r.nextInt(3);
      runs[w] = k == 0 ? 0 : k == 1 ? -1L : r.nextLong();
    }
    Bitmaps.trim(runs, rows);
    out.add(runs);
    if (rows > 0) {
      long[] last = new long[Bitmaps.words(rows) + 1];
      Bitmaps.set(last, rows - 1);
      out.add(last);
    }
    return out;
  }

  /** A bitmap of {@code rows} bits pre-filled with ones everywhere, so kernels must clear what they do not set. */
  public static long[] dirty(int rows) {
    long[] out = new long[Bitmaps.words(rows) + 2];
    java.util.Arrays.fill(out, -1L);
    return out;
  }

  public static String describe(long[] sel, int rows) {
    return sel == null ? "sel=null" : "selected=" + Bitmaps.count(sel, rows);
  }
}
