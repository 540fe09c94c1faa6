package org.yggdrasil.storage.nativestore.chunk;

import java.lang.foreign.MemorySegment;
import java.util.Objects;
import java.util.UUID;

/**
 * An immutable view of up to {@code chunkRows} values of one column: the first {@link #rows()} rows
 * of an append-only {@link ChunkBuffer}, with their {@link ChunkStats}. Appending returns a new
 * view and writes into the same buffer when this view still ends where the buffer's claim ends
 * (the common case: one writer extending the tail chunk), else into a copy; the old view is never
 * affected. The segments ({@link #data()}, {@link #offsets()}, {@link #validity()}) are laid out for
 * vectorized readers and are what the on-disk format maps from files.
 */
public final class ColumnChunk {
  private static final int MIN_CAPACITY = 16;

  private final Encoding enc;
  private final ChunkBuffer buf;
  private final int rows;
  private final ChunkStats stats;
  private volatile byte[] hash;

  private ColumnChunk(Encoding enc, ChunkBuffer buf, int rows, ChunkStats stats) {
    this.enc = enc;
    this.buf = buf;
    this.rows = rows;
    this.stats = stats;
  }

  /**
   * A read-only chunk over existing segments (a mapped segment file): {@code data} holds rows *
   * width bytes (VARLEN: the bytes), {@code offsets} rows + 1 little-endian int32 (VARLEN only, else
   * null), {@code validity} the bitmap or null when no row is NULL. Nothing is copied.
   */
  public static ColumnChunk wrap(Encoding enc, int rows, ChunkStats stats, MemorySegment data,
      MemorySegment offsets, MemorySegment validity) {
    ChunkBuffer b;
    if (enc.physical() == Physical.VARLEN) {
      b = new VarBuffer(offsets, data, rows);
    } else {
      b = new FixedBuffer(enc.physical().width(), data, rows);
    }
    if (validity != null) {
      b.mapValidity(validity);
    }
    return new ColumnChunk(enc, b, rows, stats);
  }

  /**
   * How many leading rows this chunk and {@code other} certainly hold alike: views of one
   * append-only buffer agree up to the shorter one; otherwise 0 (unknown).
   */
  public int sharedPrefixRows(ColumnChunk other) {
    if (other == this) {
      return rows;
    }
    return other != null && buf != null && other.buf == buf ? Math.min(rows, other.rows) : 0;
  }

  /** The content hash of this chunk once the store computed it (immutable, so cached), or null. */
  public byte[] cachedHash() {
    return hash;
  }

  public void cacheHash(byte[] h) {
    hash = h;
  }

  /**
   * The digests of this chunk's sections (see {@link SectionDigests}), extended from those of the
   * longest shorter view of the same buffer hashed before, so hashing a grown tail chunk costs the
   * appended rows only.
   */
  public SectionDigests sectionDigests() {
    boolean varlen = enc.physical() == Physical.VARLEN;
    SectionDigests known = buf == null ? null : buf.digests;
    if (known != null && known.rows() == rows) {
      return known;
    }
    SectionDigests from = known != null && known.rows() < rows ? known : SectionDigests.empty(varlen);
    SectionDigests d = extend(from);
    if (buf != null && (buf.digests == null || buf.digests.rows() < rows)) {
      buf.digests = d;
    }
    return d;
  }

  /** {@code from} extended by this chunk's rows past {@code from.rows()}. */
  private SectionDigests extend(SectionDigests from) {
    int start = from.rows();
    if (start == rows) {
      return from;
    }
    MemorySegment newData;
    MemorySegment newOffsets = null;
    if (buf instanceof VarBuffer v) {
      int a = v.used(start);
      newData = v.byteSegment(rows).asSlice(a);
      newOffsets = v.offsetSegment(rows).asSlice(4L * (start + 1));
    } else {
      FixedBuffer f = (FixedBuffer) buf;
      newData = f.data.asSlice((long) start * f.width, (long) (rows - start) * f.width);
    }
    ChunkBuffer b = buf;
    return from.extend(rows, newData, newOffsets, b::isValid);
  }

  /** The longest view of this chunk's buffer a store wrote, or null (see {@link StoredPrefix}). */
  public StoredPrefix storedPrefix() {
    return buf == null ? null : buf.storedPrefix;
  }

  /** Records that the store wrote this view (keeps the longest one). */
  public void noteStored(StoredPrefix p) {
    if (buf != null) {
      StoredPrefix old = buf.storedPrefix;
      if (old == null || old.rows() < p.rows()) {
        buf.storedPrefix = p;
      }
    }
  }

  public static ColumnChunk empty(Encoding enc) {
    return new ColumnChunk(Objects.requireNonNull(enc), null, 0, ChunkStats.EMPTY);
  }

  public Encoding encoding() {
    return enc;
  }

  public int rows() {
    return rows;
  }

  public ChunkStats stats() {
    return stats;
  }

  public boolean isNull(int row) {
    Objects.checkIndex(row, rows);
    return stats.nullCount() > 0 && !buf.isValid(row);
  }

  /** The value at a row in its canonical Java class, or null. */
  public Object get(int row) {
    if (isNull(row)) {
      return null;
    }
    return switch (buf) {
      case VarBuffer v -> v.get(enc, row);
      case FixedBuffer f when enc.physical() == Physical.UUID -> new UUID(f.hi(row), f.lo(row));
      case FixedBuffer f -> enc.fromBits(f.get(row));
    };
  }

  /** The raw fixed-width value at a row (see {@link Encoding#toBits}); 0 for NULL. */
  public long bits(int row) {
    Objects.checkIndex(row, rows);
    return ((FixedBuffer) buf).get(row);
  }

  /** The values: rows * width bytes, or for VARLEN the concatenated bytes. */
  public MemorySegment data() {
    if (rows == 0) {
      return MemorySegment.NULL;
    }
    return switch (buf) {
      case VarBuffer v -> v.byteSegment(rows);
      case FixedBuffer f -> f.data.asSlice(0, (long) rows * f.width);
    };
  }

  /** For VARLEN: rows + 1 native-order (little-endian here) int32 offsets into {@link #data()}; else null. */
  public MemorySegment offsets() {
    return buf instanceof VarBuffer v ? v.offsetSegment(rows) : null;
  }

  /** The validity bitmap (bit set = not null, LSB first), or null when no row is NULL. */
  public MemorySegment validity() {
    return stats.nullCount() == 0 ? null : buf.validitySegment(rows);
  }

  /** True when both views read the same storage (for structural-sharing checks). */
  public boolean sharesBufferWith(ColumnChunk other) {
    return buf != null && buf == other.buf;
  }

  /** This chunk followed by {@code values[from, from + n)} (canonical values, null = NULL). */
  public ColumnChunk append(Object[] values, int from, int n, int chunkRows) {
    int newRows = rows + n;
    if (n <= 0 || newRows > chunkRows) {
      throw new IllegalArgumentException("cannot append " + n + " rows to " + rows + " of " + chunkRows);
    }
    StatsBuilder sb = new StatsBuilder(enc.type());
    if (enc.physical() == Physical.VARLEN) {
      byte[][] encoded = new byte[n][];
      long extra = 0;
      for (int i = 0; i < n; i++) {
        Object v = values[from + i];
        if (v != null) {
          encoded[i] = enc.toBytes(v);
          extra += encoded[i].length;
        }
      }
      VarBuffer b = claimVar(newRows, chunkRows, extra);
      for (int i = 0; i < n; i++) {
        b.put(rows + i, encoded[i]);
        b.setValid(rows + i, encoded[i] != null);
        sb.add(values[from + i]);
      }
      return new ColumnChunk(enc, b, newRows, stats.merge(sb.build(), enc.type()));
    }
    FixedBuffer b = claimFixed(newRows, chunkRows);
    boolean uuid = enc.physical() == Physical.UUID;
    for (int i = 0; i < n; i++) {
      Object v = values[from + i];
      int row = rows + i;
      if (v == null) {
        if (uuid) {
          b.put128(row, 0, 0);
        } else {
          b.put(row, 0);
        }
      } else if (uuid) {
        b.put128(row, ((UUID) v).getMostSignificantBits(), ((UUID) v).getLeastSignificantBits());
      } else {
        b.put(row, enc.toBits(v));
      }
      b.setValid(row, v != null);
      sb.add(v);
    }
    return new ColumnChunk(enc, b, newRows, stats.merge(sb.build(), enc.type()));
  }

  private FixedBuffer claimFixed(int newRows, int chunkRows) {
    FixedBuffer b = (FixedBuffer) buf;
    if (b != null && newRows <= b.capacity && b.tryClaim(rows, newRows)) {
      return b;
    }
    int cap = capacityFor(newRows, chunkRows, b == null ? 0 : b.capacity);
    if (b == null) {
      return new FixedBuffer(enc.physical().width(), cap, newRows);
    }
    return inherit(b.copy(rows, cap, newRows, stats.nullCount() > 0));
  }

  private VarBuffer claimVar(int newRows, int chunkRows, long extraBytes) {
    VarBuffer b = (VarBuffer) buf;
    if (b != null && b.fits(rows, newRows, extraBytes) && b.tryClaim(rows, newRows)) {
      return b;
    }
    int cap = capacityFor(newRows, chunkRows, b == null ? 0 : b.capacity);
    long used = b == null ? 0 : b.used(rows);
    long need = used + extraBytes;
    // room for the rows the new capacity holds at the current average width, and at least double
    long projected = need / newRows * cap + need / newRows * cap / 4;
    long byteCap = Math.max(need, Math.min(Integer.MAX_VALUE - 16, Math.max(64, Math.max(2 * need, projected))));
    if (need > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("chunk data exceeds 2 GB");
    }
    if (b == null) {
      return new VarBuffer(cap, (int) byteCap, newRows);
    }
    return inherit(b.copy(rows, cap, (int) byteCap, newRows, stats.nullCount() > 0));
  }

  /** A copy of this view's rows still starts with what the store wrote of this view. */
  private <B extends ChunkBuffer> B inherit(B copy) {
    StoredPrefix p = buf.storedPrefix;
    if (p != null && p.rows() <= rows) {
      copy.storedPrefix = p;
    }
    SectionDigests d = buf.digests;
    if (d != null && d.rows() <= rows) {
      copy.digests = d;
    }
    return copy;
  }

  private static int capacityFor(int newRows, int chunkRows, int oldCapacity) {
    int pow2 = newRows <= MIN_CAPACITY ? MIN_CAPACITY : Integer.highestOneBit(newRows - 1) << 1;
    return Math.min(chunkRows, Math.max(oldCapacity, pow2));
  }
}
