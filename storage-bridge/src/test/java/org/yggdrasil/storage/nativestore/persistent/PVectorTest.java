package org.yggdrasil.storage.nativestore.persistent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PVectorTest {
  @Test
  void matchesArrayListUnderRandomAppendsAndSets() {
    Random rnd = new Random(7);
    PVector<Integer> v = PVector.empty();
    List<Integer> model = new ArrayList<>();
    List<PVector<Integer>> versions = new ArrayList<>();
    List<List<Integer>> models = new ArrayList<>();
    for (int step = 0; step < 5000; step++) {
      if (model.isEmpty() || rnd.nextInt(3) > 0) {
        int x = rnd.nextInt();
        v = v.append(x);
        model.add(x);
      } else {
        int i = rnd.nextInt(model.size());
        int x = rnd.nextInt();
        v = v.set(i, x);
        model.set(i, x);
      }
      if (step % 500 == 0) {
        versions.add(v);
        models.add(new ArrayList<>(model));
      }
    }
    assertEquals(model, v.toList());
    for (int i = 0; i < versions.size(); i++) {
      assertEquals(models.get(i), versions.get(i).toList(), "old versions stay unchanged");
    }
  }

  @Test
  void growsAcrossLevelsAndChecksBounds() {
    PVector<Integer> v = PVector.empty();
    for (int i = 0; i < 33 * 32 + 5; i++) {
      v = v.append(i);
    }
    for (int i = 0; i < v.size(); i++) {
      assertEquals(i, v.get(i));
    }
    assertEquals(33 * 32 + 4, v.last());
    PVector<Integer> fv = v;
    assertThrows(IndexOutOfBoundsException.class, () -> fv.get(fv.size()));
    assertThrows(IndexOutOfBoundsException.class, () -> fv.set(-1, 0));
  }

  @Test
  void repeatSharesTheElement() {
    Object o = new Object();
    PVector<Object> v = PVector.repeat(o, 100);
    assertEquals(100, v.size());
    assertSame(o, v.get(99));
  }
}
