package org.yggdrasil.planner.exec;

import java.util.List;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * {@code extract(hour|minute FROM timestamptz)} (and {@code date_part}) read the session's clock,
 * as PostgreSQL does: Calcite read the UTC clock for these two fields while it takes the day
 * fields in the session's zone. The value is cast to timestamp (the session's wall clock) first.
 */
final class ZonedClockFields {
  private ZonedClockFields() {}

  static boolean handles(SqlCall call) {
    TimeUnitRange field = ExtractField.of(call);
    return field == TimeUnitRange.HOUR || field == TimeUnitRange.MINUTE;
  }

  static RexNode convert(SqlRexContext cx, SqlCall call) {
    if (cx.getValidator().getValidatedNodeType(call.operand(1)).getSqlTypeName()
        != SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
      return StandardConvertletTable.INSTANCE.convertCall(cx, call);
    }
    RexNode value = cx.convertExpression(call.operand(1));
    RexBuilder rex = cx.getRexBuilder();
    RelDataTypeFactory types = rex.getTypeFactory();
    RelDataType local = types.createTypeWithNullability(
        types.createSqlType(SqlTypeName.TIMESTAMP, value.getType().getPrecision()), value.getType().isNullable());
    RelDataType result = cx.getValidator().getValidatedNodeType(call);
    return rex.makeCall(result, SqlStdOperatorTable.EXTRACT,
        List.of(rex.makeFlag(ExtractField.of(call)), rex.makeCast(local, value)));
  }
}
