package org.yggdrasil.accel.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

class BitmapsTest {
  @Test
  void wordsAndSetAll() {
    assertEquals(0, Bitmaps.words(0));
    assertEquals(1, Bitmaps.words(1));
    assertEquals(1, Bitmaps.words(64));
    assertEquals(2, Bitmaps.words(65));
    assertEquals(1024, Bitmaps.words(65536));
    for (int rows : TestData.LENGTHS) {
      long[] a = TestData.dirty(rows);
      Bitmaps.setAll(a, rows);
      assertEquals(rows, Bitmaps.count(a, rows));
      FiltersTest.assertTrailingClear(a, rows);
      assertEquals(rows == 0, Bitmaps.none(a, rows));
    }
  }

  @Test
  void andOrAndNotKeepBitsBeyondRowsClear() {
    int rows = 70;
    long[] a = {-1L, -1L, -1L};
    long[] b = {0xF0L, -1L, -1L};
    Bitmaps.and(a, b, rows);
    assertArrayEquals(new long[] {0xF0L, 0x3FL, 0}, a);
    long[] c = {1L, 0, 0};
    Bitmaps.or(c, new long[] {2L, -1L, -1L}, rows);
    assertArrayEquals(new long[] {3L, 0x3FL, 0}, c);
  }

  @Test
  void andNotAcceptsAShorterDeleteVector() {
    int rows = 130;
    long[] a = new long[3];
    Bitmaps.setAll(a, rows);
    Bitmaps.andNot(a, new long[] {0b1011L}, rows); // rows 0, 1, 3 deleted; words 1.. missing = nothing deleted
    assertEquals(rows - 3, Bitmaps.count(a, rows));
    assertFalse(Bitmaps.get(a, 0));
    assertTrue(Bitmaps.get(a, 2));
    assertTrue(Bitmaps.get(a, 129));
  }

  @Test
  void countNoneAndNot() {
    long[] a = new long[2];
    assertTrue(Bitmaps.none(a, 100));
    Bitmaps.set(a, 99);
    assertFalse(Bitmaps.none(a, 100));
    assertEquals(1, Bitmaps.count(a, 100));
    assertTrue(Bitmaps.none(a, 99)); // bit 99 is beyond 99 rows
    Bitmaps.not(a, 100);
    assertEquals(99, Bitmaps.count(a, 100));
    FiltersTest.assertTrailingClear(a, 100);
    assertEquals(100, Bitmaps.countSelected(null, 100));
  }

  @Test
  void validityClearsNullRows() {
    for (int rows : TestData.LENGTHS) {
      // ceil(rows/8) bytes only, so the last word must be read byte by byte.
      byte[] bytes = new byte[(rows + 7) / 8];
      var r = TestData.random(rows);
      r.nextBytes(bytes);
      MemorySegment validity = MemorySegment.ofArray(bytes);
      long[] sel = TestData.dirty(rows);
      Bitmaps.setAll(sel, rows);
      Bitmaps.andValidity(sel, validity, rows);
      long[] nulls = TestData.dirty(rows);
      Bitmaps.setAll(nulls, rows);
      Bitmaps.andNullity(nulls, validity, rows);
      long[] copy = TestData.dirty(rows);
      Bitmaps.fromValidity(validity, rows, copy);
      for (int i = 0; i < rows; i++) {
        boolean notNull = (bytes[i >>> 3] & (1 << (i & 7))) != 0;
        assertEquals(notNull, Bitmaps.get(sel, i), "row " + i);
        assertEquals(!notNull, Bitmaps.get(nulls, i), "row " + i);
        assertEquals(notNull, Bitmaps.get(copy, i), "row " + i);
      }
      FiltersTest.assertTrailingClear(sel, rows);
      FiltersTest.assertTrailingClear(nulls, rows);
      FiltersTest.assertTrailingClear(copy, rows);
    }
  }
}
