package org.yggdrasil.planner.exec;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * Integer {@code + - * /} and unary minus raise 22003 on overflow, as PostgreSQL's int2, int4 and
 * int8 arithmetic does, instead of wrapping around as Java's does: such calls become Calcite's
 * checked operators (Math.addExact and kin). Applied to the row-at-a-time part of a finished
 * plan, after the vectorized executor has taken what it runs, and to constants as they are
 * folded ({@link PgRexExecutor}). The vectorized executor computes integer arithmetic exactly
 * (in longs, then BigIntegers), so there {@code sum(i + 1)} with i at the int4 maximum gives the
 * exact sum where PostgreSQL raises 22003: it never wraps, but does not raise either, because it
 * evaluates expressions on whole chunks, rows a filter drops among them.
 */
final class CheckedIntegers extends RexShuttle {
  private final RexBuilder rex;

  CheckedIntegers(RexBuilder rex) {
    this.rex = rex;
  }

  /** The plan with its row-path expressions checked. */
  static RelNode apply(RelNode plan) {
    return new CheckedIntegers(plan.getCluster().getRexBuilder()).rewrite(plan);
  }

  private RelNode rewrite(RelNode rel) {
    RelNode node = FinishedPlans.withInputs(rel, this::rewrite);
    if (node instanceof EnumerableCalc calc) {
      return FinishedPlans.calc(calc, e -> e.accept(this));
    }
    if (node instanceof Join || node instanceof Filter || node instanceof Project) {
      return node.accept(this);
    }
    return node;
  }

  @Override
  public RexNode visitCall(RexCall call) {
    RexNode visited = super.visitCall(call);
    if (!(visited instanceof RexCall c) || !integer(c.getType().getSqlTypeName())
        || !c.getOperands().stream().allMatch(o -> integer(o.getType().getSqlTypeName()))) {
      return visited;
    }
    SqlOperator checked = switch (c.getKind()) {
      case PLUS -> SqlStdOperatorTable.CHECKED_PLUS;
      case MINUS -> SqlStdOperatorTable.CHECKED_MINUS;
      case TIMES -> SqlStdOperatorTable.CHECKED_MULTIPLY;
      case DIVIDE -> SqlStdOperatorTable.CHECKED_DIVIDE;
      case MINUS_PREFIX -> SqlStdOperatorTable.CHECKED_UNARY_MINUS;
      default -> null;
    };
    if (checked == null) {
      return visited;
    }
    if (c.getOperands().stream().allMatch(o -> o instanceof RexLiteral)) {
      return fold(c);
    }
    return c.getOperator() == checked ? visited
        : rex.makeCall(c.getParserPosition(), c.getType(), checked, c.getOperands());
  }

  /**
   * A call on constants, computed here: as a checked call, Calcite's generated code would compute
   * it once in a static initializer, whose failure (an overflow, a division by zero) every later
   * execution of the cached plan would see only as "could not initialize class". The error is
   * raised as the statement is planned instead, as PostgreSQL's constant folding does.
   */
  private RexNode fold(RexCall c) {
    List<Long> values = new ArrayList<>();
    for (RexNode o : c.getOperands()) {
      Long v = ((RexLiteral) o).getValueAs(Long.class);
      if (v == null) {
        return rex.makeNullLiteral(c.getType());
      }
      values.add(v);
    }
    long a = values.get(0);
    long result;
    try {
      result = switch (c.getKind()) {
        case PLUS -> Math.addExact(a, values.get(1));
        case MINUS -> Math.subtractExact(a, values.get(1));
        case TIMES -> Math.multiplyExact(a, values.get(1));
        case DIVIDE -> {
          if (values.get(1) == 0) {
            throw new SqlStateException(SqlState.DIVISION_BY_ZERO, "division by zero");
          }
          yield Math.divideExact(a, values.get(1));
        }
        default -> Math.negateExact(a);
      };
    } catch (ArithmeticException overflow) {
      throw outOfRange(c.getType().getSqlTypeName());
    }
    SqlTypeName type = c.getType().getSqlTypeName();
    long min = type == SqlTypeName.SMALLINT ? Short.MIN_VALUE : type == SqlTypeName.INTEGER ? Integer.MIN_VALUE : Long.MIN_VALUE;
    long max = type == SqlTypeName.SMALLINT ? Short.MAX_VALUE : type == SqlTypeName.INTEGER ? Integer.MAX_VALUE : Long.MAX_VALUE;
    if (result < min || result > max) {
      throw outOfRange(type);
    }
    return rex.makeExactLiteral(java.math.BigDecimal.valueOf(result), c.getType());
  }

  private static SqlStateException outOfRange(SqlTypeName type) {
    String name = type == SqlTypeName.SMALLINT ? "smallint" : type == SqlTypeName.INTEGER ? "integer" : "bigint";
    return new SqlStateException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, name + " out of range");
  }

  private static boolean integer(SqlTypeName t) {
    return t == SqlTypeName.SMALLINT || t == SqlTypeName.INTEGER || t == SqlTypeName.BIGINT;
  }
}
