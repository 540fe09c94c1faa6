package org.yggdrasil.accel.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Element-wise results must equal the scalar twin bit for bit (IEEE operations are exact-rounded either way). */
class ArithTest {
  @Test
  void loadsMatchScalarTwin() {
    for (int rows : TestData.LENGTHS) {
      for (Lane lane : Lane.values()) {
        MemorySegment data = lane.isFloating() ? TestData.floats(lane, rows, rows + 11L * lane.ordinal(), true)
            : TestData.integers(lane, rows, rows + 13L * lane.ordinal());
        double[] v = new double[rows + 1];
        double[] s = new double[rows + 1];
        Arith.loadDouble(data, lane, rows, v);
        ScalarArith.loadDouble(data, lane, rows, s);
        assertArrayEquals(s, v, () -> "loadDouble " + lane + " rows=" + rows);
        if (lane.isInteger()) {
          long[] lv = new long[rows + 1];
          long[] ls = new long[rows + 1];
          Arith.loadLong(data, lane, rows, lv);
          ScalarArith.loadLong(data, lane, rows, ls);
          assertArrayEquals(ls, lv, () -> "loadLong " + lane + " rows=" + rows);
          for (int i = 0; i < rows; i++) {
            if (lv[i] != Layouts.getLong(data, lane, i)) {
              throw new AssertionError("loadLong " + lane + " row " + i);
            }
          }
        }
      }
    }
  }

  @Test
  void doubleOperationsMatchScalarTwin() {
    for (int rows : TestData.LENGTHS) {
      double[] a = TestData.doubles(rows, rows, true);
      double[] b = TestData.doubles(rows, rows + 1, true);
      check(rows, "add", (o) -> Arith.add(a, b, o, rows), (o) -> ScalarArith.add(a, b, o, rows));
      check(rows, "sub", (o) -> Arith.sub(a, b, o, rows), (o) -> ScalarArith.sub(a, b, o, rows));
      check(rows, "mul", (o) -> Arith.mul(a, b, o, rows), (o) -> ScalarArith.mul(a, b, o, rows));
      check(rows, "div", (o) -> Arith.div(a, b, o, rows), (o) -> ScalarArith.div(a, b, o, rows));
      for (double c : new double[] {0, -0.0, 3.5, Double.NaN, Double.POSITIVE_INFINITY}) {
        check(rows, "addConst " + c, (o) -> Arith.addConst(a, c, o, rows), (o) -> ScalarArith.addConst(a, c, o, rows));
        check(rows, "mulConst " + c, (o) -> Arith.mulConst(a, c, o, rows), (o) -> ScalarArith.mulConst(a, c, o, rows));
        check(rows, "constSub " + c, (o) -> Arith.constSub(c, a, o, rows), (o) -> ScalarArith.constSub(c, a, o, rows));
        check(rows, "divConst " + c, (o) -> Arith.divConst(a, c, o, rows), (o) -> ScalarArith.divConst(a, c, o, rows));
      }
    }
  }

  @Test
  void longOperationsWrapLikeTheScalarTwin() {
    for (int rows : TestData.LENGTHS) {
      long[] a = new long[rows];
      long[] b = new long[rows];
      Arith.loadLong(TestData.integers(Lane.LONG, rows, rows), Lane.LONG, rows, a);
      Arith.loadLong(TestData.integers(Lane.LONG, rows, rows + 1), Lane.LONG, rows, b);
      checkLong(rows, "add", (o) -> Arith.add(a, b, o, rows), (o) -> ScalarArith.add(a, b, o, rows));
      checkLong(rows, "sub", (o) -> Arith.sub(a, b, o, rows), (o) -> ScalarArith.sub(a, b, o, rows));
      checkLong(rows, "mul", (o) -> Arith.mul(a, b, o, rows), (o) -> ScalarArith.mul(a, b, o, rows));
      for (long c : new long[] {0, -1, 7, Long.MIN_VALUE, Long.MAX_VALUE}) {
        checkLong(rows, "addConst", (o) -> Arith.addConst(a, c, o, rows), (o) -> ScalarArith.addConst(a, c, o, rows));
        checkLong(rows, "mulConst", (o) -> Arith.mulConst(a, c, o, rows), (o) -> ScalarArith.mulConst(a, c, o, rows));
        checkLong(rows, "constSub", (o) -> Arith.constSub(c, a, o, rows), (o) -> ScalarArith.constSub(c, a, o, rows));
      }
    }
  }

  @Test
  void operationsMayWriteInPlace() {
    double[] a = TestData.doubles(100, 5, false);
    double[] expected = new double[100];
    ScalarArith.mul(a, a, expected, 100);
    Arith.mul(a, a, a, 100);
    assertArrayEquals(expected, a);
  }

  private static void check(int rows, String what, java.util.function.Consumer<double[]> vector,
      java.util.function.Consumer<double[]> scalar) {
    double[] v = new double[rows + 1];
    double[] s = new double[rows + 1];
    Arrays.fill(v, 42);
    Arrays.fill(s, 42);
    vector.accept(v);
    scalar.accept(s);
    assertArrayEquals(s, v, () -> what + " rows=" + rows);
  }

  private static void checkLong(int rows, String what, java.util.function.Consumer<long[]> vector,
      java.util.function.Consumer<long[]> scalar) {
    long[] v = new long[rows + 1];
    long[] s = new long[rows + 1];
    vector.accept(v);
    scalar.accept(s);
    assertArrayEquals(s, v, () -> what + " rows=" + rows);
  }
}
