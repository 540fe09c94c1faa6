package org.yggdrasil.bench;

/**
 * One query of the set, spelled for each engine: DuckDB's exactly as perf-anchors §3 ran it,
 * ours in PostgreSQL's spelling where the two differ (median and quantile_cont become
 * {@code percentile_cont(…) WITHIN GROUP (ORDER BY …)}).
 *
 * @param ordered the result's row order is specified (ORDER BY), so the check compares it
 * @param extra not in perf-anchors' list (it has no DuckDB anchor figure there)
 * @param materialized perf-anchors timed DuckDB on it as {@code CREATE OR REPLACE TEMP TABLE ans
 *     AS …} (the H2O groupby queries and ROW_NUMBER, as db-benchmark does), not by fetching
 */
public record BenchQuery(String name, String duckSql, String yggSql, boolean ordered,
    boolean extra, boolean materialized) {

  static BenchQuery same(String name, String sql) {
    return new BenchQuery(name, sql, sql, false, false, false);
  }

  /** Timed on DuckDB as perf-anchors did, into a temporary table. */
  static BenchQuery materialized(String name, String sql) {
    return new BenchQuery(name, sql, sql, false, false, true);
  }
}
