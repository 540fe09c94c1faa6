package org.yggdrasil.storage.nativestore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yggdrasil.storage.nativestore.VersioningTest.createKv;
import static org.yggdrasil.storage.nativestore.VersioningTest.fails;
import static org.yggdrasil.storage.nativestore.VersioningTest.put;
import static org.yggdrasil.storage.nativestore.VersioningTest.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.protocol.Hlc;
import org.yggdrasil.storage.nativestore.disk.SegmentLog;

/**
 * The log is the commit point: a commit fsyncs the segment log once (shared by concurrent
 * commits) and does not rewrite the refs file, which is only a checkpoint; opening replays the
 * intact log past the checkpoint and stops at the first damaged record.
 */
class LogCommitPointTest {
  @TempDir Path dir;

  private Path db() {
    return dir.resolve("db");
  }

  private byte[] refs() throws IOException {
    return Files.readAllBytes(db().resolve(DiskStore.REFS));
  }

  private void restoreRefs(byte[] stale) throws IOException {
    Files.write(db().resolve(DiskStore.REFS), stale);
  }

  private static long lastRowId(NativeDatabase db) {
    TableVersion t = db.snapshot("main").table("t");
    var ids = t.rowIdChunk(t.chunkCount() - 1);
    return ids.bits(ids.rows() - 1);
  }

  @Test
  void acknowledgedWorkSurvivesWithAStaleCheckpoint() throws Exception {
    byte[] stale;
    String main;
    String dev;
    String tagged;
    long lastSeq;
    long lastRowId;
    Hlc lastHlc;
    List<HeadMove> devHistory;
    try (NativeDatabase db = NativeDatabase.open(db(), 4)) {
      stale = refs(); // the checkpoint written when the database was created
      createKv(db);
      for (long i = 1; i <= 6; i++) {
        put(db, "main", i, "v" + i);
      }
      db.createBranch("dev", "main~2");
      dev = put(db, "dev", 100, "d");
      db.tag("release", "main~1");
      tagged = db.resolve("main~1");
      db.createBranch("gone", "main");
      db.dropBranch("gone");
      for (int i = 0; i < 40; i++) {
        lastSeq = db.nextval("s");
      }
      lastSeq = db.counterValue("s");
      db.setval("lowered", 1000);
      db.setval("lowered", 7); // a later, lower setval wins
      main = db.headCommit("main");
      lastRowId = lastRowId(db);
      lastHlc = db.commitMeta(dev).hlc();
      devHistory = db.headHistory("dev");
      assertArrayEquals(stale, refs(), "a commit does not rewrite the refs file");
    }
    assertTrue(!java.util.Arrays.equals(stale, refs()), "a clean close writes a checkpoint");
    restoreRefs(stale); // as if the process had been killed before that
    try (NativeDatabase db = NativeDatabase.open(db(), 4)) {
      assertEquals(main, db.headCommit("main"));
      assertEquals(dev, db.headCommit("dev"));
      assertEquals(List.of("dev", "main"), db.branches());
      assertEquals(Map.of("release", tagged), db.tags());
      assertEquals(devHistory, db.headHistory("dev"));
      assertEquals(6, read(db.snapshot("main")).size());
      assertEquals("d", read(db.snapshot("dev")).get(100L));
      assertTrue(db.nextval("s") > lastSeq, "a sequence never repeats");
      assertEquals(8, db.nextval("lowered"));
      String next = put(db, "main", 50, "after");
      assertTrue(db.commitMeta(next).hlc().isAfter(lastHlc), "the clock never goes backwards");
      assertTrue(lastRowId(db) > lastRowId, "row ids are never handed out twice");
      VerifyReport r = db.verify();
      assertTrue(r.ok(), r.toString());
    }
    try (NativeDatabase db = NativeDatabase.open(db(), 4)) {
      assertEquals(7, read(db.snapshot("main")).size());
      assertEquals(List.of("dev", "main"), db.branches());
    }
  }

  @Test
  void theFilesOfARunningWriterOpenWithEveryAcknowledgedCommit() throws Exception {
    Path copy = dir.resolve("copy");
    Map<Long, String> expect = new HashMap<>();
    String head;
    try (NativeDatabase db = NativeDatabase.open(db(), 4)) {
      createKv(db);
      for (long i = 0; i < 30; i++) {
        put(db, "main", i, "v" + i);
        expect.put(i, "v" + i);
      }
      head = db.headCommit("main");
      Path seg = newestSegment();
      assertTrue(Files.size(seg) > db.storedBytes(), "the active segment is zero-filled ahead of its records");
      // what kill -9 would leave: the files as they are now, the checkpoint from the creation
      Files.createDirectories(copy);
      try (Stream<Path> files = Files.list(db())) {
        for (Path p : files.toList()) {
          Files.copy(p, copy.resolve(p.getFileName()));
        }
      }
    }
    assertEquals(Files.size(newestSegment()), DiskStore.readRefs(db()).segments().lastEntry().getValue(),
        "a clean close trims the zero-filled space");
    try (NativeDatabase db = NativeDatabase.open(copy, 4)) {
      assertEquals(head, db.headCommit("main"));
      assertEquals(expect, read(db.snapshot("main")));
      put(db, "main", 100, "after"); // appended where the records ended, over the zeros
      expect.put(100L, "after");
    }
    try (NativeDatabase db = NativeDatabase.open(copy, 4)) {
      assertEquals(expect, read(db.snapshot("main")));
      assertTrue(db.verify().ok(), db.verify().toString());
    }
  }

  @Test
  void replayStopsAtTheFirstDamagedRecord() throws Exception {
    byte[] stale;
    String a;
    String b;
    String c;
    try (NativeDatabase db = NativeDatabase.open(db(), 4)) {
      stale = refs();
      createKv(db);
      a = put(db, "main", 1, "a");
      b = put(db, "main", 2, "b");
      c = put(db, "main", 3, "c");
    }
    restoreRefs(stale);
    // b's commit record was never completely written (a power loss before its fsync): c's records
    // after it are intact but cannot have been acknowledged, since c's fsync covered b's bytes
    long at = recordOffset(b);
    try (FileChannel ch = FileChannel.open(newestSegment(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer one = ByteBuffer.allocate(1);
      ch.read(one, at + SegmentLog.HEADER + 3);
      one.put(0, (byte) (one.get(0) ^ 0x41)).rewind();
      ch.write(one, at + SegmentLog.HEADER + 3);
    }
    String d;
    try (NativeDatabase db = NativeDatabase.open(db(), 4)) {
      assertEquals(a, db.headCommit("main"));
      assertEquals(Map.of(1L, "a"), read(db.snapshot("main")));
      fails(SqlState.UNDEFINED_OBJECT, () -> db.resolve(c));
      fails(SqlState.UNDEFINED_OBJECT, () -> db.resolve(b));
      d = put(db, "main", 4, "d"); // appended where the damage began
      assertTrue(db.verify().ok(), db.verify().toString());
    }
    assertTrue(Files.size(newestSegment()) < at + 4096);
    try (NativeDatabase db = NativeDatabase.open(db(), 4)) {
      assertEquals(d, db.headCommit("main"));
      assertEquals(Map.of(1L, "a", 4L, "d"), read(db.snapshot("main")));
      assertTrue(db.verify().ok(), db.verify().toString());
    }
  }

  @Test
  void concurrentCommitsShareFsyncsAndAllSurvive() throws Exception {
    int threads = 6;
    int perThread = 25;
    Map<Long, String> acked = new ConcurrentHashMap<>();
    List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
    byte[] stale;
    long fsyncs;
    try (NativeDatabase db = NativeDatabase.open(db(), 4)) {
      createKv(db);
      stale = refs();
      long before = db.logFsyncs();
      List<Thread> all = new ArrayList<>();
      for (int k = 0; k < threads; k++) {
        int me = k;
        Thread t = new Thread(() -> {
          try {
            for (int i = 0; i < perThread; i++) {
              long key = (long) me * 1000 + i;
              while (true) {
                try {
                  acked.put(key, put(db, "main", key, "t" + me));
                  break;
                } catch (SqlStateException e) {
                  if (e.state() != SqlState.SERIALIZATION_FAILURE) {
                    throw e;
                  }
                }
              }
            }
          } catch (Throwable e) {
            errors.add(e);
          }
        });
        t.start();
        all.add(t);
      }
      for (Thread t : all) {
        t.join();
      }
      assertEquals(List.of(), errors);
      fsyncs = db.logFsyncs() - before;
    }
    assertEquals(threads * perThread, acked.size());
    assertTrue(fsyncs <= acked.size(), fsyncs + " fsyncs for " + acked.size() + " commits: at most one each");
    restoreRefs(stale);
    try (NativeDatabase db = NativeDatabase.open(db(), 4)) {
      Map<Long, String> rows = read(db.snapshot("main"));
      for (var e : acked.entrySet()) {
        assertEquals(e.getValue(), db.resolve(e.getValue()), "acknowledged commit lost");
        assertTrue(rows.containsKey(e.getKey()), "acknowledged row " + e.getKey() + " lost");
      }
      assertEquals(threads * perThread, rows.size());
      assertTrue(db.verify().ok());
    }
  }

  @Test
  void aFormatOneDirectoryIgnoresItsTailAndIsUpgraded() throws Exception {
    String a;
    try (NativeDatabase db = NativeDatabase.open(db(), 4)) {
      createKv(db);
      a = put(db, "main", 1, "a");
    }
    DiskStore.Refs now = DiskStore.readRefs(db());
    DiskStore.Refs formatOne = new DiskStore.Refs(1, now.chunkRows(), now.versions(), now.rowIds(), now.oids(),
        now.hlc(), now.segments(), now.branches(), now.tags(), now.sequences());
    try (NativeDatabase db = NativeDatabase.open(db(), 4)) {
      put(db, "main", 2, "b");
    }
    // what the previous format left after a crash before its refs swap: records past the lengths
    // named in refs were never acknowledged
    DiskStore.writeRefs(db(), formatOne);
    byte[] upgraded;
    try (NativeDatabase db = NativeDatabase.open(db(), 4)) {
      assertEquals(a, db.headCommit("main"));
      assertEquals(Map.of(1L, "a"), read(db.snapshot("main")));
      put(db, "main", 3, "c");
      assertEquals(DiskStore.LOG_IS_COMMIT_POINT, DiskStore.readRefs(db()).format(),
          "upgraded before the first commit on it is acknowledged");
      upgraded = refs();
      put(db, "main", 4, "d");
    }
    restoreRefs(upgraded);
    try (NativeDatabase db = NativeDatabase.open(db(), 4)) {
      assertEquals(Map.of(1L, "a", 3L, "c", 4L, "d"), read(db.snapshot("main")));
      assertTrue(db.verify().ok());
    }
  }

  /** Where the record of an object lies in the newest segment. */
  private long recordOffset(String hash) throws IOException {
    Path seg = newestSegment();
    long size = Files.size(seg);
    Map<String, Long> at = new HashMap<>();
    String name = seg.getFileName().toString();
    int no = Integer.parseInt(name.substring(4, name.length() - 4));
    try (SegmentLog log = SegmentLog.open(db(), Map.of(no, size), false)) {
      log.scan(no, 0, size, true, r -> at.put(r.hashHex(), r.loc().offset()));
    }
    assertTrue(at.containsKey(hash), hash);
    return at.get(hash);
  }

  private Path newestSegment() throws IOException {
    try (Stream<Path> s = Files.list(db())) {
      return s.filter(p -> p.getFileName().toString().startsWith("seg-")).sorted().reduce((x, y) -> y).orElseThrow();
    }
  }
}
