package org.yggdrasil.planner.attach;

import java.util.Locale;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.tables.ColumnSpec;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.ColumnType;

/** Maps the PostgreSQL type names attached systems give their columns to the store's types. */
final class ColumnMapping {
  private ColumnMapping() {}

  static ColumnType type(ColumnSpec c) {
    String t = c.pgType().strip().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "text", "varchar", "character varying" -> ColumnType.TEXT;
      case "bigint", "int8" -> ColumnType.INT8;
      case "integer", "int", "int4" -> ColumnType.INT4;
      case "smallint", "int2" -> ColumnType.INT2;
      case "double precision", "float8" -> ColumnType.FLOAT8;
      case "real", "float4" -> ColumnType.FLOAT4;
      case "boolean", "bool" -> ColumnType.BOOL;
      case "bytea" -> ColumnType.BYTEA;
      case "numeric", "decimal" -> ColumnType.NUMERIC;
      case "date" -> ColumnType.DATE;
      case "timestamp with time zone", "timestamptz" -> ColumnType.TIMESTAMPTZ;
      case "timestamp", "timestamp without time zone" -> ColumnType.TIMESTAMP;
      case "uuid" -> ColumnType.UUID;
      default -> throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
          "attached column \"" + c.name() + "\" has unsupported type " + c.pgType());
    };
  }

  static ColumnDef def(ColumnSpec c) {
    return ColumnDef.of(c.name(), type(c)).withNotNull(!c.nullable());
  }
}
