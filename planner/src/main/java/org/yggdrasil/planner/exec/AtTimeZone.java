package org.yggdrasil.planner.exec;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.yggdrasil.planner.schema.functions.DateFunctions;

/**
 * PostgreSQL's {@code ts AT TIME ZONE zone} (and {@code timezone(zone, ts)}), which the parser
 * layer spells {@code ygg_pg_at_time_zone(ts, zone)}: a timestamptz becomes the wall-clock
 * timestamp in that zone, a timestamp is read as wall-clock time there and becomes a
 * timestamptz. Anything else (a string, a date) is taken as a timestamptz first, as PostgreSQL
 * resolves it.
 */
final class AtTimeZone {
  static final String NAME = "ygg_pg_at_time_zone";

  static final SqlFunction FUNCTION = new SqlFunction(NAME, SqlKind.OTHER_FUNCTION,
      AtTimeZone::returnType,
      (binding, returnType, operandTypes) -> {
        var f = binding.getTypeFactory();
        if (operandTypes[0].getSqlTypeName() == SqlTypeName.UNKNOWN) {
          operandTypes[0] = f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 6);
        }
        operandTypes[1] = f.createSqlType(SqlTypeName.VARCHAR);
      },
      OperandTypes.ANY_ANY, SqlFunctionCategory.TIMEDATE);


  private static final SqlUserDefinedFunction LOCAL_TO_UTC = runtime("localToUtc");
  private static final SqlUserDefinedFunction UTC_TO_LOCAL = runtime("utcToLocal");

  private AtTimeZone() {}

  private static boolean isPlainTimestamp(RelDataType type) {
    return type.getSqlTypeName() == SqlTypeName.TIMESTAMP;
  }

  private static RelDataType returnType(SqlOperatorBinding binding) {
    RelDataTypeFactory f = binding.getTypeFactory();
    RelDataType input = binding.getOperandType(0);
    SqlTypeName result = isPlainTimestamp(input)
        ? SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE : SqlTypeName.TIMESTAMP;
    boolean nullable = input.isNullable() || binding.getOperandType(1).isNullable();
    return f.createTypeWithNullability(f.createSqlType(result, 6), nullable);
  }

  static RexNode convert(
      org.apache.calcite.sql2rel.SqlRexContext cx, SqlCall call) {
    RexBuilder rex = cx.getRexBuilder();
    var f = rex.getTypeFactory();
    RexNode value = cx.convertExpression(call.operand(0));
    RexNode zone = cx.convertExpression(call.operand(1));
    RelDataType resultType = cx.getValidator().getValidatedNodeType(call);
    boolean nullable = resultType.isNullable();
    RelDataType bigint = f.createTypeWithNullability(f.createSqlType(SqlTypeName.BIGINT),
        nullable);
    if (!isPlainTimestamp(value.getType())) {
      if (value.getType().getSqlTypeName() != SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
        value = rex.makeCast(f.createTypeWithNullability(
            f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 6),
            value.getType().isNullable()), value);
      }
    }
    RexNode millis = rex.makeReinterpretCast(
        f.createTypeWithNullability(f.createSqlType(SqlTypeName.BIGINT),
            value.getType().isNullable()), value, rex.makeLiteral(false));
    SqlUserDefinedFunction shift = isPlainTimestamp(value.getType()) ? LOCAL_TO_UTC
        : UTC_TO_LOCAL;
    RexNode shifted = rex.makeCall(bigint, shift, List.of(millis, zone));
    return rex.makeReinterpretCast(resultType, shifted, rex.makeLiteral(false));
  }

  private static SqlUserDefinedFunction runtime(String method) {
    return new MicrosecondFunction(
        new SqlIdentifier("pg_zone_" + method, SqlParserPos.ZERO),
        ReturnTypes.ARG0, InferTypes.FIRST_KNOWN,
        OperandTypes.operandMetadata(List.of(SqlTypeFamily.ANY, SqlTypeFamily.ANY),
            f -> List.of(f.createSqlType(SqlTypeName.BIGINT), f.createSqlType(SqlTypeName.VARCHAR)),
            i -> "arg" + i, i -> false),
        ScalarFunctionImpl.create(DateFunctions.class, method));
  }
}
