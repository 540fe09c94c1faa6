package org.yggdrasil.storage.nativestore;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.yggdrasil.catalog.protocol.Hlc;
import org.yggdrasil.storage.nativestore.chunk.ChunkStats;
import org.yggdrasil.storage.nativestore.chunk.ColumnChunk;
import org.yggdrasil.storage.nativestore.chunk.DeleteVector;
import org.yggdrasil.storage.nativestore.chunk.Encoding;
import org.yggdrasil.storage.nativestore.chunk.Physical;
import org.yggdrasil.storage.nativestore.chunk.StoredPrefix;

/**
 * The stored form of the store's immutable objects and their content hashes (SHA-256 of the
 * stored payload, so an object's name is a function of its content only).
 *
 * <p>Column chunk payload: int32 LE length of a metadata block (encoding, row count, stats, section
 * lengths), the block, then the sections each starting at a 64-byte boundary of the payload: the
 * values (fixed width little-endian, or for VARLEN the bytes), the VARLEN int32 LE offsets (rows +
 * 1), and the validity bitmap (LSB first, bits past the last row zero). A mapped chunk reads these
 * sections in place. Delete vector: int32 count then the bitmap words (int64 LE, trailing zero
 * words dropped). Table and commit payloads are small big-endian metadata blocks (see the writers).
 */
final class ObjectCodec {
  static final int CHUNK = 1;
  static final int DELVEC = 2;
  static final int TABLE = 3;
  static final int COMMIT = 4;
  static final int MOVE = 5;
  static final int TAG = 6;
  static final int SEQUENCE = 7;
  static final int CHUNK_DELTA = 8;
  /** Longest chain of delta records before a chunk is stored whole again. */
  static final int MAX_DELTA_DEPTH = 32;

  private static final HexFormat HEX = HexFormat.of();
  private static final ValueLayout.OfInt INT_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfLong LONG_LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  private ObjectCodec() {}

  /** Where objects go: nowhere (in memory; only hashes are needed) or a segment log. */
  interface Sink {
    boolean has(String hash);

    void put(int type, byte[] hash, List<ByteBuffer> pieces);
  }

  static final Sink NOWHERE = new Sink() {
    @Override
    public boolean has(String hash) {
      return true;
    }

    @Override
    public void put(int type, byte[] hash, List<ByteBuffer> pieces) {}
  };

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] hash(List<ByteBuffer> pieces) {
    MessageDigest md = sha256();
    for (ByteBuffer b : pieces) {
      md.update(b.duplicate());
    }
    return md.digest();
  }

  static String hex(byte[] h) {
    return HEX.formatHex(h);
  }

  static byte[] unhex(String s) {
    return HEX.parseHex(s);
  }

  // ---- column chunks ----

  /**
   * The chunk's hash, writing it to the sink if the sink does not hold it: whole, or, when a
   * shorter view of the same buffer was stored before and this chunk is not full yet, as a delta
   * record holding only the rows after that prefix (so appending one row to a big tail chunk writes
   * one row). The content hash is the same either way.
   */
  static String persist(ColumnChunk c, Sink sink, int chunkRows) {
    byte[] h = c.cachedHash();
    if (h != null && sink.has(hex(h))) {
      return hex(h);
    }
    List<ByteBuffer> pieces = chunkPieces(c);
    if (h == null) {
      h = hash(pieces);
      c.cacheHash(h);
    }
    String hx = hex(h);
    if (!sink.has(hx)) {
      StoredPrefix p = c.storedPrefix();
      boolean delta = p != null && p.rows() < c.rows() && c.rows() < chunkRows && (long) p.wholeRows() * 2 >= c.rows();
      if (delta && p.depth() < MAX_DELTA_DEPTH && sink.has(hex(p.hash()))) {
        sink.put(CHUNK_DELTA, h, deltaPieces(c, p.rows(), p.hash(), p.depth() + 1));
        c.noteStored(new StoredPrefix(c.rows(), h, p.depth() + 1, p.wholeRows(), p.wholeHash()));
      } else if (delta && sink.has(hex(p.wholeHash()))) {
        // the chain is long: one delta with every row since the whole chunk it started from
        sink.put(CHUNK_DELTA, h, deltaPieces(c, p.wholeRows(), p.wholeHash(), 1));
        c.noteStored(new StoredPrefix(c.rows(), h, 1, p.wholeRows(), p.wholeHash()));
      } else {
        sink.put(CHUNK, h, pieces);
        c.noteStored(StoredPrefix.whole(c.rows(), h));
      }
    }
    return hx;
  }

  /** For tests and verification: the content hash of a chunk, computed afresh. */
  static String contentHash(ColumnChunk c) {
    return hex(hash(chunkPieces(c)));
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
    Out meta = new Out();
    meta.raw(baseHash);
    meta.i32(base);
    meta.i32(depth);
    return pieces(meta, c, data, offsets, validityBytes(c));
  }

  /** The base chunk hash of a delta record's payload. */
  static String deltaBase(MemorySegment p) {
    return hex(p.asSlice(4, 32).toArray(ValueLayout.JAVA_BYTE));
  }

  /** Reads a delta record: materializes base rows (via {@code src}) plus its own rows into heap buffers. */
  static ColumnChunk readDelta(String hash, MemorySegment p, Source src) {
    int metaLen = p.get(INT_LE, 0);
    In in = new In(p.asSlice(4, metaLen).toArray(ValueLayout.JAVA_BYTE));
    String baseHash = hex(in.raw(32));
    int base = in.i32();
    int depth = in.i32();
    ColumnType type = ColumnType.valueOf(in.str());
    Physical physical = Physical.valueOf(in.str());
    int scale = in.i32();
    int rows = in.i32();
    ChunkStats stats = readStats(in);
    long dataLen = in.i64();
    long offsLen = in.i64();
    long validLen = in.i64();
    long dataOff = pad64(4 + metaLen);
    long offsOff = dataOff + pad64(dataLen);
    long validOff = offsOff + pad64(offsLen);
    Encoding enc = new Encoding(type, physical, scale);
    ColumnChunk b = src.chunk(baseHash);
    if (b.rows() != base) {
      throw new IllegalStateException("delta base " + baseHash + " has " + b.rows() + " rows, expected " + base);
    }
    MemorySegment data;
    MemorySegment offsets = null;
    if (physical == Physical.VARLEN) {
      MemorySegment bo = b.offsets();
      int baseBytes = bo == null ? 0 : bo.get(INT_LE, 4L * base);
      byte[] bytes = new byte[(int) (baseBytes + dataLen)];
      if (baseBytes > 0) {
        MemorySegment.copy(b.data(), ValueLayout.JAVA_BYTE, 0, bytes, 0, baseBytes);
      }
      MemorySegment.copy(p, ValueLayout.JAVA_BYTE, dataOff, bytes, baseBytes, (int) dataLen);
      int[] offs = new int[rows + 1];
      if (bo != null) {
        MemorySegment.copy(bo, INT_LE, 0, offs, 0, base + 1);
      }
      MemorySegment.copy(p, INT_LE, offsOff, offs, base + 1, rows - base);
      data = MemorySegment.ofArray(bytes);
      offsets = MemorySegment.ofArray(offs);
    } else {
      long w = physical.width();
      long[] words = new long[(int) ((w * rows + 7) >>> 3)];
      data = MemorySegment.ofArray(words);
      if (base > 0) {
        MemorySegment.copy(b.data(), 0, data, 0, w * base);
      }
      MemorySegment.copy(p, dataOff, data, w * base, dataLen);
      data = data.asSlice(0, w * rows);
    }
    MemorySegment validity = validLen == 0 ? null
        : MemorySegment.ofArray(p.asSlice(validOff, validLen).toArray(ValueLayout.JAVA_BYTE));
    ColumnChunk c = ColumnChunk.wrap(enc, rows, stats, data, offsets, validity);
    StoredPrefix bp = b.storedPrefix();
    c.noteStored(bp == null
        ? StoredPrefix.whole(rows, unhex(hash))
        : new StoredPrefix(rows, unhex(hash), depth, bp.wholeRows(), bp.wholeHash()));
    return c;
  }

  private static List<ByteBuffer> chunkPieces(ColumnChunk c) {
    int rows = c.rows();
    ByteBuffer data = rows == 0 ? ByteBuffer.allocate(0) : buffer(c.data());
    MemorySegment off = c.offsets();
    ByteBuffer offsets = off == null ? ByteBuffer.allocate(0) : buffer(off);
    return pieces(new Out(), c, data, offsets, validityBytes(c));
  }

  /** The chunk's validity bitmap, bits past its last row cleared; empty when it has no NULLs. */
  private static ByteBuffer validityBytes(ColumnChunk c) {
    MemorySegment val = c.validity();
    if (val == null) {
      return ByteBuffer.allocate(0);
    }
    int rows = c.rows();
    byte[] v = val.asSlice(0, (rows + 7) >>> 3).toArray(ValueLayout.JAVA_BYTE);
    if ((rows & 7) != 0) {
      v[v.length - 1] &= (byte) ((1 << (rows & 7)) - 1);
    }
    return ByteBuffer.wrap(v);
  }

  /**
   * A chunk or delta record: {@code meta} (already holding any record-specific prefix) gets the
   * encoding, row count, stats and section lengths, then the padded data, offsets and validity.
   */
  private static List<ByteBuffer> pieces(Out meta, ColumnChunk c, ByteBuffer data,
      ByteBuffer offsets, ByteBuffer validity) {
    Encoding enc = c.encoding();
    meta.str(enc.type().name());
    meta.str(enc.physical().name());
    meta.i32(enc.scale());
    meta.i32(c.rows());
    writeStats(meta, c.stats());
    meta.i64(data.remaining());
    meta.i64(offsets.remaining());
    meta.i64(validity.remaining());
    byte[] m = meta.bytes();
    ByteBuffer head = ByteBuffer.allocate(pad64(4 + m.length)).order(ByteOrder.LITTLE_ENDIAN);
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
  static ByteBuffer buffer(MemorySegment s) {
    try {
      return s.asByteBuffer();
    } catch (UnsupportedOperationException e) {
      return ByteBuffer.wrap(s.toArray(ValueLayout.JAVA_BYTE));
    }
  }

  private static void addPadded(List<ByteBuffer> pieces, ByteBuffer b, boolean more) {
    if (b.remaining() == 0) {
      return;
    }
    pieces.add(b);
    int pad = pad64(b.remaining()) - b.remaining();
    if (more && pad > 0) {
      pieces.add(ByteBuffer.allocate(pad));
    }
  }

  static int pad64(long n) {
    return (int) ((n + 63) & ~63L);
  }

  static ColumnChunk readChunk(MemorySegment p) {
    int metaLen = p.get(INT_LE, 0);
    In in = new In(p.asSlice(4, metaLen).toArray(ValueLayout.JAVA_BYTE));
    ColumnType type = ColumnType.valueOf(in.str());
    Physical physical = Physical.valueOf(in.str());
    int scale = in.i32();
    int rows = in.i32();
    ChunkStats stats = readStats(in);
    long dataLen = in.i64();
    long offsLen = in.i64();
    long validLen = in.i64();
    long dataOff = pad64(4 + metaLen);
    long offsOff = dataOff + pad64(dataLen);
    long validOff = offsOff + pad64(offsLen);
    Encoding enc = new Encoding(type, physical, scale);
    MemorySegment data = p.asSlice(dataOff, dataLen);
    MemorySegment offsets = offsLen == 0 ? null : p.asSlice(offsOff, offsLen);
    if (physical == Physical.VARLEN && offsets == null) {
      offsets = MemorySegment.ofArray(new int[rows + 1]);
    }
    MemorySegment validity = validLen == 0 ? null : p.asSlice(validOff, validLen);
    return ColumnChunk.wrap(enc, rows, stats, data, offsets, validity);
  }

  private static void writeStats(Out o, ChunkStats s) {
    o.i32(s.rowCount());
    o.i32(s.nullCount());
    writeValue(o, s.min());
    writeValue(o, s.max());
    writeValue(o, s.sum());
  }

  private static ChunkStats readStats(In in) {
    int rows = in.i32();
    int nulls = in.i32();
    return new ChunkStats(rows, nulls, readValue(in), readValue(in), readValue(in));
  }

  private static void writeValue(Out o, Object v) {
    switch (v) {
      case null -> o.u8(0);
      case Boolean b -> { o.u8(1); o.u8(b ? 1 : 0); }
      case Short s -> { o.u8(2); o.i32(s); }
      case Integer i -> { o.u8(3); o.i32(i); }
      case Long l -> { o.u8(4); o.i64(l); }
      case Float f -> { o.u8(5); o.i32(Float.floatToRawIntBits(f)); }
      case Double d -> { o.u8(6); o.i64(Double.doubleToRawLongBits(d)); }
      case BigDecimal d -> { o.u8(7); o.str(d.toString()); }
      case String s -> { o.u8(8); o.str(s); }
      case byte[] b -> { o.u8(9); o.i32(b.length); o.raw(b); }
      case LocalDate d -> { o.u8(10); o.i64(d.toEpochDay()); }
      case LocalDateTime t -> { o.u8(11); o.str(t.toString()); }
      case OffsetDateTime t -> { o.u8(12); o.str(t.toString()); }
      case UUID u -> { o.u8(13); o.i64(u.getMostSignificantBits()); o.i64(u.getLeastSignificantBits()); }
      default -> throw new IllegalArgumentException("cannot store a " + v.getClass());
    }
  }

  private static Object readValue(In in) {
    int tag = in.u8();
    return switch (tag) {
      case 0 -> null;
      case 1 -> in.u8() != 0;
      case 2 -> (short) in.i32();
      case 3 -> in.i32();
      case 4 -> in.i64();
      case 5 -> Float.intBitsToFloat(in.i32());
      case 6 -> Double.longBitsToDouble(in.i64());
      case 7 -> new BigDecimal(in.str());
      case 8 -> in.str();
      case 9 -> in.raw(in.i32());
      case 10 -> LocalDate.ofEpochDay(in.i64());
      case 11 -> LocalDateTime.parse(in.str());
      case 12 -> OffsetDateTime.parse(in.str());
      case 13 -> new UUID(in.i64(), in.i64());
      default -> throw new IllegalStateException("bad value tag " + tag);
    };
  }

  // ---- delete vectors ----

  static String persist(DeleteVector d, Sink sink) {
    byte[] h = d.cachedHash();
    if (h != null && sink.has(hex(h))) {
      return hex(h);
    }
    long[] words = d.trimmedWords();
    ByteBuffer b = ByteBuffer.allocate(8 + words.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(d.count()).putInt(0);
    for (long w : words) {
      b.putLong(w);
    }
    b.flip();
    List<ByteBuffer> pieces = List.of(b);
    if (h == null) {
      h = hash(pieces);
      d.cacheHash(h);
    }
    String hx = hex(h);
    if (!sink.has(hx)) {
      sink.put(DELVEC, h, pieces);
    }
    return hx;
  }

  static DeleteVector readDeleteVector(MemorySegment p) {
    int count = p.get(INT_LE, 0);
    long[] words = new long[(int) ((p.byteSize() - 8) / 8)];
    for (int i = 0; i < words.length; i++) {
      words[i] = p.get(LONG_LE, 8 + 8L * i);
    }
    return DeleteVector.of(words, count);
  }

  // ---- tables ----

  static String persist(TableState t, Sink sink) {
    byte[] h = t.hash;
    if (h != null && sink.has(hex(h))) {
      return hex(h);
    }
    Out o = new Out();
    TableSchema s = t.schema;
    o.i32(IndexCodec.format(s));
    o.str(s.name());
    o.i64(t.oid);
    o.i64(t.lineage);
    o.i64(t.physicalRows);
    o.i64(t.liveRows);
    o.i32(t.config.chunkRows());
    o.i32(s.columns().size());
    for (int c = 0; c < s.columns().size(); c++) {
      ColumnDef d = s.column(c);
      o.str(d.name());
      o.str(d.type().name());
      o.i32(d.length());
      o.i32(d.scale());
      o.u8(d.notNull() ? 1 : 0);
      o.nstr(d.defaultSql());
      o.str(t.encodings[c].physical().name());
      o.i32(t.encodings[c].scale());
    }
    o.strs(s.primaryKey());
    o.i32(s.uniqueKeys().size());
    for (List<String> k : s.uniqueKeys()) {
      o.strs(k);
    }
    IndexCodec.write(o, s);
    o.i32(t.keyDefinitions().length);
    for (KeyIndex k : t.keyDefinitions()) {
      o.str(k.name);
      o.i32(k.columns.length);
      for (int c : k.columns) {
        o.i32(c);
      }
    }
    int chunks = t.rowIds.size();
    o.i32(chunks);
    for (int c = 0; c < t.columns.size(); c++) {
      for (int i = 0; i < chunks; i++) {
        o.raw(unhex(persist(t.columns.get(c).get(i), sink, t.config.chunkRows())));
      }
    }
    for (int i = 0; i < chunks; i++) {
      o.raw(unhex(persist(t.rowIds.get(i), sink, t.config.chunkRows())));
    }
    for (int i = 0; i < chunks; i++) {
      DeleteVector d = t.deletes.get(i);
      o.u8(d == null ? 0 : 1);
      if (d != null) {
        o.raw(unhex(persist(d, sink)));
      }
    }
    List<ByteBuffer> pieces = List.of(ByteBuffer.wrap(o.bytes()));
    if (h == null) {
      h = hash(pieces);
      t.hash = h;
    }
    String hx = hex(h);
    if (!sink.has(hx)) {
      sink.put(TABLE, h, pieces);
    }
    return hx;
  }

  /** Reads objects by hash (a store). */
  interface Source {
    MemorySegment payload(String hash);

    ColumnChunk chunk(String hash);

    DeleteVector deleteVector(String hash);
  }

  /** The hashes a table payload refers to (for GC and verify). */
  static List<String> tableChildren(MemorySegment p) {
    List<String> out = new ArrayList<>();
    readTable(p, null, StoreConfig.DEFAULT, out);
    return out;
  }

  static TableState readTable(MemorySegment p, Source src, StoreConfig base, List<String> childrenOut) {
    In in = new In(p.toArray(ValueLayout.JAVA_BYTE));
    int format = in.i32();
    if (format != IndexCodec.FORMAT_WITHOUT_INDEXES && format != IndexCodec.FORMAT_WITH_INDEXES) {
      throw new IllegalStateException("unknown table format " + format);
    }
    String name = in.str();
    long oid = in.i64();
    long lineage = in.i64();
    long physicalRows = in.i64();
    long liveRows = in.i64();
    int chunkRows = in.i32();
    int n = in.i32();
    List<ColumnDef> cols = new ArrayList<>(n);
    Encoding[] encs = new Encoding[n];
    for (int c = 0; c < n; c++) {
      String cn = in.str();
      ColumnType type = ColumnType.valueOf(in.str());
      int length = in.i32();
      int scale = in.i32();
      boolean notNull = in.u8() != 0;
      String def = in.nstr();
      cols.add(new ColumnDef(cn, type, length, scale, notNull, def));
      encs[c] = new Encoding(type, Physical.valueOf(in.str()), in.i32());
    }
    List<String> pk = in.strs();
    int nu = in.i32();
    List<List<String>> uniques = new ArrayList<>();
    for (int i = 0; i < nu; i++) {
      uniques.add(in.strs());
    }
    TableSchema schema = new TableSchema(name, cols, pk, uniques, IndexCodec.read(in, format));
    StoreConfig config = new StoreConfig(chunkRows, base.keyHashMask());
    int nk = in.i32();
    KeyIndex[] keys = new KeyIndex[nk];
    for (int k = 0; k < nk; k++) {
      String kn = in.str();
      int[] kc = new int[in.i32()];
      for (int i = 0; i < kc.length; i++) {
        kc[i] = in.i32();
      }
      keys[k] = KeyIndex.create(kn, schema, kc, config.keyHashMask());
    }
    int chunks = in.i32();
    List<org.yggdrasil.storage.nativestore.persistent.PVector<ColumnChunk>> columns = new ArrayList<>(n);
    for (int c = 0; c < n; c++) {
      var v = org.yggdrasil.storage.nativestore.persistent.PVector.<ColumnChunk>empty();
      for (int i = 0; i < chunks; i++) {
        String h = hex(in.raw(32));
        if (childrenOut != null) {
          childrenOut.add(h);
        } else {
          v = v.append(src.chunk(h));
        }
      }
      columns.add(v);
    }
    var rowIds = org.yggdrasil.storage.nativestore.persistent.PVector.<ColumnChunk>empty();
    for (int i = 0; i < chunks; i++) {
      String h = hex(in.raw(32));
      if (childrenOut != null) {
        childrenOut.add(h);
      } else {
        rowIds = rowIds.append(src.chunk(h));
      }
    }
    var deletes = org.yggdrasil.storage.nativestore.persistent.PVector.<DeleteVector>empty();
    for (int i = 0; i < chunks; i++) {
      DeleteVector d = null;
      if (in.u8() != 0) {
        String h = hex(in.raw(32));
        if (childrenOut != null) {
          childrenOut.add(h);
        } else {
          d = src.deleteVector(h);
        }
      }
      deletes = deletes.append(d);
    }
    if (childrenOut != null) {
      return null;
    }
    return TableState.loaded(config, schema, oid, lineage, encs, columns, rowIds, deletes, physicalRows, liveRows, keys);
  }

  /** Primary-key and unique indexes are not stored (yet): rebuilt from the rows when a table is read. */
  static KeyIndex[] rebuildKeys(TableState t, KeyIndex[] definitions) {
    KeyIndex[] keys = definitions.clone();
    if (keys.length == 0 || t.liveRows == 0) {
      return keys;
    }
    Object edit = new Object();
    for (int k = 0; k < keys.length; k++) {
      if (keys[k].exact()) {
        KeyIndex all = keys[k].addAllExact(t, edit);
        if (all == null) {
          throw new IllegalStateException("duplicate key in stored table " + t.schema.name());
        }
        keys[k] = all;
        continue;
      }
      int[] cols = keys[k].columns;
      try (RowCursor cur = t.scan(cols)) {
        Object[] key = new Object[cols.length];
        while (cur.next()) {
          boolean hasNull = false;
          for (int i = 0; i < cols.length; i++) {
            key[i] = cur.value(i);
            hasNull |= key[i] == null;
          }
          if (!hasNull) {
            KeyIndex added = keys[k].add(key.clone(), cur.position(), edit);
            if (added == null) {
              throw new IllegalStateException("duplicate key in stored table " + t.schema.name());
            }
            keys[k] = added;
          }
        }
      }
    }
    return keys;
  }

  // ---- commits and head moves ----

  static byte[] commitPayload(Commit c) {
    Out o = new Out();
    o.i32(1);
    o.i64(c.version);
    o.i64(c.schemaVersion);
    o.strs(c.parents);
    o.i64(c.hlc.physical());
    o.i32(c.hlc.logical());
    o.i64(c.time.getEpochSecond());
    o.i32(c.time.getNano());
    o.str(c.message);
    o.str(c.author);
    o.str(c.branch);
    o.i32(c.tableNames.length);
    for (int i = 0; i < c.tableNames.length; i++) {
      o.str(c.tableNames[i]);
      o.raw(unhex(c.tableHashes[i]));
    }
    o.i32(0); // snapshot refs of attached systems (none yet)
    return o.bytes();
  }

  static Commit readCommit(String id, MemorySegment p) {
    In in = new In(p.toArray(ValueLayout.JAVA_BYTE));
    int format = in.i32();
    if (format != 1) {
      throw new IllegalStateException("unknown commit format " + format);
    }
    long version = in.i64();
    long schemaVersion = in.i64();
    List<String> parents = in.strs();
    Hlc hlc = new Hlc(in.i64(), in.i32());
    Instant time = Instant.ofEpochSecond(in.i64(), in.i32());
    String message = in.str();
    String author = in.str();
    String branch = in.str();
    int n = in.i32();
    String[] names = new String[n];
    String[] hashes = new String[n];
    for (int i = 0; i < n; i++) {
      names[i] = in.str();
      hashes[i] = hex(in.raw(32));
    }
    return new Commit(id, parents, hlc, time, message, author, branch, version, schemaVersion, names, hashes);
  }

  /** Hash over the table roots only: the commit's content hash. */
  static String contentHash(String[] names, String[] hashes) {
    MessageDigest md = sha256();
    for (int i = 0; i < names.length; i++) {
      md.update(names[i].getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update(unhex(hashes[i]));
    }
    return hex(md.digest());
  }

  static byte[] movePayload(HeadMove m) {
    Out o = new Out();
    o.str(m.branch());
    o.str(m.commitId() == null ? "" : m.commitId());
    o.i64(m.hlc().physical());
    o.i32(m.hlc().logical());
    o.i64(m.time().getEpochSecond());
    o.i32(m.time().getNano());
    return o.bytes();
  }

  static HeadMove readMove(MemorySegment p) {
    In in = new In(p.toArray(ValueLayout.JAVA_BYTE));
    String branch = in.str();
    String id = in.str();
    Hlc hlc = new Hlc(in.i64(), in.i32());
    Instant t = Instant.ofEpochSecond(in.i64(), in.i32());
    return new HeadMove(branch, id.isEmpty() ? null : id, hlc, t);
  }

  // ---- tiny big-endian streams ----

  static final class Out {
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(buf);

    void u8(int v) {
      try { out.writeByte(v); } catch (IOException e) { throw new UncheckedIOException(e); }
    }

    void i32(int v) {
      try { out.writeInt(v); } catch (IOException e) { throw new UncheckedIOException(e); }
    }

    void i64(long v) {
      try { out.writeLong(v); } catch (IOException e) { throw new UncheckedIOException(e); }
    }

    void raw(byte[] b) {
      try { out.write(b); } catch (IOException e) { throw new UncheckedIOException(e); }
    }

    void str(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      i32(b.length);
      raw(b);
    }

    void nstr(String s) {
      if (s == null) {
        i32(-1);
      } else {
        str(s);
      }
    }

    void strs(List<String> l) {
      i32(l.size());
      for (String s : l) {
        str(s);
      }
    }

    byte[] bytes() {
      return buf.toByteArray();
    }
  }

  static final class In {
    private final DataInputStream in;

    In(byte[] b) {
      in = new DataInputStream(new java.io.ByteArrayInputStream(b));
    }

    int u8() {
      try { return in.readUnsignedByte(); } catch (IOException e) { throw new UncheckedIOException(e); }
    }

    int i32() {
      try { return in.readInt(); } catch (IOException e) { throw new UncheckedIOException(e); }
    }

    long i64() {
      try { return in.readLong(); } catch (IOException e) { throw new UncheckedIOException(e); }
    }

    byte[] raw(int n) {
      try { return in.readNBytes(n); } catch (IOException e) { throw new UncheckedIOException(e); }
    }

    String str() {
      return new String(raw(i32()), StandardCharsets.UTF_8);
    }

    String nstr() {
      int n = i32();
      return n < 0 ? null : new String(raw(n), StandardCharsets.UTF_8);
    }

    List<String> strs() {
      int n = i32();
      List<String> l = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        l.add(str());
      }
      return l;
    }
  }
}
