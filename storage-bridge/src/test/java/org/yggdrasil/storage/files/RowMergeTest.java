package org.yggdrasil.storage.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** diff3-style merging of records. */
class RowMergeTest {
  private static final List<String> BASE = List.of("a", "b", "c", "d");

  @Test
  void changesToDifferentRecordsBothApply() {
    assertEquals(List.of("A", "b", "C", "d"),
        RowMerge.merge(BASE, List.of("A", "b", "c", "d"), List.of("a", "b", "C", "d")));
    assertEquals(List.of("A", "B", "c", "d"),
        RowMerge.merge(BASE, List.of("A", "b", "c", "d"), List.of("a", "B", "c", "d")),
        "adjacent records are still different rows");
  }

  @Test
  void theSameChangeOnBothSidesAppliesOnce() {
    assertEquals(List.of("a", "c", "d"),
        RowMerge.merge(BASE, List.of("a", "c", "d"), List.of("a", "c", "d")));
    assertEquals(List.of("a", "b", "c", "d", "e"),
        RowMerge.merge(BASE, List.of("a", "b", "c", "d", "e"), List.of("a", "b", "c", "d", "e")));
  }

  @Test
  void insertionsAtTheSamePlaceAreAllKeptOursFirst() {
    assertEquals(List.of("a", "b", "c", "d", "x", "y"),
        RowMerge.merge(BASE, List.of("a", "b", "c", "d", "x"), List.of("a", "b", "c", "d", "y")));
    assertEquals(List.of("x", "y", "a", "b", "c", "d"),
        RowMerge.merge(BASE, List.of("x", "a", "b", "c", "d"), List.of("y", "a", "b", "c", "d")));
  }

  @Test
  void insertingBeforeARecordTheOtherSideChangedIsFine() {
    assertEquals(List.of("a", "x", "B", "c", "d"),
        RowMerge.merge(BASE, List.of("a", "x", "b", "c", "d"), List.of("a", "B", "c", "d")));
  }

  @Test
  void differentChangesToTheSameRecordsConflict() {
    assertNull(RowMerge.merge(BASE, List.of("a", "X", "c", "d"), List.of("a", "Y", "c", "d")));
    assertNull(RowMerge.merge(BASE, List.of("a", "c", "d"), List.of("a", "Y", "c", "d")),
        "deleted on one side, changed on the other");
    assertNull(RowMerge.merge(BASE, List.of("a", "X", "Y", "d"), List.of("a", "b", "Z", "d")),
        "overlapping ranges");
  }

  @Test
  void diffFindsTheHunks() {
    assertEquals(List.of(new RowMerge.Hunk(1, 2, List.of("B")), new RowMerge.Hunk(4, 4, List.of("e"))),
        RowMerge.diff(BASE, List.of("a", "B", "c", "d", "e")));
    assertEquals(List.of(), RowMerge.diff(BASE, BASE));
  }
}
