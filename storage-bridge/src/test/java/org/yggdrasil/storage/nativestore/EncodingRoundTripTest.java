package org.yggdrasil.storage.nativestore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yggdrasil.storage.nativestore.Fixtures.col;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every type goes in and comes back, across chunk boundaries (chunks of 4 rows), with NULLs. */
class EncodingRoundTripTest {
  private static final List<ColumnDef> COLUMNS = List.of(
      col("b", ColumnType.BOOL),
      col("i2", ColumnType.INT2),
      col("i4", ColumnType.INT4),
      col("i8", ColumnType.INT8),
      col("f4", ColumnType.FLOAT4),
      col("f8", ColumnType.FLOAT8),
      col("n", ColumnType.NUMERIC, 12, 3),
      col("nw", ColumnType.NUMERIC, 30, 5),
      col("nu", ColumnType.NUMERIC),
      col("t", ColumnType.TEXT),
      col("vc", ColumnType.VARCHAR, 5, -1),
      col("bp", ColumnType.BPCHAR, 4, -1),
      col("by", ColumnType.BYTEA),
      col("d", ColumnType.DATE),
      col("ts", ColumnType.TIMESTAMP),
      col("tz", ColumnType.TIMESTAMPTZ),
      col("u", ColumnType.UUID));

  private static Object[] input(int i) {
    if (i % 5 == 3) {
      return new Object[COLUMNS.size()]; // all NULL
    }
    int s = i % 2 == 0 ? 1 : -1;
    return new Object[] {
      i % 2 == 0,
      (short) (s * i * 1000),
      i == 0 ? Integer.MIN_VALUE : s * i * 100_000,
      i == 1 ? Long.MAX_VALUE : s * (long) i << 40,
      i == 2 ? Float.NaN : s * i * 1.5f,
      i == 4 ? -0.0 : s * i / 3.0,
      new BigDecimal(s * i + ".12345"),
      new BigDecimal("123456789012345678901234." + i),
      new BigDecimal("1E+" + i).add(new BigDecimal("0.000" + i)),
      i == 6 ? "" : "tëxt " + i + " \uD83D\uDE00",
      "v" + i + "     ",
      "é" + i,
      new byte[] {(byte) i, 0, (byte) 0xff},
      LocalDate.of(1900 + 13 * i, 1 + i % 12, 1 + i),
      LocalDateTime.of(1969, 12, 31, 23, 59, 59, 123_456_789).plusDays(i * 40L),
      OffsetDateTime.of(2024, 2, 29, 12, 0, 0, 999_999_600, ZoneOffset.ofHours(5 - i)),
      new UUID(s * 0x0123456789abcdefL * i, -i)
    };
  }

  private static Object[] expected(int i) {
    Object[] in = input(i);
    if (in[0] == null) {
      return in;
    }
    Object[] out = in.clone();
    out[6] = ((BigDecimal) in[6]).setScale(3, java.math.RoundingMode.HALF_UP);
    out[7] = ((BigDecimal) in[7]).setScale(5);
    out[10] = ("v" + i + "     ").substring(0, 5); // excess trailing spaces are cut to the length
    out[11] = String.format("%-4s", "é" + i); // bpchar pads
    out[14] = ((LocalDateTime) in[14]).withNano(123_457_000); // rounded to microseconds
    out[15] = ((OffsetDateTime) in[15]).withOffsetSameInstant(ZoneOffset.UTC).plusNanos(400); // UTC, rounded up
    return out;
  }

  @Test
  void everyTypeRoundTripsAcrossChunks() {
    NativeDatabase db = NativeDatabase.inMemory("db", 4);
    Transaction tx = db.begin("main");
    tx.createTable(TableSchema.of("all_types", COLUMNS));
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      rows.add(input(i));
    }
    tx.insert("all_types", rows); // one batch spanning two chunks
    for (int i = 7; i < 11; i++) {
      tx.insert("all_types", List.<Object[]>of(input(i))); // single-row appends, crossing another boundary
    }
    tx.commit();

    TableVersion t = db.snapshot("main").table("all_types");
    assertEquals(11, t.rowCount());
    assertEquals(3, t.chunkCount());
    List<List<Object>> scanned = Fixtures.scan(t);
    for (int i = 0; i < 11; i++) {
      assertRow(expected(i), scanned.get(i).toArray(), i);
      assertRow(expected(i), t.row(i, Fixtures.all(t)), i);
    }
  }

  private static void assertRow(Object[] expected, Object[] actual, int i) {
    assertEquals(expected.length, actual.length);
    for (int c = 0; c < expected.length; c++) {
      String what = "row " + i + " column " + COLUMNS.get(c).name();
      if (expected[c] instanceof byte[] e) {
        assertArrayEquals(e, (byte[]) actual[c], what);
      } else if (expected[c] instanceof BigDecimal e && COLUMNS.get(c).length() < 0) {
        assertEquals(e, actual[c], what + " keeps its scale when unconstrained");
      } else if (expected[c] instanceof Double e) {
        assertEquals(Double.doubleToRawLongBits(e), Double.doubleToRawLongBits((Double) actual[c]), what);
      } else {
        assertEquals(expected[c], actual[c], what);
      }
      if (actual[c] != null) {
        assertEquals(COLUMNS.get(c).type().javaClass(), actual[c].getClass(), what + " canonical class");
      }
    }
  }

  @Test
  void scanReturnsOnlyRequestedColumnsAndSkipsDeletedRows() {
    NativeDatabase db = NativeDatabase.inMemory("db", 4);
    Transaction tx = db.begin("main");
    tx.createTable(Fixtures.kv("t"));
    tx.insert("t", List.of(Fixtures.row(1L, "a"), Fixtures.row(2L, "b"), Fixtures.row(3L, "c"),
        Fixtures.row(4L, "d"), Fixtures.row(5L, "e")));
    tx.delete("t", new long[] {0, 1, 2, 3}); // a whole chunk deleted
    TableVersion t = tx.snapshot().table("t");
    try (RowCursor c = t.scan(new int[] {1})) {
      assertEquals(true, c.next());
      assertEquals("e", c.value(0));
      assertEquals(4, c.position());
      assertEquals(false, c.next());
    }
    assertEquals(null, t.row(0, new int[] {0}));
    assertEquals(1, t.rowCount());
  }
}
