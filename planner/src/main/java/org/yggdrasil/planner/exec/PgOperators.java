package org.yggdrasil.planner.exec;

import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * The PostgreSQL operators Yggdrasil adds to Calcite's (AT TIME ZONE, json_build_object, the
 * statistical aggregates of {@link org.yggdrasil.planner.stats.PgStatFunctions}), and
 * the conversion that expands them into calls Calcite can execute.
 */
final class PgOperators {
  static final SqlOperatorTable OPERATORS = SqlOperatorTables.chain(
      SqlOperatorTables.of(AtTimeZone.FUNCTION, JsonBuildObject.JSON, JsonBuildObject.JSONB),
      org.yggdrasil.planner.stats.PgStatFunctions.OPERATORS,
      org.yggdrasil.planner.model.AnomalyFunction.OPERATORS);

  static final SqlRexConvertletTable CONVERTLETS = call -> call.getOperator() == AtTimeZone.FUNCTION
      ? AtTimeZone::convert
      : DateArithmetic.handles(call) ? DateArithmetic::convert
      : JsonBuildObject.handles(call) ? JsonBuildObject::convert
      : CharLength.handles(call) ? CharLength::convert
      : PgFunctions.handles(call) ? PgFunctions::convert
      : CodePointStrings.handles(call) ? CodePointStrings::convert
      : DayOfWeek.handles(call) ? DayOfWeek::convert
      : ZonedClockFields.handles(call) ? ZonedClockFields::convert
      : org.yggdrasil.planner.model.AnomalyFunction.handles(call)
          ? org.yggdrasil.planner.model.AnomalyFunction::convert
      : StandardConvertletTable.INSTANCE.get(call);

  private PgOperators() {}
}
