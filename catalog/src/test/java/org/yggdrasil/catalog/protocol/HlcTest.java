package org.yggdrasil.catalog.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HlcTest {
  @Test
  void localEventsFollowTheRule() {
    Hlc h = new Hlc(100, 3);
    assertEquals(new Hlc(100, 4), h.tick(90), "wall clock behind: l stays, c + 1");
    assertEquals(new Hlc(100, 4), h.tick(100), "same millisecond: c + 1");
    assertEquals(new Hlc(120, 0), h.tick(120), "wall clock ahead: l = pt, c = 0");
  }

  @Test
  void receiveFollowsTheRule() {
    Hlc h = new Hlc(100, 3);
    assertEquals(new Hlc(100, 8), h.receive(new Hlc(100, 7), 50), "l == l_m: max(c, c_m) + 1");
    assertEquals(new Hlc(100, 4), h.receive(new Hlc(90, 7), 50), "only l: c + 1");
    assertEquals(new Hlc(110, 8), h.receive(new Hlc(110, 7), 50), "only l_m: c_m + 1");
    assertEquals(new Hlc(200, 0), h.receive(new Hlc(110, 7), 200), "pt ahead: 0");
  }

  @Test
  void comparesLexicographicallyAndParses() {
    List<Hlc> sorted = List.of(new Hlc(1, 5), new Hlc(2, 0), new Hlc(2, 1));
    for (int i = 1; i < sorted.size(); i++) {
      assertTrue(sorted.get(i).compareTo(sorted.get(i - 1)) > 0);
      assertTrue(sorted.get(i).isAfter(sorted.get(i - 1)));
    }
    assertEquals(new Hlc(1705500000000L, 42), Hlc.parse("1705500000000.42"));
    assertEquals("7.1", new Hlc(7, 1).toString());
    assertEquals(new Hlc(2, 1), Hlc.max(new Hlc(2, 1), new Hlc(1, 9)));
  }

  @Test
  void clockIsStrictlyMonotonicEvenWhenTheWallClockGoesBack() {
    AtomicLong wall = new AtomicLong(1000);
    Hlc.Clock clock = new Hlc.Clock(wall::get, Hlc.ZERO);
    Hlc a = clock.now();
    Hlc b = clock.now();
    wall.set(500);
    Hlc c = clock.now();
    assertTrue(b.isAfter(a) && c.isAfter(b), a + " " + b + " " + c);
    assertEquals(new Hlc(1000, 2), c);
  }

  @Test
  void restoredHighWaterKeepsTheClockAheadAcrossRestarts() {
    AtomicLong wall = new AtomicLong(5000);
    Hlc.Clock before = new Hlc.Clock(wall::get, Hlc.ZERO);
    Hlc last = before.now();
    last = before.now();
    Hlc persisted = before.highWater();
    wall.set(10); // the machine restarts with its clock far behind
    Hlc.Clock after = new Hlc.Clock(wall::get, persisted);
    Hlc next = after.now();
    assertTrue(next.isAfter(last), next + " after " + last);
    after.observe(new Hlc(9000, 0));
    assertTrue(after.now().isAfter(new Hlc(9000, 0)));
  }

  @Test
  void snapshotRefCopiesParents() {
    java.util.ArrayList<String> parents = new java.util.ArrayList<>(List.of("a"));
    SnapshotRef r = new SnapshotRef("native:ygg", "b", parents, new Hlc(1, 0), "b");
    parents.add("x");
    assertEquals(List.of("a"), r.parentIds());
  }
}
