package org.yggdrasil.storage.nativestore.chunk;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The append-only storage behind one or more {@link ColumnChunk} views: values of rows
 * {@code [0, claimed)} plus a validity bitmap (bit set = not null, LSB first, allocated on the first
 * NULL). Rows below a view's row count are never written again, so views of different lengths
 * share one buffer. Appending past a view's end needs the claim on that end ({@link #tryClaim}); a
 * writer that loses the claim (another transaction appended there first, or a rolled-back
 * statement left rows behind) copies the buffer instead. Every bit and byte a writer sets lies
 * past every existing view's end, and writes are byte-granular, so readers never see a change.
 */
abstract sealed class ChunkBuffer permits FixedBuffer, VarBuffer {
  final int capacity;
  private final AtomicInteger claimed;
  private byte[] validity;
  /** The longest view of this buffer a store has written (see {@link StoredPrefix}), or null. */
  volatile StoredPrefix storedPrefix;
  /** The section digests of the longest view of this buffer hashed so far, or null. */
  volatile SectionDigests digests;
  /** For a buffer read from a segment file: its validity bitmap there (null = no NULLs). */
  private MemorySegment mappedValidity;

  ChunkBuffer(int capacity, int claimed) {
    this.capacity = capacity;
    this.claimed = new AtomicInteger(claimed);
  }

  /** Makes this (full, never appended to in place) buffer read its validity from a mapped bitmap. */
  final void mapValidity(MemorySegment bits) {
    mappedValidity = bits;
  }

  /** Claims rows {@code [from, to)} for the caller; fails if anyone appended past {@code from}. */
  final boolean tryClaim(int from, int to) {
    return claimed.compareAndSet(from, to);
  }

  final boolean isValid(int row) {
    byte[] v = validity;
    if (v == null) {
      MemorySegment m = mappedValidity;
      return m == null || (m.get(java.lang.foreign.ValueLayout.JAVA_BYTE, row >>> 3) & (1 << (row & 7))) != 0;
    }
    return (v[row >>> 3] & (1 << (row & 7))) != 0;
  }

  /** Marks a claimed row valid or NULL (every bit is written explicitly). */
  final void setValid(int row, boolean valid) {
    byte[] v = validity;
    if (v == null) {
      if (valid) {
        return;
      }
      v = new byte[(capacity + 7) >>> 3];
      java.util.Arrays.fill(v, (byte) -1);
      validity = v;
    }
    int i = row >>> 3;
    int bit = 1 << (row & 7);
    v[i] = (byte) (valid ? v[i] | bit : v[i] & ~bit);
  }

  /** Copies the validity of rows {@code [0, rows)} of {@code src} (call only if src has NULLs there). */
  final void copyValidityFrom(ChunkBuffer src, int rows) {
    byte[] v = new byte[(capacity + 7) >>> 3];
    java.util.Arrays.fill(v, (byte) -1);
    if (src.validity != null) {
      System.arraycopy(src.validity, 0, v, 0, (rows + 7) >>> 3);
    } else if (src.mappedValidity != null) {
      MemorySegment.copy(src.mappedValidity, 0, MemorySegment.ofArray(v), 0, (rows + 7) >>> 3);
    }
    validity = v;
  }

  final MemorySegment validitySegment(int rows) {
    if (validity == null) {
      return mappedValidity.asSlice(0, (rows + 7) >>> 3);
    }
    return MemorySegment.ofArray(validity).asSlice(0, (rows + 7) >>> 3);
  }
}
