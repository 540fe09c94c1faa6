package org.yggdrasil.accel.iforest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RadixOrderTest {
  @Test
  void keysOrderLikeTheDoublesAndGiveThemBack() {
    double[] values = {Double.NEGATIVE_INFINITY, -Double.MAX_VALUE, -1e300, -2.5, -1.0, -Double.MIN_VALUE, 0.0,
        Double.MIN_VALUE, Double.MIN_NORMAL, 1.0, Math.nextUp(1.0), 3e200, Double.MAX_VALUE, Double.POSITIVE_INFINITY};
    for (int i = 0; i < values.length; i++) {
      assertEquals(values[i], RadixOrder.value(RadixOrder.unsignedKey(values[i])));
      if (i > 0) {
        assertEquals(-1, Long.compareUnsigned(RadixOrder.unsignedKey(values[i - 1]), RadixOrder.unsignedKey(values[i])),
            values[i - 1] + " < " + values[i]);
      }
    }
  }

  @Test
  void sortsARangeLikeArraysSortAndCarriesThePayloadStably() {
    Random rnd = new Random(5);
    RadixOrder order = new RadixOrder(5000);
    for (int round = 0; round < 50; round++) {
      int n = rnd.nextInt(5000);
      int from = rnd.nextInt(100);
      double[] values = new double[from + n + 7];
      for (int i = 0; i < values.length; i++) {
        values[i] = switch (round % 4) {
          case 0 -> rnd.nextGaussian() * 1e6; // both signs, all bytes differ
          case 1 -> 10.0 + rnd.nextInt(50); // many repeats, most bytes shared
          case 2 -> rnd.nextDouble() * Math.pow(10, rnd.nextInt(40) - 20);
          default -> rnd.nextBoolean() ? 0.0 : -rnd.nextDouble();
        };
      }
      long[] keys = new long[values.length];
      int[] payload = new int[values.length];
      for (int i = 0; i < values.length; i++) {
        keys[i] = RadixOrder.unsignedKey(values[i]);
        payload[i] = i;
      }
      order.sort(keys, payload, from, n);

      Integer[] expected = new Integer[n];
      for (int i = 0; i < n; i++) {
        expected[i] = from + i;
      }
      Arrays.sort(expected, (a, b) -> Double.compare(values[a], values[b])); // stable
      for (int i = 0; i < n; i++) {
        assertEquals((int) expected[i], payload[from + i], "round " + round + ", position " + i);
        assertEquals(values[expected[i]], RadixOrder.value(keys[from + i]));
      }
      for (int i = 0; i < values.length; i++) { // outside the range nothing moved
        if (i < from || i >= from + n) {
          assertEquals(i, payload[i]);
        }
      }
    }
  }

  @Test
  void oneOrNoKeysStayPut() {
    long[] keys = {RadixOrder.unsignedKey(2.0)};
    int[] payload = {9};
    new RadixOrder(1).sort(keys, payload, 0, 1);
    new RadixOrder(1).sort(keys, payload, 1, 0);
    assertArrayEquals(new int[] {9}, payload);
  }
}
