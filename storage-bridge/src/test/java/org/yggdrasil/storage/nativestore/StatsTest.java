package org.yggdrasil.storage.nativestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.yggdrasil.storage.nativestore.Fixtures.col;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yggdrasil.storage.nativestore.chunk.ChunkStats;

class StatsTest {
  @Test
  void perChunkCountNullsMinMaxSum() {
    NativeDatabase db = NativeDatabase.inMemory("db", 8);
    Transaction tx = db.begin("main");
    tx.createTable(TableSchema.of("s", List.of(
        col("i", ColumnType.INT4), col("l", ColumnType.INT8), col("f", ColumnType.FLOAT8),
        col("n", ColumnType.NUMERIC, 10, 2), col("t", ColumnType.TEXT), col("d", ColumnType.DATE),
        col("u", ColumnType.UUID))));
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      boolean nul = i % 4 == 1;
      rows.add(new Object[] {
        nul ? null : i - 10,
        nul ? null : Long.MAX_VALUE - i,
        nul ? null : (i == 2 ? Double.NaN : i * 0.5),
        nul ? null : new BigDecimal(i + ".25"),
        nul ? null : (i == 3 ? "\uE000" : i == 4 ? "\uD83D\uDE00" : "t" + i),
        nul ? null : LocalDate.of(2000, 1, 1).plusDays(i),
        nul ? null : new UUID(i % 2 == 0 ? -1 : 1, i)
      });
    }
    tx.insert("s", rows.subList(0, 5));
    tx.insert("s", rows.subList(5, 20));
    TableVersion t = tx.snapshot().table("s");
    assertEquals(3, t.chunkCount());

    ChunkStats i0 = t.chunk(0, 0).stats();
    assertEquals(8, i0.rowCount());
    assertEquals(2, i0.nullCount());
    assertEquals(-10, i0.min());
    assertEquals(-3, i0.max());
    assertEquals((long) (-10 - 8 - 7 - 6 - 4 - 3), i0.sum());

    ChunkStats l0 = t.chunk(1, 0).stats();
    assertEquals(new BigDecimal(Long.MAX_VALUE).multiply(BigDecimal.valueOf(6)).subtract(BigDecimal.valueOf(0 + 2 + 3 + 4 + 6 + 7)),
        l0.sum(), "int8 sums do not overflow");

    ChunkStats f0 = t.chunk(2, 0).stats();
    assertEquals(Double.NaN, f0.max(), "NaN sorts above all");
    assertEquals(0.0, f0.min());

    ChunkStats n2 = t.chunk(3, 2).stats();
    assertEquals(4, n2.rowCount());
    assertEquals(1, n2.nullCount());
    assertEquals(new BigDecimal("16.25"), n2.min());
    assertEquals(new BigDecimal("19.25"), n2.max());
    assertEquals(new BigDecimal("53.75"), n2.sum());

    ChunkStats t0 = t.chunk(4, 0).stats();
    assertEquals("\uD83D\uDE00", t0.max(), "text orders by code point: U+1F600 > U+E000");
    assertEquals("t0", t0.min());
    assertNull(t0.sum());

    assertEquals(LocalDate.of(2000, 1, 9), t.chunk(5, 1).stats().min());
    assertEquals(new UUID(-1, 6), t.chunk(6, 0).stats().max(), "uuid compares unsigned");
  }

  /** Naively, 1e16 + 1 rounds back to 1e16 and the ones are lost: the sum would be 3, not 6. */
  @Test
  void floatSumsAreCompensated() {
    NativeDatabase db = NativeDatabase.inMemory("db", 8);
    Transaction tx = db.begin("main");
    tx.createTable(TableSchema.of("f", List.of(col("v", ColumnType.FLOAT8))));
    List<Object[]> rows = new ArrayList<>();
    for (double v : new double[] {1e16, 1, 1, 1, -1e16, 1, 1, 1,
        Double.POSITIVE_INFINITY, 1e300, 1, 2}) {
      rows.add(new Object[] {v});
    }
    tx.insert("f", rows);
    TableVersion t = tx.snapshot().table("f");
    assertEquals(6.0, t.chunk(0, 0).stats().sum());
    assertEquals(Double.POSITIVE_INFINITY, t.chunk(0, 1).stats().sum(), "infinite, not NaN");
  }

  @Test
  void allNullChunkHasNoMinMaxSum() {
    NativeDatabase db = NativeDatabase.inMemory("db", 8);
    Transaction tx = db.begin("main");
    tx.createTable(TableSchema.of("s", List.of(col("i", ColumnType.INT4))));
    tx.insert("s", List.of(new Object[] {null}, new Object[] {null}));
    ChunkStats s = tx.snapshot().table("s").chunk(0, 0).stats();
    assertEquals(new ChunkStats(2, 2, null, null, null), s);
  }
}
