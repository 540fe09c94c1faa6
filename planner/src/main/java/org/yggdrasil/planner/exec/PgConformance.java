package org.yggdrasil.planner.exec;

import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/**
 * Calcite's Babel conformance, made to validate as PostgreSQL does where Babel follows MySQL:
 * GROUP BY is strict (a non-aggregated select item must be grouped; Babel's lenient mode turned
 * constants beside aggregates into ANY_VALUE, NULL over zero rows, and broke NULLIF/COALESCE
 * over grouped columns).
 */
final class PgConformance extends SqlDelegatingConformance {
  static final PgConformance INSTANCE = new PgConformance();

  private PgConformance() {
    super(SqlConformanceEnum.BABEL);
  }

  @Override
  public boolean isNonStrictGroupBy() {
    return false;
  }
}
