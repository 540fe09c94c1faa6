package org.yggdrasil.planner.schema;

import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's type system widened to PostgreSQL's limits: numerics up to 1000 digits, timestamps
 * with microseconds, unbounded varchar.
 */
public final class PgTypeSystem extends RelDataTypeSystemImpl {
  public static final PgTypeSystem INSTANCE = new PgTypeSystem();

  /** Precision and scale given to an unconstrained {@code numeric}. */
  public static final int UNCONSTRAINED_NUMERIC_PRECISION = 1000;
  public static final int UNCONSTRAINED_NUMERIC_SCALE = 32;

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

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }
}
