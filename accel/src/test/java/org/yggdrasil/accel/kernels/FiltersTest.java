package org.yggdrasil.accel.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FiltersTest {
  private static final double[] DOUBLE_CONSTANTS = {0, -0.0, 0.5, -3, 2.5, 0.1, -0.1, 1e-50, -1e-50, 1e300, -1e300,
      Float.MAX_VALUE, Double.MAX_VALUE, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

  private static final double[] BETWEEN_BOUNDS = {-0.0, 2.5, 0.1, -1e300, Double.MAX_VALUE, Double.NaN,
      Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

  private static long[] integerConstants(Lane lane) {
    return new long[] {0, -1, 5, lane.minValue(), lane.maxValue(), lane.minValue() - 1, lane.maxValue() + 1,
        Long.MIN_VALUE, Long.MAX_VALUE, 1L << 40};
  }

  @Test
  void compareLongMatchesScalarTwin() {
    for (Lane lane : TestData.INTEGER_LANES) {
      for (int rows : TestData.LENGTHS) {
        MemorySegment data = TestData.integers(lane, rows, rows * 31L + lane.ordinal());
        for (CmpOp op : CmpOp.values()) {
          for (long c : integerConstants(lane)) {
            long[] v = TestData.dirty(rows);
            long[] s = TestData.dirty(rows);
            Filters.compareLong(data, lane, rows, op, c, v);
            ScalarFilters.compareLong(data, lane, rows, op, c, s);
            assertArrayEquals(s, v, () -> lane + " rows=" + rows + " " + op + " " + c);
            assertTrailingClear(v, rows);
          }
        }
      }
    }
  }

  @Test
  void compareDoubleMatchesScalarTwin() {
    for (Lane lane : TestData.FLOATING_LANES) {
      for (int rows : TestData.LENGTHS) {
        MemorySegment data = TestData.floats(lane, rows, rows * 17L + lane.ordinal(), true);
        for (CmpOp op : CmpOp.values()) {
          for (double c : DOUBLE_CONSTANTS) {
            long[] v = TestData.dirty(rows);
            long[] s = TestData.dirty(rows);
            Filters.compareDouble(data, lane, rows, op, c, v);
            ScalarFilters.compareDouble(data, lane, rows, op, c, s);
            assertArrayEquals(s, v, () -> lane + " rows=" + rows + " " + op + " " + c);
            assertTrailingClear(v, rows);
          }
        }
      }
    }
  }

  @Test
  void betweenMatchesScalarTwin() {
    // All bound pairs on lengths up to 4095; the full chunk length with every fifth pair (the loops are the same).
    int pair = 0;
    for (int rows : TestData.LENGTHS) {
      for (Lane lane : TestData.INTEGER_LANES) {
        MemorySegment data = TestData.integers(lane, rows, rows * 7L + lane.ordinal());
        long[] cs = Arrays.copyOfRange(integerConstants(lane), 1, 9);
        for (long lo : cs) {
          for (long hi : cs) {
            if (rows > 4096 && pair++ % 5 != 0) {
              continue;
            }
            long[] v = TestData.dirty(rows);
            long[] s = TestData.dirty(rows);
            Filters.betweenLong(data, lane, rows, lo, hi, v);
            ScalarFilters.betweenLong(data, lane, rows, lo, hi, s);
            assertArrayEquals(s, v, () -> lane + " rows=" + rows + " between " + lo + " and " + hi);
          }
        }
      }
      for (Lane lane : TestData.FLOATING_LANES) {
        MemorySegment data = TestData.floats(lane, rows, rows * 5L + lane.ordinal(), true);
        for (double lo : BETWEEN_BOUNDS) {
          for (double hi : BETWEEN_BOUNDS) {
            if (rows > 4096 && pair++ % 5 != 0) {
              continue;
            }
            long[] v = TestData.dirty(rows);
            long[] s = TestData.dirty(rows);
            Filters.betweenDouble(data, lane, rows, lo, hi, v);
            ScalarFilters.betweenDouble(data, lane, rows, lo, hi, s);
            assertArrayEquals(s, v, () -> lane + " rows=" + rows + " between " + lo + " and " + hi);
          }
        }
      }
    }
  }

  @Test
  void inMatchesScalarTwin() {
    for (Lane lane : TestData.INTEGER_LANES) {
      long[] cs = integerConstants(lane);
      long[][] lists = {{}, {3}, {3, -2, 3}, {lane.maxValue() + 1, Long.MIN_VALUE}, {0, lane.minValue(), lane.maxValue(), 9},
          LongStreamOf(-30, 30), cs};
      for (int rows : TestData.LENGTHS) {
        MemorySegment data = TestData.integers(lane, rows, rows * 3L + lane.ordinal());
        for (long[] list : lists) {
          long[] v = TestData.dirty(rows);
          long[] s = TestData.dirty(rows);
          Filters.inLong(data, lane, rows, list, v);
          ScalarFilters.inLong(data, lane, rows, list, s);
          assertArrayEquals(s, v, () -> lane + " rows=" + rows + " in " + Arrays.toString(list));
          assertTrailingClear(v, rows);
        }
      }
    }
  }

  private static long[] LongStreamOf(int from, int to) {
    return IntStream.range(from, to).asLongStream().toArray();
  }

  /** PostgreSQL's float order, checked on fixed values so the twins cannot agree on a wrong answer. */
  @Test
  void floatingComparisonsFollowPostgresOrder() {
    double[] values = {1, Double.NaN, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0};
    for (Lane lane : TestData.FLOATING_LANES) {
      MemorySegment data = TestData.allocate(lane, values.length, 2);
      for (int i = 0; i < values.length; i++) {
        TestData.putDouble(data, lane, i, values[i]);
      }
      assertSelects(data, lane, CmpOp.GT, Double.POSITIVE_INFINITY, 1);
      assertSelects(data, lane, CmpOp.EQ, Double.NaN, 1);
      assertSelects(data, lane, CmpOp.NE, Double.NaN, 0, 2, 3, 4, 5);
      assertSelects(data, lane, CmpOp.LT, Double.NaN, 0, 2, 3, 4, 5);
      assertSelects(data, lane, CmpOp.GE, Double.NaN, 1);
      assertSelects(data, lane, CmpOp.EQ, 0.0, 2, 5);
      assertSelects(data, lane, CmpOp.LT, 0.0, 4);
      assertSelects(data, lane, CmpOp.GE, 1.0, 0, 1, 3);
      assertSelects(data, lane, CmpOp.NE, 1.0, 1, 2, 3, 4, 5);
    }
  }

  @Test
  void floatLaneComparesAgainstTheExactDoubleConstant() {
    MemorySegment data = TestData.allocate(Lane.FLOAT, 2, 0);
    TestData.putDouble(data, Lane.FLOAT, 0, 0.1); // 0.1f is 0.100000001490116..., above the double 0.1
    TestData.putDouble(data, Lane.FLOAT, 1, 0.0);
    assertSelects(data, Lane.FLOAT, CmpOp.GT, 0.1, 0);
    assertSelects(data, Lane.FLOAT, CmpOp.EQ, 0.1);
    assertSelects(data, Lane.FLOAT, CmpOp.EQ, (double) 0.1f, 0);
  }

  @Test
  void integerConstantsBeyondTheLaneAreExact() {
    MemorySegment data = TestData.allocate(Lane.INT, 3, 0);
    TestData.put(data, Lane.INT, 0, Integer.MAX_VALUE);
    TestData.put(data, Lane.INT, 1, Integer.MIN_VALUE);
    TestData.put(data, Lane.INT, 2, 7);
    long[] out = new long[1];
    Filters.compareLong(data, Lane.INT, 3, CmpOp.LT, 1L << 40, out);
    assertEquals(0b111, out[0]);
    Filters.compareLong(data, Lane.INT, 3, CmpOp.EQ, (1L << 32) + 7, out);
    assertEquals(0, out[0]);
    Filters.compareLong(data, Lane.INT, 3, CmpOp.GT, Integer.MIN_VALUE, out);
    assertEquals(0b101, out[0]);
    Filters.compareLong(data, Lane.INT, 3, CmpOp.NE, 7, out);
    assertEquals(0b011, out[0]);
    Filters.inLong(data, Lane.INT, 3, new long[] {7, Integer.MIN_VALUE, 1L << 33}, out);
    assertEquals(0b110, out[0]);
  }

  @Test
  void wrongLaneOrShortSegmentIsRejected() {
    MemorySegment data = TestData.allocate(Lane.INT, 10, 0);
    long[] out = new long[1];
    assertThrows(IllegalArgumentException.class, () -> Filters.compareLong(data, Lane.FLOAT, 10, CmpOp.EQ, 1, out));
    assertThrows(IllegalArgumentException.class, () -> Filters.compareDouble(data, Lane.INT, 10, CmpOp.EQ, 1, out));
    assertThrows(IndexOutOfBoundsException.class, () -> Filters.compareLong(data, Lane.INT, 11, CmpOp.EQ, 1, out));
  }

  private static void assertSelects(MemorySegment data, Lane lane, CmpOp op, double c, int... rows) {
    int n = (int) (data.byteSize() / lane.byteSize());
    long expected = 0;
    for (int r : rows) {
      expected |= 1L << r;
    }
    long[] v = TestData.dirty(n);
    long[] s = TestData.dirty(n);
    Filters.compareDouble(data, lane, n, op, c, v);
    ScalarFilters.compareDouble(data, lane, n, op, c, s);
    assertEquals(expected, v[0], () -> lane + " " + op + " " + c + " vector");
    assertEquals(expected, s[0], () -> lane + " " + op + " " + c + " scalar");
  }

  static void assertTrailingClear(long[] bitmap, int rows) {
    for (int i = rows; i < bitmap.length * 64; i++) {
      if (Bitmaps.get(bitmap, i)) {
        throw new AssertionError("bit " + i + " set beyond rows=" + rows);
      }
    }
  }
}
