package org.yggdrasil.accel.kernels;

import java.lang.foreign.MemorySegment;

/**
 * Selection bitmaps: bit {@code i & 63} of word {@code i >>> 6} set means row {@code i} is selected.
 * Every operation keeps bits at and beyond {@code rows} cleared in the words it writes, so a
 * bitmap can be counted or combined without knowing where it came from.
 */
public final class Bitmaps {
  private Bitmaps() {}

  /** Number of 64-bit words that hold {@code rows} bits. */
  public static int words(int rows) {
    return (rows + 63) >>> 6;
  }

  /** A new bitmap with room for {@code rows} bits, all cleared. */
  public static long[] allocate(int rows) {
    return new long[words(rows)];
  }

  /** Mask of the valid bits in the last word of a {@code rows}-bit bitmap (all ones when rows is a multiple of 64). */
  public static long lastWordMask(int rows) {
    return (rows & 63) == 0 ? -1L : (1L << rows) - 1;
  }

  /** Sets the first {@code rows} bits and clears every other bit of {@code out}. */
  public static void setAll(long[] out, int rows) {
    int n = words(rows);
    java.util.Arrays.fill(out, 0, n, -1L);
    if (n > 0) {
      out[n - 1] = lastWordMask(rows);
    }
    java.util.Arrays.fill(out, n, out.length, 0L);
  }

  /** Clears every bit of {@code out}. */
  public static void clear(long[] out) {
    java.util.Arrays.fill(out, 0L);
  }

  /** {@code a &= b} over the first {@code rows} bits. */
  public static void and(long[] a, long[] b, int rows) {
    int n = words(rows);
    for (int w = 0; w < n; w++) {
      a[w] &= b[w];
    }
    trim(a, rows);
  }

  /** {@code a |= b} over the first {@code rows} bits. */
  public static void or(long[] a, long[] b, int rows) {
    int n = words(rows);
    for (int w = 0; w < n; w++) {
      a[w] |= b[w];
    }
    trim(a, rows);
  }

  /**
   * {@code a &= ~b} over the first {@code rows} bits. {@code b} may be shorter than {@code a}
   * (a delete vector that ends before the chunk does): missing words count as zero.
   */
  public static void andNot(long[] a, long[] b, int rows) {
    int n = Math.min(words(rows), b.length);
    for (int w = 0; w < n; w++) {
      a[w] &= ~b[w];
    }
    trim(a, rows);
  }

  /** {@code a = ~a} over the first {@code rows} bits. */
  public static void not(long[] a, int rows) {
    int n = words(rows);
    for (int w = 0; w < n; w++) {
      a[w] = ~a[w];
    }
    trim(a, rows);
  }

  /** Number of set bits among the first {@code rows}. */
  public static int count(long[] a, int rows) {
    int n = words(rows);
    int c = 0;
    for (int w = 0; w < n - 1; w++) {
      c += Long.bitCount(a[w]);
    }
    if (n > 0) {
      c += Long.bitCount(a[n - 1] & lastWordMask(rows));
    }
    return c;
  }

  /** Number of selected rows: {@code rows} when {@code sel} is null. */
  public static int countSelected(long[] sel, int rows) {
    return sel == null ? rows : count(sel, rows);
  }

  /** True when none of the first {@code rows} bits is set. */
  public static boolean none(long[] a, int rows) {
    int n = words(rows);
    for (int w = 0; w < n - 1; w++) {
      if (a[w] != 0) {
        return false;
      }
    }
    return n == 0 || (a[n - 1] & lastWordMask(rows)) == 0;
  }

  /** True when row {@code i} is selected. */
  public static boolean get(long[] a, int i) {
    return (a[i >>> 6] & (1L << i)) != 0;
  }

  /** Selects row {@code i}. */
  public static void set(long[] a, int i) {
    a[i >>> 6] |= 1L << i;
  }

  /**
   * Clears the rows that are NULL: {@code validity} is a bitmap of bytes, least significant bit
   * first, with a set bit meaning NOT NULL. It needs {@code ceil(rows / 8)} bytes.
   */
  public static void andValidity(long[] a, MemorySegment validity, int rows) {
    int n = words(rows);
    for (int w = 0; w < n; w++) {
      a[w] &= validityWord(validity, w, rows);
    }
    trim(a, rows);
  }

  /** Clears the rows that are NOT NULL (for IS NULL); see {@link #andValidity}. */
  public static void andNullity(long[] a, MemorySegment validity, int rows) {
    int n = words(rows);
    for (int w = 0; w < n; w++) {
      a[w] &= ~validityWord(validity, w, rows);
    }
    trim(a, rows);
  }

  /** Copies a validity bitmap (set = NOT NULL) into {@code out} as a selection. */
  public static void fromValidity(MemorySegment validity, int rows, long[] out) {
    int n = words(rows);
    for (int w = 0; w < n; w++) {
      out[w] = validityWord(validity, w, rows);
    }
    trim(out, rows);
  }

  /** Word {@code w} of a validity byte bitmap; reads bytewise at the end where fewer than 8 bytes remain. */
  static long validityWord(MemorySegment validity, int w, int rows) {
    long off = (long) w << 3;
    if (off + 8 <= validity.byteSize()) {
      return validity.get(Layouts.LONG, off);
    }
    int bytes = (Math.min(rows - (w << 6), 64) + 7) >>> 3;
    long word = 0;
    for (int b = 0; b < bytes; b++) {
      word |= (validity.get(Layouts.BYTE, off + b) & 0xFFL) << (b << 3);
    }
    return word;
  }

  /** Clears the bits at and beyond {@code rows} in the last word and every later word. */
  public static void trim(long[] a, int rows) {
    int n = words(rows);
    if (n > 0) {
      a[n - 1] &= lastWordMask(rows);
    }
    for (int w = n; w < a.length; w++) {
      a[w] = 0;
    }
  }
}
