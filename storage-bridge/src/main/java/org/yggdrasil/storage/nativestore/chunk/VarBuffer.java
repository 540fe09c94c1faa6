package org.yggdrasil.storage.nativestore.chunk;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * A {@link ChunkBuffer} of variable-length values: {@code offsets[i]..offsets[i + 1]} is row i's
 * byte range in {@code bytes} (a NULL has an empty range). Both arrays are append-only.
 */
final class VarBuffer extends ChunkBuffer {
  static final ValueLayout.OfInt INT_LE = ValueLayout.JAVA_INT.withOrder(ByteOrder.LITTLE_ENDIAN);

  /** Heap storage, or null for a read-only buffer over mapped segments. */
  final int[] offsets;
  final byte[] bytes;
  private final MemorySegment mappedOffsets;
  private final MemorySegment mappedBytes;

  VarBuffer(int capacity, int byteCapacity, int claimed) {
    super(capacity, claimed);
    this.offsets = new int[capacity + 1];
    this.bytes = new byte[byteCapacity];
    this.mappedOffsets = null;
    this.mappedBytes = null;
  }

  /** A full, read-only view of {@code rows} values: rows + 1 little-endian int32 offsets and the bytes. */
  VarBuffer(MemorySegment offsets, MemorySegment bytes, int rows) {
    super(rows, rows);
    this.offsets = null;
    this.bytes = null;
    this.mappedOffsets = offsets;
    this.mappedBytes = bytes;
  }

  private int offset(int row) {
    return offsets != null ? offsets[row] : mappedOffsets.get(INT_LE, (long) row * 4);
  }

  /** Bytes used by rows {@code [0, rows)}. */
  int used(int rows) {
    return offset(rows);
  }

  boolean fits(int rows, int newRows, long extraBytes) {
    return offsets != null && newRows <= capacity && offsets[rows] + extraBytes <= bytes.length;
  }

  void put(int row, byte[] value) {
    int start = offsets[row];
    if (value == null) {
      offsets[row + 1] = start;
    } else {
      System.arraycopy(value, 0, bytes, start, value.length);
      offsets[row + 1] = start + value.length;
    }
  }

  Object get(Encoding enc, int row) {
    if (offsets == null) {
      int start = offset(row);
      int len = offset(row + 1) - start;
      return enc.fromBytes(mappedBytes.asSlice(start, len).toArray(ValueLayout.JAVA_BYTE), 0, len);
    }
    int start = offsets[row];
    return enc.fromBytes(bytes, start, offsets[row + 1] - start);
  }

  /** A new buffer holding rows {@code [0, rows)} of this one and claimed up to {@code claimTo}. */
  VarBuffer copy(int rows, int newCapacity, int byteCapacity, int claimTo, boolean withValidity) {
    VarBuffer b = new VarBuffer(newCapacity, byteCapacity, claimTo);
    if (offsets == null) {
      MemorySegment.copy(mappedOffsets, INT_LE, 0, b.offsets, 0, rows + 1);
      MemorySegment.copy(mappedBytes, ValueLayout.JAVA_BYTE, 0, b.bytes, 0, offset(rows));
    } else {
      System.arraycopy(offsets, 0, b.offsets, 0, rows + 1);
      System.arraycopy(bytes, 0, b.bytes, 0, offsets[rows]);
    }
    if (withValidity) {
      b.copyValidityFrom(this, rows);
    }
    return b;
  }

  MemorySegment offsetSegment(int rows) {
    if (offsets == null) {
      return mappedOffsets.asSlice(0, (rows + 1L) * 4);
    }
    return MemorySegment.ofArray(offsets).asSlice(0, (rows + 1L) * 4);
  }

  MemorySegment byteSegment(int rows) {
    if (offsets == null) {
      return mappedBytes.asSlice(0, offset(rows));
    }
    return MemorySegment.ofArray(bytes).asSlice(0, offsets[rows]);
  }
}
