package org.yggdrasil.planner.schema;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.yggdrasil.planner.session.PgOid;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.ColumnType;

/** Maps store column types to Calcite types and to PostgreSQL type OIDs and modifiers. */
public final class ColumnTypes {
  private ColumnTypes() {}

  /** The Calcite type of a stored column (nullable unless NOT NULL). */
  public static RelDataType relType(RelDataTypeFactory f, ColumnDef col) {
    RelDataType t = switch (col.type()) {
      case BOOL -> f.createSqlType(SqlTypeName.BOOLEAN);
      case INT2 -> f.createSqlType(SqlTypeName.SMALLINT);
      case INT4 -> f.createSqlType(SqlTypeName.INTEGER);
      case INT8 -> f.createSqlType(SqlTypeName.BIGINT);
      case FLOAT4 -> f.createSqlType(SqlTypeName.REAL);
      case FLOAT8 -> f.createSqlType(SqlTypeName.DOUBLE);
      case NUMERIC -> col.length() < 0
          ? f.createSqlType(SqlTypeName.DECIMAL, PgTypeSystem.UNCONSTRAINED_NUMERIC_PRECISION,
              PgTypeSystem.UNCONSTRAINED_NUMERIC_SCALE)
          : f.createSqlType(SqlTypeName.DECIMAL, col.length(), Math.max(col.scale(), 0));
      case TEXT -> f.createSqlType(SqlTypeName.VARCHAR);
      case VARCHAR -> col.length() < 0
          ? f.createSqlType(SqlTypeName.VARCHAR)
          : f.createSqlType(SqlTypeName.VARCHAR, col.length());
      case BPCHAR -> f.createSqlType(SqlTypeName.CHAR, Math.max(col.length(), 1));
      case BYTEA -> f.createSqlType(SqlTypeName.VARBINARY);
      case DATE -> f.createSqlType(SqlTypeName.DATE);
      case TIMESTAMP -> f.createSqlType(SqlTypeName.TIMESTAMP, 6);
      case TIMESTAMPTZ -> f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 6);
      case UUID -> f.createSqlType(SqlTypeName.UUID);
    };
    return f.createTypeWithNullability(t, !col.notNull());
  }

  /** The PostgreSQL type OID of a stored column: its enum type's, else its store type's. */
  public static int oid(ColumnDef col) {
    return col.userType() != null ? (int) col.userType().oid() : oid(col.type());
  }

  /** The PostgreSQL type OID of a stored column type. */
  public static int oid(ColumnType type) {
    return switch (type) {
      case BOOL -> PgOid.BOOL;
      case INT2 -> PgOid.INT2;
      case INT4 -> PgOid.INT4;
      case INT8 -> PgOid.INT8;
      case FLOAT4 -> PgOid.FLOAT4;
      case FLOAT8 -> PgOid.FLOAT8;
      case NUMERIC -> PgOid.NUMERIC;
      case TEXT -> PgOid.TEXT;
      case VARCHAR -> PgOid.VARCHAR;
      case BPCHAR -> PgOid.BPCHAR;
      case BYTEA -> PgOid.BYTEA;
      case DATE -> PgOid.DATE;
      case TIMESTAMP -> PgOid.TIMESTAMP;
      case TIMESTAMPTZ -> PgOid.TIMESTAMPTZ;
      case UUID -> PgOid.UUID;
    };
  }

  /** atttypmod of a stored column, -1 when it has none. */
  public static int typeModifier(ColumnDef col) {
    return switch (col.type()) {
      case VARCHAR, BPCHAR -> col.length() < 0 ? -1 : col.length() + 4;
      case NUMERIC -> col.length() < 0 ? -1 : ((col.length() << 16) | Math.max(col.scale(), 0)) + 4;
      default -> -1;
    };
  }

  /** The PostgreSQL type OID for a computed value of a Calcite type. */
  public static int oid(RelDataType type) {
    return switch (type.getSqlTypeName()) {
      case BOOLEAN -> PgOid.BOOL;
      case TINYINT, SMALLINT -> PgOid.INT2;
      case INTEGER -> PgOid.INT4;
      case BIGINT -> PgOid.INT8;
      case REAL -> PgOid.FLOAT4;
      case FLOAT, DOUBLE -> PgOid.FLOAT8;
      case DECIMAL -> PgOid.NUMERIC;
      case CHAR -> PgOid.TEXT;
      case VARCHAR -> type.getPrecision() > 0 && type.getPrecision() < 65536
          ? PgOid.VARCHAR : PgOid.TEXT;
      case BINARY, VARBINARY -> PgOid.BYTEA;
      case DATE -> PgOid.DATE;
      case TIME, TIME_WITH_LOCAL_TIME_ZONE -> PgOid.TIME;
      case TIMESTAMP -> PgOid.TIMESTAMP;
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ -> PgOid.TIMESTAMPTZ;
      case UUID -> PgOid.UUID;
      case INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH, INTERVAL_DAY, INTERVAL_DAY_HOUR,
          INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND, INTERVAL_HOUR, INTERVAL_HOUR_MINUTE,
          INTERVAL_HOUR_SECOND, INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND, INTERVAL_SECOND ->
          PgOid.INTERVAL;
      case ARRAY -> arrayOid(type.getComponentType());
      default -> PgOid.TEXT;
    };
  }

  private static int arrayOid(RelDataType element) {
    if (element == null) {
      return PgOid.TEXT_ARRAY;
    }
    return switch (oid(element)) {
      case PgOid.BOOL -> PgOid.BOOL_ARRAY;
      case PgOid.INT2 -> PgOid.INT2_ARRAY;
      case PgOid.INT4 -> PgOid.INT4_ARRAY;
      case PgOid.INT8 -> PgOid.INT8_ARRAY;
      case PgOid.FLOAT4 -> PgOid.FLOAT4_ARRAY;
      case PgOid.FLOAT8 -> PgOid.FLOAT8_ARRAY;
      default -> PgOid.TEXT_ARRAY;
    };
  }

  /** The Calcite type a parameter of this declared OID gets, or null for unknown OIDs. */
  public static RelDataType relType(RelDataTypeFactory f, int oid) {
    SqlTypeName name = switch (oid) {
      case PgOid.BOOL -> SqlTypeName.BOOLEAN;
      case PgOid.INT2 -> SqlTypeName.SMALLINT;
      case PgOid.INT4 -> SqlTypeName.INTEGER;
      case PgOid.INT8, PgOid.OID -> SqlTypeName.BIGINT;
      case PgOid.FLOAT4 -> SqlTypeName.REAL;
      case PgOid.FLOAT8 -> SqlTypeName.DOUBLE;
      case PgOid.NUMERIC -> SqlTypeName.DECIMAL;
      case PgOid.TEXT, PgOid.VARCHAR, PgOid.BPCHAR, PgOid.NAME, PgOid.UNKNOWN, PgOid.JSON,
          PgOid.JSONB -> SqlTypeName.VARCHAR;
      case PgOid.BYTEA -> SqlTypeName.VARBINARY;
      case PgOid.DATE -> SqlTypeName.DATE;
      case PgOid.TIME -> SqlTypeName.TIME;
      case PgOid.TIMESTAMP -> SqlTypeName.TIMESTAMP;
      case PgOid.TIMESTAMPTZ -> SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
      case PgOid.UUID -> SqlTypeName.UUID;
      default -> null;
    };
    if (name == null) {
      return null;
    }
    RelDataType t = name == SqlTypeName.DECIMAL
        ? f.createSqlType(name, PgTypeSystem.UNCONSTRAINED_NUMERIC_PRECISION,
            PgTypeSystem.UNCONSTRAINED_NUMERIC_SCALE)
        : f.createSqlType(name);
    return f.createTypeWithNullability(t, true);
  }
}
