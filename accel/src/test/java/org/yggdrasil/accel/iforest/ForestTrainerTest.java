package org.yggdrasil.accel.iforest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The one ascending pass over all trees' draws: every draw once, in row order, found again by its tree. */
class ForestTrainerTest {
  private static void check(int trees, int psi, int rows, long seed) {
    int[][] draws = new int[trees][];
    for (int t = 0; t < trees; t++) {
      draws[t] = RowSampler.sample(SplitMix64.stream(seed, t), rows, psi);
    }
    int[] where = new int[trees * psi];
    int[] ascending = ForestTrainer.ascending(draws, rows, where);
    assertEquals(trees * psi, ascending.length);
    for (int k = 1; k < ascending.length; k++) {
      assertTrue(ascending[k - 1] <= ascending[k], "ascending at " + k);
    }
    boolean[] used = new boolean[ascending.length];
    for (int t = 0; t < trees; t++) {
      for (int i = 0; i < psi; i++) {
        int k = where[t * psi + i];
        assertEquals(draws[t][i], ascending[k], "tree " + t + " draw " + i);
        assertTrue(!used[k], "position " + k + " given twice");
        used[k] = true;
      }
    }
    int[] all = Arrays.stream(draws).flatMapToInt(Arrays::stream).sorted().toArray();
    assertTrue(Arrays.equals(all, ascending));
  }

  @Test
  void manyMoreRowsThanDraws() {
    check(100, 256, 10_000_000, 1);
    check(7, 33, 1_000_003, 2);
  }

  @Test
  void fewerRowsThanDrawsRepeatRows() {
    check(100, 256, 300, 3);
    check(50, 10, 10, 4);
    check(3, 2, 2, 5);
  }
}
