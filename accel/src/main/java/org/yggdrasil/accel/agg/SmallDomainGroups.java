package org.yggdrasil.accel.agg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import org.yggdrasil.accel.kernels.Species;

/**
 * Per-group count and sum for a handful of groups (TPC-H Q1 has four), on the Vector API. Instead
 * of scattering row by row, which stalls when consecutive rows update the same group, each 64-row
 * word is visited once per group: a vector compare of the group ids gives the group's row bits,
 * and the group's values are added under that mask into lane accumulators. The work per row grows
 * with the number of groups, so {@link Grouped} uses this only up to {@link #MAX_COUNT_GROUPS} for
 * counts and {@link #MAX_SUM_GROUPS} for sums. Measured on 65536-row chunks with random ids: 4 groups
 * sum in about half the time of the scatter loop with 8 double lanes, and break even with 4 lanes;
 * counts (a popcount per group and word) win up to 8 groups on both.
 */
final class SmallDomainGroups {
  private static final int IL = Species.INT.length();
  private static final int DL = Species.DOUBLE.length();
  static final int MAX_COUNT_GROUPS = 8;
  static final int MAX_SUM_GROUPS = DL / 2;

  private SmallDomainGroups() {}

  /** Bits of the rows {@code base..base+63} whose group id is {@code g}. */
  private static long groupBits(int[] gid, int base, int g) {
    long bits = 0;
    for (int j = 0; j < 64; j += IL) {
      bits |= IntVector.fromArray(Species.INT, gid, base + j).compare(VectorOperators.EQ, g).toLong() << j;
    }
    return bits;
  }

  static void count(int[] gid, int rows, long[] sel, long[] counts) {
    int groups = counts.length;
    int full = rows >>> 6;
    for (int w = 0; w < full; w++) {
      long word = sel == null ? -1L : sel[w];
      if (word == 0) {
        continue;
      }
      int base = w << 6;
      for (int g = 0; g < groups; g++) {
        counts[g] += Long.bitCount(groupBits(gid, base, g) & word);
      }
    }
    for (int i = full << 6; i < rows; i++) {
      if (ScalarAggregates.selected(sel, i)) {
        counts[gid[i]]++;
      }
    }
  }

  /** Adds each group's selected values to {@code sums[g]}; lane partial sums are added at the end. */
  static void sumDouble(int[] gid, double[] v, int rows, long[] sel, double[] sums) {
    int groups = sums.length;
    double[] lanes = new double[groups * DL];
    int full = rows >>> 6;
    for (int w = 0; w < full; w++) {
      long word = sel == null ? -1L : sel[w];
      if (word == 0) {
        continue;
      }
      int base = w << 6;
      for (int g = 0; g < groups; g++) {
        long bits = groupBits(gid, base, g) & word;
        if (bits == 0) {
          continue;
        }
        DoubleVector acc = DoubleVector.fromArray(Species.DOUBLE, lanes, g * DL);
        for (int j = 0; j < 64; j += DL) {
          acc = acc.add(DoubleVector.fromArray(Species.DOUBLE, v, base + j), VectorMask.fromLong(Species.DOUBLE, bits >>> j));
        }
        acc.intoArray(lanes, g * DL);
      }
    }
    for (int g = 0; g < groups; g++) {
      double s = 0;
      for (int k = 0; k < DL; k++) {
        s += lanes[g * DL + k];
      }
      sums[g] += s;
    }
    for (int i = full << 6; i < rows; i++) {
      if (ScalarAggregates.selected(sel, i)) {
        sums[gid[i]] += v[i];
      }
    }
  }
}
