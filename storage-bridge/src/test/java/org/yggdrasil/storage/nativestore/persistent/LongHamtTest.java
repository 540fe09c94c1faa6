package org.yggdrasil.storage.nativestore.persistent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongHamtTest {
  private static Map<Long, Long> toMap(LongHamt h) {
    Map<Long, Long> m = new HashMap<>();
    h.forEach(m::put);
    return m;
  }

  private static List<Long> order(LongHamt h) {
    List<Long> keys = new ArrayList<>();
    h.forEach((k, v) -> keys.add(k));
    return keys;
  }

  @Test
  void matchesHashMapWithPersistentAndTransientEdits() {
    Random rnd = new Random(11);
    LongHamt h = LongHamt.EMPTY;
    Map<Long, Long> model = new HashMap<>();
    Object edit = null;
    LongHamt frozen = null;
    Map<Long, Long> frozenModel = null;
    for (int step = 0; step < 40000; step++) {
      if (step % 1000 == 0) {
        // hand out a version: freeze it by switching to a new token
        frozen = h;
        frozenModel = new HashMap<>(model);
        edit = rnd.nextBoolean() ? new Object() : null;
      }
      // narrow key ranges collide in low bits and force deep paths
      long key = switch (rnd.nextInt(3)) {
        case 0 -> rnd.nextInt(2000);
        case 1 -> (long) rnd.nextInt(64) << 58;
        default -> rnd.nextLong();
      };
      if (rnd.nextInt(3) == 0) {
        h = h.remove(key, edit);
        model.remove(key);
      } else {
        long value = rnd.nextLong() & Long.MAX_VALUE;
        h = h.put(key, value, edit);
        model.put(key, value);
      }
      assertEquals(model.size(), h.size());
      if (step % 997 == 0) {
        assertEquals(model, toMap(h));
        assertEquals(frozenModel, toMap(frozen), "a handed-out version never changes");
      }
    }
    for (Map.Entry<Long, Long> e : model.entrySet()) {
      assertEquals(e.getValue(), h.get(e.getKey(), -1));
    }
    assertEquals(-1, h.get(Long.MIN_VALUE + 12345, -1));
  }

  @Test
  void shapeDependsOnlyOnContent() {
    Random rnd = new Random(3);
    List<Long> keys = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      keys.add(rnd.nextInt(4) == 0 ? rnd.nextLong() : (long) rnd.nextInt(100_000) << rnd.nextInt(50));
    }
    LongHamt a = LongHamt.EMPTY;
    for (long k : keys) {
      a = a.put(k, k, null);
    }
    List<Long> shuffled = new ArrayList<>(keys);
    Collections.shuffle(shuffled, rnd);
    LongHamt b = LongHamt.EMPTY;
    Object edit = new Object();
    for (long k : shuffled) {
      b = b.put(k, k, edit);
      b = b.put(k ^ 0x5555, 1, edit); // extra keys, removed again below
    }
    for (long k : shuffled) {
      if (!keys.contains(k ^ 0x5555)) {
        b = b.remove(k ^ 0x5555, edit);
      }
    }
    assertEquals(a.size(), b.size());
    assertEquals(order(a), order(b), "same contents, same trie");
    assertEquals(a.depth(), b.depth());
  }

  @Test
  void bulkBuildHasTheCanonicalShape() {
    Random rnd = new Random(5);
    java.util.LinkedHashSet<Long> set = new java.util.LinkedHashSet<>();
    while (set.size() < 5000) {
      set.add(rnd.nextInt(3) == 0 ? rnd.nextLong() : (long) rnd.nextInt(100_000) << rnd.nextInt(50));
    }
    LongHamt a = LongHamt.EMPTY;
    long[] k = new long[set.size()];
    long[] v = new long[set.size()];
    int i = 0;
    for (long key : set) {
      a = a.put(key, ~key, null);
      k[i] = key;
      v[i++] = ~key;
    }
    LongHamt b = LongHamt.build(k, v, k.length);
    assertEquals(a.size(), b.size());
    assertEquals(order(a), order(b), "same contents, same trie");
    assertEquals(a.depth(), b.depth());
    for (long key : set) {
      assertEquals(~key, b.get(key, 0));
    }
    b = b.put(12345, 1, null).remove(set.iterator().next(), null);
    assertEquals(1, b.get(12345, 0));
    assertEquals(LongHamt.EMPTY, LongHamt.build(new long[0], new long[0], 0));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> LongHamt.build(new long[] {7, 8, 7}, new long[3], 3));
  }

  @Test
  void unchangedOperationsReturnTheSameMap() {
    LongHamt h = LongHamt.EMPTY.put(1, 2, null);
    assertSame(h, h.put(1, 2, null));
    assertSame(h, h.remove(99, null));
    assertEquals(0, h.remove(1, null).size());
  }
}
