package org.yggdrasil.accel.agg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.yggdrasil.accel.kernels.Bitmaps;
import org.yggdrasil.accel.kernels.TestData;

/**
 * The accumulator-copy kernels against the plain scatter of {@link GroupedScalar}: counts and
 * integer sums equal exactly, floating sums within rounding; rows the selection drops carry group
 * ids that are garbage (negative, or far past the groups), which must not matter.
 */
class DenseGroupSumsTest {
  private static final int[] GROUP_COUNTS = {1, 2, 4, 5, DenseGroupSums.MAX_GROUPS};

  /** Group ids of the selected rows; the others get garbage, as key kernels may leave them. */
  private static int[] groups(int rows, int groupCount, long[] sel, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int[] gid = new int[rows];
    for (int i = 0; i < rows; i++) {
      boolean selected = sel == null || Bitmaps.get(sel, i);
      gid[i] = selected ? r.nextInt(groupCount) : r.nextBoolean() ? -1 : 1_000_000 + r.nextInt(1000);
    }
    return gid;
  }

  @Test
  void countsAndSumsMatchTheScatterKernels() {
    for (int rows : TestData.LENGTHS) {
      for (int groupCount : GROUP_COUNTS) {
        double[] v = TestData.doubles(rows, rows * 7L + groupCount, true);
        long[] lv = new long[rows];
        SplittableRandom r = new SplittableRandom(rows + 31L * groupCount);
        for (int i = 0; i < rows; i++) {
          lv[i] = r.nextLong(-1_000_000_000_000L, 1_000_000_000_000L);
        }
        for (long[] sel : TestData.selections(rows, rows + groupCount)) {
          String what = "rows=" + rows + " groups=" + groupCount + " " + TestData.describe(sel, rows);
          int[] gid = groups(rows, groupCount, sel, rows * 13L + groupCount);
          long[] lwork = new long[DenseGroupSums.workSize(groupCount)];
          double[] dwork = new double[DenseGroupSums.workSize(groupCount)];
          int[] slots = new int[rows];
          DenseGroupSums.slots(gid, rows, sel, groupCount, slots);

          long[] c1 = new long[groupCount];
          long[] c2 = new long[groupCount];
          DenseGroupSums.count(slots, rows, groupCount, c1, lwork);
          GroupedScalar.count(gid, rows, sel, c2);
          assertArrayEquals(c2, c1, what + " count");

          double[] s1 = new double[groupCount];
          double[] s2 = new double[groupCount];
          double[] magnitude = new double[groupCount];
          DenseGroupSums.sumDouble(slots, v, rows, groupCount, s1, dwork);
          GroupedScalar.sumDouble(gid, v, rows, sel, s2);
          for (int i = 0; i < rows; i++) {
            if ((sel == null || Bitmaps.get(sel, i)) && Double.isFinite(v[i])) {
              magnitude[gid[i]] += Math.abs(v[i]);
            }
          }
          for (int g = 0; g < groupCount; g++) {
            AggregatesTest.assertClose(s2[g], s1[g], magnitude[g], what + " sum of group " + g);
          }

          long[] l1 = new long[groupCount];
          long[] l2 = new long[groupCount];
          assertTrue(DenseGroupSums.sumLong(slots, lv, rows, groupCount, lwork), what);
          DenseGroupSums.foldExact(lwork, groupCount, l1);
          GroupedScalar.sumLong(gid, lv, rows, sel, l2);
          assertArrayEquals(l2, l1, what + " sumLong");
        }
      }
    }
  }

  /** A group of only -0.0 sums to -0.0, as sequential addition gives, even where rows are dropped. */
  @Test
  void negativeZeroSurvivesDroppedRows() {
    int rows = 128;
    double[] v = new double[rows];
    java.util.Arrays.fill(v, -0.0);
    v[5] = Double.NaN; // dropped below: must not reach the sum
    long[] sel = new long[] {~(1L << 5), -1L >>> 1};
    int[] slots = new int[rows];
    DenseGroupSums.slots(new int[rows], rows, sel, 1, slots);
    double[] sums = {-0.0};
    DenseGroupSums.sumDouble(slots, v, rows, 1, sums, new double[DenseGroupSums.workSize(1)]);
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(sums[0]));
  }

  /** Partial sums that might have overflowed are refused; folded wide sums stay exact. */
  @Test
  void hugeValuesAreRefusedAndWideFoldsStayExact() {
    int rows = 4096;
    long[] v = new long[rows];
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < rows; i++) {
      v[i] = r.nextLong();
    }
    int[] slots = new int[rows];
    DenseGroupSums.slots(new int[rows], rows, null, 1, slots);
    long[] work = new long[DenseGroupSums.workSize(1)];
    assertFalse(DenseGroupSums.sumLong(slots, v, rows, 1, work));

    // values just small enough: partial sums accepted, wide totals exact across many calls
    long big = (1L << (62 - 13)) - 1;
    java.util.Arrays.fill(v, big);
    long[] sums = new long[1];
    long[] wraps = new long[1];
    BigInteger expected = BigInteger.ZERO;
    for (int call = 0; call < 5000; call++) {
      assertTrue(DenseGroupSums.sumLong(slots, v, rows, 1, work));
      DenseGroupSums.foldWide(work, 1, sums, wraps);
      expected = expected.add(BigInteger.valueOf(big).multiply(BigInteger.valueOf(rows)));
    }
    BigInteger actual = BigInteger.valueOf(sums[0]).add(BigInteger.valueOf(wraps[0]).shiftLeft(64));
    assertEquals(expected, actual);
  }
}
