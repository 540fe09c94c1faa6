package org.yggdrasil.planner.exec;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The names {@code pg_typeof} gives a value's type, as PostgreSQL spells them ({@code integer},
 * {@code character varying}, {@code timestamp with time zone} …), without a type modifier.
 */
final class PgTypeNames {
  private PgTypeNames() {}

  /** The type name of {@code expression}, whose validated type is {@code type}. */
  static String of(SqlNode expression, RelDataType type) {
    if (expression instanceof SqlLiteral literal
        && (literal.getTypeName() == SqlTypeName.NULL
            || literal.getTypeName() == SqlTypeName.CHAR)) {
      // a string literal or NULL has no type of its own yet in PostgreSQL
      return "unknown";
    }
    return switch (type.getSqlTypeName()) {
      // text is VARCHAR without a length; varchar(n) keeps its length
      case VARCHAR -> type.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED
          || type.getPrecision() >= Integer.MAX_VALUE / 2 ? "text" : "character varying";
      case CHAR -> "character";
      // an array of string literals is text[]
      case ARRAY -> (type.getComponentType().getSqlTypeName() == SqlTypeName.CHAR ? "text"
          : of(null, type.getComponentType())) + "[]";
      default -> CalciteTypeNames.pgName(type.getSqlTypeName().getName());
    };
  }
}
