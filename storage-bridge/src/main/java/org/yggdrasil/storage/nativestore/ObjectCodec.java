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

/**
 * The stored form of the store's immutable objects and their content hashes (SHA-256 of the
 * stored payload, so an object's name is a function of its content only; column chunks are
 * stored and hashed by {@link ChunkRecords}). Delete vector: int32 count then the bitmap words (int64 LE, trailing zero
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
  /** Chunk records named by their section-digest hash (see {@link ChunkRecords}); 1 and 8 are the first format. */
  static final int CHUNK2 = 9;
  static final int CHUNK_DELTA2 = 10;
  /** A run of a table's chunk entries (see {@link TableRecords}). */
  static final int TABLE_GROUP = 11;

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

  static int pad64(long n) {
    return (int) ((n + 63) & ~63L);
  }

  static void writeStats(Out o, ChunkStats s) {
    o.i32(s.rowCount());
    o.i32(s.nullCount());
    writeValue(o, s.min());
    writeValue(o, s.max());
    writeValue(o, s.sum());
  }

  static ChunkStats readStats(In in) {
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

  // ---- tables (see TableRecords) ----

  /** Reads objects by hash (a store). */
  interface Source {
    MemorySegment payload(String hash);

    ColumnChunk chunk(String hash);

    DeleteVector deleteVector(String hash);
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

  /**
   * A head move: branch, commit id ("" = deleted), HLC, time, then the database-wide counters as
   * they were at the move (format 2: the log replays them; older readers ignore the extra bytes).
   */
  static byte[] movePayload(HeadMove m, Counters counters) {
    Out o = new Out();
    o.str(m.branch());
    o.str(m.commitId() == null ? "" : m.commitId());
    o.i64(m.hlc().physical());
    o.i32(m.hlc().logical());
    o.i64(m.time().getEpochSecond());
    o.i32(m.time().getNano());
    o.i64(counters.versions());
    o.i64(counters.rowIds());
    o.i64(counters.oids());
    return o.bytes();
  }

  static HeadMove readMove(MemorySegment p) {
    return readMove(new In(p.toArray(ValueLayout.JAVA_BYTE)));
  }

  /** The counters a head move carries; null for a move written before they were. */
  static Counters readMoveCounters(MemorySegment p) {
    In in = new In(p.toArray(ValueLayout.JAVA_BYTE));
    readMove(in);
    return in.remaining() < 24 ? null : new Counters(in.i64(), in.i64(), in.i64());
  }

  /** A tag or sequence marker: name and value. */
  static String[] readMarker(MemorySegment p) {
    In in = new In(p.toArray(ValueLayout.JAVA_BYTE));
    return new String[] {in.str(), in.str()};
  }

  private static HeadMove readMove(In in) {
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

    int remaining() {
      try { return in.available(); } catch (IOException e) { throw new UncheckedIOException(e); }
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
