package org.yggdrasil.storage.nativestore.disk;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

/**
 * Append-only segment files of checksummed records, read back through memory mapping.
 *
 * <p>A record is a 64-byte header followed by its payload, padded so every record (and so every
 * payload) starts at a multiple of 64 bytes of the file: mapped column data is aligned for vector
 * loads. Header (little-endian): magic {@code YGG1} (int), type (int), payload length (long), the
 * 32-byte content hash (zeros for records that are not content-addressed), CRC32C of the payload
 * (int), CRC32C of the header's first 52 bytes (int), 8 reserved bytes. Content-addressed records
 * (chunks, delete vectors, tables, commits) are written once per hash.
 *
 * <p>Readers map each segment once per length they need ({@link Arena#ofAuto()}): a mapping lives
 * as long as something (a chunk of an open snapshot) still references it, which is the store's
 * reader epoch; deleting a segment file after compaction only removes its name, the blocks are
 * freed by the OS when the last mapping is gone (POSIX semantics).
 *
 * <p>Not durable by itself: callers {@link #force()} it. The log is the commit point: what was
 * forced is committed. The refs file is a checkpoint naming each segment's length at some moment;
 * the intact records past that length are the log's tail, found again on open by {@link
 * #extendOverIntactTail()}, which stops at the first record whose header or payload checksum fails
 * (a torn tail: never forced, so never acknowledged). A writer cuts that off before appending.
 */
public final class SegmentLog implements AutoCloseable {
  public static final int HEADER = 64;
  static final int MAGIC = 0x31474759; // "YGG1" little-endian
  static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  /** A new segment is started once the active one passes this size. */
  static final long ROTATE_AT = Long.getLong("ygg.native.segmentBytes", 256L << 20);
  /**
   * The active segment is zero-filled this far ahead of its end (0: never), as PostgreSQL fills WAL
   * files: overwriting allocated blocks lets fdatasync skip the journal commit a growing file needs
   * (about half the cost of a small commit's fsync). Scans stop at the zeros like at a torn tail.
   */
  static final long PREALLOCATE = Long.getLong("ygg.native.preallocateBytes", 4L << 20);
  private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 << 10).asReadOnlyBuffer();

  /** Where a record lies. */
  public record Loc(int segment, long offset, long payloadLength, int type) {}

  /** One record as a scan sees it. */
  public record Rec(Loc loc, byte[] hash, MemorySegment payload) {
    public String hashHex() {
      return HexFormat.of().formatHex(hash);
    }
  }

  private final Path dir;
  private final boolean writable;
  /** Segment number → published length (sealed or active). Sorted. */
  private final TreeMap<Integer, Long> lengths = new TreeMap<>();
  private final Map<Integer, MemorySegment> maps = new ConcurrentHashMap<>();
  private FileChannel active;
  private int activeNo;
  private long activePos;
  /** The end of the active file: zeros from activePos up to it. */
  private long allocatedEnd;
  /** Bytes appended since open over all segments: a ticket for durability. */
  private long appended;
  private long forcedTicket;
  private long fsyncs;

  private SegmentLog(Path dir, boolean writable) {
    this.dir = dir;
    this.writable = writable;
  }

  public static String fileName(int segment) {
    return String.format("seg-%08d.ygg", segment);
  }

  /** Opens the segments listed with these lengths and nothing past them (see the other open). */
  public static SegmentLog open(Path dir, Map<Integer, Long> published, boolean writable) throws IOException {
    return open(dir, published, writable, false);
  }

  /**
   * Opens the segments listed in a checkpoint with the lengths it names, extended over the intact
   * tail past them when {@code tailIsCommitted} (the log is the commit point). A writer truncates
   * the last one to that length (dropping a torn or unacknowledged tail) and deletes unlisted
   * segment files (left by a crash during rotation or compaction, which checkpoint before any
   * commit in a new segment is acknowledged).
   */
  public static SegmentLog open(Path dir, Map<Integer, Long> published, boolean writable, boolean tailIsCommitted)
      throws IOException {
    SegmentLog log = new SegmentLog(dir, writable);
    log.lengths.putAll(published);
    if (tailIsCommitted) {
      log.extendOverIntactTail();
    }
    if (writable) {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          String n = p.getFileName().toString();
          if (n.startsWith("seg-") && n.endsWith(".ygg")) {
            int no = Integer.parseInt(n.substring(4, n.length() - 4));
            if (!published.containsKey(no)) {
              Files.delete(p);
            }
          }
        }
      }
      if (log.lengths.isEmpty()) {
        log.lengths.put(1, 0L);
      }
      log.openActive(log.lengths.lastKey());
    }
    return log;
  }

  private void openActive(int no) throws IOException {
    Path p = dir.resolve(fileName(no));
    active = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    long published = lengths.get(no);
    if (active.size() > published) {
      maps.remove(no); // it may map the part cut off
      active.truncate(published);
      active.force(true);
    } else if (active.size() < published) {
      throw new IOException("segment " + p + " is shorter (" + active.size() + ") than published (" + published + ")");
    }
    activeNo = no;
    activePos = published;
    allocatedEnd = published;
    AtomicFiles.fsyncDirectory(dir);
  }

  /** Segment numbers with the lengths to publish (all appended bytes). */
  public synchronized TreeMap<Integer, Long> segments() {
    TreeMap<Integer, Long> m = new TreeMap<>(lengths);
    if (writable) {
      m.put(activeNo, activePos);
    }
    return m;
  }

  /** A ticket covering everything appended so far. */
  public synchronized long ticket() {
    return appended;
  }

  /** Appends one record; returns where it lies. The payload is the concatenation of {@code pieces}. */
  public synchronized Loc append(int type, byte[] hash, List<ByteBuffer> pieces) throws IOException {
    if (!writable) {
      throw new IOException("read-only store");
    }
    if (activePos >= ROTATE_AT) {
      rotate();
    }
    long len = 0;
    CRC32C crc = new CRC32C();
    for (ByteBuffer b : pieces) {
      len += b.remaining();
      crc.update(b.duplicate());
    }
    ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
    h.putInt(MAGIC).putInt(type).putLong(len);
    h.put(hash == null ? new byte[32] : hash);
    h.putInt((int) crc.getValue());
    CRC32C hc = new CRC32C();
    hc.update(h.array(), 0, 52);
    h.putInt((int) hc.getValue());
    h.putLong(0);
    h.flip();
    int pad = (int) (pad64(len) - len);
    List<ByteBuffer> all = new ArrayList<>(pieces.size() + 2);
    all.add(h);
    for (ByteBuffer b : pieces) {
      all.add(b.duplicate());
    }
    if (pad > 0) {
      all.add(ByteBuffer.allocate(pad));
    }
    ByteBuffer[] arr = all.toArray(ByteBuffer[]::new);
    long total = HEADER + len + pad;
    long start = activePos;
    if (start + total > allocatedEnd && PREALLOCATE > 0) {
      zeroFill(start + total + PREALLOCATE);
    }
    active.position(start);
    long written = 0;
    while (written < total) {
      written += active.write(arr);
    }
    activePos += total;
    appended += total;
    return new Loc(activeNo, start, len, type);
  }

  /** Copies an existing record verbatim (compaction). */
  public synchronized Loc copy(Rec r) throws IOException {
    return append(r.loc.type(), r.hash, List.of(r.payload.asByteBuffer()));
  }

  private void zeroFill(long end) throws IOException {
    for (long at = Math.max(allocatedEnd, activePos); at < end; ) {
      ByteBuffer z = ZEROS.duplicate();
      z.limit((int) Math.min(z.capacity(), end - at));
      at += active.write(z, at);
    }
    allocatedEnd = end;
  }

  private void rotate() throws IOException {
    active.truncate(activePos); // a sealed segment ends where its records do
    active.force(false);
    active.close();
    lengths.put(activeNo, activePos);
    int next = activeNo + 1;
    lengths.put(next, 0L);
    openActive(next);
  }

  /** Makes every appended byte durable; returns the ticket it covers. */
  public long force() throws IOException {
    long t;
    FileChannel ch;
    synchronized (this) {
      t = appended;
      ch = active;
    }
    if (ch != null && t > forcedTicket) {
      try {
        ch.force(false);
      } catch (java.nio.channels.ClosedChannelException rotated) {
        // rotate() forced this segment before closing it; the new one holds nothing of ticket t
        // unless appended after the rotation, which a later force covers
        synchronized (this) {
          if (ch == active || active == null) {
            throw rotated;
          }
        }
      }
      synchronized (this) {
        forcedTicket = Math.max(forcedTicket, t);
        fsyncs++;
      }
    }
    return t;
  }

  /** How many times {@link #force()} fsynced since open (group commit makes it fewer than commits). */
  public synchronized long fsyncs() {
    return fsyncs;
  }

  /** Starts a fresh segment after the current ones (for compaction); returns its number. */
  public synchronized int startNewSegment() throws IOException {
    rotate();
    return activeNo;
  }

  /**
   * Forgets segments below {@code keepFrom} and returns their files, which the caller deletes once
   * the refs file no longer lists them. Existing mappings stay valid (see the class comment).
   */
  public synchronized List<Path> forgetBelow(int keepFrom) {
    List<Path> files = new ArrayList<>();
    for (var it = lengths.headMap(keepFrom).entrySet().iterator(); it.hasNext(); ) {
      var e = it.next();
      files.add(dir.resolve(fileName(e.getKey())));
      maps.remove(e.getKey());
      it.remove();
    }
    return files;
  }

  /** For a reader: adopts newly published lengths (and segments). */
  public synchronized void setPublished(Map<Integer, Long> published) {
    lengths.clear();
    lengths.putAll(published);
  }

  /**
   * For a reader: adopts a checkpoint's segments, keeping a length it already knows when that is
   * longer (the tail it found past an older checkpoint).
   */
  public synchronized void adoptCheckpoint(Map<Integer, Long> checkpoint) {
    TreeMap<Integer, Long> next = new TreeMap<>();
    checkpoint.forEach((seg, len) -> next.put(seg, Math.max(len, lengths.getOrDefault(seg, 0L))));
    lengths.clear();
    lengths.putAll(next);
  }

  /**
   * Extends each segment's length over the intact records written past it (the log's tail since the
   * last checkpoint), stopping at the first that is damaged, unfinished or zero-filled space.
   */
  public synchronized void extendOverIntactTail() throws IOException {
    for (var e : lengths.entrySet()) {
      long size;
      try {
        size = Files.size(dir.resolve(fileName(e.getKey())));
      } catch (NoSuchFileException gone) {
        continue; // compacted away; the next checkpoint no longer lists it
      }
      if (size > e.getValue()) {
        e.setValue(scan(e.getKey(), e.getValue(), size, true, r -> { }));
      }
    }
  }

  /** For a reader: whether a record (maybe still being written) starts where the newest segment's known records end. */
  public boolean moreAfterEnd() throws IOException {
    int seg;
    long end;
    synchronized (this) {
      if (lengths.isEmpty()) {
        return false;
      }
      seg = lengths.lastKey();
      end = lengths.get(seg);
    }
    long size;
    try {
      size = Files.size(dir.resolve(fileName(seg)));
    } catch (NoSuchFileException gone) {
      return false; // compacted away: the refs file changed
    }
    return size >= end + HEADER && mapped(seg, end + HEADER).get(INT, end) == MAGIC;
  }

  /** The payload of a record, mapped (zero-copy). */
  public MemorySegment payload(Loc loc) throws IOException {
    return mapped(loc.segment(), loc.offset() + HEADER + loc.payloadLength()).asSlice(loc.offset() + HEADER, loc.payloadLength());
  }

  private MemorySegment mapped(int segment, long needed) throws IOException {
    MemorySegment m = maps.get(segment);
    if (m != null && m.byteSize() >= needed) {
      return m;
    }
    synchronized (this) {
      m = maps.get(segment);
      if (m != null && m.byteSize() >= needed) {
        return m;
      }
      Long published = writable && segment == activeNo ? Long.valueOf(activePos) : lengths.get(segment);
      long len = Math.max(needed, published == null ? 0 : published);
      try (FileChannel ch = FileChannel.open(dir.resolve(fileName(segment)), StandardOpenOption.READ)) {
        len = Math.min(len, ch.size());
        if (len < needed) {
          throw new IOException("segment " + fileName(segment) + " is shorter than " + needed + " bytes");
        }
        m = ch.map(FileChannel.MapMode.READ_ONLY, 0, len, Arena.ofAuto());
      }
      maps.put(segment, m);
      return m;
    }
  }

  /** Receives the records of a scan. */
  public interface Visitor {
    void record(Rec r) throws IOException;
  }

  /**
   * Visits the records of one segment in {@code [from, to)}; stops at the first record whose header
   * or payload checksum fails (a torn tail) and returns the end of the last good record.
   */
  public long scan(int segment, long from, long to, boolean checkPayloads, Visitor v) throws IOException {
    if (to <= from) {
      return from;
    }
    MemorySegment m;
    try {
      m = mapped(segment, to);
    } catch (NoSuchFileException e) {
      throw e;
    }
    long pos = from;
    while (pos + HEADER <= to) {
      if (m.get(INT, pos) != MAGIC) {
        break;
      }
      CRC32C hc = new CRC32C();
      hc.update(m.asSlice(pos, 52).asByteBuffer());
      if ((int) hc.getValue() != m.get(INT, pos + 52)) {
        break;
      }
      int type = m.get(INT, pos + 4);
      long len = m.get(LONG, pos + 8);
      if (len < 0 || pos + HEADER + len > to) {
        break;
      }
      MemorySegment payload = m.asSlice(pos + HEADER, len);
      if (checkPayloads && !payloadOk(m, pos)) {
        break;
      }
      byte[] hash = m.asSlice(pos + 16, 32).toArray(ValueLayout.JAVA_BYTE);
      v.record(new Rec(new Loc(segment, pos, len, type), hash, payload));
      pos += HEADER + pad64(len);
    }
    return Math.min(pos, to);
  }

  /** True when the record at this location has an intact payload checksum. */
  public boolean checksumOk(Loc loc) throws IOException {
    return payloadOk(mapped(loc.segment(), loc.offset() + HEADER + loc.payloadLength()), loc.offset());
  }

  private static boolean payloadOk(MemorySegment m, long pos) {
    long len = m.get(LONG, pos + 8);
    CRC32C crc = new CRC32C();
    crc.update(m.asSlice(pos + HEADER, len).asByteBuffer());
    return (int) crc.getValue() == m.get(INT, pos + 48);
  }

  static long pad64(long n) {
    return (n + 63) & ~63L;
  }

  @Override
  public synchronized void close() throws IOException {
    if (active != null) {
      active.truncate(activePos); // drop the zero-filled space
      active.close();
      active = null;
    }
  }
}
