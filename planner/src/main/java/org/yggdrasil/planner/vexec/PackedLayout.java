package org.yggdrasil.planner.vexec;

/**
 * Where each GROUP BY column's dense id sits in a packed long key: column 0 in the lowest bits,
 * each next column right above the previous one, each {@code widths[i]} bits wide.
 *
 * @param widths bits per column; a column with a single id needs none
 */
record PackedLayout(int[] widths) {

  /** The bits ids {@code 0..count-1} need. */
  static int bitsFor(int count) {
    return count <= 1 ? 0 : Integer.SIZE - Integer.numberOfLeadingZeros(count - 1);
  }

  int width(int column) {
    return widths[column];
  }

  int shift(int column) {
    int s = 0;
    for (int i = 0; i < column; i++) {
      s += widths[i];
    }
    return s;
  }

  int totalBits() {
    return shift(widths.length);
  }

  /** This layout with column {@code column} {@code bits} wide. */
  PackedLayout widen(int column, int bits) {
    int[] w = widths.clone();
    w[column] = bits;
    return new PackedLayout(w);
  }

  long pack(int[] ids) {
    long key = 0;
    for (int i = 0, s = 0; i < ids.length; s += widths[i], i++) {
      key |= (long) ids[i] << s;
    }
    return key;
  }

  void unpack(long key, int[] ids) {
    for (int i = 0, s = 0; i < ids.length; s += widths[i], i++) {
      // a zero-width column has only id 0 (a shift by 64 would wrap around in Java)
      ids[i] = widths[i] == 0 ? 0 : (int) ((key >>> s) & ((1L << widths[i]) - 1));
    }
  }

  /** {@code key} packed by this layout, packed by {@code to} instead. */
  long repack(long key, PackedLayout to) {
    int[] ids = new int[widths.length];
    unpack(key, ids);
    return to.pack(ids);
  }
}
