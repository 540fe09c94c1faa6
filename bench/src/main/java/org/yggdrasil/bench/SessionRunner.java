package org.yggdrasil.bench;

import java.util.Map;
import org.yggdrasil.planner.session.Portal;
import org.yggdrasil.planner.session.PreparedStatement;
import org.yggdrasil.planner.session.Session;
import org.yggdrasil.planner.session.SqlEngine;
import org.yggdrasil.planner.session.StartupParameters;

/**
 * Our engine in-process, through the same session API the wire protocol drives (prepare, bind,
 * execute, sync): what a query costs without sockets or text encoding.
 */
public final class SessionRunner implements QueryRunner {
  private static final int[] NO_TYPES = new int[0];
  private static final Object[] NO_PARAMETERS = new Object[0];

  private final Session session;

  public SessionRunner(SqlEngine engine, String database, String user) {
    this.session = engine.open(new StartupParameters(Map.of("user", user, "database", database)));
  }

  @Override
  public void threads(int threads) {
    run("SET ygg.threads = " + threads, false, null);
  }

  /** Never materializes: the executor produces every row, for a sink that only counts them. */
  @Override
  public long run(String sql, boolean materialize, ResultRows into) {
    long[] rows = {0};
    try (PreparedStatement statement = session.prepare(sql, NO_TYPES);
        Portal portal = statement.bind(NO_PARAMETERS)) {
      portal.execute(0, values -> {
        if (into != null) {
          into.add(values);
        }
        rows[0]++;
      });
    } catch (RuntimeException e) {
      session.statementFailed(e);
      throw e;
    } finally {
      session.sync();
    }
    return rows[0];
  }

  @Override
  public void cancel() {
    session.cancel();
  }

  @Override
  public void close() {
    session.close();
  }
}
