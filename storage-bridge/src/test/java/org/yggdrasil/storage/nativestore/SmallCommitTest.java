package org.yggdrasil.storage.nativestore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yggdrasil.storage.nativestore.Fixtures.col;
import static org.yggdrasil.storage.nativestore.Fixtures.row;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yggdrasil.storage.nativestore.chunk.ColumnChunk;
import org.yggdrasil.storage.nativestore.chunk.Encoding;
import org.yggdrasil.storage.nativestore.disk.SegmentLog;

/**
 * Small commits on a big tail chunk: each writes a delta record as big as its own rows (never the
 * chunk), the chunk hash is computed from section digests that extend with the appended rows, and
 * all of it reads back, verifies and hashes as if the chunk had been written whole.
 */
class SmallCommitTest {
  @TempDir Path dir;

  /** {@code m(id int8 primary key, note text, qty int4, price numeric(12,2))}; note and qty nullable. */
  private static final TableSchema M = new TableSchema("m", List.of(col("id", ColumnType.INT8),
      col("note", ColumnType.TEXT), col("qty", ColumnType.INT4), col("price", ColumnType.NUMERIC, 12, 2)),
      List.of("id"), List.of());

  private static Object[] mRow(long id) {
    return row(id, id % 7 == 0 ? null : "note " + id, id % 5 == 0 ? null : (int) (id % 1000),
        BigDecimal.valueOf(id * 3, 2));
  }

  private static void create(NativeDatabase db) {
    Transaction tx = db.begin("main");
    tx.createTable(M);
    tx.commit();
  }

  private static void insert(NativeDatabase db, String branch, long from, long to) {
    Transaction tx = db.begin(branch);
    List<Object[]> rows = new ArrayList<>();
    for (long i = from; i < to; i++) {
      rows.add(mRow(i));
    }
    tx.insert("m", rows);
    tx.commit();
  }

  /** All live rows by id. */
  private static Map<Long, List<Object>> rows(Snapshot s) {
    Map<Long, List<Object>> out = new TreeMap<>();
    for (List<Object> r : Fixtures.scan(s.table("m"))) {
      out.put((Long) r.get(0), r);
    }
    return out;
  }

  @Test
  void bytesWrittenPerSmallCommitDoNotDependOnTheTailSize() {
    try (NativeDatabase db = NativeDatabase.open(dir.resolve("db"), 65536)) {
      create(db);
      insert(db, "main", 0, 100);
      long small = maxBytesPerCommit(db, 1_000_000, 40, 10);
      insert(db, "main", 100, 30_000); // the tail chunk now holds 30,100 rows
      long big = maxBytesPerCommit(db, 2_000_000, 40, 10);
      // same rows, same record count: only the text lengths and the table's row counts differ
      assertTrue(big <= small + 256, big + " bytes per 10-row commit on a 30,100-row tail, " + small + " on a 100-row tail");
      // growing the tail past twice what was last written whole, by small commits, writes no whole chunk
      long grow = maxBytesPerCommit(db, 3_000_000, 30, 1000); // up to 60,500 rows, still short of full
      assertTrue(grow < 64 * 1024, grow + " bytes for a 1000-row commit");
      assertTrue(db.verify().ok(), db.verify().toString());
    }
  }

  @Test
  void bytesWrittenPerSmallCommitBarelyDependOnTheTableSize() {
    long oneChunk;
    long manyChunks;
    try (NativeDatabase db = NativeDatabase.open(dir.resolve("small"), 64)) {
      create(db);
      insert(db, "main", 0, 10);
      oneChunk = maxBytesPerCommit(db, 1_000_000, 10, 1);
    }
    try (NativeDatabase db = NativeDatabase.open(dir.resolve("big"), 64)) {
      create(db);
      insert(db, "main", 0, 64 * 320 + 10); // 321 chunks
      manyChunks = maxBytesPerCommit(db, 1_000_000, 10, 1);
      assertTrue(db.verify().ok(), db.verify().toString());
    }
    // the table record names the 320 full chunks through 20 groups (32 bytes each), not 320 * 6 hashes
    assertTrue(manyChunks <= oneChunk + 20 * 32 + 128, manyChunks + " bytes per commit with 321 chunks, " + oneChunk + " with one");
    try (NativeDatabase db = NativeDatabase.open(dir.resolve("big"), 64)) {
      assertEquals(64 * 320 + 20, db.snapshot("main").table("m").rowCount());
      long before = db.storedBytes();
      insert(db, "main", 2_000_000, 2_000_001); // groups read back are not written again
      assertTrue(db.storedBytes() - before <= manyChunks + 64, (db.storedBytes() - before) + " bytes after reopen");
    }
  }

  @Test
  void changesToOldChunksRewriteTheirGroupAndReadBack() {
    Path db = dir.resolve("db");
    Map<Long, List<Object>> expected;
    String middle;
    Map<Long, List<Object>> atMiddle;
    try (NativeDatabase d = NativeDatabase.open(db, 4)) {
      create(d);
      insert(d, "main", 0, 203); // 51 chunks: groups of 16, 16, 16, 2 and the tail inline
      for (long id : new long[] {1, 70, 130, 199}) {
        Transaction tx = d.begin("main");
        TableVersion t = tx.snapshot().table("m");
        tx.update("m", new long[] {t.lookupPrimaryKey(new Object[] {id})},
            List.<Object[]>of(row(id, "changed " + id, 1, BigDecimal.TEN)));
        tx.delete("m", new long[] {tx.snapshot().table("m").lookupPrimaryKey(new Object[] {id + 1})});
        tx.commit();
      }
      middle = d.log("main", 3).get(2).id(); // after the change of row 70

      atMiddle = rows(d.snapshotAt(middle));
      expected = rows(d.snapshot("main"));
      assertEquals(203 - 4, expected.size());
      assertEquals("changed 130", expected.get(130L).get(1));
      assertTrue(d.verify().ok(), d.verify().toString());
    }
    try (NativeDatabase d = NativeDatabase.open(db, 4)) {
      assertEquals(expected, rows(d.snapshot("main")));
      assertEquals(atMiddle, rows(d.snapshotAt(middle)));
      d.gc();
      assertTrue(d.verify().ok(), d.verify().toString());
    }
    try (NativeDatabase d = NativeDatabase.open(db, 4)) {
      assertEquals(expected, rows(d.snapshot("main")));
    }
  }

  /** The most bytes any one of {@code commits} commits of {@code k} rows appended to the store. */
  private static long maxBytesPerCommit(NativeDatabase db, long firstId, int commits, int k) {
    long max = 0;
    for (int c = 0; c < commits; c++) {
      long before = db.storedBytes();
      insert(db, "main", firstId + (long) c * k, firstId + (long) (c + 1) * k);
      max = Math.max(max, db.storedBytes() - before);
    }
    return max;
  }

  @Test
  void reopenAfterManySmallCommitsReturnsTheSameRows() {
    Path db = dir.resolve("db");
    Map<Long, List<Object>> expected;
    Map<Integer, Map<Long, List<Object>>> history = new HashMap<>();
    try (NativeDatabase d = NativeDatabase.open(db, 256)) {
      create(d);
      long next = 0;
      for (int c = 0; c < 600; c++) {
        int k = 1 + c % 3;
        if (c % 50 == 49) {
          // now and then an UPDATE and a DELETE in between the inserts
          Transaction tx = d.begin("main");
          TableVersion t = tx.snapshot().table("m");
          long p = t.lookupPrimaryKey(new Object[] {(long) c});
          tx.update("m", new long[] {p}, List.<Object[]>of(row((long) c, "updated", null, BigDecimal.ONE)));
          tx.delete("m", new long[] {tx.snapshot().table("m").lookupPrimaryKey(new Object[] {(long) c - 10})});
          tx.commit();
        } else {
          insert(d, "main", next, next + k);
          next += k;
        }
        if (c % 97 == 0) {
          history.put(c, rows(d.snapshot("main")));
        }
      }
      expected = rows(d.snapshot("main"));
      assertTrue(d.verify().ok(), d.verify().toString());
    }
    try (NativeDatabase d = NativeDatabase.open(db, 256)) {
      assertEquals(expected, rows(d.snapshot("main")));
      for (var e : history.entrySet()) {
        assertEquals(e.getValue(), rows(d.snapshotAt("main~" + (599 - e.getKey()))), "main~" + (599 - e.getKey()));
      }
      assertTrue(d.verify().ok(), d.verify().toString());
      // more small commits on the tail chain read from disk
      insert(d, "main", 10_000, 10_001);
      insert(d, "main", 10_001, 10_003);
      expected = rows(d.snapshot("main"));
    }
    try (NativeDatabase d = NativeDatabase.open(db, 256)) {
      assertEquals(expected, rows(d.snapshot("main")));
      d.gc();
      assertTrue(d.verify().ok(), d.verify().toString());
    }
    try (NativeDatabase d = NativeDatabase.open(db, 256)) {
      assertEquals(expected, rows(d.snapshot("main")));
    }
  }

  @Test
  void verifyFindsADamagedDelta() throws IOException {
    Path db = dir.resolve("db");
    try (NativeDatabase d = NativeDatabase.open(db, 4096)) {
      create(d);
      insert(d, "main", 0, 500);
      for (long i = 500; i < 530; i++) {
        insert(d, "main", i, i + 1);
      }
    }
    // a delta of the text column in the middle of the chain
    Path seg = segment(db);
    List<Long> deltas = new ArrayList<>();
    try (SegmentLog log = SegmentLog.open(db, Map.of(1, Files.size(seg)), false)) {
      log.scan(1, 0, Files.size(seg), true, r -> {
        if (r.loc().type() == ObjectCodec.CHUNK_DELTA2
            && ChunkRecords.Layout.of(r.payload(), true).enc().type() == ColumnType.TEXT) {
          deltas.add(r.loc().offset() + SegmentLog.HEADER + ChunkRecords.Layout.of(r.payload(), true).dataOff());
        }
      });
    }
    assertEquals(30, deltas.size());
    long at = deltas.get(10);

    flip(seg, at, false); // the record's checksum catches it
    try (NativeDatabase d = NativeDatabase.openReadOnly(db)) {
      VerifyReport r = d.verify();
      assertFalse(r.ok(), r.toString());
      assertTrue(r.toString().contains("checksum"), r.toString());
    }
    flip(seg, at, true); // back, then damaged with checksums that match: the content hash catches it
    flip(seg, at, true);
    try (NativeDatabase d = NativeDatabase.openReadOnly(db)) {
      VerifyReport r = d.verify();
      assertFalse(r.ok(), r.toString());
      // this version of the tail and every later one (they hold its rows) no longer match their hashes
      long mismatches = r.problems().stream().filter(p -> p.contains("does not match its hash")).count();
      assertEquals(20, mismatches, r.toString());
    }
  }

  private static Path segment(Path db) throws IOException {
    try (Stream<Path> s = Files.list(db)) {
      return s.filter(p -> p.getFileName().toString().startsWith("seg-")).sorted().findFirst().orElseThrow();
    }
  }

  /** XORs one payload byte; with {@code fixChecksums}, rewrites the record's CRCs to match. */
  private static void flip(Path seg, long at, boolean fixChecksums) throws IOException {
    try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, at);
      b.put(0, (byte) (b.get(0) ^ 0x5a)).rewind();
      ch.write(b, at);
      if (!fixChecksums) {
        return;
      }
      long record = at - at % 64;
      ByteBuffer head = ByteBuffer.allocate(SegmentLog.HEADER).order(ByteOrder.LITTLE_ENDIAN);
      while (true) { // the record header is the 64-byte block before the payload starting with the magic
        head.clear();
        ch.read(head, record);
        if (head.getInt(0) == 0x31474759 && record + SegmentLog.HEADER + head.getLong(8) > at) {
          break;
        }
        record -= 64;
      }
      ByteBuffer payload = ByteBuffer.allocate((int) head.getLong(8));
      ch.read(payload, record + SegmentLog.HEADER);
      CRC32C crc = new CRC32C();
      crc.update(payload.flip());
      head.putInt(48, (int) crc.getValue());
      CRC32C hc = new CRC32C();
      hc.update(head.array(), 0, 52);
      head.putInt(52, (int) hc.getValue());
      ch.write(head.rewind(), record);
    }
  }

  @Test
  void aChunkHasOneHashHoweverItWasAppendedAndStored() {
    Path db = dir.resolve("db");
    try (NativeDatabase d = NativeDatabase.open(db, 1024)) {
      create(d);
      d.createBranch("one", "main");
      d.createBranch("many", "main");
      insert(d, "one", 0, 1500); // a full chunk and a 476-row tail, one commit
      for (long i = 0; i < 1500; i += 7) {
        insert(d, "many", i, Math.min(1500, i + 7)); // the same rows by 215 commits: deltas
      }
      assertColumnHashesEqual(d.snapshot("one").table("m"), d.snapshot("many").table("m"));
      insert(d, "many", 5000, 5001);
      assertNotEquals(columnHashes(d.snapshot("one").table("m")), columnHashes(d.snapshot("many").table("m")));
    }
    try (NativeDatabase d = NativeDatabase.open(db, 1024)) {
      // read back (whole records and a delta chain) they still hash alike, and like a chunk built in memory
      TableVersion many = d.snapshotAt("many~1").table("m");
      assertColumnHashesEqual(d.snapshot("one").table("m"), many);
      try (NativeDatabase mem = NativeDatabase.inMemory("x", 1024)) {
        create(mem);
        insert(mem, "main", 0, 1500);
        assertColumnHashesEqual(mem.snapshot("main").table("m"), many);
      }
    }
  }

  private static void assertColumnHashesEqual(TableVersion a, TableVersion b) {
    assertEquals(columnHashes(a), columnHashes(b));
    for (int c = 0; c < a.schema().columns().size(); c++) {
      for (int i = 0; i < a.chunkCount(); i++) {
        // the hash computed afresh from the content agrees with the cached one
        assertArrayEquals(ChunkRecords.hash(copy(a.chunk(c, i))), ChunkRecords.hash(b.chunk(c, i)));
      }
    }
  }

  /** The hashes of the chunks of the visible columns (row ids differ between branches by design). */
  private static List<String> columnHashes(TableVersion t) {
    List<String> out = new ArrayList<>();
    for (int c = 0; c < t.schema().columns().size(); c++) {
      for (int i = 0; i < t.chunkCount(); i++) {
        out.add(ObjectCodec.hex(ChunkRecords.hash(t.chunk(c, i))));
      }
    }
    return out;
  }

  /** The same values in a fresh chunk, appended in one go (no digests to extend). */
  private static ColumnChunk copy(ColumnChunk c) {
    Encoding enc = c.encoding();
    Object[] values = new Object[c.rows()];
    for (int i = 0; i < values.length; i++) {
      values[i] = c.get(i);
    }
    return values.length == 0 ? c : ColumnChunk.empty(enc).append(values, 0, values.length, values.length);
  }
}
