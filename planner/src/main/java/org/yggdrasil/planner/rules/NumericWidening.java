package org.yggdrasil.planner.rules;

import java.math.BigDecimal;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * PostgreSQL's cast of a numeric to a wider numeric of the same scale, as PgNumericRewrite spells
 * it: {@code CAST(pg_numeric_round(x, s)):DECIMAL(p, s)}. Calcite widens a numeric(10,2) column so
 * to meet {@code 100} in {@code amount > 100}, or the {@code 0} of
 * {@code CASE WHEN c THEN amount ELSE 0 END}; every value stays as it is.
 */
final class NumericWidening {
  private NumericWidening() {}

  /** x when {@code node} is such a cast of x (precision at most p, scale s), else null. */
  static RexNode widened(RexNode node) {
    if (node.getKind() != SqlKind.CAST || node.getType().getSqlTypeName() != SqlTypeName.DECIMAL
        || !(((RexCall) node).getOperands().get(0) instanceof RexCall round)
        || !round.getOperator().getName().equalsIgnoreCase("pg_numeric_round")
        || round.getOperands().size() != 2
        || !(round.getOperands().get(1) instanceof RexLiteral scale)) {
      return null;
    }
    RelDataType target = node.getType();
    RexNode x = round.getOperands().get(0);
    RelDataType from = x.getType();
    BigDecimal roundTo = scale.getValueAs(BigDecimal.class);
    boolean keepsValues = from.getSqlTypeName() == SqlTypeName.DECIMAL
        && roundTo != null && roundTo.compareTo(BigDecimal.valueOf(target.getScale())) == 0
        && from.getScale() == target.getScale() && from.getPrecision() <= target.getPrecision();
    return keepsValues ? x : null;
  }
}
