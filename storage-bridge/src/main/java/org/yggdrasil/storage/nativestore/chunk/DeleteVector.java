package org.yggdrasil.storage.nativestore.chunk;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * The deleted rows of one chunk, as a bitmap (bit set = deleted, LSB first). Deletes mark rows and
 * never shift them, so a chunk keeps its identity (and later its hash). A vector created under an
 * edit token is updated in place by later deletes carrying the same token (one statement); any
 * other delete copies it (at most chunkRows / 8 bytes).
 */
public final class DeleteVector {
  private long[] words;
  private int count;
  private final Object edit;
  private volatile byte[] hash;

  private DeleteVector(long[] words, int count, Object edit) {
    this.words = words;
    this.count = count;
    this.edit = edit;
  }

  /** A vector with only this row deleted, or {@code base} plus this row (null base = none). */
  public static DeleteVector with(DeleteVector base, int row, Object edit) {
    if (base == null) {
      return new DeleteVector(new long[(row >>> 6) + 1], 0, edit).mark(row);
    }
    return base.withDeleted(row, edit);
  }

  public DeleteVector withDeleted(int row, Object edit) {
    if (isDeleted(row)) {
      return this;
    }
    DeleteVector d = edit != null && this.edit == edit ? this : new DeleteVector(words.clone(), count, edit);
    return d.mark(row);
  }

  private DeleteVector mark(int row) {
    int w = row >>> 6;
    if (w >= words.length) {
      words = Arrays.copyOf(words, Math.max(w + 1, words.length * 2));
    }
    words[w] |= 1L << row;
    count++;
    return this;
  }

  /**
   * The rows below {@code limit} deleted in exactly one of two vectors (null = none deleted),
   * found a word at a time, in ascending order.
   */
  public static int[] differences(DeleteVector a, DeleteVector b, int limit) {
    long[] x = a == null ? new long[0] : a.words;
    long[] y = b == null ? new long[0] : b.words;
    int words = Math.min((limit + 63) >>> 6, Math.max(x.length, y.length));
    int[] out = new int[16];
    int n = 0;
    for (int w = 0; w < words; w++) {
      long diff = (w < x.length ? x[w] : 0) ^ (w < y.length ? y[w] : 0);
      while (diff != 0) {
        int row = (w << 6) + Long.numberOfTrailingZeros(diff);
        diff &= diff - 1;
        if (row < limit) {
          if (n == out.length) {
            out = Arrays.copyOf(out, n * 2);
          }
          out[n++] = row;
        }
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** A vector read back from storage: these words (64 rows each) with {@code count} bits set. */
  public static DeleteVector of(long[] words, int count) {
    return new DeleteVector(words, count, null);
  }

  /** The words up to the last non-zero one (a canonical form for hashing and storage). */
  public long[] trimmedWords() {
    int n = words.length;
    while (n > 0 && words[n - 1] == 0) {
      n--;
    }
    return Arrays.copyOf(words, n);
  }

  /** The content hash once the store computed it (the vector is frozen by then), or null. */
  public byte[] cachedHash() {
    return hash;
  }

  public void cacheHash(byte[] h) {
    hash = h;
  }

  public boolean isDeleted(int row) {
    int w = row >>> 6;
    return w < words.length && (words[w] & (1L << row)) != 0;
  }

  /** Number of deleted rows. */
  public int count() {
    return count;
  }

  /** Clears the bits of deleted rows among the first {@code rows} of a selection bitmap. */
  public void clearDeleted(long[] selection, int rows) {
    int n = Math.min(words.length, (rows + 63) >>> 6);
    for (int w = 0; w < n; w++) {
      selection[w] &= ~words[w];
    }
  }

  /** The bitmap words (64 rows each); rows past its end are not deleted. */
  public MemorySegment bits() {
    return MemorySegment.ofArray(words);
  }
}
