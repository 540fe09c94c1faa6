package org.yggdrasil.storage.nativestore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yggdrasil.storage.nativestore.Fixtures.row;
import static org.yggdrasil.storage.nativestore.VersioningTest.createKv;
import static org.yggdrasil.storage.nativestore.VersioningTest.fails;
import static org.yggdrasil.storage.nativestore.VersioningTest.put;
import static org.yggdrasil.storage.nativestore.VersioningTest.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.protocol.Hlc;
import org.yggdrasil.storage.nativestore.disk.SegmentLog;

/** The on-disk store: reopen, torn tails, verification, read-only readers, gc. */
class DurabilityTest {
  @TempDir Path dir;

  private Path db() {
    return dir.resolve("db");
  }

  private static Path newestSegment(Path db) throws IOException {
    try (Stream<Path> s = Files.list(db)) {
      return s.filter(p -> p.getFileName().toString().startsWith("seg-")).sorted().reduce((a, b) -> b).orElseThrow();
    }
  }

  @Test
  void everythingSurvivesReopen() {
    String root, c1, c2, dev;
    List<CommitMeta> log;
    List<HeadMove> history;
    Hlc lastHlc;
    long lastRowId;
    try (NativeDatabase db = NativeDatabase.open(db(), 4)) {
      root = db.headCommit("main");
      c1 = createKv(db);
      for (long i = 0; i < 10; i++) {
        put(db, "main", i, "v" + i);
      }
      c2 = db.headCommit("main");
      db.createBranch("dev", "main~3");
      dev = put(db, "dev", 100, "d");
      db.tag("release", "main~1");
      db.resetBranch("dev", dev);
      log = db.log("dev", 0);
      history = db.headHistory("dev");
      lastHlc = db.commitMeta(dev).hlc();
      TableVersion t = db.snapshot("main").table("t");
      lastRowId = t.rowIdChunk(t.chunkCount() - 1).bits(t.rowIdChunk(t.chunkCount() - 1).rows() - 1);
      assertTrue(db.verify().ok());
    }
    try (NativeDatabase db = NativeDatabase.open(db(), 4)) {
      assertEquals(c2, db.headCommit("main"));
      assertEquals(dev, db.headCommit("dev"));
      assertEquals(List.of("dev", "main"), db.branches());
      assertEquals(Map.of("release", db.resolve("main~1")), db.tags());
      assertEquals(log, db.log("dev", 0));
      assertEquals(history, db.headHistory("dev"));
      assertEquals(root, db.ancestors("main").getLast());
      assertEquals(c1, db.commitMeta(db.resolve("main~10")).id());
      assertEquals(10, read(db.snapshot("main")).size());
      assertEquals("d", read(db.snapshot("dev")).get(100L));
      assertEquals(9, read(db.snapshotAt("main~1")).size());
      assertEquals(dev, db.snapshot("dev").commitId());
      // keys were rebuilt
      assertTrue(db.snapshot("main").table("t").lookupPrimaryKey(new Object[] {7L}) >= 0);
      fails(SqlState.UNIQUE_VIOLATION, () -> {
        Transaction tx = db.begin("main");
        tx.insert("t", List.<Object[]>of(row(7L, "dup")));
      });
      // counters and the clock never go backwards
      String next = put(db, "main", 1000, "n");
      assertTrue(db.commitMeta(next).hlc().isAfter(lastHlc));
      TableVersion t = db.snapshot("main").table("t");
      long rid = t.rowIdChunk(t.chunkCount() - 1).bits(t.rowIdChunk(t.chunkCount() - 1).rows() - 1);
      assertTrue(rid > lastRowId, rid + " > " + lastRowId);
      VerifyReport r = db.verify();
      assertTrue(r.ok(), r.toString());
      assertTrue(r.commits() >= 14 && r.chunks() > 0, r.toString());
    }
  }

  @Test
  void everyTypeRoundTripsThroughTheFiles() {
    TableSchema s = new TableSchema("all", List.of(
        Fixtures.col("b", ColumnType.BOOL), Fixtures.col("i2", ColumnType.INT2), Fixtures.col("i4", ColumnType.INT4),
        Fixtures.col("i8", ColumnType.INT8), Fixtures.col("f4", ColumnType.FLOAT4), Fixtures.col("f8", ColumnType.FLOAT8),
        Fixtures.col("n", ColumnType.NUMERIC, 12, 2), Fixtures.col("nw", ColumnType.NUMERIC),
        Fixtures.col("t", ColumnType.TEXT), Fixtures.col("by", ColumnType.BYTEA), Fixtures.col("d", ColumnType.DATE),
        Fixtures.col("tz", ColumnType.TIMESTAMPTZ), Fixtures.col("u", ColumnType.UUID)), List.of("i8"), List.of(List.of("t")));
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      boolean nul = i % 3 == 0;
      rows.add(new Object[] {nul ? null : i % 2 == 0, nul ? null : (short) i, nul ? null : i, (long) i, nul ? null : i * 1.5f,
          nul ? null : i * 2.25, nul ? null : new BigDecimal(i + ".25"), nul ? null : new BigDecimal("1e30").add(BigDecimal.valueOf(i)),
          nul ? null : "text " + i + " ü", nul ? null : new byte[] {(byte) i, 0, -1}, nul ? null : LocalDate.of(2020, 1, 1 + i),
          nul ? null : OffsetDateTime.parse("2026-11-25T10:00:00Z").plusSeconds(i), nul ? null : new UUID(i, -i)});
    }
    List<List<Object>> before;
    try (NativeDatabase db = NativeDatabase.open(db(), 4)) {
      Transaction tx = db.begin("main");
      tx.createTable(s);
      tx.insert("all", rows);
      tx.delete("all", new long[] {5});
      tx.commit();
      before = Fixtures.scan(db.snapshot("main").table("all"));
    }
    try (NativeDatabase db = NativeDatabase.open(db(), 4)) {
      TableVersion t = db.snapshot("main").table("all");
      List<List<Object>> after = Fixtures.scan(t);
      assertEquals(before.size(), after.size());
      for (int i = 0; i < before.size(); i++) {
        for (int c = 0; c < before.get(i).size(); c++) {
          Object x = before.get(i).get(c);
          Object y = after.get(i).get(c);
          if (x instanceof byte[] bx) {
            assertArrayEquals(bx, (byte[]) y);
          } else {
            assertEquals(x, y, "row " + i + " column " + c);
          }
        }
      }
      assertEquals(10, t.rowCount());
      assertEquals(3L, t.chunk(3, 0).stats().max());
      assertTrue(t.chunk(3, 0).data().isMapped(), "read back in place from the segment file");
      assertTrue(t.lookupPrimaryKey(new Object[] {4L}) >= 0);
      // appending to a chunk read from disk copies it, the old version stays intact
      Transaction tx = db.begin("main");
      tx.insert("all", List.<Object[]>of(new Object[] {true, (short) 1, 1, 99L, 1f, 1.0, BigDecimal.ONE, BigDecimal.TEN, "x", new byte[0],
          LocalDate.EPOCH, OffsetDateTime.parse("2026-01-01T00:00:00Z"), new UUID(1, 1)}));
      tx.commit();
      assertEquals(before.size(), Fixtures.scan(t).size());
      assertTrue(db.verify().ok());
    }
  }

  @Test
  void aTornTailIsIgnored() throws Exception {
    String acked;
    Path refsBefore = dir.resolve("refs.saved");
    try (NativeDatabase db = NativeDatabase.open(db(), 4)) {
      createKv(db);
      acked = put(db, "main", 1, "a");
      Files.copy(db().resolve("refs"), refsBefore);
      // a commit that was appended but whose head swap never happened (crash before the rename)
      put(db, "main", 2, "b");
    }
    Files.copy(refsBefore, db().resolve("refs"), StandardCopyOption.REPLACE_EXISTING);
    Path seg = newestSegment(db());
    long len = Files.size(seg);
    // tear the last record in half, garble what is left of it
    try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE)) {
      ch.truncate(len - 100);
      ch.write(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}), len - 120);
    }
    try (NativeDatabase db = NativeDatabase.open(db(), 4)) {
      assertEquals(acked, db.headCommit("main"));
      assertEquals(Map.of(1L, "a"), read(db.snapshot("main")));
      assertTrue(db.verify().ok(), db.verify().toString());
      String again = put(db, "main", 2, "c");
      assertNotEquals(acked, again);
    }
    try (NativeDatabase db = NativeDatabase.open(db(), 4)) {
      assertEquals(Map.of(1L, "a", 2L, "c"), read(db.snapshot("main")));
      assertTrue(db.verify().ok());
    }
    // garbage appended past the published end (a crash mid-append) is ignored and dropped
    try (FileChannel ch = FileChannel.open(newestSegment(db()), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ch.write(ByteBuffer.wrap("YGG1 half a record".getBytes()));
    }
    try (NativeDatabase db = NativeDatabase.open(db(), 4)) {
      assertEquals(Map.of(1L, "a", 2L, "c"), read(db.snapshot("main")));
      assertTrue(db.verify().ok());
    }
  }

  @Test
  void verifyFindsDamage() throws Exception {
    try (NativeDatabase db = NativeDatabase.open(db(), 4)) {
      createKv(db);
      for (long i = 0; i < 20; i++) {
        put(db, "main", i, "value " + i);
      }
    }
    Path seg = newestSegment(db());
    // flip one byte inside the payload of the first column chunk
    long[] chunkAt = {-1};
    try (SegmentLog log = SegmentLog.open(db(), Map.of(1, Files.size(seg)), false)) {
      log.scan(1, 0, Files.size(seg), true, r -> {
        if (r.loc().type() == ObjectCodec.CHUNK2 && chunkAt[0] < 0) {
          chunkAt[0] = r.loc().offset() + SegmentLog.HEADER + 10;
        }
      });
    }
    assertTrue(chunkAt[0] > 0);
    try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long at = chunkAt[0];
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, at);
      b.put(0, (byte) (b.get(0) ^ 0x5a)).rewind();
      ch.write(b, at);
    }
    try (NativeDatabase db = NativeDatabase.open(db(), 4)) {
      VerifyReport r = db.verify();
      assertFalse(r.ok(), r.toString());
      assertTrue(r.toString().contains("checksum") || r.toString().contains("missing"), r.toString());
    }
  }

  @Test
  void aSecondWriterIsRefused() {
    try (NativeDatabase db = NativeDatabase.open(db())) {
      fails(SqlState.OBJECT_IN_USE, () -> NativeDatabase.open(db()));
    }
  }

  @Test
  void aReadOnlyDatabaseFollowsTheWriter() {
    try (NativeDatabase w = NativeDatabase.open(db(), 4)) {
      createKv(w);
      put(w, "main", 1, "a");
      try (NativeDatabase r = NativeDatabase.openReadOnly(db())) {
        assertTrue(r.isReadOnly());
        assertEquals(w.headCommit("main"), r.headCommit("main"));
        Snapshot old = r.snapshot("main");
        String c = put(w, "main", 2, "b");
        w.createBranch("dev", "main~1");
        w.tag("t1", "main");
        assertEquals(c, r.headCommit("main"));
        assertEquals(Map.of(1L, "a", 2L, "b"), read(r.snapshot("main")));
        assertEquals(Map.of(1L, "a"), read(old));
        assertEquals(List.of("dev", "main"), r.branches());
        assertEquals(Map.of("t1", c), r.tags());
        assertEquals(w.log("main", 0), r.log("main", 0));
        fails(SqlState.READ_ONLY_SQL_TRANSACTION, () -> put(r, "main", 3, "c"));
        fails(SqlState.READ_ONLY_SQL_TRANSACTION, () -> r.createBranch("x", "main"));
        assertTrue(r.verify().ok());
        w.deleteBranch("dev");
        w.gc();
        assertEquals(List.of("main"), r.branches());
        assertEquals(Map.of(1L, "a", 2L, "b"), read(r.snapshot("main")));
        assertEquals(Map.of(1L, "a"), read(old));
      }
    }
  }

  @Test
  void gcReclaimsADeletedBranchWhileAnOldSnapshotStillReads() {
    long before;
    try (NativeDatabase db = NativeDatabase.open(db())) {
      createKv(db);
      put(db, "main", 1, "a");
      db.createBranch("big", "main");
      Transaction tx = db.begin("big");
      List<Object[]> rows = new ArrayList<>();
      for (long i = 10; i < 200_000; i++) {
        rows.add(row(i, "some text for row " + i));
      }
      tx.insert("t", rows);
      tx.commit("bulk", "loader");
      put(db, "big", 5, "b");
      before = db.storedBytes();
      assertTrue(before > 4_000_000, "stored " + before);
    }
    try (NativeDatabase db = NativeDatabase.open(db())) {
      Snapshot held = db.snapshot("big"); // mapped from the segment file gc is about to delete
      TableVersion t = held.table("t");
      assertTrue(t.chunk(1, 0).data().isMapped());
      assertEquals(0, db.gc(), "nothing to collect while the branch exists");
      db.deleteBranch("big");
      long reclaimed = db.gc();
      assertTrue(reclaimed > before * 9 / 10, reclaimed + " of " + before);
      assertTrue(db.storedBytes() < before / 10, db.storedBytes() + " left of " + before);
      // the old snapshot still reads every row correctly
      long n = 0;
      long sum = 0;
      try (RowCursor c = t.scan(new int[] {0, 1})) {
        while (c.next()) {
          long id = (Long) c.value(0);
          if (id >= 10) {
            assertEquals("some text for row " + id, c.value(1));
          }
          sum += id;
          n++;
        }
      }
      assertEquals(200_000 - 10 + 2, n);
      assertEquals((199_999L * 200_000 / 2) - 45 + 1 + 5, sum);
      assertTrue(db.verify().ok());
      assertEquals(Map.of(1L, "a"), read(db.snapshot("main")));
      put(db, "main", 2, "c");
    }
    try (NativeDatabase db = NativeDatabase.open(db())) {
      assertEquals(Map.of(1L, "a", 2L, "c"), read(db.snapshot("main")));
      assertEquals(List.of("main"), db.branches());
      VerifyReport r = db.verify();
      assertTrue(r.ok(), r.toString());
    }
  }

  @Test
  void sequencesNeverRepeatAcrossRestarts() throws Exception {
    long last = 0;
    try (NativeDatabase db = NativeDatabase.open(db())) {
      for (int i = 1; i <= 40; i++) {
        assertEquals(i, db.nextval("s"));
      }
      assertEquals(1, db.nextval("other"));
      last = 40;
    }
    try (NativeDatabase db = NativeDatabase.open(db())) {
      long v = db.nextval("s");
      assertTrue(v > last && v <= last + 33, "after a restart: " + v);
      assertTrue(db.nextval("other") > 1);
    }
    // a crash (the refs file as the writer left it, the process gone) behaves the same
    try (NativeDatabase db = NativeDatabase.open(db())) {
      last = 0;
      for (int i = 0; i < 100; i++) {
        last = db.nextval("s");
      }
      Files.copy(db().resolve("refs"), dir.resolve("refs.crash"));
    }
    Files.copy(dir.resolve("refs.crash"), db().resolve("refs"), StandardCopyOption.REPLACE_EXISTING);
    try (NativeDatabase db = NativeDatabase.open(db())) {
      assertTrue(db.nextval("s") > last);
    }
    NativeDatabase mem = NativeDatabase.inMemory("m");
    assertEquals(1, mem.nextval("s"));
    assertEquals(2, mem.nextval("s"));
  }

  @Test
  void appendingToABigTailChunkWritesOnlyTheNewRows() {
    Map<Long, String> expect = new java.util.HashMap<>();
    try (NativeDatabase db = NativeDatabase.open(db(), 4096)) {
      createKv(db);
      Transaction tx = db.begin("main");
      List<Object[]> rows = new ArrayList<>();
      for (long i = 0; i < 2000; i++) {
        rows.add(row(i, "a fairly long text value number " + i));
        expect.put(i, "a fairly long text value number " + i);
      }
      tx.insert("t", rows);
      tx.commit();
      long before = db.storedBytes();
      for (long i = 2000; i < 2100; i++) {
        put(db, "main", i, "v" + i);
        expect.put(i, "v" + i);
      }
      long perCommit = (db.storedBytes() - before) / 100;
      assertTrue(perCommit < 4000, perCommit + " bytes per one-row commit on a 2000-row tail chunk");
      assertEquals(expect, read(db.snapshot("main")));
      assertEquals(1999 + 1, read(db.snapshotAt("main~100")).size());
      assertTrue(db.verify().ok(), db.verify().toString());
    }
    try (NativeDatabase db = NativeDatabase.open(db(), 4096)) {
      assertEquals(expect, read(db.snapshot("main")));
      assertEquals(2050, read(db.snapshotAt("main~50")).size());
      long before = db.storedBytes();
      put(db, "main", 5000, "after reopen"); // a delta on top of the chunk read from disk
      expect.put(5000L, "after reopen");
      assertTrue(db.storedBytes() - before < 4000, (db.storedBytes() - before) + " bytes");
      db.createBranch("side", "main~10");
      put(db, "side", 6000, "side");
      db.deleteBranch("side");
      db.gc();
      assertTrue(db.verify().ok(), db.verify().toString());
    }
    try (NativeDatabase db = NativeDatabase.open(db(), 4096)) {
      assertEquals(expect, read(db.snapshot("main")));
      assertEquals(2001, read(db.snapshotAt("main~100")).size());
      assertTrue(db.verify().ok(), db.verify().toString());
    }
  }

  @Test
  void identicalChunksAreStoredOnce() {
    try (NativeDatabase db = NativeDatabase.open(db(), 4)) {
      createKv(db);
      put(db, "main", 1, "a");
      long size = db.storedBytes();
      db.createBranch("b1", "main");
      db.createBranch("b2", "main");
      long branches = db.storedBytes() - size;
      assertTrue(branches < 1024, "two branches cost " + branches + " bytes");
    }
  }
}
