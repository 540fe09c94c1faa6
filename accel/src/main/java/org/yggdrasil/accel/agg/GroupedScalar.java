package org.yggdrasil.accel.agg;

/** Row-at-a-time twin of {@link Grouped}: the same methods and results, testing each row's selection bit. */
public final class GroupedScalar {
  private GroupedScalar() {}

  public static void count(int[] gid, int rows, long[] sel, long[] counts) {
    for (int i = 0; i < rows; i++) {
      if (ScalarAggregates.selected(sel, i)) {
        counts[gid[i]]++;
      }
    }
  }

  public static void sumDouble(int[] gid, double[] v, int rows, long[] sel, double[] sums) {
    for (int i = 0; i < rows; i++) {
      if (ScalarAggregates.selected(sel, i)) {
        sums[gid[i]] += v[i];
      }
    }
  }

  public static void sumDouble(int[] gid, double[] v, int rows, long[] sel, double[] sums, double[] comp) {
    for (int i = 0; i < rows; i++) {
      if (ScalarAggregates.selected(sel, i)) {
        Grouped.neumaier(gid[i], v[i], sums, comp);
      }
    }
  }

  public static void sumLong(int[] gid, long[] v, int rows, long[] sel, long[] sums) {
    for (int i = 0; i < rows; i++) {
      if (ScalarAggregates.selected(sel, i)) {
        sums[gid[i]] = Math.addExact(sums[gid[i]], v[i]);
      }
    }
  }

  public static void sumLongWide(int[] gid, long[] v, int rows, long[] sel, long[] sums, long[] wraps) {
    for (int i = 0; i < rows; i++) {
      if (ScalarAggregates.selected(sel, i)) {
        java.math.BigInteger total = java.math.BigInteger.valueOf(wraps[gid[i]]).shiftLeft(64)
            .add(java.math.BigInteger.valueOf(sums[gid[i]])).add(java.math.BigInteger.valueOf(v[i]));
        sums[gid[i]] = total.longValue();
        wraps[gid[i]] = total.subtract(java.math.BigInteger.valueOf(total.longValue())).shiftRight(64).longValueExact();
      }
    }
  }

  public static void minDouble(int[] gid, double[] v, int rows, long[] sel, double[] acc) {
    for (int i = 0; i < rows; i++) {
      if (ScalarAggregates.selected(sel, i)) {
        acc[gid[i]] = ScalarAggregates.pgExtreme(acc[gid[i]], v[i], true);
      }
    }
  }

  public static void maxDouble(int[] gid, double[] v, int rows, long[] sel, double[] acc) {
    for (int i = 0; i < rows; i++) {
      if (ScalarAggregates.selected(sel, i)) {
        acc[gid[i]] = ScalarAggregates.pgExtreme(acc[gid[i]], v[i], false);
      }
    }
  }

  public static void minLong(int[] gid, long[] v, int rows, long[] sel, long[] acc) {
    for (int i = 0; i < rows; i++) {
      if (ScalarAggregates.selected(sel, i)) {
        acc[gid[i]] = Math.min(acc[gid[i]], v[i]);
      }
    }
  }

  public static void maxLong(int[] gid, long[] v, int rows, long[] sel, long[] acc) {
    for (int i = 0; i < rows; i++) {
      if (ScalarAggregates.selected(sel, i)) {
        acc[gid[i]] = Math.max(acc[gid[i]], v[i]);
      }
    }
  }

  public static void moments(int[] gid, double[] v, int rows, long[] sel, long[] n, double[] mean, double[] m2) {
    for (int i = 0; i < rows; i++) {
      if (ScalarAggregates.selected(sel, i)) {
        Grouped.welford(gid[i], v[i], n, mean, m2);
      }
    }
  }
}
