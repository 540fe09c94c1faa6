package org.yggdrasil.storage.nativestore.chunk;

import java.lang.foreign.MemorySegment;

/**
 * A {@link ChunkBuffer} of variable-length values: {@code offsets[i]..offsets[i + 1]} is row i's
 * byte range in {@code bytes} (a NULL has an empty range). Both arrays are append-only.
 */
final class VarBuffer extends ChunkBuffer {
  final int[] offsets;
  final byte[] bytes;

  VarBuffer(int capacity, int byteCapacity, int claimed) {
    super(capacity, claimed);
    this.offsets = new int[capacity + 1];
    this.bytes = new byte[byteCapacity];
  }

  boolean fits(int rows, int newRows, long extraBytes) {
    return newRows <= capacity && offsets[rows] + extraBytes <= bytes.length;
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
    int start = offsets[row];
    return enc.fromBytes(bytes, start, offsets[row + 1] - start);
  }

  /** A new buffer holding rows {@code [0, rows)} of this one and claimed up to {@code claimTo}. */
  VarBuffer copy(int rows, int newCapacity, int byteCapacity, int claimTo, boolean withValidity) {
    VarBuffer b = new VarBuffer(newCapacity, byteCapacity, claimTo);
    System.arraycopy(offsets, 0, b.offsets, 0, rows + 1);
    System.arraycopy(bytes, 0, b.bytes, 0, offsets[rows]);
    if (withValidity) {
      b.copyValidityFrom(this, rows);
    }
    return b;
  }

  MemorySegment offsetSegment(int rows) {
    return MemorySegment.ofArray(offsets).asSlice(0, (rows + 1L) * 4);
  }

  MemorySegment byteSegment(int rows) {
    return MemorySegment.ofArray(bytes).asSlice(0, offsets[rows]);
  }
}
