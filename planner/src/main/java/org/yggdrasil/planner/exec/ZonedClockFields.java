package org.yggdrasil.planner.exec;

import java.util.List;
import java.util.Locale;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql2rel.SqlRexContext;

/**
 * {@code extract(hour|minute FROM timestamptz)} (and {@code date_part}) read the session's clock,
 * as PostgreSQL does: Calcite read the UTC clock for these two fields while it takes the day
 * fields in the session's zone. The value is cast to timestamp (the session's wall clock) first.
 */
final class ZonedClockFields {
  private ZonedClockFields() {}

  static boolean handles(SqlCall call) {
    return call.getKind() == SqlKind.EXTRACT && call.operandCount() == 2 && field(call.operand(0)) != null;
  }

  static RexNode convert(SqlRexContext cx, SqlCall call) {
    RexNode value = cx.convertExpression(call.operand(1));
    if (value.getType().getSqlTypeName() != SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
      return org.apache.calcite.sql2rel.StandardConvertletTable.INSTANCE.convertCall(cx, call);
    }
    RexBuilder rex = cx.getRexBuilder();
    RelDataTypeFactory types = rex.getTypeFactory();
    RelDataType local = types.createTypeWithNullability(
        types.createSqlType(SqlTypeName.TIMESTAMP, value.getType().getPrecision()), value.getType().isNullable());
    RelDataType result = cx.getValidator().getValidatedNodeType(call);
    return rex.makeCall(result, SqlStdOperatorTable.EXTRACT,
        List.of(rex.makeFlag(field(call.operand(0))), rex.makeCast(local, value)));
  }

  /** HOUR or MINUTE, named by EXTRACT's qualifier or date_part's string; else null. */
  private static TimeUnitRange field(SqlNode node) {
    TimeUnitRange range = null;
    if (node instanceof SqlIntervalQualifier q) {
      range = q.timeUnitRange;
    } else if (node instanceof SqlCharStringLiteral s) {
      String text = s.getValueAs(String.class).trim().toLowerCase(Locale.ROOT);
      range = text.equals("hour") ? TimeUnitRange.HOUR : text.equals("minute") ? TimeUnitRange.MINUTE : null;
    }
    return range == TimeUnitRange.HOUR || range == TimeUnitRange.MINUTE ? range : null;
  }
}
