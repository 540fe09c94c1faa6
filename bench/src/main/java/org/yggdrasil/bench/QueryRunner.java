package org.yggdrasil.bench;

/** Runs SQL on one engine through one path (a JDBC connection, an in-process session). */
public interface QueryRunner extends AutoCloseable {

  /** Limits the threads its queries may use. */
  void threads(int threads) throws Exception;

  /**
   * Runs {@code sql} and fetches every row, handing each to {@code into} when it is not null.
   *
   * @param materialize store the result inside the engine instead of fetching it, where the
   *     runner can (DuckDB's {@code CREATE TEMP TABLE … AS}); {@code into} still gets every row
   * @return the number of rows
   */
  long run(String sql, boolean materialize, ResultRows into) throws Exception;

  /** Asks the running query to stop (a timeout); safe from another thread. */
  void cancel();

  @Override
  void close() throws Exception;
}
