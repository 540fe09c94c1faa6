package org.yggdrasil.planner.exec;

import java.util.StringJoiner;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.TableSchema;

/**
 * A table's row as a one-row derived table of typed parameters, {@code (VALUES (CAST(? AS
 * BIGINT), …)) AS alias(col, …)}: how CHECK constraints and ON CONFLICT DO UPDATE evaluate SQL
 * expressions over a row that is not (yet) stored, with one compiled plan per statement.
 */
final class RowParameters {
  private RowParameters() {}

  /**
   * @param alias the derived table's name, as SQL text (quote it if it needs quoting)
   * @param prefix put before every column name (to keep two such tables' columns apart)
   */
  static String values(TableSchema schema, String alias, String prefix) {
    StringJoiner values = new StringJoiner(", ", "(VALUES (", "))");
    StringJoiner names = new StringJoiner(", ", " AS " + alias + "(", ")");
    for (ColumnDef col : schema.columns()) {
      values.add("CAST(? AS " + calciteType(col) + ")");
      names.add("\"" + (prefix + col.name()).replace("\"", "\"\"") + "\"");
    }
    return values + names.toString();
  }

  private static String calciteType(ColumnDef col) {
    return switch (col.type()) {
      case BOOL -> "BOOLEAN";
      case INT2 -> "SMALLINT";
      case INT4 -> "INTEGER";
      case INT8 -> "BIGINT";
      case FLOAT4 -> "REAL";
      case FLOAT8 -> "DOUBLE";
      case NUMERIC -> col.length() > 0
          ? "DECIMAL(" + col.length() + ", " + Math.max(0, col.scale()) + ")" : "DECIMAL";
      case TEXT, VARCHAR, BPCHAR, UUID -> "VARCHAR";
      case BYTEA -> "VARBINARY";
      case DATE -> "DATE";
      case TIMESTAMP -> "TIMESTAMP";
      case TIMESTAMPTZ -> "TIMESTAMP WITH LOCAL TIME ZONE";
    };
  }
}
