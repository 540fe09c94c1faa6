package org.yggdrasil.planner.vexec;

import java.lang.foreign.MemorySegment;
import org.yggdrasil.accel.agg.VectorSupport;
import org.yggdrasil.accel.kernels.CmpOp;
import org.yggdrasil.accel.kernels.Lane;

/**
 * The accel kernels the vectorized operators call, each choosing once per JVM between the Vector
 * API version and its scalar twin: {@link VectorSupport} checks at first use whether the
 * incubator module is loaded and the CPU has SIMD lanes, and warns when it falls back. The
 * vector classes are never initialised without the module, so the server runs without it.
 * Generated from the accel classes' signatures (methods present in both twins).
 */
public final class Kernels {
  /** Decided once; a constant to the JIT, so each call compiles to one of the two. */
  static final boolean VECTOR = VectorSupport.available();

  private Kernels() {}

  /** Filters or its scalar twin ScalarFilters. */
  public static final class Filters {
    private Filters() {}

    public static void betweenDouble(MemorySegment data, Lane lane, int rows, double lo, double hi, long[] out) {
      if (VECTOR) {
        org.yggdrasil.accel.kernels.Filters.betweenDouble(data, lane, rows, lo, hi, out);
      } else {
        org.yggdrasil.accel.kernels.ScalarFilters.betweenDouble(data, lane, rows, lo, hi, out);
      }
    }

    public static void betweenLong(MemorySegment data, Lane lane, int rows, long lo, long hi, long[] out) {
      if (VECTOR) {
        org.yggdrasil.accel.kernels.Filters.betweenLong(data, lane, rows, lo, hi, out);
      } else {
        org.yggdrasil.accel.kernels.ScalarFilters.betweenLong(data, lane, rows, lo, hi, out);
      }
    }

    public static void compareDouble(MemorySegment data, Lane lane, int rows, CmpOp op, double c, long[] out) {
      if (VECTOR) {
        org.yggdrasil.accel.kernels.Filters.compareDouble(data, lane, rows, op, c, out);
      } else {
        org.yggdrasil.accel.kernels.ScalarFilters.compareDouble(data, lane, rows, op, c, out);
      }
    }

    public static void compareLong(MemorySegment data, Lane lane, int rows, CmpOp op, long c, long[] out) {
      if (VECTOR) {
        org.yggdrasil.accel.kernels.Filters.compareLong(data, lane, rows, op, c, out);
      } else {
        org.yggdrasil.accel.kernels.ScalarFilters.compareLong(data, lane, rows, op, c, out);
      }
    }

    public static void inLong(MemorySegment data, Lane lane, int rows, long[] values, long[] out) {
      if (VECTOR) {
        org.yggdrasil.accel.kernels.Filters.inLong(data, lane, rows, values, out);
      } else {
        org.yggdrasil.accel.kernels.ScalarFilters.inLong(data, lane, rows, values, out);
      }
    }
  }

  /** Arith or its scalar twin ScalarArith. */
  public static final class Arith {
    private Arith() {}

    public static void add(double[] a, double[] b, double[] out, int rows) {
      if (VECTOR) {
        org.yggdrasil.accel.kernels.Arith.add(a, b, out, rows);
      } else {
        org.yggdrasil.accel.kernels.ScalarArith.add(a, b, out, rows);
      }
    }

    public static void add(long[] a, long[] b, long[] out, int rows) {
      if (VECTOR) {
        org.yggdrasil.accel.kernels.Arith.add(a, b, out, rows);
      } else {
        org.yggdrasil.accel.kernels.ScalarArith.add(a, b, out, rows);
      }
    }

    public static void addConst(double[] a, double c, double[] out, int rows) {
      if (VECTOR) {
        org.yggdrasil.accel.kernels.Arith.addConst(a, c, out, rows);
      } else {
        org.yggdrasil.accel.kernels.ScalarArith.addConst(a, c, out, rows);
      }
    }

    public static void addConst(long[] a, long c, long[] out, int rows) {
      if (VECTOR) {
        org.yggdrasil.accel.kernels.Arith.addConst(a, c, out, rows);
      } else {
        org.yggdrasil.accel.kernels.ScalarArith.addConst(a, c, out, rows);
      }
    }

    public static void constSub(double c, double[] a, double[] out, int rows) {
      if (VECTOR) {
        org.yggdrasil.accel.kernels.Arith.constSub(c, a, out, rows);
      } else {
        org.yggdrasil.accel.kernels.ScalarArith.constSub(c, a, out, rows);
      }
    }

    public static void constSub(long c, long[] a, long[] out, int rows) {
      if (VECTOR) {
        org.yggdrasil.accel.kernels.Arith.constSub(c, a, out, rows);
      } else {
        org.yggdrasil.accel.kernels.ScalarArith.constSub(c, a, out, rows);
      }
    }

    public static void div(double[] a, double[] b, double[] out, int rows) {
      if (VECTOR) {
        org.yggdrasil.accel.kernels.Arith.div(a, b, out, rows);
      } else {
        org.yggdrasil.accel.kernels.ScalarArith.div(a, b, out, rows);
      }
    }

    public static void divConst(double[] a, double c, double[] out, int rows) {
      if (VECTOR) {
        org.yggdrasil.accel.kernels.Arith.divConst(a, c, out, rows);
      } else {
        org.yggdrasil.accel.kernels.ScalarArith.divConst(a, c, out, rows);
      }
    }

    public static void loadDouble(MemorySegment data, Lane lane, int rows, double[] out) {
      if (VECTOR) {
        org.yggdrasil.accel.kernels.Arith.loadDouble(data, lane, rows, out);
      } else {
        org.yggdrasil.accel.kernels.ScalarArith.loadDouble(data, lane, rows, out);
      }
    }

    public static void loadLong(MemorySegment data, Lane lane, int rows, long[] out) {
      if (VECTOR) {
        org.yggdrasil.accel.kernels.Arith.loadLong(data, lane, rows, out);
      } else {
        org.yggdrasil.accel.kernels.ScalarArith.loadLong(data, lane, rows, out);
      }
    }

    public static void mul(double[] a, double[] b, double[] out, int rows) {
      if (VECTOR) {
        org.yggdrasil.accel.kernels.Arith.mul(a, b, out, rows);
      } else {
        org.yggdrasil.accel.kernels.ScalarArith.mul(a, b, out, rows);
      }
    }

    public static void mul(long[] a, long[] b, long[] out, int rows) {
      if (VECTOR) {
        org.yggdrasil.accel.kernels.Arith.mul(a, b, out, rows);
      } else {
        org.yggdrasil.accel.kernels.ScalarArith.mul(a, b, out, rows);
      }
    }

    public static void mulConst(double[] a, double c, double[] out, int rows) {
      if (VECTOR) {
        org.yggdrasil.accel.kernels.Arith.mulConst(a, c, out, rows);
      } else {
        org.yggdrasil.accel.kernels.ScalarArith.mulConst(a, c, out, rows);
      }
    }

    public static void mulConst(long[] a, long c, long[] out, int rows) {
      if (VECTOR) {
        org.yggdrasil.accel.kernels.Arith.mulConst(a, c, out, rows);
      } else {
        org.yggdrasil.accel.kernels.ScalarArith.mulConst(a, c, out, rows);
      }
    }

    public static void sub(double[] a, double[] b, double[] out, int rows) {
      if (VECTOR) {
        org.yggdrasil.accel.kernels.Arith.sub(a, b, out, rows);
      } else {
        org.yggdrasil.accel.kernels.ScalarArith.sub(a, b, out, rows);
      }
    }

    public static void sub(long[] a, long[] b, long[] out, int rows) {
      if (VECTOR) {
        org.yggdrasil.accel.kernels.Arith.sub(a, b, out, rows);
      } else {
        org.yggdrasil.accel.kernels.ScalarArith.sub(a, b, out, rows);
      }
    }
  }

  /** Aggregates or its scalar twin ScalarAggregates. */
  public static final class Aggregates {
    private Aggregates() {}

    public static boolean maxDouble(MemorySegment data, Lane lane, int rows, long[] sel, double[] out) {
      return VECTOR ? org.yggdrasil.accel.agg.Aggregates.maxDouble(data, lane, rows, sel, out) : org.yggdrasil.accel.agg.ScalarAggregates.maxDouble(data, lane, rows, sel, out);
    }

    public static boolean maxLong(MemorySegment data, Lane lane, int rows, long[] sel, long[] out) {
      return VECTOR ? org.yggdrasil.accel.agg.Aggregates.maxLong(data, lane, rows, sel, out) : org.yggdrasil.accel.agg.ScalarAggregates.maxLong(data, lane, rows, sel, out);
    }

    public static boolean minDouble(MemorySegment data, Lane lane, int rows, long[] sel, double[] out) {
      return VECTOR ? org.yggdrasil.accel.agg.Aggregates.minDouble(data, lane, rows, sel, out) : org.yggdrasil.accel.agg.ScalarAggregates.minDouble(data, lane, rows, sel, out);
    }

    public static boolean minLong(MemorySegment data, Lane lane, int rows, long[] sel, long[] out) {
      return VECTOR ? org.yggdrasil.accel.agg.Aggregates.minLong(data, lane, rows, sel, out) : org.yggdrasil.accel.agg.ScalarAggregates.minLong(data, lane, rows, sel, out);
    }

    public static double sumDouble(MemorySegment data, Lane lane, int rows, long[] sel) {
      return VECTOR ? org.yggdrasil.accel.agg.Aggregates.sumDouble(data, lane, rows, sel) : org.yggdrasil.accel.agg.ScalarAggregates.sumDouble(data, lane, rows, sel);
    }

    public static double sumDouble(double[] v, int rows, long[] sel) {
      return VECTOR ? org.yggdrasil.accel.agg.Aggregates.sumDouble(v, rows, sel) : org.yggdrasil.accel.agg.ScalarAggregates.sumDouble(v, rows, sel);
    }

    public static long sumLong(MemorySegment data, Lane lane, int rows, long[] sel) {
      return VECTOR ? org.yggdrasil.accel.agg.Aggregates.sumLong(data, lane, rows, sel) : org.yggdrasil.accel.agg.ScalarAggregates.sumLong(data, lane, rows, sel);
    }

    public static long sumLong(long[] v, int rows, long[] sel) {
      return VECTOR ? org.yggdrasil.accel.agg.Aggregates.sumLong(v, rows, sel) : org.yggdrasil.accel.agg.ScalarAggregates.sumLong(v, rows, sel);
    }

    public static double sumProduct(MemorySegment a, Lane la, MemorySegment b, Lane lb, int rows, long[] sel) {
      return VECTOR ? org.yggdrasil.accel.agg.Aggregates.sumProduct(a, la, b, lb, rows, sel) : org.yggdrasil.accel.agg.ScalarAggregates.sumProduct(a, la, b, lb, rows, sel);
    }

    public static long sumProductLong(MemorySegment a, Lane la, MemorySegment b, Lane lb, int rows, long[] sel) {
      return VECTOR ? org.yggdrasil.accel.agg.Aggregates.sumProductLong(a, la, b, lb, rows, sel) : org.yggdrasil.accel.agg.ScalarAggregates.sumProductLong(a, la, b, lb, rows, sel);
    }
  }

  /** Grouped or its scalar twin GroupedScalar. */
  public static final class Grouped {
    private Grouped() {}

    public static void count(int[] gid, int rows, long[] sel, long[] counts) {
      if (VECTOR) {
        org.yggdrasil.accel.agg.Grouped.count(gid, rows, sel, counts);
      } else {
        org.yggdrasil.accel.agg.GroupedScalar.count(gid, rows, sel, counts);
      }
    }

    public static void maxDouble(int[] gid, double[] v, int rows, long[] sel, double[] acc) {
      if (VECTOR) {
        org.yggdrasil.accel.agg.Grouped.maxDouble(gid, v, rows, sel, acc);
      } else {
        org.yggdrasil.accel.agg.GroupedScalar.maxDouble(gid, v, rows, sel, acc);
      }
    }

    public static void maxLong(int[] gid, long[] v, int rows, long[] sel, long[] acc) {
      if (VECTOR) {
        org.yggdrasil.accel.agg.Grouped.maxLong(gid, v, rows, sel, acc);
      } else {
        org.yggdrasil.accel.agg.GroupedScalar.maxLong(gid, v, rows, sel, acc);
      }
    }

    public static void minDouble(int[] gid, double[] v, int rows, long[] sel, double[] acc) {
      if (VECTOR) {
        org.yggdrasil.accel.agg.Grouped.minDouble(gid, v, rows, sel, acc);
      } else {
        org.yggdrasil.accel.agg.GroupedScalar.minDouble(gid, v, rows, sel, acc);
      }
    }

    public static void minLong(int[] gid, long[] v, int rows, long[] sel, long[] acc) {
      if (VECTOR) {
        org.yggdrasil.accel.agg.Grouped.minLong(gid, v, rows, sel, acc);
      } else {
        org.yggdrasil.accel.agg.GroupedScalar.minLong(gid, v, rows, sel, acc);
      }
    }

    public static void moments(int[] gid, double[] v, int rows, long[] sel, long[] n, double[] mean, double[] m2) {
      if (VECTOR) {
        org.yggdrasil.accel.agg.Grouped.moments(gid, v, rows, sel, n, mean, m2);
      } else {
        org.yggdrasil.accel.agg.GroupedScalar.moments(gid, v, rows, sel, n, mean, m2);
      }
    }

    public static void sumDouble(int[] gid, double[] v, int rows, long[] sel, double[] sums) {
      if (VECTOR) {
        org.yggdrasil.accel.agg.Grouped.sumDouble(gid, v, rows, sel, sums);
      } else {
        org.yggdrasil.accel.agg.GroupedScalar.sumDouble(gid, v, rows, sel, sums);
      }
    }

    public static void sumDouble(int[] gid, double[] v, int rows, long[] sel, double[] sums, double[] comp) {
      if (VECTOR) {
        org.yggdrasil.accel.agg.Grouped.sumDouble(gid, v, rows, sel, sums, comp);
      } else {
        org.yggdrasil.accel.agg.GroupedScalar.sumDouble(gid, v, rows, sel, sums, comp);
      }
    }

    public static void sumLong(int[] gid, long[] v, int rows, long[] sel, long[] sums) {
      if (VECTOR) {
        org.yggdrasil.accel.agg.Grouped.sumLong(gid, v, rows, sel, sums);
      } else {
        org.yggdrasil.accel.agg.GroupedScalar.sumLong(gid, v, rows, sel, sums);
      }
    }

    public static void sumLongWide(int[] gid, long[] v, int rows, long[] sel, long[] sums, long[] wraps) {
      if (VECTOR) {
        org.yggdrasil.accel.agg.Grouped.sumLongWide(gid, v, rows, sel, sums, wraps);
      } else {
        org.yggdrasil.accel.agg.GroupedScalar.sumLongWide(gid, v, rows, sel, sums, wraps);
      }
    }
  }

  /** ExactArith or its scalar twin ScalarExactArith. */
  public static final class ExactArith {
    private ExactArith() {}

    public static boolean add(long[] a, long[] b, long[] out, int rows) {
      return VECTOR ? org.yggdrasil.accel.kernels.ExactArith.add(a, b, out, rows) : org.yggdrasil.accel.kernels.ScalarExactArith.add(a, b, out, rows);
    }

    public static boolean addConst(long[] a, long c, long[] out, int rows) {
      return VECTOR ? org.yggdrasil.accel.kernels.ExactArith.addConst(a, c, out, rows) : org.yggdrasil.accel.kernels.ScalarExactArith.addConst(a, c, out, rows);
    }

    public static boolean constSub(long c, long[] a, long[] out, int rows) {
      return VECTOR ? org.yggdrasil.accel.kernels.ExactArith.constSub(c, a, out, rows) : org.yggdrasil.accel.kernels.ScalarExactArith.constSub(c, a, out, rows);
    }

    public static boolean mul(long[] a, long[] b, long[] out, int rows) {
      return VECTOR ? org.yggdrasil.accel.kernels.ExactArith.mul(a, b, out, rows) : org.yggdrasil.accel.kernels.ScalarExactArith.mul(a, b, out, rows);
    }

    public static boolean mulConst(long[] a, long c, long[] out, int rows) {
      return VECTOR ? org.yggdrasil.accel.kernels.ExactArith.mulConst(a, c, out, rows) : org.yggdrasil.accel.kernels.ScalarExactArith.mulConst(a, c, out, rows);
    }

    public static boolean sub(long[] a, long[] b, long[] out, int rows) {
      return VECTOR ? org.yggdrasil.accel.kernels.ExactArith.sub(a, b, out, rows) : org.yggdrasil.accel.kernels.ScalarExactArith.sub(a, b, out, rows);
    }
  }

  /** ExactProductSum or its scalar twin ScalarExactProductSum. */
  public static final class ExactProductSum {
    private ExactProductSum() {}

    public static long sum(MemorySegment a, MemorySegment b, int rows, long[] sel) {
      return VECTOR ? org.yggdrasil.accel.agg.ExactProductSum.sum(a, b, rows, sel) : org.yggdrasil.accel.agg.ScalarExactProductSum.sum(a, b, rows, sel);
    }
  }

  /** DenseKeys' composite-key packing or its scalar twin (added by hand). */
  public static final class Keys {
    private Keys() {}

    public static void pack(long[] keys, int[] ids, int shift, int rows) {
      if (VECTOR) {
        org.yggdrasil.accel.groupby.DenseKeys.pack(keys, ids, shift, rows);
      } else {
        org.yggdrasil.accel.groupby.DenseKeys.packScalar(keys, ids, shift, rows);
      }
    }
  }

  /** TopNPerGroup's vector prefilter or its scalar twin (added by hand). */
  public static final class TopN {
    private TopN() {}

    public static void addDoubles(org.yggdrasil.accel.groupby.TopNPerGroup top, int[] gid,
        MemorySegment data, int rows, long[] sel, long firstPosition) {
      if (VECTOR) {
        top.addDoubles(gid, data, rows, sel, firstPosition);
      } else {
        top.addDoublesScalar(gid, data, rows, sel, firstPosition);
      }
    }
  }

  /** TopRows' vector bar prefilter or its scalar twin (added by hand). */
  public static final class OrderLimit {
    private OrderLimit() {}

    public static void addValued(org.yggdrasil.accel.groupby.TopRows top,
        org.yggdrasil.accel.groupby.SortColumn[] cols, int rows, long[] sel, long first) {
      if (VECTOR) {
        top.addValued(cols, rows, sel, first);
      } else {
        top.addValuedScalar(cols, rows, sel, first);
      }
    }
  }
}
