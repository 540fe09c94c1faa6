package org.yggdrasil.planner.exec;

import java.math.BigDecimal;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * {@code EXTRACT(DOW FROM x)} and {@code date_part('dow', x)} number the days 0 (Sunday) to 6, as
 * PostgreSQL does; Calcite's count 1 (Sunday) to 7, so the converted call is Calcite's minus one.
 * (ISODOW, 1 = Monday to 7, is the same in both.)
 */
final class DayOfWeek {
  private DayOfWeek() {}

  static boolean handles(SqlCall call) {
    return ExtractField.of(call) == TimeUnitRange.DOW;
  }

  static RexNode convert(SqlRexContext cx, SqlCall call) {
    RexBuilder rex = cx.getRexBuilder();
    RexNode calcite = StandardConvertletTable.INSTANCE.convertCall(cx, call);
    RexNode one = rex.makeExactLiteral(BigDecimal.ONE, calcite.getType());
    return rex.makeCall(calcite.getType(), SqlStdOperatorTable.MINUS, java.util.List.of(calcite, one));
  }
}
