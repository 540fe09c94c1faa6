package org.yggdrasil.accel.kernels;

/** A comparison of a column value with a constant: {@code value op constant}. */
public enum CmpOp {
  EQ, NE, LT, LE, GT, GE;

  /** The operator that gives the same answer with its operands swapped ({@code c op v == v flip(op) c}). */
  public CmpOp flip() {
    return switch (this) {
      case EQ, NE -> this;
      case LT -> GT;
      case LE -> GE;
      case GT -> LT;
      case GE -> LE;
    };
  }

  /** The operator whose result is the negation of this one (for non-NaN operands). */
  public CmpOp negate() {
    return switch (this) {
      case EQ -> NE;
      case NE -> EQ;
      case LT -> GE;
      case LE -> GT;
      case GT -> LE;
      case GE -> LT;
    };
  }

  /** Whether {@code value op constant} holds, given {@code compare(value, constant)}. */
  public boolean holds(int comparison) {
    return switch (this) {
      case EQ -> comparison == 0;
      case NE -> comparison != 0;
      case LT -> comparison < 0;
      case LE -> comparison <= 0;
      case GT -> comparison > 0;
      case GE -> comparison >= 0;
    };
  }
}
