package org.yggdrasil.catalog.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.yggdrasil.catalog.protocol.Hlc;

class WorkspaceTest {
  @Test
  void asOfGivesEachMembersLatestSnapshotAtThatTime() {
    AtomicLong wall = new AtomicLong(1000);
    Workspace w = new Workspace(new Hlc.Clock(wall::get, Hlc.ZERO));
    Hlc t1 = w.record("git", "c1");
    Hlc t2 = w.record("files", "f1");
    wall.set(2000);
    Hlc t3 = w.record("git", "c2");
    assertTrue(t3.isAfter(t2) && t2.isAfter(t1), "one clock orders every member's commits");
    assertEquals(Map.of("git", "c1"), w.asOf(t1));
    assertEquals(Map.of("git", "c1", "files", "f1"), w.asOf(t2));
    assertEquals(Map.of("git", "c2", "files", "f1"), w.asOf(t3));
    assertEquals(Map.of(), w.asOf(new Hlc(999, 0)));
    assertEquals(w.asOf(t3), w.latest());
  }

  @Test
  void restoredEntriesMoveTheClockPastThem() {
    Workspace w = new Workspace(new Hlc.Clock(() -> 5, Hlc.ZERO));
    w.restore("git", "old", new Hlc(9000, 3));
    Hlc next = w.record("git", "new");
    assertTrue(next.isAfter(new Hlc(9000, 3)));
    assertEquals(Map.of("git", "old"), w.asOf(new Hlc(9000, 3)));
  }
}
