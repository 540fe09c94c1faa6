package org.yggdrasil.planner.exec;

import java.util.List;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.rules.AggregateReduceFunctionsRule;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.yggdrasil.planner.schema.PgTypeSystem;
import org.yggdrasil.planner.schema.functions.PgNumeric;

/**
 * Gives numeric division PostgreSQL's value-dependent result scale ({@link PgNumeric}): AVG is
 * first expanded into SUM / COUNT, then every division whose result is DECIMAL calls {@link
 * PgNumeric#divide} (and the cast Calcite puts around an average is dropped, since it would
 * pad every result to a fixed scale).
 */
final class PgNumericRewrite extends RexShuttle {
  private static final SqlUserDefinedFunction DIVIDE = udf("divide", 2);
  static final SqlUserDefinedFunction KEEP_SCALE = udf("keepScale", 1);
  private static final SqlUserDefinedFunction FROM_LONG = udf("fromLong", 1);
  private static final SqlUserDefinedFunction FROM_DOUBLE = udf("fromDouble", 1);
  private static final SqlUserDefinedFunction ROUND = udf("round", 2);
  private static final SqlUserDefinedFunction ROUND_INTEGRAL = udf("roundIntegral", 1);
  private static final SqlUserDefinedFunction RINT = udf("rint", 1);
  private static final SqlUserDefinedFunction TEXT_BOOL = textUdf("ofBoolean");
  private static final SqlUserDefinedFunction TEXT_NUMERIC = textUdf("ofNumeric");
  private static final SqlUserDefinedFunction TEXT_DAY_TIME = textUdf("ofDayTimeInterval");
  private static final SqlUserDefinedFunction TEXT_YEAR_MONTH = textUdf("ofYearMonthInterval");
  private static final SqlUserDefinedFunction TEXT_BYTEA = textUdf("ofBytea");
  private static final SqlUserDefinedFunction TEXT_FLOAT8 = textUdf("ofFloat8");
  private static final SqlUserDefinedFunction TEXT_FLOAT4 = textUdf("ofFloat4");
  private static final SqlUserDefinedFunction TEXT_TIMESTAMP = timestampTextUdf("ofTimestamp");
  private static final SqlUserDefinedFunction TEXT_TIMESTAMP_MILLIS = textUdf("ofTimestampMillis");
  private static final SqlUserDefinedFunction TEXT_TIMESTAMPTZ = timestampTextUdf("ofTimestamptz");

  private static SqlUserDefinedFunction textUdf(String method) {
    return call(org.yggdrasil.planner.schema.functions.PgText.class, "pg_text_", method, 1);
  }

  /** A text conversion of a timestamp in microseconds. */
  private static SqlUserDefinedFunction timestampTextUdf(String method) {
    return new MicrosecondFunction(
        new SqlIdentifier("pg_text_" + method, SqlParserPos.ZERO), ReturnTypes.ARG0,
        InferTypes.FIRST_KNOWN,
        OperandTypes.operandMetadata(List.of(SqlTypeFamily.ANY),
            f -> List.of(f.createSqlType(SqlTypeName.ANY)), i -> "arg" + i, i -> false),
        ScalarFunctionImpl.create(org.yggdrasil.planner.schema.functions.PgText.class, method));
  }

  private static SqlUserDefinedFunction udf(String method, int arity) {
    return call(PgNumeric.class, "pg_numeric_", method, arity);
  }

  /** A call to a static method, for use in rewritten expressions only (never validated). */
  private static SqlUserDefinedFunction call(Class<?> owner, String prefix, String method,
      int arity) {
    List<SqlTypeFamily> families = java.util.Collections.nCopies(arity, SqlTypeFamily.ANY);
    return new SqlUserDefinedFunction(
        new SqlIdentifier(prefix + method, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
        ReturnTypes.ARG0, InferTypes.FIRST_KNOWN,
        OperandTypes.operandMetadata(families,
            f -> java.util.Collections.nCopies(arity, f.createSqlType(SqlTypeName.ANY)),
            i -> "arg" + i, i -> false),
        ScalarFunctionImpl.create(owner, method));
  }

  private final RexBuilder rexBuilder;
  /**
   * Rewriting constants for folding ({@link PgRexExecutor}), where Calcite's evaluator holds
   * timestamps in milliseconds, not the microseconds of a running plan. A timestamptz's text
   * depends on the session's TimeZone, which a cached plan must not capture: left unfolded.
   */
  private final boolean folding;

  private PgNumericRewrite(RexBuilder rexBuilder, boolean folding) {
    this.rexBuilder = rexBuilder;
    this.folding = folding;
  }

  static RelNode apply(RelNode rel) {
    HepProgramBuilder program = new HepProgramBuilder();
    program.addRuleInstance(AggregateReduceFunctionsRule.Config.DEFAULT
        .withOperandFor(Aggregate.class)
        .withFunctionsToReduce(java.util.Set.of(SqlKind.AVG))
        .toRule());
    HepPlanner hep = new HepPlanner(program.build());
    hep.setRoot(rel);
    RelNode reduced = hep.findBestExp();
    PgNumericRewrite rex = new PgNumericRewrite(rel.getCluster().getRexBuilder(), false);
    return reduced.accept(new RelHomogeneousShuttle() {
      @Override
      public RelNode visit(RelNode other) {
        return super.visit(other).accept(rex);
      }
    });
  }

  /** {@code expressions} with the rewrite applied, for folding constants ({@link PgRexExecutor}). */
  static List<RexNode> rewrite(RexBuilder rexBuilder, List<RexNode> expressions) {
    PgNumericRewrite rewrite = new PgNumericRewrite(rexBuilder, true);
    return expressions.stream().map(e -> e.accept(rewrite)).toList();
  }

  @Override
  public RexNode visitCall(RexCall call) {
    RexNode visited = super.visitCall(call);
    if (!(visited instanceof RexCall c)) {
      return visited;
    }
    if (c.getKind() == SqlKind.DIVIDE && isDecimal(c.getType())) {
      return rexBuilder.makeCall(c.getType(), DIVIDE, List.of(
          toDecimal(c.getOperands().get(0)), toDecimal(c.getOperands().get(1))));
    }
    if (c.getKind() == SqlKind.CAST) {
      return cast(c, c.getOperands().get(0));
    }
    return c;
  }

  /**
   * PostgreSQL's numeric casts: into an unconstrained numeric a value keeps its scale; into
   * numeric(p, s) it is rounded half away from zero; into an integer it is rounded (numerics
   * half away from zero, floats half to even) rather than truncated.
   */
  private RexNode cast(RexCall c, RexNode operand) {
    RelDataType target = c.getType();
    SqlTypeName from = operand.getType().getSqlTypeName();
    if (target.getSqlTypeName() == SqlTypeName.VARCHAR
        || target.getSqlTypeName() == SqlTypeName.CHAR) {
      RexNode text = textOf(target, operand, from);
      if (text != null) {
        return target.getSqlTypeName() == SqlTypeName.VARCHAR
            && target.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED
            ? text : rexBuilder.makeCast(target, text);
      }
    }
    if (isDecimal(target)) {
      if (operand instanceof RexCall inner && inner.getOperator() == DIVIDE) {
        return rexBuilder.makeCall(target, DIVIDE, inner.getOperands());
      }
      if (target.getPrecision() == PgTypeSystem.UNCONSTRAINED_NUMERIC_PRECISION) {
        return switch (from) {
          case DECIMAL -> rexBuilder.makeCall(target, KEEP_SCALE, List.of(operand));
          case TINYINT, SMALLINT, INTEGER, BIGINT -> rexBuilder.makeCall(target, FROM_LONG,
              List.of(rexBuilder.makeCast(nullable(SqlTypeName.BIGINT, operand), operand)));
          case REAL, FLOAT, DOUBLE -> rexBuilder.makeCall(target, FROM_DOUBLE,
              List.of(rexBuilder.makeCast(nullable(SqlTypeName.DOUBLE, operand), operand)));
          default -> c;
        };
      }
      if (from == SqlTypeName.DECIMAL) {
        RexNode rounded = rexBuilder.makeCall(operand.getType(), ROUND,
            List.of(operand, rexBuilder.makeExactLiteral(
                java.math.BigDecimal.valueOf(target.getScale()))));
        return rexBuilder.makeCast(target, rounded);
      }
      return c;
    }
    if (SqlTypeName.INT_TYPES.contains(target.getSqlTypeName())) {
      if (from == SqlTypeName.DECIMAL) {
        return rexBuilder.makeCast(target,
            rexBuilder.makeCall(operand.getType(), ROUND_INTEGRAL, List.of(operand)));
      }
      if (from == SqlTypeName.DOUBLE || from == SqlTypeName.REAL || from == SqlTypeName.FLOAT) {
        RexNode asDouble = rexBuilder.makeCast(nullable(SqlTypeName.DOUBLE, operand), operand);
        return rexBuilder.makeCast(target,
            rexBuilder.makeCall(asDouble.getType(), RINT, List.of(asDouble)));
      }
    }
    return c;
  }

  /** PostgreSQL's text form of a value, for casts to text; null where Calcite's is right. */
  private RexNode textOf(RelDataType target, RexNode operand, SqlTypeName from) {
    var f = rexBuilder.getTypeFactory();
    RelDataType text = f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR),
        operand.getType().isNullable());
    if (folding && from == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
      return null;
    }
    if (folding && from == SqlTypeName.TIMESTAMP) {
      return rexBuilder.makeCall(text, TEXT_TIMESTAMP_MILLIS, List.of(rexBuilder.makeReinterpretCast(
          nullable(SqlTypeName.BIGINT, operand), operand, rexBuilder.makeLiteral(false))));
    }
    if (SqlTypeName.DAY_INTERVAL_TYPES.contains(from)) {
      return rexBuilder.makeCall(text, TEXT_DAY_TIME, List.of(rexBuilder.makeReinterpretCast(
          nullable(SqlTypeName.BIGINT, operand), operand, rexBuilder.makeLiteral(false))));
    }
    if (SqlTypeName.YEAR_INTERVAL_TYPES.contains(from)) {
      return rexBuilder.makeCall(text, TEXT_YEAR_MONTH, List.of(rexBuilder.makeReinterpretCast(
          nullable(SqlTypeName.INTEGER, operand), operand, rexBuilder.makeLiteral(false))));
    }
    return switch (from) {
      case BOOLEAN -> rexBuilder.makeCall(text, TEXT_BOOL, List.of(operand));
      case VARBINARY, BINARY -> rexBuilder.makeCall(text, TEXT_BYTEA, List.of(operand));
      case DECIMAL -> rexBuilder.makeCall(text, TEXT_NUMERIC, List.of(operand));
      case DOUBLE, FLOAT -> rexBuilder.makeCall(text, TEXT_FLOAT8, List.of(operand));
      case REAL -> rexBuilder.makeCall(text, TEXT_FLOAT4,
          List.of(rexBuilder.makeCast(nullable(SqlTypeName.DOUBLE, operand), operand)));
      case TIMESTAMP -> rexBuilder.makeCall(text, TEXT_TIMESTAMP,
          List.of(rexBuilder.makeReinterpretCast(nullable(SqlTypeName.BIGINT, operand), operand,
              rexBuilder.makeLiteral(false))));
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> rexBuilder.makeCall(text, TEXT_TIMESTAMPTZ,
          List.of(rexBuilder.makeReinterpretCast(nullable(SqlTypeName.BIGINT, operand), operand,
              rexBuilder.makeLiteral(false))));
      default -> null;
    };
  }

  private RelDataType nullable(SqlTypeName name, RexNode like) {
    var f = rexBuilder.getTypeFactory();
    return f.createTypeWithNullability(f.createSqlType(name), like.getType().isNullable());
  }

  private RexNode toDecimal(RexNode operand) {
    if (isDecimal(operand.getType())) {
      // A cast that only widens a numeric's scale (as AVG's expansion adds) would change the
      // division's result scale; PostgreSQL divides the value as it is.
      if (operand instanceof RexCall cast && cast.getKind() == SqlKind.CAST
          && isDecimal(cast.getOperands().get(0).getType())) {
        return cast.getOperands().get(0);
      }
      return operand;
    }
    RelDataType decimal = rexBuilder.getTypeFactory().createTypeWithNullability(
        rexBuilder.getTypeFactory().createSqlType(SqlTypeName.DECIMAL, 1000, 0),
        operand.getType().isNullable());
    return rexBuilder.makeCast(decimal, operand);
  }

  private static boolean isDecimal(RelDataType type) {
    return type.getSqlTypeName() == SqlTypeName.DECIMAL;
  }
}
