package org.yggdrasil.planner.exec;

import org.apache.calcite.rel.type.RelDataType;
import org.yggdrasil.planner.schema.AssignmentCast;
import org.yggdrasil.storage.nativestore.ColumnType;

/**
 * Converts a parameter value as the client sent it (canonical Java value of the OID the client
 * declared) into the canonical value of the type the planner inferred for it, leniently, as
 * PostgreSQL coerces an untyped literal.
 */
public final class ParameterValues {
  private ParameterValues() {}

  public static Object coerce(Object value, RelDataType type) {
    if (value == null) {
      return null;
    }
    ColumnType target = switch (type.getSqlTypeName()) {
      case BOOLEAN -> ColumnType.BOOL;
      case TINYINT, SMALLINT -> ColumnType.INT2;
      case INTEGER -> ColumnType.INT4;
      case BIGINT -> ColumnType.INT8;
      case REAL -> ColumnType.FLOAT4;
      case FLOAT, DOUBLE -> ColumnType.FLOAT8;
      case DECIMAL -> ColumnType.NUMERIC;
      case CHAR, VARCHAR -> ColumnType.TEXT;
      case BINARY, VARBINARY -> ColumnType.BYTEA;
      case DATE -> ColumnType.DATE;
      case TIMESTAMP -> ColumnType.TIMESTAMP;
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ -> ColumnType.TIMESTAMPTZ;
      case UUID -> ColumnType.UUID;
      default -> null;
    };
    return target == null ? value : AssignmentCast.cast(value, target);
  }
}
