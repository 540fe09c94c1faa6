package org.yggdrasil.planner.vexec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PackedLayoutTest {

  @Test
  void bitsCoverEveryIdBelowTheCount() {
    assertEquals(0, PackedLayout.bitsFor(0));
    assertEquals(0, PackedLayout.bitsFor(1));
    assertEquals(1, PackedLayout.bitsFor(2));
    assertEquals(2, PackedLayout.bitsFor(3));
    assertEquals(7, PackedLayout.bitsFor(100));
    assertEquals(7, PackedLayout.bitsFor(128));
    assertEquals(8, PackedLayout.bitsFor(129));
    assertEquals(31, PackedLayout.bitsFor(Integer.MAX_VALUE));
  }

  @Test
  void widenedLayoutKeepsEveryColumnsId() {
    // H2O q10's columns: 100, 100, 100k, 100, 100, 100k ids fill 62 bits
    PackedLayout layout = new PackedLayout(new int[] {7, 7, 17, 7, 7, 17});
    assertEquals(62, layout.totalBits());
    int[] ids = {99, 0, 99_999, 64, 1, 131_071};
    long key = layout.pack(ids);
    int[] back = new int[ids.length];
    layout.unpack(key, back);
    assertArrayEquals(ids, back);
    PackedLayout wider = layout.widen(2, 18);
    assertEquals(63, wider.totalBits());
    wider.unpack(layout.repack(key, wider), back);
    assertArrayEquals(ids, back);
  }

  @Test
  void zeroWidthColumnsAtTheTopUnpackToZero() {
    PackedLayout layout = new PackedLayout(new int[] {31, 31, 2, 0});
    assertEquals(64, layout.totalBits());
    int[] ids = {Integer.MAX_VALUE, 12345, 3, 0};
    int[] back = new int[4];
    layout.unpack(layout.pack(ids), back);
    assertArrayEquals(ids, back);
  }
}
