package org.yggdrasil.accel.kernels;

import java.lang.foreign.MemorySegment;

/** Plain-loop twin of {@link ColumnFilters}, straight from the definition of each operator. */
public final class ScalarColumnFilters {
  private ScalarColumnFilters() {}

  public static void compare(MemorySegment a, MemorySegment b, Lane lane, int rows, CmpOp op, long[] out) {
    Layouts.requireRows(a, lane, rows);
    Layouts.requireRows(b, lane, rows);
    Bitmaps.trim(out, 0);
    for (int i = 0; i < rows; i++) {
      if (op.holds(compareRow(a, b, lane, i))) {
        Bitmaps.set(out, i);
      }
    }
  }

  private static int compareRow(MemorySegment a, MemorySegment b, Lane lane, int i) {
    return lane.isFloating()
        ? ScalarFilters.pgCompare(Layouts.getDouble(a, lane, i), Layouts.getDouble(b, lane, i))
        : Long.compare(Layouts.getLong(a, lane, i), Layouts.getLong(b, lane, i));
  }

  /** Rows {@code from..rows-1} (one partial word) of {@code x op y} for op EQ or LT, xor flip; clears the rest. */
  static void tail(MemorySegment x, MemorySegment y, Lane lane, int rows, int from, CmpOp op, long flip, long[] out) {
    if (from < rows) {
      long word = 0;
      for (int i = from; i < rows; i++) {
        if (op.holds(compareRow(x, y, lane, i))) {
          word |= 1L << i;
        }
      }
      out[from >>> 6] = word ^ flip;
    }
    Bitmaps.trim(out, rows);
  }
}
