package org.yggdrasil.planner.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedAggFunction;
import org.yggdrasil.planner.vexec.AggSpec;
import org.yggdrasil.planner.vexec.Operand;
import org.yggdrasil.planner.vexec.VecExpr;
import org.yggdrasil.planner.vexec.VecPredicate;

/**
 * Aggregates over some of the rows, as dashboards write them: {@code agg(x) FILTER (WHERE c)}
 * (Calcite passes c as a boolean input field) and {@code agg(CASE WHEN c THEN x ELSE 0 END)} or
 * {@code ... ELSE NULL} (a projected CASE). Both become the aggregate of x with c as its own
 * filter ({@link AggSpec#filter}); with {@code ELSE 0} the rows where c is not true still count
 * as zeros ({@link AggSpec#zeroOutside}), so that a sum is 0, not NULL, over a group where no row
 * passes and a count counts them. Anything else yields null (Calcite's plan stays).
 */
final class AggConditionMatcher {
  /** The aggregate over all rows: AggregateMatcher's translation, which ignores the filter. */
  interface PlainSpec {
    AggSpec spec(AggregateCall call, List<RexNode> fields, RexToVec rex);
  }

  /** Aggregates whose value over x where c holds, and zeros elsewhere, is exact. */
  private static final Set<SqlKind> ZERO_OUTSIDE = EnumSet.of(SqlKind.COUNT, SqlKind.SUM, SqlKind.SUM0);
  private static final Set<SqlKind> NULL_OUTSIDE = EnumSet.of(SqlKind.COUNT, SqlKind.SUM,
      SqlKind.SUM0, SqlKind.MIN, SqlKind.MAX);

  private AggConditionMatcher() {}

  static AggSpec spec(AggregateCall call, List<RexNode> fields, RexToVec rex, PlainSpec plain) {
    VecPredicate filter = null;
    if (call.hasFilter()) {
      filter = condition(fields.get(call.filterArg), rex);
      if (filter == null) {
        return null;
      }
    }
    if (call.getArgList().size() == 1 && fields.get(call.getArgList().get(0)).getKind() == SqlKind.CASE) {
      // a FILTER around a CASE would need two conditions: keep Calcite's plan
      return filter == null ? caseSpec(call, fields, rex, plain) : null;
    }
    AggSpec spec = plain.spec(call, fields, rex);
    return spec == null || filter == null ? spec : spec.onlyWhere(filter, false);
  }

  /** A condition as a row filter: {@code IS TRUE(c)} keeps the rows c keeps (never NULL ones). */
  private static VecPredicate condition(RexNode node, RexToVec rex) {
    RexNode c = node;
    while (c.getKind() == SqlKind.IS_TRUE) {
      c = ((RexCall) c).getOperands().get(0);
    }
    return rex.predicate(c);
  }

  /** {@code agg(CASE WHEN c THEN x [ELSE 0 | ELSE NULL] END)}, or null. */
  private static AggSpec caseSpec(AggregateCall call, List<RexNode> fields, RexToVec rex,
      PlainSpec plain) {
    if (call.getAggregation() instanceof SqlUserDefinedAggFunction || call.isDistinct()
        || call.isApproximate() || !call.getCollation().getFieldCollations().isEmpty()) {
      return null;
    }
    int argIndex = call.getArgList().get(0);
    RexCall caseCall = (RexCall) fields.get(argIndex);
    List<RexNode> ops = caseCall.getOperands();
    if (ops.size() != 3 || !(ops.get(2) instanceof RexLiteral otherwise)) {
      return null;
    }
    Boolean zero = otherwise.isNull() ? Boolean.FALSE : isZero(otherwise) ? Boolean.TRUE : null;
    SqlKind kind = call.getAggregation().getKind();
    if (zero == null || !(zero ? ZERO_OUTSIDE : NULL_OUTSIDE).contains(kind)) {
      return null;
    }
    VecPredicate when = condition(ops.get(0), rex);
    RexNode then = ops.get(1);
    // the value must be x itself in the CASE's type: a widened x would change a sum's scale
    if (when == null || !sameType(then.getType(), caseCall.getType())) {
      return null;
    }
    AggSpec spec;
    if (then instanceof RexLiteral constant) {
      spec = constantSpec(call, constant);
    } else {
      List<RexNode> thenFields = new ArrayList<>(fields);
      thenFields.set(argIndex, then);
      spec = plain.spec(call, thenFields, rex);
    }
    return spec == null ? null : spec.onlyWhere(when, zero);
  }

  /** count or sum of a constant THEN ({@code sum(CASE WHEN c THEN 1 ELSE 0 END)}), or null. */
  private static AggSpec constantSpec(AggregateCall call, RexLiteral constant) {
    if (constant.isNull()) {
      return null;
    }
    SqlTypeName resultType = call.getType().getSqlTypeName();
    SqlKind kind = call.getAggregation().getKind();
    if (kind == SqlKind.COUNT) {
      return new AggSpec(AggSpec.Fn.COUNT, null, -1, resultType, 0);
    }
    if (kind != SqlKind.SUM && kind != SqlKind.SUM0) {
      return null;
    }
    AggSpec.Fn fn = kind == SqlKind.SUM ? AggSpec.Fn.SUM : AggSpec.Fn.SUM0;
    switch (constant.getType().getSqlTypeName()) {
      case DOUBLE, FLOAT, REAL -> {
        boolean doubleResult = resultType == SqlTypeName.DOUBLE || resultType == SqlTypeName.FLOAT
            || resultType == SqlTypeName.REAL;
        return doubleResult ? new AggSpec(fn, new VecExpr.Constant(
            Operand.of(constant.getValueAs(Double.class)), VecExpr.Kind.DOUBLE), -1, resultType, 0)
            : null;
      }
      case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL -> {
        int scale = Math.max(constant.getType().getScale(), 0);
        boolean ok = switch (resultType) {
          case BIGINT, INTEGER -> scale == 0;
          case DECIMAL -> true;
          default -> false;
        };
        BigDecimal value = constant.getValueAs(BigDecimal.class);
        if (!ok || value == null || value.scale() > scale) {
          return null;
        }
        BigDecimal unscaled = value.movePointRight(scale);
        if (unscaled.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0) {
          return null;
        }
        return new AggSpec(fn, new VecExpr.Constant(Operand.of(unscaled.longValueExact()),
            VecExpr.Kind.LONG), -1, resultType, scale);
      }
      default -> {
        return null;
      }
    }
  }

  /** A zero ELSE: {@code 0}, {@code 0.00} or {@code 0.0E0} (not -0.0, which a sum would keep). */
  private static boolean isZero(RexLiteral literal) {
    SqlTypeName t = literal.getType().getSqlTypeName();
    if (t == SqlTypeName.DOUBLE || t == SqlTypeName.FLOAT || t == SqlTypeName.REAL) {
      Double d = literal.getValueAs(Double.class);
      return d != null && Double.doubleToRawLongBits(d) == 0;
    }
    if (!SqlTypeName.EXACT_TYPES.contains(t)) {
      return false;
    }
    BigDecimal v = literal.getValueAs(BigDecimal.class);
    return v != null && v.signum() == 0;
  }

  private static boolean sameType(RelDataType a, RelDataType b) {
    return a.getSqlTypeName() == b.getSqlTypeName() && a.getScale() == b.getScale();
  }
}
