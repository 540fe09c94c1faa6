package org.yggdrasil.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A {@link QueryRunner} over a JDBC connection (DuckDB in-process, or pgjdbc to our server).
 * Every column of every row is read with getObject, so both drivers decode the whole result.
 */
public final class JdbcRunner implements QueryRunner {
  private final Connection connection;
  private final String threadsSql;
  private final int fetchSize;
  private final boolean canMaterialize;
  private volatile Statement running;

  /**
   * @param threadsSql the SET statement with {@code %d} for the thread count
   * @param fetchSize rows per fetch; with a non-zero size autocommit is off so pgjdbc streams
   *     with a cursor instead of holding a 10M-row result in memory
   * @param canMaterialize the engine takes {@code CREATE OR REPLACE TEMP TABLE ans AS …}
   */
  public JdbcRunner(Connection connection, String threadsSql, int fetchSize,
      boolean canMaterialize) throws SQLException {
    this.connection = connection;
    this.threadsSql = threadsSql;
    this.fetchSize = fetchSize;
    this.canMaterialize = canMaterialize;
    connection.setAutoCommit(fetchSize == 0);
  }

  public Connection connection() {
    return connection;
  }

  @Override
  public void threads(int threads) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(threadsSql.formatted(threads));
    }
    endTransaction();
  }

  @Override
  public long run(String sql, boolean materialize, ResultRows into) throws SQLException {
    if (materialize && canMaterialize) {
      try (Statement s = connection.createStatement()) {
        running = s;
        s.execute("CREATE OR REPLACE TEMP TABLE ans AS " + sql);
      } finally {
        running = null;
      }
      // The rows for the check: fetched after the statement, as perf-anchors' timing excludes.
      return into == null ? 0 : run("SELECT * FROM ans", false, into);
    }
    long rows = 0;
    try (Statement s = connection.createStatement()) {
      s.setFetchSize(fetchSize);
      running = s;
      try (ResultSet rs = s.executeQuery(sql)) {
        int width = rs.getMetaData().getColumnCount();
        Object[] row = new Object[width];
        while (rs.next()) {
          for (int i = 0; i < width; i++) {
            row[i] = rs.getObject(i + 1);
          }
          if (into != null) {
            into.add(row);
          }
          rows++;
        }
      }
    } catch (SQLException e) {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
      throw e;
    } finally {
      running = null;
    }
    endTransaction();
    return rows;
  }

  private void endTransaction() throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.commit();
    }
  }

  @Override
  public void cancel() {
    Statement s = running;
    if (s != null) {
      try {
        s.cancel();
      } catch (SQLException ignored) {
        // The statement ended meanwhile.
      }
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
