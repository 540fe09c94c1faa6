package org.yggdrasil.planner.vexec;

import java.util.BitSet;

/**
 * A numeric value computed for every row of a chunk into a work vector: a stored column, a
 * constant, or arithmetic over them. {@link Kind#LONG} vectors hold exact integers (or a scaled
 * numeric's unscaled value), {@link Kind#DOUBLE} vectors floating-point values.
 */
public sealed interface VecExpr {
  enum Kind { LONG, DOUBLE }

  enum ArithOp { ADD, SUB, MUL, DIV }

  Kind kind();

  /** Adds the column slots this value reads; a NULL in any of them makes the value NULL. */
  void slots(BitSet into);

  record Column(int slot, Kind kind) implements VecExpr {
    @Override
    public void slots(BitSet into) {
      into.set(slot);
    }
  }

  record Constant(Operand value, Kind kind) implements VecExpr {
    @Override
    public void slots(BitSet into) {}
  }

  /** Floating-point arithmetic ({@code DIV} only by a non-zero constant, checked when it runs). */
  record Arith(ArithOp op, VecExpr left, VecExpr right) implements VecExpr {
    @Override
    public Kind kind() {
      return Kind.DOUBLE;
    }

    @Override
    public void slots(BitSet into) {
      left.slots(into);
      right.slots(into);
    }
  }

  /**
   * Exact arithmetic on scaled integers (a numeric(p, s) value is stored as value × 10^s; integers
   * have scale 0), with PostgreSQL's result scales: {@code ADD} and {@code SUB} first multiply
   * each operand by 10^{@code leftUp} / 10^{@code rightUp} to the common scale, {@code MUL} adds
   * the operands' scales. {@link Kind#LONG} constants in it are already unscaled at the scale they
   * take part in. A row whose value leaves the long range is computed exactly another way (see
   * {@code ExactRows}), never wrapped.
   *
   * @param scale the result's scale
   */
  record Exact(ArithOp op, VecExpr left, int leftUp, VecExpr right, int rightUp, int scale)
      implements VecExpr {
    @Override
    public Kind kind() {
      return Kind.LONG;
    }

    @Override
    public void slots(BitSet into) {
      left.slots(into);
      right.slots(into);
    }
  }

  enum MathOp { LN, EXP, SQRT, ABS }

  /**
   * {@code ln}, {@code exp}, {@code sqrt} or {@code abs} of a floating-point value, computed as
   * Calcite's generated code does ({@code ln} as log(x) / log(e), {@code sqrt} as pow(x, 0.5), the
   * form Calcite rewrites it to); {@code ln} of a value at most 0 is an error Calcite raises per
   * row, so only a caller that checks the argument on the rows it keeps (the anomaly scorer) asks
   * {@code RexToVec} for these.
   */
  record MathFn(MathOp op, VecExpr arg) implements VecExpr {
    @Override
    public Kind kind() {
      return Kind.DOUBLE;
    }

    @Override
    public void slots(BitSet into) {
      arg.slots(into);
    }
  }

  /** {@code char_length(text column)} in characters. */
  record CharLength(int slot) implements VecExpr {
    @Override
    public Kind kind() {
      return Kind.LONG;
    }

    @Override
    public void slots(BitSet into) {
      into.set(slot);
    }
  }
}
