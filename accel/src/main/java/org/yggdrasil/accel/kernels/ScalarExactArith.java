package org.yggdrasil.accel.kernels;

/**
 * Plain-loop twin of {@link ExactArith}: same methods, same verdicts and results, also the
 * fallback without the Vector API. Stops at the first overflow.
 */
public final class ScalarExactArith {
  private ScalarExactArith() {}

  public static boolean add(long[] a, long[] b, long[] out, int rows) {
    return add(a, b, out, 0, rows);
  }

  public static boolean sub(long[] a, long[] b, long[] out, int rows) {
    return sub(a, b, out, 0, rows);
  }

  public static boolean mul(long[] a, long[] b, long[] out, int rows) {
    return mul(a, b, out, 0, rows);
  }

  public static boolean addConst(long[] a, long c, long[] out, int rows) {
    return addConst(a, c, out, 0, rows);
  }

  public static boolean constSub(long c, long[] a, long[] out, int rows) {
    return constSub(c, a, out, 0, rows);
  }

  public static boolean mulConst(long[] a, long c, long[] out, int rows) {
    return mulConst(a, c, out, 0, rows);
  }

  static boolean add(long[] a, long[] b, long[] out, int from, int rows) {
    try {
      for (int i = from; i < rows; i++) {
        out[i] = Math.addExact(a[i], b[i]);
      }
      return true;
    } catch (ArithmeticException overflow) {
      return false;
    }
  }

  static boolean sub(long[] a, long[] b, long[] out, int from, int rows) {
    try {
      for (int i = from; i < rows; i++) {
        out[i] = Math.subtractExact(a[i], b[i]);
      }
      return true;
    } catch (ArithmeticException overflow) {
      return false;
    }
  }

  static boolean mul(long[] a, long[] b, long[] out, int from, int rows) {
    try {
      for (int i = from; i < rows; i++) {
        out[i] = Math.multiplyExact(a[i], b[i]);
      }
      return true;
    } catch (ArithmeticException overflow) {
      return false;
    }
  }

  static boolean addConst(long[] a, long c, long[] out, int from, int rows) {
    try {
      for (int i = from; i < rows; i++) {
        out[i] = Math.addExact(a[i], c);
      }
      return true;
    } catch (ArithmeticException overflow) {
      return false;
    }
  }

  static boolean constSub(long c, long[] a, long[] out, int from, int rows) {
    try {
      for (int i = from; i < rows; i++) {
        out[i] = Math.subtractExact(c, a[i]);
      }
      return true;
    } catch (ArithmeticException overflow) {
      return false;
    }
  }

  static boolean mulConst(long[] a, long c, long[] out, int from, int rows) {
    try {
      for (int i = from; i < rows; i++) {
        out[i] = Math.multiplyExact(a[i], c);
      }
      return true;
    } catch (ArithmeticException overflow) {
      return false;
    }
  }
}
