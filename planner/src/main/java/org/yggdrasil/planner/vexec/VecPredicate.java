package org.yggdrasil.planner.vexec;

import java.util.List;
import org.yggdrasil.accel.kernels.CmpOp;

/**
 * A row filter a vectorized scan evaluates a chunk at a time into a selection bitmap. Rows where
 * the predicate is NULL are never selected (SQL's WHERE), so negation is pushed into the leaves
 * when the plan is built rather than evaluated over bitmaps.
 */
public sealed interface VecPredicate {
  /** {@code column op value}; the value is converted to the column's domain when the plan runs. */
  record Compare(int slot, CmpOp op, Operand value) implements VecPredicate {}

  /** {@code column IN (values)}, or with {@code negated} {@code NOT IN} (no NULL among them). */
  record InList(int slot, List<Operand> values, boolean negated) implements VecPredicate {}

  /** {@code column IS [NOT] NULL}. */
  record IsNull(int slot, boolean isNull) implements VecPredicate {}

  /** {@code column [NOT] [I]LIKE pattern [ESCAPE e]} on a text column. */
  record Like(int slot, Operand pattern, char escape, boolean caseInsensitive, boolean negated)
      implements VecPredicate {}

  /**
   * {@code expr op value} for arithmetic over columns ({@code price * qty > 100}), computed into
   * a work vector per chunk; NULL in any column it reads selects nothing. An exact expression
   * ({@link VecExpr.Kind#LONG}) holds integers × 10^{@code scale} and is compared exactly.
   */
  record ExprCompare(VecExpr expr, int scale, CmpOp op, Operand value) implements VecPredicate {}

  record And(List<VecPredicate> parts) implements VecPredicate {}

  record Or(List<VecPredicate> parts) implements VecPredicate {}

  /** The conjunction of {@code parts}: null when there are none, the part itself when one. */
  static VecPredicate allOf(List<VecPredicate> parts) {
    return parts.isEmpty() ? null : parts.size() == 1 ? parts.get(0) : new And(List.copyOf(parts));
  }
}
