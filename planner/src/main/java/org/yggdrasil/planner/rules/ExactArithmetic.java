package org.yggdrasil.planner.rules;

import java.math.BigDecimal;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.yggdrasil.planner.vexec.Operand;
import org.yggdrasil.planner.vexec.VecExpr;

/**
 * Numeric and integer {@code +}, {@code -} and {@code *} as {@link VecExpr.Exact} over scaled
 * integers (integers at scale 0, computed in longs, so never wrapped at 32 bits). Only
 * where the scale Calcite typed the call with is the one the arithmetic produces (the larger
 * operand scale for + and -, their sum for *), so the vectorized value equals Calcite's
 * BigDecimal arithmetic exactly; anything else (division, parameters, non-numeric operands,
 * scales beyond 18) yields null and Calcite's plan stays.
 */
final class ExactArithmetic {
  private static final int MAX_SCALE = 18;
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private final RexToVec rex;

  ExactArithmetic(RexToVec rex) {
    this.rex = rex;
  }

  /** An operand: a vectorized exact value, or a literal, with its scale. */
  private record Part(VecExpr expr, BigDecimal literal, int scale) {}

  VecExpr translate(RexCall call) {
    SqlTypeName type = call.getType().getSqlTypeName();
    boolean integer = SqlTypeName.INT_TYPES.contains(type);
    if (type != SqlTypeName.DECIMAL && !integer || call.getOperands().size() != 2) {
      return null;
    }
    VecExpr.ArithOp op = switch (call.getKind()) {
      case PLUS -> VecExpr.ArithOp.ADD;
      case MINUS -> VecExpr.ArithOp.SUB;
      case TIMES -> VecExpr.ArithOp.MUL;
      default -> null;
    };
    if (op == null) {
      return null;
    }
    Part l = part(call.getOperands().get(0));
    Part r = part(call.getOperands().get(1));
    if (l == null || r == null || (l.expr() == null && r.expr() == null)) {
      return null;
    }
    int scale = op == VecExpr.ArithOp.MUL ? l.scale() + r.scale() : Math.max(l.scale(), r.scale());
    if (scale != (integer ? 0 : call.getType().getScale()) || scale > MAX_SCALE) {
      return null;
    }
    // + and - bring both sides to the result scale; * takes each at its own
    int leftTo = op == VecExpr.ArithOp.MUL ? l.scale() : scale;
    int rightTo = op == VecExpr.ArithOp.MUL ? r.scale() : scale;
    VecExpr left = operand(l, leftTo);
    VecExpr right = operand(r, rightTo);
    if (left == null || right == null) {
      return null;
    }
    return new VecExpr.Exact(op, left, l.expr() == null ? 0 : leftTo - l.scale(),
        right, r.expr() == null ? 0 : rightTo - r.scale(), scale);
  }

  /** The scale of an exact vectorized value (stored scale for a column, 0 for integers). */
  int scale(VecExpr e) {
    return switch (e) {
      case VecExpr.Column c -> rex.column(c.slot()).scale();
      case VecExpr.Exact x -> x.scale();
      default -> 0;
    };
  }

  private VecExpr operand(Part p, int scale) {
    if (p.expr() != null) {
      return p.expr();
    }
    BigDecimal unscaled = p.literal().setScale(scale).movePointRight(scale);
    // Long.MIN_VALUE is left out so that subtracting the constant can add its negation
    if (unscaled.compareTo(LONG_MIN) <= 0 || unscaled.compareTo(LONG_MAX) > 0) {
      return null;
    }
    return new VecExpr.Constant(Operand.of(unscaled.longValueExact()), VecExpr.Kind.LONG);
  }

  private Part part(RexNode node) {
    RexNode n = node;
    int castScale = -1;
    if (n.getKind() == SqlKind.CAST && ((RexCall) n).getOperands().get(0) instanceof RexLiteral) {
      if (n.getType().getSqlTypeName() != SqlTypeName.DECIMAL) {
        return null;
      }
      castScale = n.getType().getScale();
      n = ((RexCall) n).getOperands().get(0);
    }
    if (n instanceof RexLiteral lit) {
      SqlTypeName t = lit.getType().getSqlTypeName();
      if (lit.isNull() || !(SqlTypeName.INT_TYPES.contains(t) || t == SqlTypeName.DECIMAL)) {
        return null;
      }
      BigDecimal v = lit.getValueAs(BigDecimal.class);
      int scale = castScale >= 0 ? castScale : t == SqlTypeName.DECIMAL ? lit.getType().getScale() : 0;
      if (v == null || scale < 0 || scale > MAX_SCALE || v.stripTrailingZeros().scale() > scale) {
        // a cast that would round the literal: leave it to Calcite
        return null;
      }
      return new Part(null, v, scale);
    }
    VecExpr e = rex.value(node);
    if (!(e instanceof VecExpr.Column || e instanceof VecExpr.Exact) || e.kind() != VecExpr.Kind.LONG) {
      return null;
    }
    SqlTypeName t = node.getType().getSqlTypeName();
    if (t != SqlTypeName.DECIMAL && !SqlTypeName.INT_TYPES.contains(t)) {
      return null;
    }
    return new Part(e, null, scale(e));
  }
}
