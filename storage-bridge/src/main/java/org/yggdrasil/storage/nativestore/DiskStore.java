package org.yggdrasil.storage.nativestore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.ref.SoftReference;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;
import org.yggdrasil.catalog.protocol.Hlc;
import org.yggdrasil.storage.nativestore.chunk.ColumnChunk;
import org.yggdrasil.storage.nativestore.chunk.DeleteVector;
import org.yggdrasil.storage.nativestore.chunk.StoredPrefix;
import org.yggdrasil.storage.nativestore.disk.AtomicFiles;
import org.yggdrasil.storage.nativestore.disk.SegmentLog;

/**
 * The on-disk half of a {@link NativeDatabase}: the segment log of immutable objects, the index
 * from content hash to record, and the refs file (an atomically replaced checkpoint: segment
 * lengths, branch heads, tags, counters, HLC high-water mark). Since refs format {@value
 * #LOG_IS_COMMIT_POINT} the log is the commit point and the refs file only a checkpoint: head
 * moves (carrying the counters), tags and sequence reservations in the log past it are replayed.
 */
final class DiskStore implements ObjectCodec.Sink, ObjectCodec.Source, DeltaChain.Records {
  static final String REFS = "refs";
  /**
   * The refs format from which records past the lengths it names are committed (format 1: they
   * were an unacknowledged tail, cut off on open).
   */
  static final int LOG_IS_COMMIT_POINT = 2;

  /** The parsed refs file. */
  record Refs(int format, int chunkRows, long versions, long rowIds, long oids, Hlc hlc, TreeMap<Integer, Long> segments,
      TreeMap<String, String> branches, TreeMap<String, String> tags, TreeMap<String, Long> sequences) {}

  final Path dir;
  final boolean writable;
  final SegmentLog log;
  final StoreConfig config;
  final Map<String, SegmentLog.Loc> index = new ConcurrentHashMap<>();
  private final Map<String, SoftReference<TableState>> tables = new ConcurrentHashMap<>();
  /** Per segment: the end of what has been scanned. */
  private final Map<Integer, Long> scanned = new ConcurrentHashMap<>();

  DiskStore(Path dir, boolean writable, SegmentLog log, StoreConfig config) {
    this.dir = dir;
    this.writable = writable;
    this.log = log;
    this.config = config;
  }

  // ---- refs ----

  static Refs readRefs(Path dir) throws IOException {
    Path p = dir.resolve(REFS);
    if (!Files.exists(p)) {
      return null;
    }
    String text = Files.readString(p, StandardCharsets.UTF_8);
    int at = text.lastIndexOf("crc ");
    if (at < 0) {
      throw new IOException("refs file " + p + " has no checksum");
    }
    String body = text.substring(0, at);
    CRC32C crc = new CRC32C();
    crc.update(body.getBytes(StandardCharsets.UTF_8));
    if (!Long.toHexString(crc.getValue()).equals(text.substring(at + 4).trim())) {
      throw new IOException("refs file " + p + " is corrupt (checksum mismatch)");
    }
    int format = 1;
    int chunkRows = StoreConfig.CHUNK_ROWS;
    long versions = 0, rowIds = 1, oids = NativeDatabase.FIRST_OID;
    Hlc hlc = Hlc.ZERO;
    TreeMap<Integer, Long> segs = new TreeMap<>();
    TreeMap<String, String> branches = new TreeMap<>();
    TreeMap<String, String> tags = new TreeMap<>();
    TreeMap<String, Long> sequences = new TreeMap<>();
    for (String line : body.split("\n")) {
      String[] f = line.split(" ");
      switch (f[0]) {
        case "ygg-refs" -> format = Integer.parseInt(f[1]);
        case "chunkRows" -> chunkRows = Integer.parseInt(f[1]);
        case "counters" -> {
          versions = Long.parseLong(f[1]);
          rowIds = Long.parseLong(f[2]);
          oids = Long.parseLong(f[3]);
        }
        case "hlc" -> hlc = Hlc.parse(f[1]);
        case "segment" -> segs.put(Integer.parseInt(f[1]), Long.parseLong(f[2]));
        case "branch" -> branches.put(unescape(f[1]), f[2]);
        case "tag" -> tags.put(unescape(f[1]), f[2]);
        case "sequence" -> sequences.put(unescape(f[1]), Long.parseLong(f[2]));
        default -> {}
      }
    }
    return new Refs(format, chunkRows, versions, rowIds, oids, hlc, segs, branches, tags, sequences);
  }

  void writeRefs(Refs r) throws IOException {
    writeRefs(dir, r);
  }

  static void writeRefs(Path dir, Refs r) throws IOException {
    StringBuilder sb = new StringBuilder("ygg-refs ").append(r.format()).append('\n');
    sb.append("chunkRows ").append(r.chunkRows()).append('\n');
    sb.append("counters ").append(r.versions()).append(' ').append(r.rowIds()).append(' ').append(r.oids()).append('\n');
    sb.append("hlc ").append(r.hlc()).append('\n');
    r.segments().forEach((k, v) -> sb.append("segment ").append(k).append(' ').append(v).append('\n'));
    r.branches().forEach((k, v) -> sb.append("branch ").append(escape(k)).append(' ').append(v).append('\n'));
    r.tags().forEach((k, v) -> sb.append("tag ").append(escape(k)).append(' ').append(v).append('\n'));
    r.sequences().forEach((k, v) -> sb.append("sequence ").append(escape(k)).append(' ').append(v).append('\n'));
    CRC32C crc = new CRC32C();
    crc.update(sb.toString().getBytes(StandardCharsets.UTF_8));
    sb.append("crc ").append(Long.toHexString(crc.getValue())).append('\n');
    AtomicFiles.write(dir.resolve(REFS), sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Changes when the writer checkpointed or grew the newest segment (a reader's cue to look, with
   * {@link SegmentLog#moreAfterEnd()} for records written into zero-filled space).
   */
  Object changeKey() throws IOException {
    BasicFileAttributes a = Files.readAttributes(dir.resolve(REFS), BasicFileAttributes.class);
    long newest;
    try {
      newest = Files.size(dir.resolve(SegmentLog.fileName(log.segments().lastKey())));
    } catch (IOException | NoSuchElementException e) {
      newest = -1; // compacted away: the refs file changed too
    }
    return List.of(String.valueOf(a.fileKey()), a.lastModifiedTime(), a.size(), newest);
  }

  private static String escape(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String unescape(String s) {
    return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  // ---- scanning ----

  /** Receives what a scan finds besides objects, in log order. */
  interface ScanListener {
    void commit(Commit c);

    /** A head move with the counters it carries (null in moves written before format 2). */
    void move(HeadMove m, Counters counters);

    void tag(String name, String commitId);

    /** A sequence reservation past the checkpoint (the checkpoint has the ones before it). */
    void sequence(String name, long reserved);
  }

  /**
   * Indexes the records appended since the last scan, up to {@code upTo}; {@code checkpoint} (the
   * lengths the refs file names) tells which records the checkpoint already covers.
   */
  void scanNew(Map<Integer, Long> upTo, Map<Integer, Long> checkpoint, ScanListener l) throws IOException {
    for (var e : upTo.entrySet()) {
      int seg = e.getKey();
      long from = scanned.getOrDefault(seg, 0L);
      long covered = checkpoint.getOrDefault(seg, 0L);
      long end = log.scan(seg, from, e.getValue(), false, r -> {
        String h = r.hashHex();
        switch (r.loc().type()) {
          case ObjectCodec.COMMIT -> {
            index.put(h, r.loc());
            l.commit(ObjectCodec.readCommit(h, r.payload()));
          }
          case ObjectCodec.MOVE -> l.move(ObjectCodec.readMove(r.payload()), ObjectCodec.readMoveCounters(r.payload()));
          case ObjectCodec.TAG -> {
            String[] m = ObjectCodec.readMarker(r.payload());
            l.tag(m[0], m[1]);
          }
          case ObjectCodec.SEQUENCE -> {
            if (r.loc().offset() >= covered) {
              String[] m = ObjectCodec.readMarker(r.payload());
              l.sequence(m[0], Long.parseLong(m[1]));
            }
          }
          default -> index.put(h, r.loc());
        }
      });
      scanned.put(seg, end);
    }
  }

  /** Forgets everything scanned (after a compaction changed the segments). */
  void resetScan() {
    index.clear();
    scanned.clear();
    tables.clear();
  }

  // ---- Sink ----

  @Override
  public boolean has(String hash) {
    return index.containsKey(hash);
  }

  @Override
  public void put(int type, byte[] hash, List<ByteBuffer> pieces) {
    try {
      synchronized (log) {
        String h = ObjectCodec.hex(hash);
        if (!index.containsKey(h)) {
          index.put(h, log.append(type, hash, pieces));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void appendMove(HeadMove m, Counters counters) {
    try {
      log.append(ObjectCodec.MOVE, null, List.of(ByteBuffer.wrap(ObjectCodec.movePayload(m, counters))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A tag or a sequence reservation: replayed from the log past the checkpoint. */
  void appendMarker(int type, String name, String value) {
    try {
      ObjectCodec.Out o = new ObjectCodec.Out();
      o.str(name);
      o.str(value);
      log.append(type, null, List.of(ByteBuffer.wrap(o.bytes())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- Source ----

  @Override
  public MemorySegment payload(String hash) {
    SegmentLog.Loc loc = index.get(hash);
    if (loc == null) {
      throw Errors.corrupt("object %s is missing from %s", hash, dir);
    }
    try {
      return log.payload(loc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public int type(String hash) {
    SegmentLog.Loc loc = index.get(hash);
    if (loc == null) {
      throw Errors.corrupt("object %s is missing from %s", hash, dir);
    }
    return loc.type();
  }

  @Override
  public ColumnChunk chunk(String hash) {
    byte[] h = ObjectCodec.unhex(hash);
    if (ChunkRecords.isDelta(type(hash))) {
      DeltaChain.Read r = DeltaChain.read(hash, this);
      ColumnChunk c = r.chunk();
      c.cacheHash(h);
      // appending to this chunk later stores only the new rows, one more delta on this chain
      c.noteStored(new StoredPrefix(c.rows(), h, r.depth()));
      return c;
    }
    ColumnChunk c = ChunkRecords.readWhole(payload(hash));
    c.cacheHash(h);
    c.noteStored(StoredPrefix.whole(c.rows(), h));
    return c;
  }

  /** The objects a stored object needs besides itself (a delta chunk's base). */
  String baseOf(String hash) {
    SegmentLog.Loc loc = index.get(hash);
    return loc != null && ChunkRecords.isDelta(loc.type()) ? ChunkRecords.deltaBase(payload(hash)) : null;
  }

  @Override
  public DeleteVector deleteVector(String hash) {
    DeleteVector d = ObjectCodec.readDeleteVector(payload(hash));
    d.cacheHash(ObjectCodec.unhex(hash));
    return d;
  }

  TableState table(String hash) {
    SoftReference<TableState> r = tables.get(hash);
    TableState t = r == null ? null : r.get();
    if (t == null) {
      t = TableRecords.read(payload(hash), this, config, null);
      t.hash = ObjectCodec.unhex(hash);
      tables.put(hash, new SoftReference<>(t));
    }
    return t;
  }

  List<String> tableChildren(String hash) {
    return TableRecords.children(payload(hash), this);
  }

  List<SegmentLog.Loc> locations() {
    return new ArrayList<>(index.values());
  }
}
