package org.yggdrasil.storage.nativestore.chunk;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * A {@link ChunkBuffer} of fixed-width values (1, 2, 4, 8 or 16 bytes each) in one 8-byte-aligned
 * heap segment. Numbers are little-endian; 16-byte values (uuid) are two big-endian longs.
 */
final class FixedBuffer extends ChunkBuffer {
  static final ValueLayout.OfShort SHORT_LE = ValueLayout.JAVA_SHORT.withOrder(ByteOrder.LITTLE_ENDIAN);
  static final ValueLayout.OfInt INT_LE = ValueLayout.JAVA_INT.withOrder(ByteOrder.LITTLE_ENDIAN);
  static final ValueLayout.OfLong LONG_LE = ValueLayout.JAVA_LONG.withOrder(ByteOrder.LITTLE_ENDIAN);
  static final ValueLayout.OfLong LONG_BE = ValueLayout.JAVA_LONG.withOrder(ByteOrder.BIG_ENDIAN);

  final int width;
  final MemorySegment data;

  FixedBuffer(int width, int capacity, int claimed) {
    super(capacity, claimed);
    this.width = width;
    this.data = MemorySegment.ofArray(new long[(int) (((long) capacity * width + 7) >>> 3)]);
  }

  /** A full, read-only view of {@code rows} values lying in {@code data} (e.g. a mapped file). */
  FixedBuffer(int width, MemorySegment data, int rows) {
    super(rows, rows);
    this.width = width;
    this.data = data;
  }

  void put(int row, long bits) {
    long off = (long) row * width;
    switch (width) {
      case 1 -> data.set(ValueLayout.JAVA_BYTE, off, (byte) bits);
      case 2 -> data.set(SHORT_LE, off, (short) bits);
      case 4 -> data.set(INT_LE, off, (int) bits);
      case 8 -> data.set(LONG_LE, off, bits);
      default -> throw new IllegalStateException("width " + width);
    }
  }

  long get(int row) {
    long off = (long) row * width;
    return switch (width) {
      case 1 -> data.get(ValueLayout.JAVA_BYTE, off);
      case 2 -> data.get(SHORT_LE, off);
      case 4 -> data.get(INT_LE, off);
      case 8 -> data.get(LONG_LE, off);
      default -> throw new IllegalStateException("width " + width);
    };
  }

  void put128(int row, long hi, long lo) {
    long off = (long) row * 16;
    data.set(LONG_BE, off, hi);
    data.set(LONG_BE, off + 8, lo);
  }

  long hi(int row) {
    return data.get(LONG_BE, (long) row * 16);
  }

  long lo(int row) {
    return data.get(LONG_BE, (long) row * 16 + 8);
  }

  /** A new buffer holding rows {@code [0, rows)} of this one and claimed up to {@code claimTo}. */
  FixedBuffer copy(int rows, int newCapacity, int claimTo, boolean withValidity) {
    FixedBuffer b = new FixedBuffer(width, newCapacity, claimTo);
    MemorySegment.copy(data, 0, b.data, 0, (long) rows * width);
    if (withValidity) {
      b.copyValidityFrom(this, rows);
    }
    return b;
  }
}
