package org.yggdrasil.storage.nativestore;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.yggdrasil.storage.nativestore.chunk.ChunkStats;
import org.yggdrasil.storage.nativestore.chunk.ColumnChunk;
import org.yggdrasil.storage.nativestore.chunk.Encoding;
import org.yggdrasil.storage.nativestore.chunk.Physical;
import org.yggdrasil.storage.nativestore.chunk.SectionDigests;
import org.yggdrasil.storage.nativestore.chunk.StoredPrefix;

/**
 * The stored form of column chunks and their content hashes.
 *
 * <p>Chunk payload: int32 LE length of a metadata block (encoding, row count, stats, section
 * lengths), the block, then the sections each starting at a 64-byte boundary of the payload: the
 * values (fixed width little-endian, or for VARLEN the bytes), the VARLEN int32 LE offsets (rows +
 * 1), and the validity bitmap (LSB first, bits past the last row zero; absent when no row is NULL).
 * A mapped chunk reads these sections in place.
 *
 * <p>Delta payload ({@link ObjectCodec#CHUNK_DELTA2}): the same, its metadata block starting with
 * the base chunk's hash, the base's row count and the chain depth; the row count and stats are the
 * whole chunk's, the sections hold only the rows past the base: their values, their (absolute) end
 * offsets, and their validity bits from bit 0 (absent when none of them is NULL). A tail chunk that
 * grows by small commits is thus written as a chain of deltas, each as big as its own rows, and
 * once whole again when it fills ({@link #persist}).
 *
 * <p>Content hash ({@link #hash}): SHA-256 over the encoding, row count, stats and the SHA-256 of
 * each section (the validity bitmap always counted, all ones without NULLs). Section digests extend
 * as rows are appended ({@link SectionDigests}), so hashing a grown tail costs its new rows, and the
 * hash depends only on the chunk's content, not on how it was appended or stored (whole or delta).
 * Records of the first format ({@link ObjectCodec#CHUNK}, {@link ObjectCodec#CHUNK_DELTA}), named
 * by the SHA-256 of the whole chunk payload, are still read.
 */
final class ChunkRecords {
  private static final ValueLayout.OfInt INT_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  private ChunkRecords() {}

  static boolean isDelta(int type) {
    return type == ObjectCodec.CHUNK_DELTA || type == ObjectCodec.CHUNK_DELTA2;
  }

  static boolean isChunk(int type) {
    return type == ObjectCodec.CHUNK || type == ObjectCodec.CHUNK2 || isDelta(type);
  }

  /**
   * The chunk's hash, writing it to the sink if the sink does not hold it: whole, or, when a
   * shorter view of the same buffer was stored before and this chunk is not full yet, as a delta
   * record holding only the rows after that prefix. A full chunk is written whole, which ends its
   * delta chain.
   */
  static String persist(ColumnChunk c, ObjectCodec.Sink sink, int chunkRows) {
    byte[] h = c.cachedHash();
    if (h != null && sink.has(ObjectCodec.hex(h))) {
      return ObjectCodec.hex(h);
    }
    if (h == null) {
      h = hash(c);
      c.cacheHash(h);
    }
    String hx = ObjectCodec.hex(h);
    if (!sink.has(hx)) {
      StoredPrefix p = c.storedPrefix();
      if (p != null && p.rows() < c.rows() && c.rows() < chunkRows && sink.has(ObjectCodec.hex(p.hash()))) {
        sink.put(ObjectCodec.CHUNK_DELTA2, h, deltaPieces(c, p.rows(), p.hash(), p.depth() + 1));
        c.noteStored(new StoredPrefix(c.rows(), h, p.depth() + 1));
      } else {
        sink.put(ObjectCodec.CHUNK2, h, wholePieces(c));
        c.noteStored(StoredPrefix.whole(c.rows(), h));
      }
    }
    return hx;
  }

  // ---- hashes ----

  /** The content hash of a chunk (see the class comment). */
  static byte[] hash(ColumnChunk c) {
    return hash(c.encoding(), c.rows(), c.stats(), c.sectionDigests());
  }

  static byte[] hash(Encoding enc, int rows, ChunkStats stats, SectionDigests sections) {
    ObjectCodec.Out o = new ObjectCodec.Out();
    o.str("ygg-chunk-2");
    o.str(enc.type().name());
    o.str(enc.physical().name());
    o.i32(enc.scale());
    o.i32(rows);
    ObjectCodec.writeStats(o, stats);
    for (byte[] d : sections.finish()) {
      o.raw(d);
    }
    MessageDigest md = ObjectCodec.sha256();
    return md.digest(o.bytes());
  }

  /** The first format's hash: SHA-256 of the whole chunk payload. */
  static String legacyHash(ColumnChunk c) {
    return ObjectCodec.hex(ObjectCodec.hash(wholePieces(c)));
  }

  // ---- writing ----

  private static List<ByteBuffer> wholePieces(ColumnChunk c) {
    int rows = c.rows();
    ByteBuffer data = rows == 0 ? ByteBuffer.allocate(0) : buffer(c.data());
    MemorySegment off = c.offsets();
    ByteBuffer offsets = off == null ? ByteBuffer.allocate(0) : buffer(off);
    return pieces(new ObjectCodec.Out(), c, data, offsets, validityBytes(c, 0));
  }

  private static List<ByteBuffer> deltaPieces(ColumnChunk c, int base, byte[] baseHash, int depth) {
    Encoding enc = c.encoding();
    int rows = c.rows();
    ByteBuffer data;
    ByteBuffer offsets = ByteBuffer.allocate(0);
    if (enc.physical() == Physical.VARLEN) {
      MemorySegment off = c.offsets();
      int from = off.get(INT_LE, 4L * base);
      int to = off.get(INT_LE, 4L * rows);
      data = buffer(c.data().asSlice(from, to - from));
      offsets = buffer(off.asSlice(4L * (base + 1), 4L * (rows - base)));
    } else {
      long w = enc.physical().width();
      data = buffer(c.data().asSlice(w * base, w * (rows - base)));
    }
    ObjectCodec.Out meta = new ObjectCodec.Out();
    meta.raw(baseHash);
    meta.i32(base);
    meta.i32(depth);
    return pieces(meta, c, data, offsets, validityBytes(c, base));
  }

  /**
   * The validity bits of rows {@code [from, rows)} from bit 0, bits past the last row cleared;
   * empty when none of these rows is NULL.
   */
  private static ByteBuffer validityBytes(ColumnChunk c, int from) {
    if (c.stats().nullCount() == 0) {
      return ByteBuffer.allocate(0);
    }
    int n = c.rows() - from;
    byte[] v = new byte[(n + 7) >>> 3];
    boolean anyNull = false;
    for (int i = 0; i < n; i++) {
      if (c.isNull(from + i)) {
        anyNull = true;
      } else {
        v[i >>> 3] |= (byte) (1 << (i & 7));
      }
    }
    return anyNull ? ByteBuffer.wrap(v) : ByteBuffer.allocate(0);
  }

  /**
   * A chunk or delta record: {@code meta} (already holding any record-specific prefix) gets the
   * encoding, row count, stats and section lengths, then the padded data, offsets and validity.
   */
  private static List<ByteBuffer> pieces(ObjectCodec.Out meta, ColumnChunk c, ByteBuffer data,
      ByteBuffer offsets, ByteBuffer validity) {
    Encoding enc = c.encoding();
    meta.str(enc.type().name());
    meta.str(enc.physical().name());
    meta.i32(enc.scale());
    meta.i32(c.rows());
    ObjectCodec.writeStats(meta, c.stats());
    meta.i64(data.remaining());
    meta.i64(offsets.remaining());
    meta.i64(validity.remaining());
    byte[] m = meta.bytes();
    ByteBuffer head = ByteBuffer.allocate(ObjectCodec.pad64(4 + m.length)).order(ByteOrder.LITTLE_ENDIAN);
    head.putInt(m.length).put(m).position(0);
    List<ByteBuffer> pieces = new ArrayList<>(6);
    pieces.add(head);
    addPadded(pieces, data, offsets.remaining() > 0 || validity.remaining() > 0);
    addPadded(pieces, offsets, validity.remaining() > 0);
    if (validity.remaining() > 0) {
      pieces.add(validity);
    }
    return pieces;
  }

  /** The bytes of a segment: a view when possible, else (heap segments over long[]/int[]) a copy. */
  private static ByteBuffer buffer(MemorySegment s) {
    // only native and byte[]-backed segments have a ByteBuffer view; asking a long[]-backed one
    // throws, which on every commit costs more than the copy
    if (s.isNative() || s.heapBase().orElse(null) instanceof byte[]) {
      return s.asByteBuffer();
    }
    return ByteBuffer.wrap(s.toArray(ValueLayout.JAVA_BYTE));
  }

  private static void addPadded(List<ByteBuffer> pieces, ByteBuffer b, boolean more) {
    if (b.remaining() == 0) {
      return;
    }
    pieces.add(b);
    int pad = ObjectCodec.pad64(b.remaining()) - b.remaining();
    if (more && pad > 0) {
      pieces.add(ByteBuffer.allocate(pad));
    }
  }

  // ---- reading ----

  /**
   * The parsed metadata of a chunk or delta payload: where its sections lie. For a whole chunk
   * {@code baseHash} is null and {@code base} 0.
   */
  record Layout(MemorySegment payload, String baseHash, int base, int depth, Encoding enc, int rows,
      ChunkStats stats, long dataOff, long dataLen, long offsOff, long offsLen, long validOff, long validLen) {
    static Layout of(MemorySegment p, boolean delta) {
      int metaLen = p.get(INT_LE, 0);
      ObjectCodec.In in = new ObjectCodec.In(p.asSlice(4, metaLen).toArray(ValueLayout.JAVA_BYTE));
      String baseHash = delta ? ObjectCodec.hex(in.raw(32)) : null;
      int base = delta ? in.i32() : 0;
      int depth = delta ? in.i32() : 0;
      ColumnType type = ColumnType.valueOf(in.str());
      Physical physical = Physical.valueOf(in.str());
      int scale = in.i32();
      int rows = in.i32();
      ChunkStats stats = ObjectCodec.readStats(in);
      long dataLen = in.i64();
      long offsLen = in.i64();
      long validLen = in.i64();
      long dataOff = ObjectCodec.pad64(4 + metaLen);
      long offsOff = dataOff + ObjectCodec.pad64(dataLen);
      long validOff = offsOff + ObjectCodec.pad64(offsLen);
      if (rows < base || dataOff + dataLen > p.byteSize() || (offsLen > 0 && offsOff + offsLen > p.byteSize())
          || (validLen > 0 && validOff + validLen > p.byteSize())) {
        throw new IllegalStateException("malformed chunk record (" + rows + " rows, base " + base + ")");
      }
      return new Layout(p, baseHash, base, depth, new Encoding(type, physical, scale), rows, stats,
          dataOff, dataLen, offsOff, offsLen, validOff, validLen);
    }

    MemorySegment data() {
      return payload.asSlice(dataOff, dataLen);
    }

    /** VARLEN: the offsets section (a whole chunk's rows + 1, a delta's own rows' ends); else null. */
    MemorySegment offsets() {
      return offsLen == 0 ? null : payload.asSlice(offsOff, offsLen);
    }

    /** Whether this record's own row {@code i} (counted from {@link #base}) is not NULL. */
    boolean valid(int i) {
      return validLen == 0 || (payload.get(ValueLayout.JAVA_BYTE, validOff + (i >>> 3)) & (1 << (i & 7))) != 0;
    }

    /** The section digests of a delta's whole chunk, given those of its base. */
    SectionDigests extend(SectionDigests baseDigests) {
      if (baseDigests.rows() != base) {
        throw new IllegalStateException("delta base " + baseHash + " has " + baseDigests.rows() + " rows, expected " + base);
      }
      IntPredicate valid = r -> valid(r - base);
      return baseDigests.extend(rows, data(), enc.physical() == Physical.VARLEN ? offsetsOrEmpty() : null, valid);
    }

    private MemorySegment offsetsOrEmpty() {
      MemorySegment o = offsets();
      return o == null ? MemorySegment.ofArray(new byte[0]) : o;
    }
  }

  /** A whole chunk record, read in place. */
  static ColumnChunk readWhole(MemorySegment p) {
    Layout l = Layout.of(p, false);
    MemorySegment offsets = l.offsets();
    if (l.enc().physical() == Physical.VARLEN && offsets == null) {
      offsets = MemorySegment.ofArray(new int[l.rows() + 1]);
    }
    MemorySegment validity = l.validLen() == 0 ? null : p.asSlice(l.validOff(), l.validLen());
    return ColumnChunk.wrap(l.enc(), l.rows(), l.stats(), l.data(), offsets, validity);
  }

  /** The base chunk hash of a delta record's payload (either format). */
  static String deltaBase(MemorySegment p) {
    return ObjectCodec.hex(p.asSlice(4, 32).toArray(ValueLayout.JAVA_BYTE));
  }
}
