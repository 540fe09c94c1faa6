package org.yggdrasil.planner.vexec;

import org.yggdrasil.accel.kernels.Bitmaps;

/** Selections where null stands for "every row of the chunk" (nothing filtered or deleted). */
final class Selections {
  private Selections() {}

  /** A scratch bitmap holding {@code sel}, or every row when it is null; release it after use. */
  static long[] copyOrAll(long[] sel, int rows, Scratch scratch) {
    long[] out = scratch.bitmap();
    if (sel == null) {
      Bitmaps.setAll(out, rows);
    } else {
      System.arraycopy(sel, 0, out, 0, Bitmaps.words(rows));
    }
    return out;
  }

  static int count(long[] sel, int rows) {
    return sel == null ? rows : Bitmaps.count(sel, rows);
  }
}
