package org.yggdrasil.storage.nativestore.chunk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.ValueLayout;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.ColumnType;

class ColumnChunkTest {
  private static final Encoding INT = Encoding.of(ColumnDef.of("x", ColumnType.INT4));
  private static final Encoding TEXT = Encoding.of(ColumnDef.of("s", ColumnType.TEXT));

  @Test
  void appendsShareTheBufferUntilSomeoneElseAppendsPastTheView() {
    ColumnChunk a = ColumnChunk.empty(INT).append(new Object[] {1, 2, 3}, 0, 3, 64);
    ColumnChunk b = a.append(new Object[] {4}, 0, 1, 64);
    assertTrue(b.sharesBufferWith(a), "extending the tail writes in place");
    // a second writer extending the old view `a` must not overwrite row 3 of `b`
    ColumnChunk c = a.append(new Object[] {40}, 0, 1, 64);
    assertFalse(c.sharesBufferWith(a), "the loser of the claim copies");
    assertEquals(4, b.get(3));
    assertEquals(40, c.get(3));
    assertEquals(3, a.rows());
    assertEquals(3, a.stats().rowCount());
    assertEquals(6L, a.stats().sum());
    assertEquals(10L, b.stats().sum());
    assertEquals(46L, c.stats().sum());
  }

  @Test
  void layoutIsLittleEndianFixedWidthWithValidityBitmap() {
    ColumnChunk a = ColumnChunk.empty(INT).append(new Object[] {7, null, -2}, 0, 3, 64);
    assertEquals(12, a.data().byteSize());
    ValueLayout.OfInt le = ValueLayout.JAVA_INT.withOrder(ByteOrder.LITTLE_ENDIAN);
    assertEquals(7, a.data().get(le, 0));
    assertEquals(-2, a.data().get(le, 8));
    assertEquals(0b101, a.validity().get(ValueLayout.JAVA_BYTE, 0) & 0b111);
    assertTrue(a.isNull(1));
    assertNull(a.get(1));
    assertEquals(1, a.stats().nullCount());
    assertEquals(-2, a.stats().min());
    assertEquals(7, a.stats().max());
    assertNull(ColumnChunk.empty(INT).append(new Object[] {1}, 0, 1, 4).validity(), "no bitmap without NULLs");
  }

  @Test
  void varlenIsOffsetsPlusUtf8() {
    ColumnChunk a = ColumnChunk.empty(TEXT).append(new Object[] {"héllo", null, "", "z"}, 0, 4, 64);
    assertEquals("héllo", a.get(0));
    assertNull(a.get(1));
    assertEquals("", a.get(2));
    int[] offsets = a.offsets().toArray(ValueLayout.JAVA_INT);
    assertArrayEquals(new int[] {0, 6, 6, 6, 7}, offsets);
    assertArrayEquals("héllo".getBytes(StandardCharsets.UTF_8), a.data().asSlice(0, 6).toArray(ValueLayout.JAVA_BYTE));
    assertEquals("", a.stats().min());
    assertEquals("z", a.stats().max());
  }

  @Test
  void scaledNumericIsAnInt64() {
    Encoding e = Encoding.of(new ColumnDef("n", ColumnType.NUMERIC, 10, 2, false, null));
    assertEquals(Physical.LONG, e.physical());
    ColumnChunk a = ColumnChunk.empty(e).append(new Object[] {new BigDecimal("12.34"), new BigDecimal("-0.05")}, 0, 2, 8);
    assertEquals(1234L, a.bits(0));
    assertEquals(new BigDecimal("-0.05"), a.get(1));
    assertEquals(new BigDecimal("12.29"), a.stats().sum());
  }

  @Test
  void growsToTheChunkSizeAndCopiesNullsOnlyWhenPresent() {
    ColumnChunk a = ColumnChunk.empty(TEXT);
    for (int i = 0; i < 100; i++) {
      a = a.append(new Object[] {i % 7 == 0 ? null : "v" + i}, 0, 1, 100);
    }
    for (int i = 0; i < 100; i++) {
      assertEquals(i % 7 == 0 ? null : "v" + i, a.get(i));
    }
    assertEquals(15, a.stats().nullCount());
  }
}
