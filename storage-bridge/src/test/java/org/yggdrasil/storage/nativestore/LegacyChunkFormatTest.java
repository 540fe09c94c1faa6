package org.yggdrasil.storage.nativestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yggdrasil.storage.nativestore.disk.SegmentLog;

/**
 * A database written before chunks were named by section digests (resource
 * {@code legacy-chunk-format}: chunk and delta records of the first format, 16-row chunks, table
 * {@code m(id, note, qty, price)} with rows 0..63 inserted by 40 small commits) opens, verifies,
 * takes new small commits on top of its old tail chunks, and reads back after reopen and gc.
 */
class LegacyChunkFormatTest {
  @TempDir Path dir;

  private static List<List<Object>> expected(long n) {
    List<List<Object>> out = new ArrayList<>();
    for (long id = 0; id < n; id++) {
      out.add(java.util.Arrays.asList(id, id % 7 == 0 ? null : "note " + id, id % 5 == 0 ? null : (int) id,
          BigDecimal.valueOf(id * 3, 2)));
    }
    return out;
  }

  private Path copyFixture() throws IOException {
    Path db = dir.resolve("db");
    Files.createDirectories(db);
    for (String f : new String[] {"refs", "seg-00000001.ygg"}) {
      try (InputStream in = getClass().getResourceAsStream("/legacy-chunk-format/" + f)) {
        Files.copy(in, db.resolve(f));
      }
    }
    return db;
  }

  private static Set<Integer> recordTypes(Path db) throws IOException {
    Set<Integer> types = new HashSet<>();
    Path seg = db.resolve("seg-00000001.ygg");
    try (SegmentLog log = SegmentLog.open(db, Map.of(1, Files.size(seg)), false)) {
      log.scan(1, 0, Files.size(seg), true, r -> types.add(r.loc().type()));
    }
    return types;
  }

  @Test
  void oldChunkRecordsReadVerifyAndTakeNewCommits() throws IOException {
    Path db = copyFixture();
    Set<Integer> types = recordTypes(db);
    assertTrue(types.contains(ObjectCodec.CHUNK) && types.contains(ObjectCodec.CHUNK_DELTA), types.toString());
    try (NativeDatabase d = NativeDatabase.open(db, 16)) {
      assertEquals(expected(64), Fixtures.scan(d.snapshot("main").table("m")));
      assertEquals(expected(5), Fixtures.scan(d.snapshotAt("main~39").table("m")));
      assertTrue(d.verify().ok(), d.verify().toString());
      for (long id = 64; id < 75; id++) { // new deltas on the old tail chunk, then a new chunk
        Transaction tx = d.begin("main");
        tx.insert("m", List.<Object[]>of(expected(id + 1).get((int) id).toArray()));
        tx.commit();
      }
      assertEquals(expected(75), Fixtures.scan(d.snapshot("main").table("m")));
      assertTrue(d.verify().ok(), d.verify().toString());
    }
    assertTrue(recordTypes(db).contains(ObjectCodec.CHUNK_DELTA2));
    try (NativeDatabase d = NativeDatabase.open(db, 16)) {
      assertEquals(expected(75), Fixtures.scan(d.snapshot("main").table("m")));
      assertEquals(expected(64), Fixtures.scan(d.snapshotAt("main~11").table("m")));
      d.gc();
      assertTrue(d.verify().ok(), d.verify().toString());
    }
    try (NativeDatabase d = NativeDatabase.open(db, 16)) {
      assertEquals(expected(75), Fixtures.scan(d.snapshot("main").table("m")));
      assertTrue(d.verify().ok(), d.verify().toString());
    }
  }
}
