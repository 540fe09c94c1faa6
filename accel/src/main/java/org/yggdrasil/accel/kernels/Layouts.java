package org.yggdrasil.accel.kernels;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/** Little-endian unaligned value layouts and single-value reads used by the scalar kernels and tails. */
public final class Layouts {
  public static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
  public static final ValueLayout.OfByte BYTE = ValueLayout.JAVA_BYTE;
  public static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(LE);
  public static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(LE);
  public static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(LE);
  public static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(LE);
  public static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(LE);

  private Layouts() {}

  /** Row {@code i} of an integer lane, widened to long. */
  public static long getLong(MemorySegment data, Lane lane, long i) {
    return switch (lane) {
      case BYTE -> data.get(BYTE, i);
      case SHORT -> data.getAtIndex(SHORT, i);
      case INT -> data.getAtIndex(INT, i);
      case LONG -> data.getAtIndex(LONG, i);
      case FLOAT, DOUBLE -> throw new IllegalArgumentException("integer lane expected, got " + lane);
    };
  }

  /** Row {@code i} of any lane, converted to double (longs beyond 2^53 round, as a SQL cast does). */
  public static double getDouble(MemorySegment data, Lane lane, long i) {
    return switch (lane) {
      case BYTE -> data.get(BYTE, i);
      case SHORT -> data.getAtIndex(SHORT, i);
      case INT -> data.getAtIndex(INT, i);
      case LONG -> (double) data.getAtIndex(LONG, i);
      case FLOAT -> data.getAtIndex(FLOAT, i);
      case DOUBLE -> data.getAtIndex(DOUBLE, i);
    };
  }

  /** Throws when the segment holds fewer than {@code rows} values of the lane. */
  public static void requireRows(MemorySegment data, Lane lane, int rows) {
    if (rows < 0 || data.byteSize() < (long) rows * lane.byteSize()) {
      throw new IndexOutOfBoundsException("segment of " + data.byteSize() + " bytes holds fewer than " + rows
          + " " + lane + " values");
    }
  }
}
