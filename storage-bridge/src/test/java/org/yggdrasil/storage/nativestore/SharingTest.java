package org.yggdrasil.storage.nativestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yggdrasil.storage.nativestore.Fixtures.row;
import static org.yggdrasil.storage.nativestore.Fixtures.rows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Copy-on-write with structural sharing: a write touches only the chunks it must. */
class SharingTest {
  @Test
  void oneRowUpdateTouchesOneChunkPlusTheTail() {
    NativeDatabase db = NativeDatabase.inMemory("db", 8);
    Transaction create = db.begin("main");
    create.createTable(Fixtures.kv("t"));
    create.commit();
    Fixtures.insertKv(db, "t", 0, 100); // 13 chunks, the last one partial
    TableVersion before = db.snapshot("main").table("t");
    assertEquals(13, before.chunkCount());

    Transaction tx = db.begin("main");
    long p = before.lookupPrimaryKey(new Object[] {20L}); // chunk 2
    tx.update("t", new long[] {p}, rows(row(20L, "changed")));
    tx.commit();
    TableVersion after = db.snapshot("main").table("t");

    for (int i = 0; i < 13; i++) {
      for (int c = 0; c < 2; c++) {
        if (i == 12) {
          assertNotSame(before.chunk(c, i), after.chunk(c, i), "the tail got the new row version");
          assertTrue(after.chunk(c, i).sharesBufferWith(before.chunk(c, i)), "appended in place, not copied");
        } else {
          assertSame(before.chunk(c, i), after.chunk(c, i), "column " + c + " chunk " + i + " is shared");
        }
      }
      if (i == 2) {
        assertNotSame(before.deleteVector(i), after.deleteVector(i));
        assertEquals(1, after.deleteVector(i).count());
      } else {
        assertSame(before.deleteVector(i), after.deleteVector(i), "delete vector " + i + " is shared");
      }
    }
    assertEquals(List.of(20L, "changed"), List.of(after.row(after.lookupPrimaryKey(new Object[] {20L}), new int[] {0, 1})));
    assertEquals(List.of(20L, "v20"), List.of(before.row(p, new int[] {0, 1})), "the old version still reads the old row");
    assertEquals(before.rowIdChunk(2).bits(4), after.rowIdChunk(12).bits(4), "the new row version keeps its row id");
  }

  @Test
  void manySmallCommitsAppendWithoutCopyingEarlierChunks() {
    NativeDatabase db = NativeDatabase.inMemory("db", 1024);
    Transaction create = db.begin("main");
    create.createTable(Fixtures.kv("t"));
    create.commit();
    TableVersion previous = db.snapshot("main").table("t");
    int tailCopies = 0;
    for (int commit = 0; commit < 300; commit++) {
      Fixtures.insertKv(db, "t", commit * 10L, commit * 10L + 10);
      TableVersion now = db.snapshot("main").table("t");
      for (int i = 0; i + 1 < previous.chunkCount(); i++) {
        assertSame(previous.chunk(1, i), now.chunk(1, i));
      }
      if (previous.chunkCount() > 0) {
        int tail = previous.chunkCount() - 1;
        if (!now.chunk(1, tail).sharesBufferWith(previous.chunk(1, tail))) {
          tailCopies++;
        }
      }
      previous = now;
    }
    // 3 chunks; a tail buffer is copied only when its row capacity (16, 32, ..., 1024) or its
    // byte capacity doubles, never once per commit
    assertTrue(tailCopies <= 3 * 6 * 2, "tail copies: " + tailCopies);
    assertEquals(3000, previous.rowCount());
    for (long k = 0; k < 3000; k += 37) {
      assertEquals(List.of(k, "v" + k), List.of(previous.row(previous.lookupPrimaryKey(new Object[] {k}), new int[] {0, 1})));
    }
  }
}
