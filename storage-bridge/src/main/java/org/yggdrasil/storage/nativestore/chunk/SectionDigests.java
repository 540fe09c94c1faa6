package org.yggdrasil.storage.nativestore.chunk;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.IntPredicate;

/**
 * Running SHA-256 digests of the first {@link #rows()} rows of a chunk's three sections: the values
 * (fixed-width bytes, or VARLEN bytes), the VARLEN int32 little-endian offsets (rows + 1 of them;
 * nothing for fixed-width chunks) and the validity bitmap (LSB first, always present: all ones
 * when no row is NULL). Rows are only ever appended to a chunk, so the digests of a longer view
 * extend those of a shorter one: {@link #extend} costs the appended rows only. The digests depend
 * on the content alone, never on how it was appended. Immutable: the digest objects are never
 * updated in place, only cloned.
 */
public final class SectionDigests {
  private final int rows;
  private final MessageDigest data;
  private final MessageDigest offsets;
  /** Covers the complete bytes of the bitmap, rows {@code [0, rows & ~7)}. */
  private final MessageDigest validity;
  /** The bitmap byte of rows {@code [rows & ~7, rows)} (higher bits zero). */
  private final int pendingBits;

  private SectionDigests(int rows, MessageDigest data, MessageDigest offsets, MessageDigest validity, int pendingBits) {
    this.rows = rows;
    this.data = data;
    this.offsets = offsets;
    this.validity = validity;
    this.pendingBits = pendingBits;
  }

  /** The digests of an empty chunk (a VARLEN one has its first offset, 0). */
  public static SectionDigests empty(boolean varlen) {
    MessageDigest offs = sha256();
    if (varlen) {
      offs.update(new byte[4]);
    }
    return new SectionDigests(0, sha256(), offs, sha256(), 0);
  }

  public int rows() {
    return rows;
  }

  /**
   * The digests after rows {@code [rows(), toRows)} were appended: {@code newData} their values,
   * {@code newOffsets} their end offsets (int32 LE, absolute, rows {@code rows() + 1 .. toRows};
   * null for fixed-width), {@code valid} whether a row (absolute number) is not NULL.
   */
  public SectionDigests extend(int toRows, MemorySegment newData, MemorySegment newOffsets, IntPredicate valid) {
    if (toRows < rows) {
      throw new IllegalArgumentException("cannot extend " + rows + " rows to " + toRows);
    }
    MessageDigest d = copy(data);
    update(d, newData);
    MessageDigest o = copy(offsets);
    if (newOffsets != null) {
      update(o, newOffsets);
    }
    MessageDigest v = copy(validity);
    int bits = pendingBits;
    for (int r = rows; r < toRows; r++) {
      if (valid.test(r)) {
        bits |= 1 << (r & 7);
      }
      if ((r & 7) == 7) {
        v.update((byte) bits);
        bits = 0;
      }
    }
    return new SectionDigests(toRows, d, o, v, bits);
  }

  /** The three section digests: values, offsets, validity. */
  public byte[][] finish() {
    MessageDigest v = copy(validity);
    if ((rows & 7) != 0) {
      v.update((byte) pendingBits);
    }
    return new byte[][] {copy(data).digest(), copy(offsets).digest(), v.digest()};
  }

  private static void update(MessageDigest md, MemorySegment s) {
    if (s.byteSize() == 0) {
      return;
    }
    if (s.isNative() || s.heapBase().orElse(null) instanceof byte[]) {
      md.update(s.asByteBuffer());
    } else {
      md.update(s.toArray(ValueLayout.JAVA_BYTE)); // a heap segment over long[]/int[]: copy the appended part only
    }
  }

  private static MessageDigest copy(MessageDigest md) {
    try {
      return (MessageDigest) md.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digests must be cloneable", e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
