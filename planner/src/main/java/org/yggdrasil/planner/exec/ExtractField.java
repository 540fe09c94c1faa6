package org.yggdrasil.planner.exec;

import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;

/** The field an {@code EXTRACT(field FROM x)} or {@code date_part('field', x)} call names (Calcite marks both EXTRACT). */
final class ExtractField {
  private ExtractField() {}

  /** The field, or null when {@code call} is no such call or names none Calcite knows. */
  static TimeUnitRange of(SqlCall call) {
    if (call.getKind() != SqlKind.EXTRACT || call.operandCount() != 2) {
      return null;
    }
    SqlNode field = call.operand(0);
    if (field instanceof SqlIntervalQualifier q) {
      return q.timeUnitRange;
    }
    if (field instanceof SqlLiteral l && l.getValue() instanceof TimeUnitRange range) {
      return range;
    }
    if (field instanceof SqlCharStringLiteral s) {
      try {
        return TimeUnitRange.of(SqlIntervalQualifier.stringToDatePartTimeUnit(s.getValueAs(String.class).trim()), null);
      } catch (RuntimeException unknownField) {
        return null; // Calcite's own conversion reports it
      }
    }
    return null;
  }
}
