package org.yggdrasil.planner.schema;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's type system widened to PostgreSQL's limits: numerics up to 1000 digits, timestamps
 * with microseconds, unbounded varchar.
 */
public final class PgTypeSystem extends RelDataTypeSystemImpl {
  public static final PgTypeSystem INSTANCE = new PgTypeSystem();

  /**
   * Precision and scale given to an unconstrained {@code numeric}. Its values keep their own
   * scale at run time (Calcite only rescales in casts, and casts into this type are rewritten
   * to keep the value's scale), so the static scale 0 says nothing about the digits.
   */
  public static final int UNCONSTRAINED_NUMERIC_PRECISION = 1000;
  public static final int UNCONSTRAINED_NUMERIC_SCALE = 0;

  private PgTypeSystem() {}

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    return switch (typeName) {
      case DECIMAL -> 1000;
      case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIME -> 6;
      default -> super.getMaxPrecision(typeName);
    };
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? 1000 : super.getMaxScale(typeName);
  }

  @Override
  public int getDefaultPrecision(SqlTypeName typeName) {
    return switch (typeName) {
      case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> 6;
      default -> super.getDefaultPrecision(typeName);
    };
  }

  /** PostgreSQL widens sums: int2/int4 to int8, numeric to unconstrained numeric. */
  @Override
  public RelDataType deriveSumType(RelDataTypeFactory f, RelDataType argumentType) {
    RelDataType t = switch (argumentType.getSqlTypeName()) {
      // PostgreSQL sums int8 into numeric; Calcite's accumulators cannot change type there, so
      // int8 sums stay int8 (and overflow raises 22003 instead of widening).
      case TINYINT, SMALLINT, INTEGER, BIGINT -> f.createSqlType(SqlTypeName.BIGINT);
      case DECIMAL -> f.createSqlType(SqlTypeName.DECIMAL, UNCONSTRAINED_NUMERIC_PRECISION,
          UNCONSTRAINED_NUMERIC_SCALE);
      default -> argumentType;
    };
    return f.createTypeWithNullability(t, argumentType.isNullable());
  }

  /** PostgreSQL averages exact numbers as numeric (16 fractional digits for integers). */
  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory f, RelDataType argumentType) {
    RelDataType t = switch (argumentType.getSqlTypeName()) {
      case TINYINT, SMALLINT, INTEGER, BIGINT -> f.createSqlType(SqlTypeName.DECIMAL,
          UNCONSTRAINED_NUMERIC_PRECISION, 16);
      case DECIMAL -> f.createSqlType(SqlTypeName.DECIMAL, UNCONSTRAINED_NUMERIC_PRECISION,
          Math.max(16, argumentType.getScale()));
      case REAL, FLOAT, DOUBLE -> f.createSqlType(SqlTypeName.DOUBLE);
      default -> argumentType;
    };
    return f.createTypeWithNullability(t, argumentType.isNullable());
  }

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }
}
