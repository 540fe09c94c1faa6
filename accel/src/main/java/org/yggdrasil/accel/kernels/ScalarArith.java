package org.yggdrasil.accel.kernels;

import java.lang.foreign.MemorySegment;

/** Plain-loop twin of {@link Arith}: same methods, same results, also the fallback without the Vector API. */
public final class ScalarArith {
  private ScalarArith() {}

  public static void loadDouble(MemorySegment data, Lane lane, int rows, double[] out) {
    Layouts.requireRows(data, lane, rows);
    loadDouble(data, lane, 0, rows, out);
  }

  public static void loadLong(MemorySegment data, Lane lane, int rows, long[] out) {
    lane.requireInteger();
    Layouts.requireRows(data, lane, rows);
    loadLong(data, lane, 0, rows, out);
  }

  static void loadDouble(MemorySegment data, Lane lane, int from, int rows, double[] out) {
    for (int i = from; i < rows; i++) {
      out[i] = Layouts.getDouble(data, lane, i);
    }
  }

  static void loadLong(MemorySegment data, Lane lane, int from, int rows, long[] out) {
    for (int i = from; i < rows; i++) {
      out[i] = Layouts.getLong(data, lane, i);
    }
  }

  public static void add(double[] a, double[] b, double[] out, int rows) {
    for (int i = 0; i < rows; i++) {
      out[i] = a[i] + b[i];
    }
  }

  public static void sub(double[] a, double[] b, double[] out, int rows) {
    for (int i = 0; i < rows; i++) {
      out[i] = a[i] - b[i];
    }
  }

  public static void mul(double[] a, double[] b, double[] out, int rows) {
    for (int i = 0; i < rows; i++) {
      out[i] = a[i] * b[i];
    }
  }

  public static void div(double[] a, double[] b, double[] out, int rows) {
    for (int i = 0; i < rows; i++) {
      out[i] = a[i] / b[i];
    }
  }

  public static void addConst(double[] a, double c, double[] out, int rows) {
    for (int i = 0; i < rows; i++) {
      out[i] = a[i] + c;
    }
  }

  public static void mulConst(double[] a, double c, double[] out, int rows) {
    for (int i = 0; i < rows; i++) {
      out[i] = a[i] * c;
    }
  }

  public static void constSub(double c, double[] a, double[] out, int rows) {
    for (int i = 0; i < rows; i++) {
      out[i] = c - a[i];
    }
  }

  public static void divConst(double[] a, double c, double[] out, int rows) {
    for (int i = 0; i < rows; i++) {
      out[i] = a[i] / c;
    }
  }

  public static void add(long[] a, long[] b, long[] out, int rows) {
    for (int i = 0; i < rows; i++) {
      out[i] = a[i] + b[i];
    }
  }

  public static void sub(long[] a, long[] b, long[] out, int rows) {
    for (int i = 0; i < rows; i++) {
      out[i] = a[i] - b[i];
    }
  }

  public static void mul(long[] a, long[] b, long[] out, int rows) {
    for (int i = 0; i < rows; i++) {
      out[i] = a[i] * b[i];
    }
  }

  public static void addConst(long[] a, long c, long[] out, int rows) {
    for (int i = 0; i < rows; i++) {
      out[i] = a[i] + c;
    }
  }

  public static void mulConst(long[] a, long c, long[] out, int rows) {
    for (int i = 0; i < rows; i++) {
      out[i] = a[i] * c;
    }
  }

  public static void constSub(long c, long[] a, long[] out, int rows) {
    for (int i = 0; i < rows; i++) {
      out[i] = c - a[i];
    }
  }
}
