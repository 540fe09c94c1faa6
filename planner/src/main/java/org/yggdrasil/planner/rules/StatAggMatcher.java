package org.yggdrasil.planner.rules;

import java.util.List;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.yggdrasil.accel.kernels.Lane;
import org.yggdrasil.planner.stats.PgStatFunctions;
import org.yggdrasil.planner.vexec.AggSpec;
import org.yggdrasil.planner.vexec.ColumnSlot;
import org.yggdrasil.planner.vexec.VecExpr;

/**
 * The vectorized form of the statistical aggregates of {@link PgStatFunctions}, or null where
 * the generic path must run them: a percentile's fraction and direction must be constants, and
 * percentile_disc must read a column whose values doubles hold exactly (so that the value it
 * picks can be returned in the column's type).
 */
final class StatAggMatcher {
  private StatAggMatcher() {}

  static AggSpec spec(AggregateCall call, List<RexNode> fields, RexToVec rex) {
    if (call.isDistinct() || call.hasFilter() || call.isApproximate()) {
      return null;
    }
    List<RexNode> args = call.getArgList().stream().map(fields::get).toList();
    SqlTypeName resultType = call.getType().getSqlTypeName();
    switch (call.getAggregation().getName()) {
      case PgStatFunctions.PERCENTILE_CONT -> {
        VecExpr value = doubleValue(args.get(0), rex);
        Double fraction = constant(args.get(1));
        Boolean descending = flag(args.get(2));
        if (value == null || fraction == null || descending == null || !(fraction >= 0 && fraction <= 1)) {
          return null;
        }
        return new AggSpec(AggSpec.Fn.PERCENTILE_CONT, value, -1, resultType, 0, null, fraction,
            descending);
      }
      case PgStatFunctions.PERCENTILE_DISC -> {
        Integer slot = args.get(0) instanceof RexInputRef ? rex.columnSlot(args.get(0), false) : null;
        Double fraction = constant(args.get(1));
        Boolean descending = flag(args.get(2));
        if (slot == null || fraction == null || descending == null || !(fraction >= 0 && fraction <= 1)) {
          return null;
        }
        ColumnSlot column = rex.column(slot);
        Lane lane = column.lane();
        boolean exactInDouble = column.isFloating()
            || (column.isExactNumber() && column.scale() == 0
                && (lane == Lane.BYTE || lane == Lane.SHORT || lane == Lane.INT));
        if (!exactInDouble) {
          return null;
        }
        VecExpr value = new VecExpr.Column(slot, column.isFloating() ? VecExpr.Kind.DOUBLE : VecExpr.Kind.LONG);
        return new AggSpec(AggSpec.Fn.PERCENTILE_DISC, value, slot, resultType, 0, null, fraction,
            descending);
      }
      case PgStatFunctions.CORR, PgStatFunctions.COVAR_POP, PgStatFunctions.COVAR_SAMP -> {
        VecExpr y = doubleValue(args.get(0), rex);
        VecExpr x = doubleValue(args.get(1), rex);
        if (y == null || x == null) {
          return null;
        }
        AggSpec.Fn fn = switch (call.getAggregation().getName()) {
          case PgStatFunctions.CORR -> AggSpec.Fn.CORR;
          case PgStatFunctions.COVAR_POP -> AggSpec.Fn.COVAR_POP;
          default -> AggSpec.Fn.COVAR_SAMP;
        };
        return new AggSpec(fn, y, -1, resultType, 0, x, 0, false);
      }
      case PgStatFunctions.VAR_POP, PgStatFunctions.VAR_SAMP, PgStatFunctions.STDDEV_POP,
          PgStatFunctions.STDDEV_SAMP -> {
        VecExpr x = doubleValue(args.get(0), rex);
        if (x == null) {
          return null;
        }
        AggSpec.Fn fn = switch (call.getAggregation().getName()) {
          case PgStatFunctions.VAR_POP -> AggSpec.Fn.VAR_POP;
          case PgStatFunctions.VAR_SAMP -> AggSpec.Fn.VAR_SAMP;
          case PgStatFunctions.STDDEV_POP -> AggSpec.Fn.STDDEV_POP;
          default -> AggSpec.Fn.STDDEV_SAMP;
        };
        return new AggSpec(fn, x, -1, resultType, 0);
      }
      default -> {
        return null;
      }
    }
  }

  /** A numeric argument (cast to double precision by the function's signature) as doubles. */
  private static VecExpr doubleValue(RexNode arg, RexToVec rex) {
    VecExpr e = rex.value(arg);
    if (e instanceof VecExpr.Column c) {
      return new VecExpr.Column(c.slot(), VecExpr.Kind.DOUBLE);
    }
    return e instanceof VecExpr.CharLength || e instanceof VecExpr.Constant ? null : e;
  }

  private static Double constant(RexNode node) {
    RexNode n = node;
    while (n.getKind() == org.apache.calcite.sql.SqlKind.CAST) {
      n = ((org.apache.calcite.rex.RexCall) n).getOperands().get(0);
    }
    return n instanceof RexLiteral lit && !lit.isNull() ? lit.getValueAs(Double.class) : null;
  }

  private static Boolean flag(RexNode node) {
    return node instanceof RexLiteral lit && !lit.isNull() ? lit.getValueAs(Boolean.class) : null;
  }
}
