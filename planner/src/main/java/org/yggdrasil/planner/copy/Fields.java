package org.yggdrasil.planner.copy;

import java.util.Arrays;

/**
 * The fields of one line, reused from line to line: each is a byte range (in the input buffer,
 * or in {@link #scratch} when it had to be de-escaped or unquoted) or NULL. Ranges hold the
 * field's value; {@link #rawOffset}/{@link #rawLength} what was written, for header checks.
 */
final class Fields {
  byte[][] data = new byte[8][];
  int[] offset = new int[8];
  int[] length = new int[8];
  boolean[] isNull = new boolean[8];
  int count;

  private byte[] scratch = new byte[256];
  private int scratchUsed;

  void reset() {
    count = 0;
    scratchUsed = 0;
  }

  void add(byte[] bytes, int off, int len, boolean nul) {
    if (count == data.length) {
      int n = count * 2;
      data = Arrays.copyOf(data, n);
      offset = Arrays.copyOf(offset, n);
      length = Arrays.copyOf(length, n);
      isNull = Arrays.copyOf(isNull, n);
    }
    data[count] = bytes;
    offset[count] = off;
    length[count] = len;
    isNull[count] = nul;
    count++;
  }

  /**
   * Room for {@code n} more bytes of a rewritten field; returns the array to write to, starting
   * at {@link #scratchPosition()}. Fields already added keep pointing at their bytes, since a
   * full scratch array is replaced, never overwritten.
   */
  byte[] scratch(int n) {
    if (scratch.length - scratchUsed < n) {
      scratch = new byte[Math.max(scratch.length * 2, n + 256)];
      scratchUsed = 0;
    }
    return scratch;
  }

  int scratchPosition() {
    return scratchUsed;
  }

  /** Marks {@code n} bytes of the scratch array as used by the field just written. */
  void useScratch(int n) {
    scratchUsed += n;
  }
}
