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
import org.yggdrasil.planner.schema.functions.PgNumeric;

/**
 * Gives numeric division PostgreSQL's value-dependent result scale ({@link PgNumeric}): AVG is
 * first expanded into SUM / COUNT, then every division whose result is DECIMAL calls {@link
 * PgNumeric#divide} (and the cast Calcite puts around an average is dropped, since it would
 * pad every result to a fixed scale).
 */
final class PgNumericRewrite extends RexShuttle {
  private static final SqlUserDefinedFunction DIVIDE = new SqlUserDefinedFunction(
      new SqlIdentifier("pg_numeric_divide", SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
      ReturnTypes.ARG0, InferTypes.FIRST_KNOWN,
      OperandTypes.operandMetadata(List.of(SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC),
          f -> List.of(f.createSqlType(SqlTypeName.DECIMAL), f.createSqlType(SqlTypeName.DECIMAL)),
          i -> "arg" + i, i -> false),
      ScalarFunctionImpl.create(PgNumeric.class, "divide"));

  private final RexBuilder rexBuilder;

  private PgNumericRewrite(RexBuilder rexBuilder) {
    this.rexBuilder = rexBuilder;
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
    PgNumericRewrite rex = new PgNumericRewrite(rel.getCluster().getRexBuilder());
    return reduced.accept(new RelHomogeneousShuttle() {
      @Override
      public RelNode visit(RelNode other) {
        return super.visit(other).accept(rex);
      }
    });
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
    if (c.getKind() == SqlKind.CAST && isDecimal(c.getType())
        && c.getOperands().get(0) instanceof RexCall inner && inner.getOperator() == DIVIDE) {
      return rexBuilder.makeCall(c.getType(), DIVIDE, inner.getOperands());
    }
    return c;
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
