package org.yggdrasil.planner.exec;

import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;
import org.yggdrasil.planner.session.PgOid;

/**
 * Gives every {@code ?} marker an explicit type: {@code CAST(? AS <declared type>)}, or text
 * when the client declared none. Used when validation could not infer a marker's type from its
 * context (as in {@code SELECT $1}), where PostgreSQL would take the declared type or text.
 */
public final class ParameterCasts extends SqlShuttle {
  private final int[] markerOids;

  private ParameterCasts(int[] markerOids) {
    this.markerOids = markerOids;
  }

  /** Wraps the markers of {@code node}; {@code markerOids[i]} is marker i's declared OID or 0. */
  public static SqlNode wrap(SqlNode node, int[] markerOids) {
    return node.accept(new ParameterCasts(markerOids));
  }

  @Override
  public SqlNode visit(SqlDynamicParam param) {
    int oid = param.getIndex() < markerOids.length ? markerOids[param.getIndex()] : 0;
    SqlParserPos pos = param.getParserPosition();
    SqlTypeName type = switch (oid) {
      case PgOid.BOOL -> SqlTypeName.BOOLEAN;
      case PgOid.INT2 -> SqlTypeName.SMALLINT;
      case PgOid.INT4 -> SqlTypeName.INTEGER;
      case PgOid.INT8 -> SqlTypeName.BIGINT;
      case PgOid.FLOAT4 -> SqlTypeName.REAL;
      case PgOid.FLOAT8 -> SqlTypeName.DOUBLE;
      case PgOid.NUMERIC -> SqlTypeName.DECIMAL;
      case PgOid.BYTEA -> SqlTypeName.VARBINARY;
      case PgOid.DATE -> SqlTypeName.DATE;
      case PgOid.TIME -> SqlTypeName.TIME;
      case PgOid.TIMESTAMP -> SqlTypeName.TIMESTAMP;
      case PgOid.TIMESTAMPTZ -> SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
      case PgOid.UUID -> SqlTypeName.UUID;
      default -> SqlTypeName.VARCHAR;
    };
    SqlBasicTypeNameSpec spec = type == SqlTypeName.DECIMAL
        ? new SqlBasicTypeNameSpec(type, 1000, 32, pos)
        : new SqlBasicTypeNameSpec(type, pos);
    return SqlStdOperatorTable.CAST.createCall(pos, param, new SqlDataTypeSpec(spec, pos));
  }
}
