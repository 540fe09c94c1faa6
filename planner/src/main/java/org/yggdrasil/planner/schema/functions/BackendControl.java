package org.yggdrasil.planner.schema.functions;

import java.util.List;

/** The server's sessions as pg_stat_activity shows them, and the means to stop one. */
public interface BackendControl {
  /**
   * One row per session: datname, pid, usename, application_name, backend_start, xact_start,
   * query_start, state, query (timestamps as Instants, or null).
   */
  List<Object[]> activity();

  /** Cancels the running statement of session {@code pid}; false if there is no such session. */
  boolean cancel(int pid);

  /** Ends session {@code pid} (FATAL 57P01 to its client); false if there is none. */
  boolean terminate(int pid);
}
