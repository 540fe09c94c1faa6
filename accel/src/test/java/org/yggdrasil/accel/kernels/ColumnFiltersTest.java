package org.yggdrasil.accel.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

class ColumnFiltersTest {
  @Test
  void everyLaneAndOperatorMatchesScalarTwin() {
    for (Lane lane : Lane.values()) {
      for (int rows : TestData.LENGTHS) {
        long seed = rows * 41L + lane.ordinal();
        MemorySegment a = lane.isFloating() ? TestData.floats(lane, rows, seed, true) : TestData.integers(lane, rows, seed);
        MemorySegment b = lane.isFloating() ? TestData.floats(lane, rows, seed + 2, true) : TestData.integers(lane, rows, seed + 2);
        for (CmpOp op : CmpOp.values()) {
          long[] v = TestData.dirty(rows);
          long[] s = TestData.dirty(rows);
          ColumnFilters.compare(a, b, lane, rows, op, v);
          ScalarColumnFilters.compare(a, b, lane, rows, op, s);
          assertArrayEquals(s, v, () -> lane + " rows=" + rows + " " + op);
          FiltersTest.assertTrailingClear(v, rows);
        }
      }
    }
  }

  @Test
  void nanIsEqualToNaNAndAboveInfinity() {
    MemorySegment a = MemorySegment.ofArray(new double[] {Double.NaN, Double.NaN, 1, -0.0});
    MemorySegment b = MemorySegment.ofArray(new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NaN, 0.0});
    long[] out = new long[1];
    ColumnFilters.compare(a, b, Lane.DOUBLE, 4, CmpOp.EQ, out);
    assertEquals(0b1001, out[0]);
    ColumnFilters.compare(a, b, Lane.DOUBLE, 4, CmpOp.GT, out);
    assertEquals(0b0010, out[0]);
    ColumnFilters.compare(a, b, Lane.DOUBLE, 4, CmpOp.LT, out);
    assertEquals(0b0100, out[0]);
    ColumnFilters.compare(a, b, Lane.DOUBLE, 4, CmpOp.LE, out);
    assertEquals(0b1101, out[0]);
  }
}
